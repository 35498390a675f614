using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Paths;

/// <summary>A regularisation path on a log grid of λ, with its exact knots when the problem is least squares with l1.</summary>
public sealed record RegularisationPath(double LambdaMax, IReadOnlyList<PathPoint> Points, IReadOnlyList<PathPoint>? Knots)
{
    /// <summary>
    /// The path's end at λ = 0, the unregularised fit (for least squares on rank-deficient data, the minimum-norm one),
    /// certified; null where none exists (separable classes under the logistic loss).
    /// </summary>
    public PathPoint? Unregularised { get; init; }

    /// <summary>
    /// Whether the points run on to <see cref="Unregularised"/>, so a figure against ‖w‖₁ may draw the last step to it:
    /// the exact lasso's knots, or a grid continued by <see cref="PathToFit.Extend"/> until it is the fit to the eye.
    /// </summary>
    public bool ReachesFit { get; init; }

    /// <summary>
    /// The λ of the points inserted in <see cref="Points"/> where a coefficient enters or leaves 0 (<see cref="EntryPoints"/>),
    /// by decreasing λ; empty for the exact lasso, whose <see cref="Knots"/> are those points.
    /// </summary>
    public IReadOnlyList<double> EntryLambdas { get; init; } = [];

    /// <summary>
    /// Where the path of a non-convex problem jumps (<see cref="Jumps"/>), by decreasing λ: both sides of each are in
    /// <see cref="Points"/>, and a figure draws no line between them. Empty for convex problems, whose paths are continuous.
    /// </summary>
    public IReadOnlyList<PathJump> Jumps { get; init; } = [];

    /// <summary>Whether the step from the point at λ <paramref name="above"/> to the next, at <paramref name="below"/>, is a jump.</summary>
    public bool IsJump(double above, double below) => Jumps.Any(j => j.Above == above && j.Below == below);
}

/// <summary>
/// The one home of regularisation paths: the λ grids (their top, λ_max, from <see cref="LambdaRange"/>), warm-started sweeps and the exact lasso homotopy,
/// for the path figure (glmnet's log grid) and for the path drawn on the contour plane alike. Least squares with
/// l1 is read off the exact knots, straight between them, so a figure drawn through them has its corners exactly
/// right; every other path is solved point by point, each solve starting from its neighbour's optimum.
/// </summary>
public static class RegularisationPaths
{
    /// <summary>The most λ values one path may have.</summary>
    public const int MaxCount = 10_000;

    /// <summary>∇D(0): the data's pull on w at the origin.</summary>
    public static double[] GradientAtZero(ISmoothLoss loss) => LambdaRange.GradientAtZero(loss);

    /// <summary>The smallest λ at which w = 0 is optimal, or null when no finite λ gives exactly 0 (<see cref="LambdaRange"/>).</summary>
    public static double? LambdaMax(ISmoothLoss loss, Penalty penalty) => LambdaRange.Of(loss, penalty).PenaltyMax;

