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
    }

    public static string Line(Certificate c)
    {
        string verdict = c.Certified ? (c.StationaryOnly ? "certified stationary" : "certified optimal") : "NOT certified";
        string gap = c.NormGap is { } g ? $", N(w) − t = {Text.Readable(g)}" : "";
        return $"optimality: KKT residual {Text.Readable(c.Kkt)} (relative to ‖∇D(0)‖∞), {verdict}{gap}";
    }

    /// <summary>One stderr line when an answer falls short of the 1e-9 promise; nothing otherwise.</summary>
    public static void Warn(TextWriter stderr, Certificate c, string what)
    {
        if (c.Certified) return;
        string kkt = c.Kkt <= Certificate.Tolerance
            ? $"KKT residual {Text.Readable(c.Kkt)}"
            : $"KKT residual {Text.Readable(c.Kkt)} > {Text.Readable(Certificate.Tolerance)}";
        string gap = c.NormGap is { } g ? $", N(w) − t = {Text.Readable(g)} with multiplier {Text.Readable(c.Multiplier ?? 0)}" : "";
        stderr.WriteLine($"warning: {what} is not certified: {kkt}{gap}");
    }

    /// <summary>JSON has no infinity: an unbounded violation is written as the largest double.</summary>
    private static double JsonSafe(double v) => double.IsFinite(v) ? v : double.MaxValue;
}
