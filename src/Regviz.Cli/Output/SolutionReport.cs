using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Sidecars;
using Regviz.Core.Solvers;

namespace Regviz.Cli.Output;

/// <summary>The two faces of a solution: the JSON object of docs/conventions.md, and a table for people.</summary>
internal static class SolutionReport
{
    public static SolveSidecar Sidecar(ProblemSpec spec, Solution s)
    {
        var p = PenaltyMembers.Of(spec.Penalty);
        return CertifiedAnswer.With(new SolveSidecar
        {
            Norm = spec.Penalty.Name,
            Lambda = s.Lambda,
            Radius = s.Radius,
            Features = spec.FeatureNames,
            Weights = s.Weights,
            Intercept = s.Intercept,
            Objective = s.Objective,
            DataTerm = s.DataTerm,
            Penalty = s.PenaltyValue,
            Loss = spec.LossKind.Name(),
            Alpha = p.Alpha,
            P = p.P,
            Gamma = p.Gamma,
            OtherParameters = p.Others,
            Rows = spec.Data.Rows,
            Method = s.MethodDescription,
        }, s.Certificate);
    }

    public static void WriteTable(TextWriter o, ProblemSpec spec, Solution s)
    {
        string form = s.Radius is { } r
            ? $"constrained, radius {Text.Readable(r)} (equivalent λ = {Text.Readable(s.Lambda)})"
            : $"λ = {Text.Readable(s.Lambda)}";
        o.WriteLine($"{Text.Describe(spec.Penalty)}, {form}, loss {spec.LossKind.Name()}, {Text.Count(spec.Data.Rows, "row")}");
        int width = Math.Max(9, spec.FeatureNames.Max(n => n.Length));
        o.WriteLine($"  {"feature".PadRight(width)}  weight");
        for (int j = 0; j < s.Weights.Length; j++)
            o.WriteLine($"  {spec.FeatureNames[j].PadRight(width)}  {Text.Readable(s.Weights[j])}");
        if (spec.Intercept) o.WriteLine($"  {"intercept".PadRight(width)}  {Text.Readable(s.Intercept)}");
        int zeros = s.Weights.Count(x => x == 0);
        o.WriteLine($"non-zero: {s.Weights.Length - zeros} of {s.Weights.Length}");
        string objective = s.Radius is null ? "J = D + λP" : "D";
        o.WriteLine($"objective {objective} = {Text.Readable(s.Objective)} (D = {Text.Readable(s.DataTerm)}, P = {Text.Readable(s.PenaltyValue)})");
        o.WriteLine($"method: {s.MethodDescription}");
        o.WriteLine(CertificateOut.Line(s.Certificate));
    }
}