    /// <summary>
    /// glmnet's conventions: <paramref name="count"/> values of λ log-spaced from λ_max down to
    /// <paramref name="ratio"/>·λ_max. Penalties that never reach exactly 0 (l2, lp) use glmnet's ridge convention,
    /// λ_max of the lasso divided by 0.001. Without a ratio: 1e-4 (glmnet's) where λ_max zeroes w; for l2 and lp the
    /// ratio at which the path has reached least squares (<see cref="DefaultRatio"/>), since 1e-4 of that λ_max still
    /// shrinks every coefficient.
    /// </summary>
    public static RegularisationPath LogGrid(ISmoothLoss loss, Penalty penalty, int count = 100, double? ratio = null)
    {
        if (count < 2 || count > MaxCount) throw new ProblemArgumentException("count", $"{count} is outside 2..{MaxCount}");
        if (ratio is { } given && !(given > 0 && given < 1)) throw new ProblemArgumentException("ratio", $"{given} must be in (0, 1)");
        var range = LambdaRange.Of(loss, penalty);
        if (range.LassoMax == 0)
            throw new ProblemArgumentException(null, loss is QuadraticLoss
                ? "the path is empty: the target is uncorrelated with every feature (λ_max = 0, so w = 0 for every λ)"
                : FlatAtOrigin);
        double lambdaMax = range.Top;

        if (IsExactLasso(loss, penalty, out var q))
        {
            var knots = LassoHomotopy.Knots(q).Select(p => p.Certified(loss, penalty)).ToArray();
            var reading = new KnotReader(q, penalty, knots);
            var grid = Grid(lambdaMax, ratio ?? 1e-4, count).Select(reading.At).ToArray();
            // the walk ends at λ = 0 unless collinear columns stopped it; then the end is solved on its own
            var end = knots[^1].Lambda == 0 ? knots[^1] : UnregularisedEnd(loss, penalty);
            return new RegularisationPath(lambdaMax, grid, knots) { Unregularised = end };
        }
        var unregularised = UnregularisedEnd(loss, penalty);
        double r = ratio ?? DefaultRatio(loss, range, unregularised?.Weights);
        var swept = Sweep(loss, penalty, Grid(lambdaMax, r, count));
        var (refined, jumps) = Jumps.Insert(swept, loss, penalty, Jumps.Span(swept));
        var (points, entries) = EntryPoints.Insert(refined, loss, penalty);
        return new RegularisationPath(lambdaMax, points, null) { Unregularised = unregularised, EntryLambdas = [.. entries.Select(e => e.Lambda)], Jumps = jumps };
    }

    private static double[] Grid(double lambdaMax, double ratio, int count) =>
        Enumerable.Range(0, count).Select(i => lambdaMax * Math.Pow(ratio, (double)i / (count - 1))).ToArray();

    /// <summary>
    /// The default smallest λ as a fraction of λ_max: glmnet's 1e-4 where λ_max zeroes w. Where it does not (l2, lp),
    /// the grid goes on down to λ = 1e-3·e, e the smallest curvature of D at its unregularised optimum: for ridge,
    /// w(λ) − ŵ = −(H + 2λI)⁻¹·2λŵ, within 0.2% of ŵ relative, so the path's end is least squares to the eye (a
    /// thousandth of the axis) and the figure shows every coefficient's whole journey without decades of flat line.
    /// Never less far than 1e-4; 1e-4 when D is flat in some direction.
    /// </summary>
    internal static double DefaultRatio(ISmoothLoss loss, LambdaRange range, double[]? unregularised)
    {
        if (range.PenaltyMax is not null || unregularised is null) return 1e-4;
        double lambdaMax = range.Top;
        int k = loss.Dimension;
        var h = new double[k * k];
        loss.Hessian(unregularised, h);
        double e = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(k, k, h)
            .Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Min(v => v.Real);
        double largest = h.Max(Math.Abs);
        if (!(e > 1e-12 * largest)) return 1e-4;
        return Math.Max(Math.Min(1e-3 * e / lambdaMax, 1e-4), 1e-280);
    }

    /// <summary>The λ = 0 end, certified, or null where D has no minimiser.</summary>
    private static PathPoint? UnregularisedEnd(ISmoothLoss loss, Penalty penalty)
    {
        var w = loss is QuadraticLoss q ? UnregularisedSolver.Solve(q) : GeneralOptimizer.Unregularised(loss, penalty);
        return w is null ? null : new PathPoint(0, w).Certified(loss, penalty);
    }

