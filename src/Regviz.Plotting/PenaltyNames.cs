using Regviz.Core.Penalties;

namespace Regviz.Plotting;

/// <summary>How figures name a penalty: the textbook name a reader knows.</summary>
public static class PenaltyNames
{
    public static string Display(Penalty p) => p switch
    {
        L1Penalty => "L1 (lasso)",
        L2Penalty => "L2 (ridge)",
        ElasticNetPenalty e => $"Elastic net (α = {Number(e.Alpha)})",
        LpPenalty lp => $"Lp (p = {Number(lp.P)})",
        LInfPenalty => "L∞",
        _ => p.Kind.Name(),
    };

    /// <summary>Numbers in figures: four significant digits, exact zeros as "0" (the point of the picture).</summary>
    public static string Number(double v) =>
        v == 0 ? "0" : v.ToString(Math.Abs(v) >= 1e4 || Math.Abs(v) < 1e-3 ? "0.###e0" : "G4", System.Globalization.CultureInfo.InvariantCulture);
}
