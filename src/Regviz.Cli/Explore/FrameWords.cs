using System.Globalization;
using Regviz.Core.Motion;
using Regviz.Core.Scenes;
using Regviz.Core.Solvers;
using Regviz.Plotting;

namespace Regviz.Cli.Explore;

/// <summary>
/// What the explore page says about one frame, in words a reader scans: the slider's value,
/// which coefficients are exactly zero, and the λ ↔ t equivalence. Zeros are exact zeros (w_j == 0), never rounded ones.
/// </summary>
internal static class FrameWords
{
    /// <summary>Six significant digits, written out where that is short and as 2.61316 × 10⁻⁵ beyond (never 2.61316E-05), as the live page writes them.</summary>
    public static string Number(double v)
    {
        if (v == 0) return "0";
        string plain = v.ToString("G6", CultureInfo.InvariantCulture);
        if (!plain.Contains('E') || !double.IsFinite(v)) return plain;
        var parts = v.ToString("E5", CultureInfo.InvariantCulture).Split('E');
        string mantissa = parts[0].Contains('.') ? parts[0].TrimEnd('0').TrimEnd('.') : parts[0];
        string exponent = int.Parse(parts[1], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        return $"{mantissa} × 10{string.Concat(exponent.Select(c => c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹"[c - '0']))}";
    }

    public static string Exact(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>"λ = 0.1234" or "t = 1.5", as the slider announces it.</summary>
    public static string Value(ContourSweep sweep, SweepFrame f) =>
        sweep.Parameter == SweepParameter.Radius ? $"t = {Number(f.Value)}" : $"λ = {Number(f.Optimum.Lambda)}";

    public static string Zeros(IReadOnlyList<string> names, Solution o)
    {
        var w = o.Weights;
        var zero = Enumerable.Range(0, w.Length).Where(j => w[j] == 0).Select(j => $"w{Sub(j + 1)} ({names[j]})").ToList();
        return zero.Count switch
        {
            0 => "No coefficient is exactly 0.",
            _ when zero.Count == w.Length => "Every coefficient is exactly 0: w* = 0.",
            1 => $"{zero[0]} is exactly 0.",
            _ => $"{string.Join(" and ", zero)} are exactly 0.",
        };
    }

    /// <summary>The penalised problem at λ and the constrained one at t = N(w*) share w* when the penalty is convex.</summary>
    public static string Equivalence(ContourScene scene, ContourSweep sweep, SweepFrame f)
    {
        var o = f.Optimum;
        double t = scene.Penalty.Norm(o.Weights);
        string both = sweep.Parameter == SweepParameter.Radius
            ? $"The ball N(w) ≤ t = {Number(f.Value)} gives the same w* as the penalty with λ = {Number(o.Lambda)} (its multiplier)."
            : $"λ = {Number(o.Lambda)} gives the same w* as the ball N(w) ≤ t = {Number(t)} (t = N(w*)).";
        if (t == 0 && sweep.Parameter == SweepParameter.Lambda)
            return $"At λ = {Number(o.Lambda)} the penalty wins outright: w* = 0, the ball has shrunk to a point (t = 0).";
        return scene.Penalty.IsConvex ? both
            : $"{both[..^1]} only where the ball's optimum is also the penalty's: {scene.Penalty.Title} is not convex.";
    }

    private static string Sub(int j) => string.Concat(j.ToString(CultureInfo.InvariantCulture).Select(c => (char)('₀' + (c - '0'))));
}