    /// <summary>
    /// The path drawn on the contour plane, w* as λ runs from 0 (the unregularised fit) to where it reaches the
    /// origin: the exact knots for least-squares l1; otherwise <paramref name="count"/> λ evenly up to λ_max
    /// where it exists, or over six decades for penalties that only approach the origin.
    /// </summary>
    /// <param name="unregularised">The λ = 0 optimum when the caller has it (null: none exists), so it is not solved twice.</param>
    public static IReadOnlyList<PathPoint> ToOrigin(ISmoothLoss loss, Penalty penalty, double[]? unregularised, int count = 120)
    {
        if (IsExactLasso(loss, penalty, out var q))
            return ExactLassoToOrigin(q, penalty, unregularised);
        var range = LambdaRange.Of(loss, penalty);
        if (loss is not QuadraticLoss && range.LassoMax == 0)
            throw new ProblemArgumentException(null, FlatAtOrigin);
        var lambdas = new List<double>();
        if (range.PenaltyMax is { } max)
        {
            for (int k = count; k >= 1; k--) lambdas.Add(max * k / count);
        }
        else
        {
            // an uncorrelated target (least squares: w = 0 at every λ) still gets a range, above 0
            double end = Math.Max(range.Top, 1e-297);
            double start = end * 1e-6;
            for (int k = count - 1; k >= 0; k--) lambdas.Add(start * Math.Pow(end / start, (double)k / (count - 1)));
        }
        var points = Sweep(loss, penalty, lambdas).Reverse().ToList();
        if (unregularised is not null) points.Insert(0, new PathPoint(0, unregularised).Certified(loss, penalty));
        return points;
    }

    /// <summary>
    /// The optimum at each λ (in decreasing order), certified. A convex problem is swept in order, each solve
    /// warm-started from the previous optimum, so the whole path costs little more than one solve; a non-convex one
    /// is searched globally at every λ, where a warm start would only pull towards one basin, so in parallel.
    /// </summary>
    private static PathPoint[] Sweep(ISmoothLoss loss, Penalty penalty, IReadOnlyList<double> lambdas)
    {
        var points = new PathPoint[lambdas.Count];
        if (loss.IsConvex && penalty.IsConvex)
        {
            double[]? warm = null;
            for (int i = 0; i < lambdas.Count; i++)
            {
                warm = Regularised.WeightsAt(loss, penalty, lambdas[i], warm);
                points[i] = new PathPoint(lambdas[i], warm).Certified(loss, penalty);
            }
        }
        else
        {
            Parallel.For(0, lambdas.Count, i =>
                points[i] = new PathPoint(lambdas[i], Regularised.WeightsAt(loss, penalty, lambdas[i])).Certified(loss, penalty));
        }
        return points;
    }

    /// <summary>A model whose gradient vanishes at w = 0 (a tanh neuron: f = w1·tanh(w2·x) is flat in both there).</summary>
    private const string FlatAtOrigin =
        "∇D(0) = 0: the model is flat at w = 0 (as a tanh neuron is), so w = 0 is stationary for every λ and there is no λ_max to run a path to";

    private static bool IsExactLasso(ISmoothLoss loss, Penalty penalty, out QuadraticLoss q)
    {
        q = (loss as QuadraticLoss)!;
        return q is not null && penalty.ElasticNetAlpha == 1;
    }

    private static List<PathPoint> ExactLassoToOrigin(QuadraticLoss q, Penalty penalty, double[]? unregularised)
    {
        var knots = LassoHomotopy.Knots(q).Reverse().Select(p => p.Certified(q, penalty)).ToList();
        // a walk that stopped short of λ = 0 (collinear active columns, or its step cap) is continued by exact
        // solves on a log grid below its last knot, so the drawn path still reaches the unregularised end
        if (knots[0].Lambda > 0)
        {
            double last = knots[0].Lambda;
            var tail = Enumerable.Range(1, 24).Select(i => last * Math.Pow(10, -i / 3.0))
                .Select(l => new PathPoint(l, Regularised.WeightsAt(q, penalty, l)).Certified(q, penalty)).Reverse().ToList();
            if (unregularised is not null) tail.Insert(0, new PathPoint(0, unregularised).Certified(q, penalty));
            knots.InsertRange(0, tail);
        }
        return knots;
    }
}
