using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Paths;

/// <summary>
/// A path drawn against ‖w‖₁ or the shrinkage factor runs on to the unregularised fit at λ = 0, which a log grid never
/// reaches: a straight line from the grid's last point to the fit is not on the path (on the diabetes data the elastic
/// net's grid stops at ‖w‖₁ = 1878 of the fit's 3460, and the line drawn from there was 45% of the axis). The grid is
/// continued instead, on the same log spacing, until its last point is the fit to the eye; the lasso's exact knots
/// already run to λ = 0 and need nothing.
/// </summary>
public static class PathToFit
{
    /// <summary>How close the last point must come: a thousandth of ‖ŵ‖₁ along the x axis and of max|ŵ_j| up the y axis, under a pixel of either.</summary>
    public const double Tolerance = 1e-3;

    /// <summary>
    /// <paramref name="path"/> continued below its smallest λ, each point solved (warm-started where J is convex) and
    /// certified, until it is within <see cref="Tolerance"/> of the fit (then <see cref="RegularisationPath.ReachesFit"/>),
    /// or the path holds <see cref="RegularisationPaths.MaxCount"/> points (then it stops there, short of the fit).
    /// </summary>
    public static RegularisationPath Extend(RegularisationPath path, ISmoothLoss loss, Penalty penalty)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Knots is not null) return path with { ReachesFit = path.Unregularised is not null };
        if (path.Unregularised is not { } end || path.Points.Count < 2) return path;
        var fit = end.Weights;
        var points = path.Points.ToList();
        double step = points[^1].Lambda / points[^2].Lambda;
        if (!(step > 0 && step < 1)) return path;
        bool convex = loss.IsConvex && penalty.IsConvex;
        int from = points.Count - 1;
        while (!Close(points[^1].Weights, fit))
        {
            if (points.Count >= RegularisationPaths.MaxCount) return WithEntries(path, points, from, loss, penalty) with { ReachesFit = false };
            double lambda = points[^1].Lambda * step;
            var w = Regularised.WeightsAt(loss, penalty, lambda, convex ? points[^1].Weights : null);
            points.Add(new PathPoint(lambda, w).Certified(loss, penalty));
        }
        return WithEntries(path, points, from, loss, penalty) with { ReachesFit = true };
    }

    /// <summary>The path with <paramref name="points"/>, the entry points and jumps of the part added from index <paramref name="from"/> on inserted too.</summary>
    private static RegularisationPath WithEntries(RegularisationPath path, List<PathPoint> points, int from, ISmoothLoss loss, Penalty penalty)
    {
        // a non-convex path's added part can jump too: searched on the whole path's coefficient axis
        var (continued, jumps) = Jumps.Insert(points.GetRange(from, points.Count - from), loss, penalty, Jumps.Span(points.Append(path.Unregularised!)));
        var (tail, entries) = EntryPoints.Insert(continued, loss, penalty);
        return path with
        {
            Points = [.. points.Take(from), .. tail],
            EntryLambdas = [.. path.EntryLambdas, .. entries.Select(e => e.Lambda)],
            Jumps = [.. path.Jumps, .. jumps],
        };
    }

    private static bool Close(double[] w, double[] fit)
    {
        double l1 = fit.Sum(Math.Abs), largest = fit.Max(Math.Abs);
        double apart = w.Zip(fit, (a, b) => Math.Abs(a - b)).Sum(), most = w.Zip(fit, (a, b) => Math.Abs(a - b)).Max();
        return apart <= Tolerance * l1 && most <= Tolerance * largest;
    }
}
