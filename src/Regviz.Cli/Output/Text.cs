using System.Globalization;

namespace Regviz.Cli;

/// <summary>Number formatting for people: tables and summaries (round-trip form is RegularisationForm.RoundTrip).</summary>
internal static class Text
{
    /// <summary>Ten significant digits, exact zeros as "0": the table a reader scans.</summary>
    public static string Readable(double v) => v == 0 ? "0" : v.ToString("G10", CultureInfo.InvariantCulture);

    /// <summary>A penalty as a table names it: "l1", "elasticnet (α = 0.5)".</summary>
    public static string Describe(Core.Penalties.Penalty p) =>
        p.Parameters.Count == 0 ? p.Name
            : $"{p.Name} ({string.Join(", ", p.Parameters.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Symbol} = {a.Value:G6}")))})";

    /// <summary>"1 row", "442 rows", "10,000 trials": thousands grouped as the tables print them.</summary>
    public static string Count(long n, string noun, string? plural = null) =>
        n == 1 ? $"1 {noun}" : $"{n.ToString("N0", CultureInfo.InvariantCulture)} {plural ?? noun + "s"}";
}
