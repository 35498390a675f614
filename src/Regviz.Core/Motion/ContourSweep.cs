using Regviz.Core.Contours;
using Regviz.Core.Paths;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Core.Solvers;

namespace Regviz.Core.Motion;

/// <summary>One frame of a sweep: its index, the value swept to (λ, t, or the iterate's number) and the certified optimum there.</summary>
/// <param name="Index">0 for the first frame.</param>
/// <param name="Value">λ for a λ sweep, t for a radius sweep, for a trace the number of the last iterate the frame shows whole (<see cref="TracePacing"/>).</param>
/// <param name="Optimum">The optimum at that value, from <see cref="Regularised.Solve"/>, with its certificate (for a trace, the problem's optimum).</param>
public sealed record SweepFrame(int Index, double Value, Solution Optimum);

/// <summary>
/// The scenes of an animated contour figure. The first frame (the last, for a trace) is exactly the still figure
/// <see cref="SceneBuilder.Contour(ProblemSpec, SceneOptions, IProgress{double}?, CancellationToken)"/> draws for
/// <see cref="Still"/> over <see cref="Range"/>; every other frame keeps its range, its loss grid and its thin contours, and
/// moves only what the sweep moves: w*, the level set and the ball through it, the path so far (or the iterates so far).
/// </summary>
public sealed record ContourSweep
{
    private readonly Lazy<IReadOnlyList<PathPoint>> _path;
    private readonly IReadOnlyList<TraceFrame>? _pacing;

    internal ContourSweep(SweepParameter parameter, ContourScene first, ProblemSpec still, PlaneRange range, IReadOnlyList<SweepFrame> frames,
        ScalarGrid grid, Penalty penalty, bool fullPath, IReadOnlyList<TraceFrame>? pacing = null)
    {
        _pacing = pacing;
        Parameter = parameter;
        First = first;
        Still = still;
        Range = range;
        Frames = frames;
        Grid = grid;
        BasePenalty = penalty;
        FullPath = fullPath;
        _path = new(() => fullPath && first.Path is { } p ? p : RegularisationPaths.ToOrigin(still.Loss, penalty, first.Unregularised));
    }

    /// <summary>What changes from frame to frame.</summary>
    public SweepParameter Parameter { get; }

    /// <summary>
    /// The scene of frame <see cref="StillIndex"/>: the still figure. Replace it (<c>with</c>) to change what every frame
    /// shares, such as its <see cref="ContourScene.LossNote"/>.
    /// </summary>
    public ContourScene First { get; init; }

    /// <summary>The problem whose still figure <see cref="First"/> is: the same data at the first frame's λ or t (for a trace, the problem itself).</summary>
    public ProblemSpec Still { get; }

    /// <summary>The range that was asked of the scene builder: the still figure of <see cref="Still"/> over this range is frame <see cref="StillIndex"/>.</summary>
    public PlaneRange Range { get; }

    /// <summary>Every frame in the order shown.</summary>
    public IReadOnlyList<SweepFrame> Frames { get; }

    /// <summary>The frame that is the still figure: 0 for a sweep of λ or t, the last (every iterate shown) for a trace.</summary>
    public int StillIndex => Parameter == SweepParameter.Iterate ? Frames.Count - 1 : 0;

    private ScalarGrid Grid { get; }
    private Penalty BasePenalty { get; }
    private bool FullPath { get; }

    /// <summary>
    /// Frame <paramref name="index"/>'s penalty (at its λ in a λ sweep) and its ball through w* (null where w* = 0):
    /// a curve in closed form, cheap beside a scene, for a layout that must know where every frame's ball goes.
    /// </summary>
    public (Penalty Penalty, ContourLevel? Ball) Ball(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Frames.Count);
        var o = Frames[index].Optimum;
        var penalty = Parameter == SweepParameter.Lambda ? BasePenalty.At(o.Lambda) : BasePenalty;
        double value = penalty.Value(o.Weights);
        return (penalty, penalty.Norm(o.Weights) > 0 ? new ContourLevel(value, [Polyline.From(penalty.LevelSet(value))]) : null);
    }

    /// <summary>The scene of frame <paramref name="index"/>; scenes of different frames may be made on different threads.</summary>
    public ContourScene Scene(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Frames.Count);
        if (index == StillIndex) return First;
        if (Parameter == SweepParameter.Iterate)
        {
            var trace = First.Trace!;
            var (shown, pen) = _pacing?[index] ?? new TraceFrame(index + 1, null);
            return First with { Trace = trace with { Iterates = trace.Iterates.Take(shown).ToArray(), Diverged = false }, TracePen = pen };
        }
        var o = Frames[index].Optimum;
        var w = o.Weights;
        var loss = Still.Loss;
        var (penalty, touchingNorm) = Ball(index);
        double d = loss.Value(w);
        var touchingLoss = new ContourLevel(d, MarchingSquares.Trace(Grid, d));
        touchingLoss = LevelSetRefiner.Refine([touchingLoss], loss, Grid, Still.Quadratic is not null ? 1 : Still.Data.Rows)[0];
        var norms = First.NormContours.Where(c => c != First.TouchingNorm).ToList();
        if (touchingNorm is not null) norms.Add(touchingNorm);
        return First with
        {
            Penalty = penalty,
            Optimum = o,
            LossContours = [.. First.LossContours.Where(c => c != First.TouchingLoss), touchingLoss],
            NormContours = norms,
            TouchingLoss = touchingLoss,
            TouchingNorm = touchingNorm,
            // −w* moves with w*: marked on the frames where it is exactly as good (a tanh neuron), as the still figure does
            Twin = SceneBuilder.Twin(loss, penalty, o),
            Path = FullPath ? First.Path : Trail(index),
        };
    }

    /// <summary>
    /// The path w* has taken from the first frame to this one: the frames' optima and, between them, the exact path
    /// (the lasso's knots, or a fine warm-started sweep), so a kink between two frames is drawn where it is.
    /// </summary>
    private IReadOnlyList<PathPoint> Trail(int index)
    {
        double a = Frames[0].Optimum.Lambda, b = Frames[index].Optimum.Lambda;
        double lo = Math.Min(a, b), hi = Math.Max(a, b);
        var frames = Frames.Take(index + 1).Select(f => new PathPoint(f.Optimum.Lambda, f.Optimum.Weights) { Certificate = f.Optimum.Certificate });
        // a non-convex penalty's constrained path need not be its penalised one: there the frames alone are the trail
        bool samePath = Parameter == SweepParameter.Lambda || (BasePenalty.IsConvex && Still.Loss.IsConvex);
        var between = samePath ? _path.Value.Where(p => p.Lambda > lo && p.Lambda < hi) : [];
        var all = frames.Concat(between);
        return [.. a >= b ? all.OrderByDescending(p => p.Lambda) : all.OrderBy(p => p.Lambda)];
    }
}
