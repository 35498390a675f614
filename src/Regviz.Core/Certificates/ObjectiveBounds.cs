using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Certificates;

/// <summary>
/// What a small KKT residual does not say by itself: how far J(w) is from J* (the duality gap, and ‖ξ‖²/(2m) where J
/// is m-strongly convex) and how far w is from w* (√(2·gap/m) and ‖ξ‖/m). ξ is the least subgradient of J at w in the
/// Euclidean norm. Where identical columns make J flat but a ridge term makes it strictly convex, the one optimum
/// gives them equal weights, so a w with equal weights is measured on that subspace, where the curvature is the data's.
/// </summary>
internal static class ObjectiveBounds
{
    /// <summary>The bounds of w as the optimum of J = D + λP (penalty already taken at λ), given g = ∇D(w).</summary>
    public static Certificate Penalised(Certificate kkt, ISmoothLoss loss, Penalty penalty, ReadOnlySpan<double> g, ReadOnlySpan<double> w, double lambda)
    {
        if (kkt.StationaryOnly) return kkt;
        double data = loss.Value(w), objective = data + (lambda > 0 ? lambda * penalty.Value(w) : 0);
        double? gap = penalty.FenchelGap(g, w, lambda, Budget(loss, objective, lambda));
        double ridge = penalty.ElasticNetAlpha is { } a ? lambda * 2 * (1 - a) : 0;
        var moduli = Curvature.Of(loss);
        // the subspace argument needs the optimum to be unique, which the ridge term guarantees
        bool onGroups = ridge > 0 && penalty.IsSeparable && moduli.Groups.Length > 0 && EqualWithinGroups(w, moduli.Groups);
        double m = (onGroups ? moduli.OnGroups : moduli.Whole) + ridge;
        double? xi = Rounded(penalty.LeastSubgradient(g, w, lambda, onGroups ? moduli.Groups : []), loss, w);
        // nearly identical columns: the step on G carries rounding over a curvature of 1e-14; their own system does not
        // (a zero on a tie within the gradient's rounding, as at λ_max, may be a tiny weight at the optimum: no step)
        var newton = loss is QuadraticLoss { Near: not null } q && ridge > 0 && penalty.ElasticNetAlpha is { } alpha
            ? (GradientRounding.PerColumn(loss, w) is { } rounding && !NewtonDistance.ZerosHeld(penalty, g, rounding, w, null, 0, lambda) ? null : NearColumnsFinish.Distance(q, w, q.Mu(lambda), alpha))
            : NewtonDistance.Of(loss, penalty, g, w, lambda, onGroups ? moduli.Groups : [], OptimalityCheck.Reference(loss));
        return Finish(kkt, loss.Value(new double[w.Length]), Unit(loss), objective, gap, m, xi, w, newton);
    }

    /// <summary>
    /// minimise D subject to N(w) ≤ t with multiplier λ: the penalised gap at λ less λ(P(w) − P at t), since
    /// D* ≥ min_v D(v) + λ(P(v) − P_t) for every λ ≥ 0. The curvature is D's alone.
    /// </summary>
    public static Certificate Constrained(Certificate kkt, ISmoothLoss loss, Penalty penalty, ReadOnlySpan<double> g, ReadOnlySpan<double> w, double lambda, double radius)
    {
        if (kkt.StationaryOnly) return kkt;
        double data = loss.Value(w), value = penalty.Value(w);
        // λ(P at t − P(w)) cancels when N(w) = t: its rounding (a few ε of λP(w)) is added, or a gap clamped to 0 bounds
        // the weights by 0 (a ball's weights 1.6e-13 off were)
        double? gap = penalty.FenchelGap(g, w, lambda, Budget(loss, data + lambda * value, lambda)) is { } pen
            ? Math.Max(0, pen + lambda * (penalty.ValueAtNorm(radius) - value)) + 4 * Math.Pow(2, -52) * lambda * Math.Abs(value)
            : null;
        // D* ≥ min D too, which is what bounds an inactive ball (λ ≈ 0, where the penalised gap's budget is huge)
        if (loss is QuadraticLoss q) gap = Min(gap, Math.Max(0, data - q.Scale * (q.Root.Rest + (Curvature.Of(q).Floor ?? 0))));
        // the weights are bounded against the penalised optimum at λ, which is the ball's for the radius it reaches;
        // the norm check ties that radius to t
        var newton = NewtonDistance.Of(loss, penalty, g, w, lambda, [], OptimalityCheck.Reference(loss));
        return Finish(kkt, loss.Value(new double[w.Length]), Unit(loss), data, gap, Curvature.Of(loss).Whole, Rounded(penalty.LeastSubgradient(g, w, lambda, []), loss, w), w, newton);
    }

