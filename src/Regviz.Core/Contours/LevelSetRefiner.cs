using Regviz.Core.Problems;

namespace Regviz.Core.Contours;

/// <summary>
/// Marching squares puts a contour point where the straight line between two grid values crosses the level, which
/// is on the level set only to grid accuracy. Each point is moved onto D(w) = level by Newton's method along the
/// gradient, w ← w − (D(w) − level)·∇D/‖∇D‖², which converges in a few steps (exactly quadratically for least
/// squares). A point that would have to move more than a cell or two (a flat spot, a saddle) keeps its grid position.
/// </summary>
internal static class LevelSetRefiner
{
    private const int MaxSteps = 8;

    /// <summary>
    /// Row evaluations of D allowed for one figure's refinement: a non-quadratic loss costs O(n) per evaluation, so
    /// a very large data set keeps the grid positions rather than spend minutes on sub-pixel moves.
    /// </summary>
    public const double RowBudget = 4e8;

    /// <summary>About how many evaluations (value or gradient) a point takes: two or three Newton steps of two.</summary>
    private const int EvaluationsPerPoint = 6;

    /// <summary>
    /// Every level's lines refined, unless that would cost more than <see cref="RowBudget"/> data rows
    /// (<paramref name="rowsPerEvaluation"/>: 1 for least squares, whose D does not depend on n; n otherwise).
    /// </summary>
    public static List<ContourLevel> Refine(IReadOnlyList<ContourLevel> levels, ISmoothLoss loss, ScalarGrid grid, int rowsPerEvaluation)
    {
        double points = levels.Sum(c => c.Lines.Sum(line => line.Count));
        if (points * rowsPerEvaluation * EvaluationsPerPoint > RowBudget) return [.. levels];
        return levels.Select(c => c with { Lines = Refine(c.Lines, loss, c.Level, grid) }).ToList();
    }

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

    private static (double X, double Y) Point(ISmoothLoss loss, double level, double x0, double y0, double reach) =>
        Newton(loss, level, x0, y0, reach) ?? Bracketed(loss, level, x0, y0, reach) ?? (x0, y0);

    /// <summary>
    /// Where Newton would wander (a flat stretch, the gradient nearly along the level set): the root of D − level on
    /// the line through the point along the gradient, bracketed within the reach and found by Brent's method.
    /// </summary>
    private static (double X, double Y)? Bracketed(ISmoothLoss loss, double level, double x0, double y0, double reach)
    {
        Span<double> g = stackalloc double[2];
        loss.Gradient([x0, y0], g);
        double norm = Math.Sqrt(g[0] * g[0] + g[1] * g[1]);
        if (!(norm > 0) || !double.IsFinite(norm)) return null;
        double ux = g[0] / norm, uy = g[1] / norm;
        double F(double t) => loss.Value([x0 + t * ux, y0 + t * uy]) - level;
        double f0 = F(0);
        foreach (double end in new[] { reach / 4, -reach / 4, reach, -reach })
        {
            double fe = F(end);
            if (!double.IsFinite(fe) || Math.Sign(fe) == Math.Sign(f0)) continue;
            if (MathNet.Numerics.RootFinding.Brent.TryFindRoot(F, Math.Min(0, end), Math.Max(0, end), 1e-15 * reach, 200, out double t))
                return (x0 + t * ux, y0 + t * uy);
        }
        return null;
    }

    private static (double X, double Y)? Newton(ISmoothLoss loss, double level, double x0, double y0, double reach)
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
            if (Math.Abs(w[0] - x0) + Math.Abs(w[1] - y0) > reach) return null;
        }
        // rounding can keep the last step hovering just above 1e-15: close enough to the promise is kept
        double last = loss.Value(w) - level;
        return Math.Abs(last) <= 1e-13 * Math.Abs(level) ? (w[0], w[1]) : null;
    }
}
