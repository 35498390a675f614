using Regviz.Core.Certificates;

namespace Regviz.Cli.Output;

/// <summary>A certificate in the words of docs/conventions.md: a table line, and the warning an uncertified answer owes.</summary>
internal static class CertificateOut
{
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
}
