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
    public static Certificate Penalised(ISmoothLoss loss, Penalty penalty, ReadOnlySpan<double> w, double lambda)
    {
        Span<double> g = loss.Dimension <= 64 ? stackalloc double[loss.Dimension] : new double[loss.Dimension];
        loss.Gradient(w, g);
        return FromGradient(loss, Reference(loss), g, penalty, w, lambda);
    }

    /// <summary>
    /// The same, given ∇D(w) and ‖∇D(0)‖∞: for points of a path where w, and so ∇D of a quadratic D, is affine
    /// between knots whose gradients were computed from the data.
    /// </summary>
    public static Certificate FromGradient(ISmoothLoss loss, double reference, ReadOnlySpan<double> g, Penalty penalty, ReadOnlySpan<double> w, double lambda)
    {
        double violation = Violation(g, penalty, w, lambda);
        double kkt = reference > 0 ? violation / reference : violation;
        return new Certificate(kkt, kkt <= Certificate.Tolerance) { StationaryOnly = !(loss.IsConvex && penalty.IsConvex) };
    }

    /// <summary>
    /// minimise D subject to N(w) ≤ t, with multiplier λ: the penalised conditions at λ, plus λ ≥ 0, N(w) ≤ t,
    /// and N(w) = t wherever λ &gt; 0 (complementary slackness).
    /// </summary>
    public static Certificate Constrained(ISmoothLoss loss, Penalty penalty, ReadOnlySpan<double> w, double lambda, double radius)
    {
        var penalised = Penalised(loss, penalty, w, lambda);
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

    /// <summary>‖∇D(0)‖∞: the scale of the data's pull on w, λ_max for l1.</summary>
    public static double Reference(ISmoothLoss loss)
    {
        Span<double> g = loss.Dimension <= 64 ? stackalloc double[loss.Dimension] : new double[loss.Dimension];
        loss.Gradient(new double[loss.Dimension], g);
        double m = 0;
        foreach (double v in g) m = Math.Max(m, Math.Abs(v));
        return m;
    }

    /// <summary>The largest violation of 0 ∈ g + λ∂P(w), in the units of the gradient g = ∇D(w).</summary>
    public static double Violation(ReadOnlySpan<double> g, Penalty penalty, ReadOnlySpan<double> w, double lambda)
    {
        if (penalty is LInfPenalty) return LInfViolation(g, w, lambda);
        double worst = 0;
        for (int j = 0; j < w.Length; j++)
            worst = Math.Max(worst, CoordinateViolation(g[j], penalty, w[j], lambda));
        return double.IsNaN(worst) ? double.PositiveInfinity : worst;
    }

    /// <summary>Separable penalties: the distance from −g_j to λ∂p(w_j) on one coordinate.</summary>
    private static double CoordinateViolation(double g, Penalty penalty, double w, double lambda)
    {
        if (penalty.ElasticNetAlpha is { } alpha)
        {
            // p(w) = α|w| + (1−α)w²: the smooth part joins g, the kink gives the interval [−λα, λα] at 0
            double h = g + lambda * 2 * (1 - alpha) * w;
            return w != 0 ? Math.Abs(h + lambda * alpha * Math.Sign(w)) : Math.Max(0, Math.Abs(h) - lambda * alpha);
        }
        var lp = (LpPenalty)penalty;
        if (w == 0)
            // p > 1: p'(0) = 0; p < 1: the subdifferential at the cusp is the whole line
            return lp.P > 1 ? Math.Abs(g) : 0;
        return Math.Abs(g + lambda * lp.P * Math.Pow(Math.Abs(w), lp.P - 1) * Math.Sign(w));
    }

    /// <summary>
    /// ∂max|w_j| at w ≠ 0 is {Σ θ_j s_j e_j : θ ≥ 0, Σθ = 1} over the coordinates M at the maximum; at 0 it is the
    /// unit l1 ball. So: g_j = 0 off M, −s_j g_j ≥ 0 on M, and Σ_M −s_j g_j = λ.
    /// </summary>
    private static double LInfViolation(ReadOnlySpan<double> g, ReadOnlySpan<double> w, double lambda)
    {
        double m = 0;
        foreach (double v in w) m = Math.Max(m, Math.Abs(v));
        if (m == 0)
        {
            double l1 = 0;
            foreach (double v in g) l1 += Math.Abs(v);
            return Math.Max(0, l1 - lambda);
        }
        double worst = 0, sum = 0;
        for (int j = 0; j < w.Length; j++)
        {
            // tied at the maximum to rounding: the solvers set them equal, other callers may not
            if (Math.Abs(w[j]) >= m * (1 - 1e-12))
            {
                double theta = -Math.Sign(w[j]) * g[j];
                worst = Math.Max(worst, -theta);
                sum += theta;
            }
            else worst = Math.Max(worst, Math.Abs(g[j]));
        }
        worst = Math.Max(worst, Math.Abs(sum - lambda));
        return double.IsNaN(worst) ? double.PositiveInfinity : worst;
    }
}
