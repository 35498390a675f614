using Regviz.Core.Contours;
using Regviz.Core.Penalties;

namespace Regviz.Core.Scenes;

/// <summary>
/// A one-dimensional estimator in the orthonormal case (ISL figure 6.10, ESL table 3.4): with orthonormal columns the
/// problem separates, and each coefficient is w*(z) = argmin_w (w − z)² + λ·P(w), z its least-squares value. For a
/// penalty that is its exact scalar proximal operator at λ/2 (soft threshold, proportional shrinkage, the exact lp
/// prox with its jump); best subset (l0) is the hard threshold.
/// </summary>
public abstract class ShrinkEstimator
{
    /// <summary>The name the command line and the sidecar use ("l1", "l0", …).</summary>
    public abstract string Name { get; }

    /// <summary>The estimator's textbook name ("L1 (lasso): soft threshold").</summary>
    public abstract string Title { get; }

    /// <summary>The penalty behind it, or null for best subset.</summary>
    public abstract Penalty? Penalty { get; }

    /// <summary>w*(z) = argmin_w (w − z)² + λ·P(w), exactly.</summary>
    public abstract double Estimate(double z, double lambda);

    /// <summary>The 1-D objective (w − z)² + λ·P(w).</summary>
    public abstract double Objective(double w, double z, double lambda);

    /// <summary>The estimator of a separable penalty, through its exact scalar proximal operator.</summary>
    public static ShrinkEstimator Of(Penalty penalty) =>
        penalty.IsSeparable ? new FromPenalty(penalty)
            : throw new ProblemArgumentException("norm", $"{penalty.Name} is not a sum over coordinates, so it has no one-dimensional estimator of its own");

    /// <summary>Best subset (l0, P(w) = [w ≠ 0]): keep z when z² &gt; λ, else 0, the hard threshold at √λ.</summary>
    public static ShrinkEstimator BestSubset { get; } = new HardThreshold();

    private sealed class FromPenalty(Penalty penalty) : ShrinkEstimator
    {
        public override string Name => penalty.Name;
        public override string Title => penalty.Title;
        public override Penalty? Penalty => penalty;

        // (w − z)² + λP(w) = 2·[½(w − z)² + (λ/2)·P(w)]: the same minimiser as the prox with t = λ/2
        public override double Estimate(double z, double lambda) => penalty.At(lambda).ScalarProx(z, lambda / 2);

        public override double Objective(double w, double z, double lambda) => (w - z) * (w - z) + lambda * penalty.At(lambda).Value([w]);
    }

    private sealed class HardThreshold : ShrinkEstimator
    {
        public override string Name => "l0";
        public override string Title => "L0 (best subset)";
        public override Penalty? Penalty => null;

        // 0 costs z², keeping z costs λ: keep it when that is cheaper (ties go to 0, the sparser choice)
        public override double Estimate(double z, double lambda) => z * z > lambda ? z : 0.0;

        public override double Objective(double w, double z, double lambda) => (w - z) * (w - z) + (w != 0 ? lambda : 0);
    }
}

/// <summary>
/// One estimator's curve: its pieces (split where it jumps, so a jump is drawn as one), the threshold below which it is
/// exactly 0 (null when it never is), and its jumps as (z, from, to) for z &gt; 0 (the curve is odd).
/// </summary>
public sealed record ShrinkCurve(ShrinkEstimator Estimator, IReadOnlyList<Polyline> Pieces, double? Threshold, IReadOnlyList<(double Z, double From, double To)> Jumps);

/// <summary>
/// The 1-D objective at one z for one estimator: its curve in w (in two pieces where it is discontinuous at 0, as best
/// subset's is: its value at 0 itself is then <paramref name="AtZero"/>), and its minimiser.
/// </summary>
public sealed record ShrinkObjective(ShrinkEstimator Estimator, IReadOnlyList<Polyline> Pieces, double? AtZero, double Minimiser, double Minimum);

/// <summary>The shrinkage figure's numbers: the estimators' curves against z over [−zMax, zMax], or their 1-D objectives at one z.</summary>
public sealed record ShrinkScene(double Lambda, double ZMax, IReadOnlyList<ShrinkCurve> Curves)
{
    /// <summary>With an objective to draw (<c>shrink --objective Z</c>): the z, and each estimator's objective in w.</summary>
    public double? ObjectiveAt { get; init; }

    /// <summary>Each estimator's objective at <see cref="ObjectiveAt"/>.</summary>
    public IReadOnlyList<ShrinkObjective>? Objectives { get; init; }
}

