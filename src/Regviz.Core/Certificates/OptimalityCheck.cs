using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Certificates;

/// <summary>
/// The optimality conditions of J = D + λP, checked at a given w: 0 ∈ ∇D(w) + λ∂P(w). Each penalty's
/// subdifferential is written out so that the violation is the distance of −∇D(w) from λ∂P(w) per coordinate
/// (for linf, per condition of its polyhedral subdifferential). A convex problem whose conditions hold is at
/// its global minimum; a non-convex one is only at a stationary point.
/// </summary>
public static class OptimalityCheck
{
    /// <summary>The certificate of w as the optimum of J = D + λP: its KKT violation relative to ‖∇D(0)‖∞.</summary>
    public static Certificate Penalised(ISmoothLoss loss, Penalty penalty, ReadOnlySpan<double> w, double lambda)
    {
        Span<double> g = loss.Dimension <= 64 ? stackalloc double[loss.Dimension] : new double[loss.Dimension];
        DataGradient(loss, w, g);
        return FromGradient(loss, Reference(loss), g, penalty, w, lambda);
    }

    /// <summary>
    /// The same, given ∇D(w) and ‖∇D(0)‖∞: for points of a path where w, and so ∇D of a quadratic D, is affine
    /// between knots whose gradients were computed from the data.
    /// </summary>
    public static Certificate FromGradient(ISmoothLoss loss, double reference, ReadOnlySpan<double> g, Penalty penalty, ReadOnlySpan<double> w, double lambda)
    {
        var certificate = KktOnly(loss, reference, g, penalty, w, lambda);
        return ObjectiveBounds.Penalised(certificate, loss, penalty, g, w, lambda);
    }

    private static Certificate KktOnly(ISmoothLoss loss, double reference, ReadOnlySpan<double> g, Penalty penalty, ReadOnlySpan<double> w, double lambda)
    {
        double violation = penalty.Violation(g, w, lambda);
        double kkt = reference > 0 ? violation / reference : violation;
        return new Certificate(kkt, kkt <= Certificate.Tolerance) { StationaryOnly = !(loss.IsConvex && penalty.IsConvex) };
    }

    /// <summary>
    /// minimise D subject to N(w) ≤ t, with multiplier λ: the penalised conditions at λ, plus λ ≥ 0, N(w) ≤ t,
    /// and N(w) = t wherever λ &gt; 0 (complementary slackness).
    /// </summary>
    public static Certificate Constrained(ISmoothLoss loss, Penalty penalty, ReadOnlySpan<double> w, double lambda, double radius)
    {
        Span<double> g = loss.Dimension <= 64 ? stackalloc double[loss.Dimension] : new double[loss.Dimension];
        DataGradient(loss, w, g);
        var penalised = ObjectiveBounds.Constrained(KktOnly(loss, Reference(loss), g, penalty, w, lambda), loss, penalty, g, w, lambda, radius);
        double gap = penalty.Norm(w) - radius;
        double allowed = Certificate.NormTolerance * radius;
        // an inactive constraint: a multiplier of 0 up to rounding (either sign, at most 1e-14 of ‖∇D(0)‖∞) at a w
        // that satisfies the conditions without the penalty too; then only N(w) ≤ t is asked. Larger multipliers,
        // however small against ‖∇D(0)‖∞ (columns scaled by 1e-6 need them), bind the ball exactly.
        bool inactive = lambda <= 0
            ? Penalised(loss, penalty, w, 0).Certified
            : lambda <= 1e-14 * Reference(loss) && Penalised(loss, penalty, w, 0).Certified;
        bool slack = inactive ? gap <= allowed : lambda > 0 && Math.Abs(gap) <= allowed;
        return penalised with { Certified = penalised.Certified && slack, NormGap = gap, Multiplier = lambda };
    }

    /// <summary>∇D(w) taken from the data where D came from data (<see cref="QuadraticLoss.DataGradient"/>).</summary>
    internal static void DataGradient(ISmoothLoss loss, ReadOnlySpan<double> w, Span<double> g)
    {
        if (loss is QuadraticLoss q) q.DataGradient(w, g);
        else loss.Gradient(w, g);
    }

    /// <summary>‖∇D(0)‖∞: the scale of the data's pull on w, λ_max for l1.</summary>
    public static double Reference(ISmoothLoss loss)
    {
        Span<double> g = loss.Dimension <= 64 ? stackalloc double[loss.Dimension] : new double[loss.Dimension];
        loss.Gradient(new double[loss.Dimension], g);
        double m = 0;
        foreach (double v in g) m = Math.Max(m, Math.Abs(v));
        return m;
    }
}
