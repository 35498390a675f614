using System.Text.Json;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Cli.Output;

/// <summary>The two faces of a solution: the JSON object of docs/conventions.md, and a table for people.</summary>
internal static class SolutionReport
{
    public static void WriteJson(Utf8JsonWriter w, ProblemSpec spec, Solution s)
    {
        w.WriteStartObject();
        w.WriteString("norm", spec.Penalty.Name);
        w.WriteNumber("lambda", s.Lambda);
        if (s.Radius is { } r) w.WriteNumber("radius", r);
        w.WriteStrings("features", spec.FeatureNames);
        w.WriteNumbers("weights", s.Weights);
        w.WriteNumber("intercept", s.Intercept);
        w.WriteNumber("objective", s.Objective);
        w.WriteNumber("data_term", s.DataTerm);
        w.WriteNumber("penalty", s.PenaltyValue);
        w.WriteString("loss", spec.LossKind.Name());
        foreach (var a in spec.Penalty.Parameters) w.WriteNumber(a.Name, a.Value);
        w.WriteNumber("rows", spec.Data.Rows);
        w.WriteString("method", s.MethodDescription);
        CertificateOut.WriteFields(w, s.Certificate);
        w.WriteEndObject();
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
