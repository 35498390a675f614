using Regviz.Core.Contours;
using Regviz.Core.Paths;
using Regviz.Core.Penalties;
using Regviz.Core.Solvers;

namespace Regviz.Core.Scenes;

/// <summary>
/// Everything the contour figure shows, in parameter coordinates, computed once: the plotting layer draws it
/// and the sidecar JSON serialises it, so the picture and the numbers cannot disagree.
/// </summary>
public sealed record ContourScene(
    PlaneRange Range,
    IReadOnlyList<string> FeatureNames,
    Penalty Penalty,
    Solution Optimum,
    double[]? Unregularised,
    IReadOnlyList<ContourLevel> LossContours,
    IReadOnlyList<ContourLevel> NormContours,
    ContourLevel? TouchingLoss,
    ContourLevel? TouchingNorm,
    IReadOnlyList<PathPoint>? Path)
{
    /// <summary>What the data term is, when it is not least squares on a linear model (e.g. "logistic loss"), as the front end words it; null otherwise.</summary>
    public string? LossNote { get; init; }

    /// <summary>The iterates of an optimiser, with --trace.</summary>
    public Traces.OptimiserTrace? Trace { get; init; }

    /// <summary>In a frame of a trace animation, where the line has got to beyond the last iterate shown (<see cref="Motion.TracePacing"/>); null otherwise.</summary>
    public double[]? TracePen { get; init; }

    /// <summary>−w* when it is exactly as good as w* (a model symmetric in w, such as a tanh neuron): the optimum is not unique.</summary>
    public double[]? Twin { get; init; }
}

/// <summary>The penalty's contours alone: the article's diamond and circle.</summary>
public sealed record NormScene(PlaneRange Range, Penalty Penalty, IReadOnlyList<ContourLevel> NormContours);
