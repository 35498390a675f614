using Regviz.Core.Problems;

namespace Regviz.Core.Contours;

/// <summary>
/// Marching squares puts a contour point where the straight line between two grid values crosses the level, which
/// is on the level set only to grid accuracy. Each point is moved onto D(w) = level by Newton's method along the
/// gradient, w ← w − (D(w) − level)·∇D/‖∇D‖², which converges in a few steps (exactly quadratically for least
/// squares). A point that would have to move more than a cell or two (a flat spot, a saddle) keeps its grid position.
/// </summary>
public static class LevelSetRefiner
{
    private const int MaxSteps = 8;

    /// <summary>
    /// Row evaluations of D allowed for one figure's refinement: a non-quadratic loss costs O(n) per evaluation, so
    /// a very large data set keeps the grid positions rather than spend minutes on sub-pixel moves.
    /// </summary>
    public const double RowBudget = 4e8;

    public static IReadOnlyList<Polyline> Refine(IReadOnlyList<Polyline> lines, ISmoothLoss loss, double level, ScalarGrid grid)
    {
        double reach = 2 * Math.Sqrt(grid.Dx * grid.Dx + grid.Dy * grid.Dy);
        return lines.Select(line =>
        {
            var xs = (double[])line.X.Clone();
            var ys = (double[])line.Y.Clone();
            Parallel.For(0, xs.Length, i => (xs[i], ys[i]) = Point(loss, level, xs[i], ys[i], reach));
            // a closed line stays closed: its last point is its first
            if (line.IsClosed) { xs[^1] = xs[0]; ys[^1] = ys[0]; }
            return new Polyline(xs, ys);
        }).ToArray();
    }

    private static (double X, double Y) Point(ISmoothLoss loss, double level, double x0, double y0, double reach)
    {
        Span<double> w = [x0, y0];
        Span<double> g = stackalloc double[2];
        double tolerance = 1e-15 * Math.Max(Math.Abs(level), double.Epsilon);
        for (int step = 0; step < MaxSteps; step++)
        {
            double gap = loss.Value(w) - level;
            if (!double.IsFinite(gap)) break;
            if (Math.Abs(gap) <= tolerance) return (w[0], w[1]);
            loss.Gradient(w, g);
            double norm2 = g[0] * g[0] + g[1] * g[1];
            if (!(norm2 > 0) || !double.IsFinite(norm2)) break;
            w[0] -= gap * g[0] / norm2;
            w[1] -= gap * g[1] / norm2;
            if (Math.Abs(w[0] - x0) + Math.Abs(w[1] - y0) > reach) return (x0, y0);
        }
        return double.IsFinite(w[0]) && double.IsFinite(w[1]) ? (w[0], w[1]) : (x0, y0);
    }
}
