using Regviz.Core.Contours;
using Regviz.Core.Sparsity;

namespace Regviz.Plotting;

/// <summary>
/// The optima of the sparsity experiment as discs whose area is proportional to how many optima they stand for, so the
/// eye weighs what the counts say. Dots cannot: in the ball form most optima sit exactly on the four corners, which a
/// dot per optimum draws as four small dots, while the rest, spread along the edges, paint the whole boundary black and
/// read as "mostly on the edges", the opposite of the numbers. Optima are pooled by cell of a square grid over the
/// panel, those with an exactly-zero coefficient apart from the others, and each pool is drawn at its mean position; one
/// area per optimum is used for every panel of a figure, so panels compare too.
/// </summary>
internal static class SparsityDiscs
{
    /// <summary>Cells across a panel: about a disc's width apart at the sizes drawn, so edges read as beads, not blots.</summary>
    public const int Cells = 24;

    /// <summary>A pool: where it is drawn, how many optima it holds, and whether they have an exactly-zero coefficient.</summary>
    public sealed record Pool(double X, double Y, int Count, bool Sparse);

    /// <summary>The pools of <paramref name="sample"/> over the square <paramref name="extent"/> either side of the origin.</summary>
    public static IReadOnlyList<Pool> Pools(IReadOnlyList<(double X, double Y)> sample, double extent)
    {
        double cell = 2 * extent / Cells;
        return [.. sample
            .GroupBy(w => (Sparse: SparsityExperiment.IsSparse(w), Cx: (int)Math.Floor((w.X + extent) / cell), Cy: (int)Math.Floor((w.Y + extent) / cell)))
            .Select(g => new Pool(g.Average(w => w.X), g.Average(w => w.Y), g.Count(), g.Key.Sparse))
            // the big pools first, so the small ones stay visible on top of them
            .OrderByDescending(p => p.Count).ThenBy(p => p.X).ThenBy(p => p.Y)];
    }

    /// <summary>
    /// Pixels of disc area per optimum, the same for every panel: the largest pool of any panel gets a disc
    /// <paramref name="largest"/> pixels across.
    /// </summary>
    public static double AreaPerOptimum(int largestPool, float largest) => Math.PI / 4 * largest * largest / Math.Max(1, largestPool);

    /// <summary>The diameter in pixels of a disc for <paramref name="count"/> optima.</summary>
    public static float Diameter(int count, double areaPerOptimum) => (float)Math.Sqrt(4 * areaPerOptimum * count / Math.PI);

    /// <summary>Draws every pool of a panel as a filled disc, translucent so overlapping neighbours stay apart.</summary>
    public static void Draw(PlotCanvas c, IReadOnlyList<Pool> pools, double areaPerOptimum)
    {
        foreach (var p in pools)
        {
            var color = p.Sparse ? c.Theme.Loss.WithAlpha(0.8) : c.Theme.Foreground.WithAlpha(0.45);
            var disc = c.Plot.Add.Marker(p.X, p.Y, ScottPlot.MarkerShape.FilledCircle, Diameter(p.Count, areaPerOptimum), color);
            disc.MarkerLineWidth = 0;
        }
    }
}