/// <summary>Builds the shrinkage scene: curves sampled densely, thresholds and jumps located exactly.</summary>
public static class Shrinkage
{
    /// <summary>The curves of <paramref name="estimators"/> at λ over z ∈ [−zMax, zMax], <paramref name="points"/> samples each.</summary>
    public static ShrinkScene Curves(IReadOnlyList<ShrinkEstimator> estimators, double lambda, double zMax, int points = 801)
    {
        if (!(lambda > 0) || !double.IsFinite(lambda)) throw new ProblemArgumentException("lambda", $"{lambda} must be a finite number > 0");
        if (!(zMax > 0) || !double.IsFinite(zMax)) throw new ProblemArgumentException("zMax", $"{zMax} must be a finite number > 0");
        return new ShrinkScene(lambda, zMax, estimators.Select(e => Curve(e, lambda, zMax, points)).ToArray());
    }

    /// <summary>The scene with each estimator's objective (w − z)² + λP(w) at <paramref name="z"/> as well.</summary>
    public static ShrinkScene WithObjective(ShrinkScene scene, double z, int points = 801)
    {
        double span = Math.Max(1.5 * Math.Abs(z), 1);
        double lambda = scene.Lambda;
        var objectives = scene.Curves.Select(c =>
        {
            var e = c.Estimator;
            double w = e.Estimate(z, lambda);
            var ws = Enumerable.Range(0, points).Select(i => -span + 2 * span * i / (points - 1)).Where(v => v != 0).ToArray();
            Polyline Piece(IEnumerable<double> part)
            {
                var xs = part.ToArray();
                return new Polyline(xs, xs.Select(v => e.Objective(v, z, lambda)).ToArray());
            }
            // the objective's value at 0 against its limits beside it: equal for every penalty, not for best subset
            double at0 = e.Objective(0, z, lambda), near = e.Objective(1e-12 * span, z, lambda);
            bool gap = Math.Abs(at0 - near) > 1e-9 * Math.Max(1, Math.Abs(at0));
            IReadOnlyList<Polyline> pieces = gap
                ? [Piece(ws.Where(v => v < 0)), Piece(ws.Where(v => v > 0))]
                : [Piece(ws.Append(0.0).Order())];
            return new ShrinkObjective(e, pieces, gap ? at0 : null, w, e.Objective(w, z, lambda));
        }).ToArray();
        return scene with { ObjectiveAt = z, Objectives = objectives };
    }

    private static ShrinkCurve Curve(ShrinkEstimator e, double lambda, double zMax, int points)
    {
        double? threshold = Threshold(e, lambda, zMax);
        var zs = Enumerable.Range(0, points).Select(i => -zMax + 2 * zMax * i / (points - 1)).ToList();
        var jumps = new List<(double, double, double)>();
        if (threshold is { } t)
        {
            double above = Math.BitIncrement(t);
            double jump = e.Estimate(above, lambda);
            // every estimator here is odd, so the threshold and any jump there mirror at −t
            zs.AddRange([t, -t, above, -above]);
            if (Math.Abs(jump) > 1e-9 * Math.Max(1, t)) jumps.Add((t, 0.0, jump));
        }
        zs.Sort();
        var pieces = new List<Polyline>();
        var x = new List<double>();
        var y = new List<double>();
        foreach (double z in zs.Distinct())
        {
            double w = e.Estimate(z, lambda);
            // split exactly where the estimate jumps, between ±t and the next double beyond it, so no line is drawn
            // across the gap (a steep segment there would claim estimates the estimator never takes)
            if (x.Count > 0 && jumps.Count > 0 && threshold is { } at && (x[^1] == at || z == -at))
            {
                pieces.Add(new Polyline([.. x], [.. y]));
                x.Clear();
                y.Clear();
            }
            x.Add(z);
            y.Add(w);
        }
        pieces.Add(new Polyline([.. x], [.. y]));
        return new ShrinkCurve(e, pieces, threshold, jumps);
    }

    /// <summary>
    /// The largest z ≥ 0 with w*(z) = 0, by bisection to the last bit (the estimators are odd, and zero exactly on
    /// [−t, t]); null when only z = 0 gives 0 (ridge, lp with p &gt; 1) or the threshold lies beyond the view.
    /// </summary>
    private static double? Threshold(ShrinkEstimator e, double lambda, double zMax)
    {
        double lo = 0, hi = zMax;
        // a threshold under a billionth of the view could not be seen; testing there also keeps clear of underflow
        // (the prox of lp, p > 1, at 1e-300 is ~1e-600, which rounds to an exact 0)
        if (e.Estimate(1e-9 * zMax, lambda) != 0 || e.Estimate(hi, lambda) == 0) return null;
        while (true)
        {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) return lo;
            if (e.Estimate(mid, lambda) == 0) lo = mid; else hi = mid;
        }
    }
}
