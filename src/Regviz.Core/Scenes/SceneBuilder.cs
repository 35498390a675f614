using Regviz.Core.Contours;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Scenes;

/// <summary>What a figure asks of the scene: range (null: automatic), grid cells, level count, path, an optimiser trace.</summary>
public sealed record SceneOptions(PlaneRange? Range, int Grid, int Levels, bool Path, double Aspect = 1.0, TraceRequest? Trace = null)
{
    /// <summary>About how many penalty contours to draw (0: only the ball through w*); null: half the loss levels, at least 3.</summary>
    public int? PenaltyLevels { get; init; }
}

/// <summary>--trace: which optimiser, from where (null: the unregularised optimum), for how many steps.</summary>
public sealed record TraceRequest(Traces.TraceMethod Method, double[]? Start, int Steps);

/// <summary>Turns a problem into the numbers of a figure: solves it, picks the range and levels, traces the contours.</summary>
public static class SceneBuilder
{
    /// <summary>
    /// The scene of a contour figure. The loss grid, the one part whose cost grows with rows × nodes, reports the
    /// fraction done to <paramref name="progress"/> and stops promptly with OperationCanceledException on <paramref name="cancel"/>.
    /// </summary>
    public static ContourScene Contour(ProblemSpec spec, SceneOptions options, IProgress<double>? progress = null, CancellationToken cancel = default) =>
        Contour(spec, options, progress, cancel, out _);

    /// <summary>The scene and the loss grid it was traced on: an animation traces each frame's level set on the same grid.</summary>
    internal static ContourScene Contour(ProblemSpec spec, SceneOptions options, IProgress<double>? progress, CancellationToken cancel, out ScalarGrid lossGrid)
    {
        var solved = Solve(spec, options);
        return Finish(spec, solved, (options.Range ?? solved.Automatic).WithAspect(options.Aspect, 1), options, progress, cancel, out lossGrid);
    }

    /// <summary>
    /// The scenes of panels drawn side by side, one per problem, sharing one range (<see cref="SceneOptions.Range"/>,
    /// or else the smallest that holds every panel's automatic range), so the panels can be compared by eye. Each
    /// problem is solved once; progress runs over all panels.
    /// </summary>
    public static IReadOnlyList<ContourScene> ContourPanels(IReadOnlyList<ProblemSpec> specs, SceneOptions options, IProgress<double>? progress = null, CancellationToken cancel = default)
    {
        var solved = specs.Select(spec => Solve(spec, options)).ToArray();
        var range = (options.Range ?? Union(solved.Select(s => s.Automatic))).WithAspect(options.Aspect, 1);
        var scenes = new ContourScene[specs.Count];
        for (int i = 0; i < specs.Count; i++)
        {
            var part = progress is null ? null : new PanelProgress(progress, i, specs.Count);
            scenes[i] = Finish(specs[i], solved[i], range, options, part, cancel, out _);
        }
        return scenes;
    }

    /// <summary>Panel <c>index</c>'s fraction done as a fraction of all panels, reported at once (Progress&lt;T&gt; would post it to the thread pool, out of order).</summary>
    private sealed class PanelProgress(IProgress<double> all, int index, int count) : IProgress<double>
    {
        public void Report(double value) => all.Report((index + value) / count);
    }

    private static PlaneRange Union(IEnumerable<PlaneRange> ranges) =>
        ranges.Aggregate((a, b) => new PlaneRange(Math.Min(a.X0, b.X0), Math.Max(a.X1, b.X1), Math.Min(a.Y0, b.Y0), Math.Max(a.Y1, b.Y1)));

    /// <summary>What a contour scene needs before its range is known: the optimum, the unregularised fit, the ball through w*, the trace, −w* when it is as good, and the range that holds them.</summary>
    private sealed record Solved(Solution Optimum, double[]? Unregularised, IReadOnlyList<(double X, double Y)> Ball, Traces.OptimiserTrace? Trace, double[]? Twin, PlaneRange Automatic);

