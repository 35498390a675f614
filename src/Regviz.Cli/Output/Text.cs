using System.Globalization;

namespace Regviz.Cli;

/// <summary>Number formatting for people (tables, titles) and for machines (round-trip).</summary>
internal static class Text
{
    /// <summary>Round-trip form: what JSON and error messages use, so a value can be pasted back.</summary>
    public static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Ten significant digits, exact zeros as "0": the table a reader scans.</summary>
    public static string Readable(double v) => v == 0 ? "0" : v.ToString("G10", CultureInfo.InvariantCulture);
}
