using Regviz.Core.Penalties;

namespace Regviz.Plotting;

/// <summary>How figures name a penalty: the textbook name a reader knows, with its parameters.</summary>
public static class PenaltyNames
{
    /// <summary>The penalty's textbook name with its parameters: "Elastic net (α = 0.5)".</summary>
    public static string Display(Penalty p) =>
        p.Parameters.Count == 0 ? p.Title
            : $"{p.Title} ({string.Join(", ", p.Parameters.Select(a => $"{a.Symbol} = {Number(a.Value)}"))})";

    /// <summary>Numbers in figures: four significant digits, exact zeros as "0" (the point of the picture).</summary>
    public static string Number(double v) =>
        v == 0 ? "0" : v.ToString(Math.Abs(v) >= 1e4 || Math.Abs(v) < 1e-3 ? "0.###e0" : "G4", System.Globalization.CultureInfo.InvariantCulture);
}
