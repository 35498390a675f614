using Regviz.Core.Contours;
using Regviz.Core.Paths;
using Regviz.Core.Scenes;
using Regviz.Core.Sidecars;
using Regviz.Plotting;

namespace Regviz.Cli.Output;

/// <summary>The sidecar: the numbers behind a figure, in the shapes of docs/conventions.md (parameter coordinates throughout).</summary>
internal static class SceneJson
{
    public static ContourSidecar Contour(ContourScene scene, FigureDescription description, LayoutSidecar? layout = null)
    {
        var o = scene.Optimum;
        var p = PenaltyMembers.Of(scene.Penalty);
        return new ContourSidecar
        {
            Alt = description.Alt,
            Caption = description.Caption,
            Norm = scene.Penalty.Name,
            Alpha = p.Alpha,
            P = p.P,
            Gamma = p.Gamma,
            OtherParameters = p.Others,
            Features = scene.FeatureNames,
            Optimum = CertifiedAnswer.With(new OptimumSidecar
            {
                Weights = o.Weights,
                Objective = o.Objective,
                Lambda = o.Lambda,
                Radius = o.Radius,
                Intercept = o.Intercept,
                DataTerm = o.DataTerm,
                Penalty = o.PenaltyValue,
            }, o.Certificate),
            Unregularised = scene.Unregularised is { } ls ? new WeightsSidecar { Weights = ls } : null,
            Twin = scene.Twin,
            Range = Range(scene.Range),
            Contours = new ContourSetsSidecar { Loss = Levels(scene.LossContours), Norm = Levels(scene.NormContours) },
            Touching = new TouchingSidecar { LossLevel = scene.TouchingLoss?.Level, NormLevel = scene.TouchingNorm?.Level },
            Path = scene.Path is { } path ? Points(path) : null,
            Trace = scene.Trace is { } trace ? [.. trace.Iterates.Select(q => (double[])[q[0], q[1]])] : null,
            TraceMethod = scene.Trace?.Method.ToString().ToLowerInvariant(),
            TraceDiverged = scene.Trace?.Diverged,
            TraceStep = scene.Trace?.Step,
            Layout = layout,
        };
    }

    /// <param name="scaling">With --standardize: the scales (weights are on the original scale, λ the scaled problem's).</param>
    /// <param name="marked">The optimum at --mark, when an exact λ is known for it.</param>
    public static PathSidecar Path(PathScene scene, FigureDescription description, Core.Data.Standardization? scaling, Core.Solvers.Solution? marked, LayoutSidecar? layout)
    {
        var p = PenaltyMembers.Of(scene.Penalty);
        // on the ‖w‖₁ and fraction axes every point says where it is drawn (the shrinkage factor of a knot is what ESL reads)
        Func<PathPoint, double>? x = scene.XVar == PathAxis.Lambda ? null : scene.X;
        bool fraction = scene.XVar == PathAxis.Fraction;
        return new PathSidecar
        {
            Alt = description.Alt,
            Caption = description.Caption,
            Norm = scene.Penalty.Name,
            Alpha = p.Alpha,
            P = p.P,
            Gamma = p.Gamma,
            OtherParameters = p.Others,
            Features = scene.FeatureNames,
            LambdaMax = scene.Path.LambdaMax,
            Xvar = scene.XVar.ToString().ToLowerInvariant(),
            Points = Points(scene.Path.Points, x),
            Knots = scene.Path.Knots is { } knots ? Points(knots, x) : null,
            // what the figure draws, in order, each with its x on the figure's axis (log10 λ on the λ axis) and its certificate
            Drawn = Points(scene.DrawnPoints(), scene.X),
            Jumps = scene.Path.Jumps.Count == 0 ? null : [.. scene.Path.Jumps.Select(j => new PathJumpSidecar
            {
                Lambda = j.Above,
                LambdaBelow = j.Below,
                From = scene.Path.Points.First(q => q.Lambda == j.Above).Weights,
                To = scene.Path.Points.First(q => q.Lambda == j.Below).Weights,
            })],
            ReachesFit = scene.Path.ReachesFit,
            Unregularised = scene.Path.Unregularised is { } end ? Point(end, x) : null,
            Standardized = scaling is null ? null : true,
            Scales = scaling?.Scales,
            Mark = scene.Marker is { } mark
                ? CertifiedAnswer.With(new PathMarkSidecar
                {
                    S = fraction ? mark : null,
                    Lambda = fraction ? marked?.Lambda : mark,
                    Weights = marked?.Weights,
                }, marked?.Certificate)
                : null,
            Layout = layout,
        };
    }

    private static PathPointSidecar[] Points(IEnumerable<PathPoint> points, Func<PathPoint, double>? x = null) => [.. points.Select(q => Point(q, x))];

    private static PathPointSidecar Point(PathPoint q, Func<PathPoint, double>? x) =>
        CertifiedAnswer.With(new PathPointSidecar { Lambda = q.Lambda, X = x?.Invoke(q), Weights = q.Weights }, q.Certificate);

    public static NormSidecar Norm(NormScene scene, FigureDescription description, LayoutSidecar? layout = null)
    {
        var p = PenaltyMembers.Of(scene.Penalty);
        return new NormSidecar
        {
            Alt = description.Alt,
            Caption = description.Caption,
            Norm = scene.Penalty.Name,
            Alpha = p.Alpha,
            P = p.P,
            Gamma = p.Gamma,
            OtherParameters = p.Others,
            Lambda = scene.Penalty.ShapedAt,
            Range = Range(scene.Range),
            Contours = new ContourSetsSidecar { Norm = Levels(scene.NormContours) },
            Layout = layout,
        };
    }

    public static PlaneRangeSidecar Range(PlaneRange r) => new() { X0 = r.X0, X1 = r.X1, Y0 = r.Y0, Y1 = r.Y1 };

    private static ContourLevelSidecar[] Levels(IEnumerable<ContourLevel> levels) => [.. levels.Select(level => new ContourLevelSidecar
    {
        Level = level.Level,
        // a point of the plane as docs/conventions.md writes it: [x, y]
        Lines = [.. level.Lines.Select(line => (IReadOnlyList<double>[])[.. Enumerable.Range(0, line.Count).Select(k => (double[])[line.X[k], line.Y[k]])])],
    })];
}
