using Regviz.Core.Contours;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Core.Solvers;

namespace Regviz.Core.Motion;

/// <summary>Builds the scenes of an animated contour figure: a sweep of λ or t, or an optimiser's iterates one at a time.</summary>
public static class Sweeps
{
    /// <summary>
    /// A sweep of λ or t. Every frame's optimum comes from <see cref="Regularised.Solve"/> and carries its certificate;
    /// the loss grid is evaluated once, for the first frame. Without a range in <paramref name="options"/> the view
    /// holds the origin, the unregularised fit, every frame's w* and every frame's ball, so nothing leaves it.
    /// </summary>
    /// <param name="data">The problem: data, model, loss and intercept are used; its λ or radius is not.</param>
    /// <param name="penalty">The penalty as made (not yet applied at a λ): each frame applies it at its own λ.</param>
    /// <param name="options">Grid, levels, range and <see cref="SceneOptions.Path"/> (the whole path on every frame
    /// instead of the path so far); no trace.</param>
    /// <param name="request">The values to sweep.</param>
    /// <param name="progress">Fraction of the loss grid done, for long grids.</param>
    /// <param name="cancel">Stops the grid and the solves.</param>
    public static ContourSweep Contour(ProblemSpec data, Penalty penalty, SceneOptions options, SweepRequest request,
        IProgress<double>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(penalty);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Trace is not null) throw new ProblemArgumentException("method", "a sweep of λ or t draws no optimiser trace (animate the trace on its own)");
        bool lambda = request.Parameter == SweepParameter.Lambda;
        var ls = data.Unregularised();
        var values = SweepValues.Of(data.Loss, penalty, ls, request);
        var still = new ProblemSpec(data.Data, data.LossKind, data.Intercept, penalty, lambda ? Form.Penalised(values[0]) : Form.Constrained(values[0]), data.Model);
        if (still.Loss.Dimension != 2) SceneBuilder.Contour(still, options); // its error says why, in the scene's words
        var loss = still.Loss;
        var solutions = new Solution[values.Length];
        Parallel.For(0, values.Length, new ParallelOptions { CancellationToken = cancel }, i =>
            solutions[i] = lambda
                ? Regularised.Solve(loss, penalty.At(values[i]), Form.Penalised(values[i]))
                : Regularised.Solve(loss, penalty, Form.Constrained(values[i])));
        var range = options.Range ?? AroundEveryFrame(loss, penalty, solutions, ls, lambda).WithAspect(options.Aspect, 1);
        var first = SceneBuilder.Contour(still, options with { Range = range }, progress, cancel, out var grid);
        var frames = values.Select((v, i) => new SweepFrame(i, v, i == 0 ? first.Optimum : solutions[i])).ToArray();
        return new ContourSweep(request.Parameter, first, still, range, frames, grid, penalty, options.Path);
    }

    /// <summary>
    /// An optimiser's iterates appearing one at a time: frame k shows iterates 0..k, and the last frame is the still
    /// figure with the whole trace. <paramref name="options"/> must ask for a trace.
    /// </summary>
    /// <param name="spec">The problem at its λ or t.</param>
    /// <param name="options">As for the still figure, with <see cref="SceneOptions.Trace"/>.</param>
    /// <param name="progress">Fraction of the loss grid done, for long grids.</param>
    /// <param name="cancel">Stops the grid.</param>
    public static ContourSweep Trace(ProblemSpec spec, SceneOptions options, IProgress<double>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Trace is null) throw new ProblemArgumentException("method", "an animated trace needs an optimiser");
        var first = SceneBuilder.Contour(spec, options, progress, cancel, out var grid);
        // as many frames as iterates, paced by distance travelled along the route
        var pacing = TracePacing.Frames(first.Trace!.Iterates, first.Trace.Iterates.Count, first.Trace.Diverged);
        var frames = pacing.Select((p, i) => new SweepFrame(i, p.Shown - 1, first.Optimum)).ToArray();
        return new ContourSweep(SweepParameter.Iterate, first, spec, options.Range ?? first.Range, frames, grid, spec.Penalty, options.Path, pacing);
    }

    /// <summary>The still figure's own choice of view, widened to every frame: origin, fit, each w* (and −w* where it is as good) and each ball.</summary>
    private static PlaneRange AroundEveryFrame(ISmoothLoss loss, Penalty penalty, Solution[] solutions, double[]? ls, bool lambda)
    {
        var points = new List<(double, double)> { (0.0, 0.0) };
        if (ls is not null) points.Add((ls[0], ls[1]));
        foreach (var s in solutions)
        {
            var w = s.Weights;
            points.Add((w[0], w[1]));
            var p = lambda ? penalty.At(s.Lambda) : penalty;
            if (p.Norm(w) > 0) points.AddRange(p.LevelSet(p.Value(w)));
            if (SceneBuilder.Twin(loss, p, s) is { } twin) points.Add((twin[0], twin[1]));
        }
        return PlaneRange.Around(points, 0.12);
    }
}