    private static Solved Solve(ProblemSpec spec, SceneOptions options)
    {
        var q = spec.Loss;
        if (q.Dimension != 2)
            throw new ProblemArgumentException("features", words =>
                $"a figure in the parameter plane needs exactly two parameters, the data has {q.Dimension} "
                + $"({Excerpt.ContentList(spec.FeatureNames, spec.Data.Quotable)}); pick two with {words.Name("features")} A,B");
        var penalty = spec.Penalty;
        var optimum = spec.Solve();
        var ls = spec.Unregularised();
        var w = optimum.Weights;
        double radius = penalty.Norm(w);
        double touchingValue = penalty.Value(w);
        var ball = radius > 0 ? penalty.LevelSet(touchingValue) : [];
        var start = options.Trace is { } tr ? tr.Start ?? ls ?? [0.0, 0.0] : null;

        var trace = options.Trace is { } t2
            ? Traces.OptimiserTraces.Run(q, penalty, optimum.Lambda, t2.Method, start!, t2.Steps, w)
            : null;

        var twin = Twin(q, penalty, optimum);
        var anchors = new List<(double, double)> { (0.0, 0.0), (w[0], w[1]) };
        if (ls is not null) anchors.Add((ls[0], ls[1]));
        if (twin is not null) anchors.Add((twin[0], twin[1]));
        var core = PlaneRange.Around(anchors.Concat(ball), 0.12);
        // the trace's iterates are in view too, unless it ran away (then the view would show nothing else)
        if (trace is not null)
            anchors.AddRange(trace.Iterates.Select(p => (p[0], p[1]))
                .Where(p => trace.Diverged is false || (Math.Abs(p.Item1) < 3 * core.Width && Math.Abs(p.Item2) < 3 * core.Height)));
        if (spec.Quadratic is { } quad && ls is not null && LevelSetBox(quad, ls, q.Value(w)) is { } levelSet
            && Math.Max(levelSet.Width, levelSet.Height) <= 2 * Math.Max(core.Width, core.Height))
        {
            // the bold level set through w* is the figure's subject: keep all of it in view, unless it is so much larger
            // than the rest (an ill-conditioned loss) that the ball and w* would shrink to specks
            anchors.AddRange([(levelSet.X0, levelSet.Y0), (levelSet.X1, levelSet.Y1)]);
        }
        return new Solved(optimum, ls, ball, trace, twin, PlaneRange.Around(anchors.Concat(ball), 0.12));
    }

    private static ContourScene Finish(ProblemSpec spec, Solved solved, PlaneRange range, SceneOptions options, IProgress<double>? progress, CancellationToken cancel, out ScalarGrid lossGrid)
    {
        var q = spec.Loss;
        var penalty = spec.Penalty;
        var (optimum, ls, trace, twin) = (solved.Optimum, solved.Unregularised, solved.Trace, solved.Twin);
        var w = optimum.Weights;
        double radius = penalty.Norm(w);
        double touchingValue = penalty.Value(w);
        cancel.ThrowIfCancellationRequested();
        var grid = spec.Quadratic is { } quadratic ? LossGrid(quadratic, range, options.Grid) : GeneralGrid(q, range, options.Grid, progress, cancel);
        lossGrid = grid;
        double dOpt = q.Value(w);
        double dMin = Math.Min(ls is null ? double.PositiveInfinity : q.Value(ls), grid.Values.Min());
        // a quadratic's largest visible value is at a corner of the view; a logistic or exponential surface can
        // climb by orders of magnitude there, so spread its levels up to the median value instead
        double dMax = spec.Quadratic is not null
            ? grid.Values.Max()
            : Median(grid.Values.Where(v => v < double.MaxValue).ToArray());
        var lossLevels = RoundLevels.Thin(LevelChooser.Quadratic(dMin, dOpt, dMax, options.Levels), dMin, dOpt);
        // levels are independent: trace them on every core; then put every point on its level set
        var loss = lossLevels.AsParallel().AsOrdered().Select(l => new ContourLevel(l, MarchingSquares.Trace(grid, l))).ToList();
        loss = LevelSetRefiner.Refine(loss, q, grid, rowsPerEvaluation: spec.Quadratic is not null ? 1 : spec.Data.Rows);
        var touchingLoss = loss.FirstOrDefault(c => c.Level == dOpt);

        double maxRadius = Corners(range).Max(c => penalty.Norm([c.X, c.Y]));
        // --penalty-levels 0 keeps the ball through w* alone, as textbooks draw the constraint region
        var radii = options.PenaltyLevels == 0 ? (radius > 0 ? [radius] : [])
            : LevelChooser.Radii(radius, maxRadius, options.PenaltyLevels ?? Math.Max(3, options.Levels / 2));
        double reach = Reach(range);
        var values = RoundLevels.Thin([.. radii.Select(r => r == radius ? touchingValue : penalty.ValueAtNorm(r))], 0, radius > 0 ? touchingValue : double.NaN);
        var norms = values
            .Select(v => new ContourLevel(v, PenaltyLines(penalty, v, reach)))
            .ToList();
        var touchingNorm = radius > 0 ? norms.FirstOrDefault(c => c.Level == touchingValue) : null;

        var path = options.Path ? Paths.RegularisationPaths.ToOrigin(q, spec.Penalty, ls) : null;
        return new ContourScene(range, spec.FeatureNames, penalty, optimum, ls, loss, norms, touchingLoss, touchingNorm, path)
        {
            Trace = trace,
            Twin = twin,
        };
    }

    /// <summary>
    /// −w* when it is exactly as good as w* (to 1e-12 of J): the twin optimum of a model that cannot tell w from −w
    /// (a tanh neuron) under a symmetric penalty, which the figure marks too, since the optimum is then not unique.
    /// </summary>
    internal static double[]? Twin(ISmoothLoss loss, Penalty penalty, Solution optimum)
    {
        var w = optimum.Weights;
        if (!w.Any(v => v != 0)) return null;
        var mirrored = w.Select(v => -v).ToArray();
        if (optimum.Radius is { } t && !(penalty.Norm(mirrored) <= t * (1 + 1e-12))) return null;
        double value = loss.Value(mirrored) + (optimum.Radius is null ? optimum.Lambda * penalty.Value(mirrored) : 0);
        return value <= optimum.Objective + 1e-12 * Math.Max(1, Math.Abs(optimum.Objective)) ? mirrored : null;
    }

