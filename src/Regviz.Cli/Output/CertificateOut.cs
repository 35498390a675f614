using System.Text.Json;
using Regviz.Core.Certificates;

namespace Regviz.Cli.Output;

/// <summary>A certificate in the words of docs/conventions.md: JSON fields, a table line, and the warning an uncertified answer owes.</summary>
internal static class CertificateOut
{
    public static void WriteFields(Utf8JsonWriter w, Certificate c)
    {
        w.WriteNumber("kkt", JsonSafe(c.Kkt));
        w.WriteBoolean("certified", c.Certified);
        if (c.NormGap is { } gap) w.WriteNumber("norm_gap", gap);
        Nullable(w, "duality_gap", c.DualityGap);
        Nullable(w, "duality_gap_relative", c.RelativeGap);
        Nullable(w, "objective_bound", c.ObjectiveBound);
        Nullable(w, "strong_convexity", c.Modulus);
        Nullable(w, "weight_bound", c.WeightBound);
        w.WriteBoolean("weights_certified", c.Certified && c.WeightBound is not null);
    }

    private static void Nullable(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, JsonSafe(v));
        else w.WriteNull(name);
    }

    public static string Line(Certificate c)
    {
        string verdict = c.Certified ? (c.StationaryOnly ? "certified stationary" : "certified optimal") : "NOT certified";
        string gap = c.NormGap is { } g ? $", N(w) − t = {Text.Readable(g)}" : "";
        string dual = c.DualityGap is { } d ? $", duality gap {Text.Readable(d)} ({Text.Readable(c.RelativeGap ?? 0)} of J)" : "";
        // a certified objective says nothing of the weights where J is flat in some direction: say which it is
        string weights = c.StationaryOnly ? ""
            : c.WeightBound is { } b ? $"; ‖w − w*‖ ≤ {Text.Readable(b)}"
            : "; the weights are not bounded (J is not strongly convex here: only the objective is certified)";
        return $"optimality: KKT residual {Text.Readable(c.Kkt)} (relative to ‖∇D(0)‖∞){dual}, {verdict}{gap}{weights}";
    }

    /// <summary>One warning when an answer falls short of the 1e-9 promise; nothing otherwise.</summary>
    public static void Warn(IWarnings warnings, Certificate c, string what)
    {
        if (c.Certified) return;
        string kkt = c.Kkt <= Certificate.Tolerance
            ? $"KKT residual {Text.Readable(c.Kkt)}"
            : $"KKT residual {Text.Readable(c.Kkt)} > {Text.Readable(Certificate.Tolerance)}";
        string gap = c.NormGap is { } g ? $", N(w) − t = {Text.Readable(g)} with multiplier {Text.Readable(c.Multiplier ?? 0)}" : "";
        string bounds = (c.ObjectiveBound is { } o && o > Certificate.ObjectiveTolerance * Math.Abs(c.Objective)
                ? $", J(w) − J* ≤ {Text.Readable(o)} > {Text.Readable(Certificate.ObjectiveTolerance)}·|J|" : "")
            + (c.WeightBound is { } b ? $", ‖w − w*‖ ≤ {Text.Readable(b)}" : "");
        warnings.Warn($"{what} is not certified: {kkt}{gap}{bounds}");
    }

    /// <summary>JSON has no infinity: an unbounded violation is written as the largest double.</summary>
    private static double JsonSafe(double v) => double.IsFinite(v) ? v : double.MaxValue;
}
