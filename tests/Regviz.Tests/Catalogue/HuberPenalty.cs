using Regviz.Core.Penalties;

namespace Regviz.Tests.Catalogue;

/// <summary>
/// A toy penalty with one parameter, written by docs/library.md's recipe as the next engineer would: one file, and one
/// registration line (<see cref="TestPenalties"/>). The Huber function, p(w) = w²/(2δ) for |w| ≤ δ and |w| − δ/2
/// beyond: quadratic near 0 (so no exact zeros), the lasso's slope far out. Convex and separable, so the base class's
/// defaults (proximal gradient with Newton polishing, the separable certificate) do the solving.
/// </summary>
public sealed class HuberPenalty : Penalty
{
    /// <summary>δ, declared: where the quadratic part meets the linear one.</summary>
    public static PenaltyParameterSpec DeltaParameter { get; } = new("delta", "δ", ParameterRange.Above(0), 1,
        _ => "Huber's δ > 0 (default 1): the penalty is w²/(2δ) up to |w| = δ, |w| − δ/2 beyond", "threshold");

    /// <summary>Its catalogue entry.</summary>
    public static PenaltyKind Kind { get; } = new("huber", "Σ h(w_j), h = w²/(2δ) up to |w| = δ, then |w| − δ/2", [DeltaParameter],
        a => new HuberPenalty(a.Value(DeltaParameter)));

    /// <summary>Unchecked on purpose: the catalogue enforces the declared range, which is what the toy shows.</summary>
    public HuberPenalty(double delta) => Delta = delta;

    /// <summary>δ.</summary>
    public double Delta { get; }

    /// <inheritdoc/>
    public override string Name => "huber";
    /// <inheritdoc/>
    public override string Title => "Huber";
    /// <inheritdoc/>
    public override IReadOnlyList<PenaltyParameter> Parameters => [DeltaParameter.With(Delta)];

    private double H(double x)
    {
        double a = Math.Abs(x);
        return a <= Delta ? 0.5 * a * (a / Delta) : a - 0.5 * Delta;
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

    /// <summary>argmin ½(x − v)² + t·h(x): v/(1 + t/δ) while that stays within δ (|v| ≤ δ + t), else v − t·sign(v).</summary>
    public override double ScalarProx(double v, double t) =>
        Math.Abs(v) <= Delta + t ? v / (1 + t / Delta) : v - Math.CopySign(t, v);

    /// <inheritdoc/>
    public override (double First, double Second) Derivatives(double w) =>
        Math.Abs(w) <= Delta ? (w / Delta, 1 / Delta) : (Math.Sign(w), 0);

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
    public override string PlaneFormula(Func<double, string> number) => $"h(w₁) + h(w₂), h quadratic to |w| = {number(Delta)}";
}