    /// <summary>
    /// The scene of the penalty's level sets alone: <paramref name="levels"/> evenly spaced values of P, k/N for
    /// k = 1..N, up to the unit ball P = 1 (MCP and SCAD: up to where they are flat), as a contour plot of the function
    /// shows them. The levels never depend on the range: a wider view shows the same unit ball smaller, not another ball.
    /// </summary>
    public static NormScene Norm(Penalty penalty, PlaneRange? range, int levels, double aspect = 1.0)
    {
        double top = penalty.NormView.TopLevel;
        return NormAt(penalty, range, Enumerable.Range(1, levels).Select(k => top * k / levels).ToArray(), aspect);
    }

    /// <summary>
    /// The scene of exactly the level sets P(w) = v for each v of <paramref name="levels"/> (each &gt; 0), e.g. [1] for
    /// the unit ball alone. Without a range the view holds the largest of them (its bounded part) with a quarter of margin.
    /// </summary>
    public static NormScene NormAt(Penalty penalty, PlaneRange? range, IReadOnlyList<double> levels, double aspect = 1.0)
    {
        if (levels.Count == 0 || levels.Any(v => !(v > 0) || !double.IsFinite(v)))
            throw new ProblemArgumentException("levels", "every level must be a finite number > 0");
        double extent = levels.Max(v => penalty.LevelSet(v).Max(p => Math.Max(Math.Abs(p.X), Math.Abs(p.Y))));
        var r = (range ?? new PlaneRange(-1.25 * extent, 1.25 * extent, -1.25 * extent, 1.25 * extent)).WithAspect(aspect, 1);
        double reach = Reach(r);
        var contours = levels.Select(v => new ContourLevel(v, PenaltyLines(penalty, v, reach))).ToList();
        return new NormScene(r, penalty, contours);
    }

    /// <summary>The lines of the penalty's level set, its rays (MCP, SCAD) drawn out to the edge of the view.</summary>
    private static Polyline[] PenaltyLines(Penalty penalty, double level, double reach) =>
        penalty.LevelSetLines(level, reach).Select(Polyline.From).ToArray();

    /// <summary>How far from the origin a coordinate can be and still be in view.</summary>
    private static double Reach(PlaneRange r) => new[] { r.X0, r.X1, r.Y0, r.Y1 }.Max(Math.Abs);

    /// <summary>
    /// D on the grid: the quadratic form expanded per row, D(x, y) = s·((g00·x + b(y))·x + c(y)), so a node costs
    /// two fused multiply-adds, done <see cref="System.Numerics.Vector{T}.Count"/> nodes at a time.
    /// </summary>
    public static ScalarGrid LossGrid(QuadraticLoss q, PlaneRange range, int cells)
    {
        double s = q.Scale, g00 = q.G(0, 0), g01 = q.G(0, 1), g11 = q.G(1, 1), c0 = q.Cross[0], c1 = q.Cross[1], yy = q.YY;
        return ScalarGrid.Evaluate(range, cells, (x0, dx, y, row) =>
            QuadraticRow.Evaluate(row, x0, dx, s * g00, s * (2 * g01 * y - 2 * c0), s * (g11 * y * y - 2 * c1 * y + yy)));
    }

    /// <summary>D on the grid for any data term, rows in parallel; non-finite values capped so contouring still works.</summary>
    public static ScalarGrid GeneralGrid(ISmoothLoss loss, PlaneRange range, int cells, IProgress<double>? progress = null, CancellationToken cancel = default) =>
        loss is ModelLoss model
            ? model.Grid(range, cells, progress, cancel)
            : ScalarGrid.Evaluate(range, cells, () => (x0, dx, y, row) => NodeByNode.Row(loss, x0, dx, y, row, cancel), progress, cancel);

    /// <summary>
    /// The bounding box of the least-squares level set D(w) = <paramref name="level"/>, an ellipse about the minimum
    /// <paramref name="centre"/>: (w − c)ᵀG(w − c) = (level − D(c))/scale, whose half-widths are √(r·(G⁻¹)ᵢᵢ).
    /// </summary>
    private static PlaneRange? LevelSetBox(QuadraticLoss q, double[] centre, double level)
    {
        double r = (level - q.Value(centre)) / q.Scale;
        double g00 = q.G(0, 0), g01 = q.G(0, 1), g11 = q.G(1, 1), det = g00 * g11 - g01 * g01;
        if (!(r > 0) || !(det > 0)) return null;
        double hx = Math.Sqrt(r * g11 / det), hy = Math.Sqrt(r * g00 / det);
        return double.IsFinite(hx) && double.IsFinite(hy) ? new PlaneRange(centre[0] - hx, centre[0] + hx, centre[1] - hy, centre[1] + hy) : null;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return values[values.Length / 2];
    }

    private static (double X, double Y)[] Corners(PlaneRange r) =>
        [(r.X0, r.Y0), (r.X1, r.Y0), (r.X0, r.Y1), (r.X1, r.Y1)];
}
