using System.Numerics;

namespace Regviz.Core.Contours;

/// <summary>
/// Contour lines of a <see cref="ScalarGrid"/> by marching squares, with the segments joined into polylines
/// (closed where the level set is closed inside the grid). Saddle cells are resolved by the cell's centre
/// value; cells with a non-finite corner are skipped rather than poisoning the whole level.
/// </summary>
internal static class MarchingSquares
{
    public static IReadOnlyList<Polyline> Trace(ScalarGrid grid, double level)
    {
        int n = grid.Nodes, cells = grid.Cells;
        int horizontalEdges = n * cells;
        var v = grid.Values;
        var segments = new List<(int A, int B)>();
        var (rowMin, rowMax) = grid.CellRowRanges;

        var crossing = new CrossedCells(grid, level);
        for (int j = 0; j < cells; j++)
        {
            if (level < rowMin[j] || level >= rowMax[j]) continue; // every corner on one side: nothing crosses
            // only the cells the level crosses, in increasing i: the same segments, in the same order, as visiting every cell
            var crossed = crossing.Row(j);
            for (int w = 0; w < crossed.Length; w++)
            for (ulong bits = crossed[w]; bits != 0; bits &= bits - 1)
            {
                int i = w * 64 + BitOperations.TrailingZeroCount(bits);
                double a = v[j * n + i], b = v[j * n + i + 1], c = v[(j + 1) * n + i + 1], d = v[(j + 1) * n + i];
                int index = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
                if (index is 0 or 15) continue;
                if (!double.IsFinite(a) || !double.IsFinite(b) || !double.IsFinite(c) || !double.IsFinite(d)) continue;
                int bottom = j * cells + i, top = (j + 1) * cells + i;
                int left = horizontalEdges + j * n + i, right = horizontalEdges + j * n + i + 1;
                switch (index)
                {
                    case 1: case 14: segments.Add((left, bottom)); break;
                    case 2: case 13: segments.Add((bottom, right)); break;
                    case 3: case 12: segments.Add((left, right)); break;
                    case 4: case 11: segments.Add((right, top)); break;
                    case 6: case 9: segments.Add((bottom, top)); break;
                    case 7: case 8: segments.Add((left, top)); break;
                    case 5:
                    case 10:
                        bool centreAbove = (a + b + c + d) / 4 > level;
                        // the corners on the centre's side are joined through the cell; the others are cut off
                        if ((index == 5) == centreAbove) { segments.Add((bottom, right)); segments.Add((top, left)); }
                        else { segments.Add((left, bottom)); segments.Add((right, top)); }
                        break;
                }
            }
        }
        return Join(grid, level, segments, horizontalEdges);
    }

    private static IReadOnlyList<Polyline> Join(ScalarGrid grid, double level, List<(int A, int B)> segments, int horizontalEdges)
    {
        // every crossed edge is shared by at most two cells, hence by at most two segments
        var byEdge = new Dictionary<int, (int First, int Second)>(segments.Count * 2);
        for (int s = 0; s < segments.Count; s++)
        {
            foreach (int e in new[] { segments[s].A, segments[s].B })
                byEdge[e] = byEdge.TryGetValue(e, out var p) ? (p.First, s) : (s, -1);
        }
        var used = new bool[segments.Count];
        var lines = new List<Polyline>();
        for (int s = 0; s < segments.Count; s++)
        {
            if (used[s]) continue;
            used[s] = true;
            var forward = new List<int> { segments[s].A, segments[s].B };
            Extend(forward, byEdge, segments, used);
            forward.Reverse();
            Extend(forward, byEdge, segments, used);
            var xs = new double[forward.Count];
            var ys = new double[forward.Count];
            for (int k = 0; k < forward.Count; k++) (xs[k], ys[k]) = Crossing(grid, level, forward[k], horizontalEdges);
            lines.Add(new Polyline(xs, ys));
        }
        return lines;
    }

    private static void Extend(List<int> chain, Dictionary<int, (int First, int Second)> byEdge, List<(int A, int B)> segments, bool[] used)
    {
        while (true)
        {
            int end = chain[^1];
            var (first, second) = byEdge[end];
            int next = !used[first] ? first : second >= 0 && !used[second] ? second : -1;
            if (next < 0) return;
            used[next] = true;
            chain.Add(segments[next].A == end ? segments[next].B : segments[next].A);
        }
    }

    private static (double X, double Y) Crossing(ScalarGrid grid, double level, int edge, int horizontalEdges)
    {
        int n = grid.Nodes, cells = grid.Cells;
        if (edge < horizontalEdges)
        {
            int j = edge / cells, i = edge % cells;
            double t = Fraction(grid[i, j], grid[i + 1, j], level);
            return (grid.X(i) + t * (grid.X(i + 1) - grid.X(i)), grid.Y(j));
        }
        else
        {
            int k = edge - horizontalEdges, j = k / n, i = k % n;
            double t = Fraction(grid[i, j], grid[i, j + 1], level);
            return (grid.X(i), grid.Y(j) + t * (grid.Y(j + 1) - grid.Y(j)));
        }
    }

    private static double Fraction(double a, double b, double level) => a == b ? 0.5 : (level - a) / (b - a);
}