    /// <summary>
    /// ‖ξ‖ plus what rounding in ∇D(w) could hide (<see cref="GradientRounding"/>). Without it ξ computed as 0 on a
    /// curvature of 1e-11 (a valley of nearly identical columns) bounds the weights by 0 however far along the valley w is.
    /// </summary>
    private static double? Rounded(double? xi, ISmoothLoss loss, ReadOnlySpan<double> w)
    {
        if (xi is not { } x || GradientRounding.PerColumn(loss, w) is not { } bound) return xi;
        double total = 0;
        foreach (double b in bound) total += b * b;
        return x + Math.Sqrt(total);
    }

    private static Certificate Finish(Certificate kkt, double atZero, double unit, double objective, double? gap, double m, double? xi, ReadOnlySpan<double> w, (double Distance, double Drop)? newton = null)
    {
        double? bound = Min(Min(gap, m > 0 && xi is { } x ? x * x / (2 * m) : null), newton?.Drop);
        double? weights = Min(newton?.Distance, m > 0 ? Min(gap is { } gg ? Math.Sqrt(2 * gg / m) : null, xi is { } x2 ? x2 / m : null) : null);
        // weights near λ_max are tiny; their bound is held to 1e-9 of the weights' natural size ‖∇D(0)‖∞/‖∇²D‖
        // there, not of themselves, whose rounding alone can exceed it
        double largest = unit;
        foreach (double v in w) largest = Math.Max(largest, Math.Abs(v));
        // relative to J, but not below the rounding of D(0): an exact fit's J of 1e-26 is zero to the data's digits
        bool objectiveHolds = bound is not { } b || b <= Certificate.ObjectiveTolerance * Math.Max(Math.Abs(objective), Math.Pow(2, -52) * atZero);
        bool weightsHold = weights is not { } d || d <= Certificate.Tolerance * largest;
        return kkt with
        {
            Certified = kkt.Certified && objectiveHolds && weightsHold,
            Objective = objective,
            DualityGap = gap,
            ObjectiveBound = bound,
            Modulus = m > 0 ? m : null,
            WeightBound = weights,
        };
    }

    /// <summary>‖∇D(0)‖∞ / ‖∇²D‖: the size of weight the data can call for (0 where D's curvature is not known).</summary>
    private static double Unit(ISmoothLoss loss) =>
        Curvature.Of(loss).Top is var top && top > 0 ? OptimalityCheck.Reference(loss) / top : 0;

    /// <summary>A bound on P(w*): λP(w*) ≤ J(w) − min D, with min D from the square root for least squares (D ≥ 0 for every loss here).</summary>
    private static double Budget(ISmoothLoss loss, double objective, double lambda)
    {
        double floor = loss is QuadraticLoss q ? q.Scale * (q.Root.Rest + (Curvature.Of(q).Floor ?? 0)) : 0;
        return lambda > 0 ? Math.Max(0, objective - floor) / lambda : double.PositiveInfinity;
    }

    private static bool EqualWithinGroups(ReadOnlySpan<double> w, int[][] groups)
    {
        foreach (var group in groups)
            foreach (int j in group)
                if (w[j] != w[group[0]]) return false;
        return true;
    }

    private static double? Min(double? a, double? b) =>
        a is { } x ? (b is { } y ? Math.Min(x, y) : x) : b;
}
