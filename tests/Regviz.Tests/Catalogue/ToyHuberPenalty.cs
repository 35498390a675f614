using Regviz.Core.Penalties;

namespace Regviz.Tests.Catalogue;

/// <summary>
/// A toy penalty with one parameter, written by docs/library.md's recipe as the next engineer would: one file, and one
/// registration line (<see cref="TestPenalties"/>). The Huber function, p(w) = w²/(2κ) for |w| ≤ κ and |w| − κ/2
/// beyond: quadratic near 0 (so no exact zeros), the lasso's slope far out. Convex and separable, so the base class's
/// defaults (proximal gradient with Newton polishing, the separable certificate) do the solving.
/// </summary>
public sealed class ToyHuberPenalty : Penalty
{
    /// <summary>κ, declared: where the quadratic part meets the linear one.</summary>
    public static PenaltyParameterSpec KneeParameter { get; } = new("knee", "κ", ParameterRange.Above(0), 1,
        _ => "Knee κ > 0 of the toy Huber penalty (default 1): w²/(2κ) up to |w| = κ, |w| − κ/2 beyond", "knee");

    /// <summary>Its catalogue entry.</summary>
    public static PenaltyKind Kind { get; } = new("toyhuber", "Σ h(w_j), h = w²/(2κ) up to |w| = κ, then |w| − κ/2", [KneeParameter],
        a => new ToyHuberPenalty(a.Value(KneeParameter)));

    /// <summary>Unchecked on purpose: the catalogue enforces the declared range, which is what the toy shows.</summary>
    public ToyHuberPenalty(double knee) => Knee = knee;

    /// <summary>κ.</summary>
    public double Knee { get; }

    /// <inheritdoc/>
    public override string Name => "toyhuber";
    /// <inheritdoc/>
    public override string Title => "Toy Huber";
    /// <inheritdoc/>
    public override IReadOnlyList<PenaltyParameter> Parameters => [KneeParameter.With(Knee)];

    private double H(double x)
    {
        double a = Math.Abs(x);
        return a <= Knee ? 0.5 * a * (a / Knee) : a - 0.5 * Knee;
    }

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> w)
    {
        double s = 0;
        foreach (double x in w) s += H(x);
        return s;
    }

    /// <summary>The constrained form bounds P itself, as elastic net's does.</summary>
    public override double Norm(ReadOnlySpan<double> w) => Value(w);
    /// <inheritdoc/>
    public override double ValueAtNorm(double radius) => radius;

    /// <summary>argmin ½(x − v)² + t·h(x): v/(1 + t/κ) while that stays within κ (|v| ≤ κ + t), else v − t·sign(v).</summary>
    public override double ScalarProx(double v, double t) =>
        Math.Abs(v) <= Knee + t ? v / (1 + t / Knee) : v - Math.CopySign(t, v);

    /// <inheritdoc/>
    public override (double First, double Second) Derivatives(double w) =>
        Math.Abs(w) <= Knee ? (w / Knee, 1 / Knee) : (Math.Sign(w), 0);

    /// <summary>P(r·u) rises strictly with r: bisection to the last bit.</summary>
    public override double RadiusAlong(double cos, double sin, double level)
    {
        if (level <= 0) return 0;
        double lo = 0, hi = 1;
        while (Value([hi * cos, hi * sin]) < level) hi *= 2;
        for (int i = 0; i < 2000 && BitConverter.DoubleToInt64Bits(hi) - BitConverter.DoubleToInt64Bits(lo) > 1; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Value([mid * cos, mid * sin]) < level) lo = mid; else hi = mid;
        }
        return hi;
    }

    /// <inheritdoc/>
    public override string PlaneFormula(Func<double, string> number) => $"h(w₁) + h(w₂), h quadratic to |w| = {number(Knee)}";

    /// <summary>A circle near 0 and the lasso's diamond far out, rounded where they meet; smooth at 0 (slope 0), so no corners.</summary>
    public override ShapeWords Shape { get; } = ShapeWords.Smooth("rounded diamond");
}
