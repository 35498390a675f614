using System.Globalization;

namespace Regviz.Cli;

/// <summary>Number formatting for people: tables and summaries (round-trip form is RegularisationForm.RoundTrip).</summary>
internal static class Text
{
    /// <summary>Ten significant digits, exact zeros as "0": the table a reader scans.</summary>
    public static string Readable(double v) => v == 0 ? "0" : v.ToString("G10", CultureInfo.InvariantCulture);

    /// <summary>"1 row", "442 rows".</summary>
    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
