using System.Globalization;
using Regviz.Core.Traces;
using ScottPlot;

namespace Regviz.Plotting;

/// <summary>
/// An optimiser's iterates drawn so that 40 steps or 100,000 stay legible: a thin translucent line through every
/// iterate (overlapping zig-zags build up a band instead of a black scribble), dots only where they do not pile
/// on one another, arrowheads only on the early steps before the iterates first turn back, where they are long
/// enough to carry one and clear of the others (heads stacked on a zig-zag made the scribble), the first
/// steps numbered and the last one labelled with its value, which is what tells subgradient descent (never exactly
/// on the axis) from ISTA (on it).
/// </summary>
internal static class TraceMarks
{
    /// <summary>Arrows go on the first steps only: there the direction is the story.</summary>
    private const int ArrowSteps = 16;

    /// <summary>The iterates; in a frame of an animation paced by distance, the line goes on to <paramref name="pen"/>, partway to the next iterate.</summary>
    public static void Draw(PlotCanvas c, OptimiserTrace trace, double[]? pen = null)
    {
        float s = c.Scale;
        var color = c.Theme.Trace;
        var pts = trace.Iterates;
        var route = pen is null ? pts : [.. pts, pen];
        var pixels = pts.Select(p => c.Frame.ToPixel(c.Range, p[0], p[1])).ToArray();
        var routePixels = pen is null ? pixels : [.. pixels, c.Frame.ToPixel(c.Range, pen[0], pen[1])];
        var style = new LineStyle { Color = color.WithAlpha(0.6), Width = c.Theme.Lines.Trace * s, Pattern = c.Theme.Dashes.Trace };
        c.Plot.Add.Plottable(new TraceLine(route, NewRuns(routePixels), style));

        float dot = 4 * s;
        var kept = Sparse(pixels, 2.5f * dot);
        var dots = c.Plot.Add.ScatterPoints(kept.Select(i => pts[i][0]).ToArray(), kept.Select(i => pts[i][1]).ToArray(), color.WithAlpha(0.85));
        dots.MarkerSize = dot;

        float head = 9 * s;
        var heads = new List<(float X, float Y)>();
        for (int i = 1; i < Math.Min(pts.Count, ArrowSteps); i++)
        {
            var (a, b) = (pixels[i - 1], pixels[i]);
            // once the iterates turn back (a zig-zag, a cycle, a spiral), heads would pile up on the same few
            // points: the line and dots show the rest
            if (i > 1 && Turns(pixels[i - 2], a, b)) break;
            bool longEnough = Distance(a, b) >= 2.5f * head;
            bool clear = heads.All(h => Distance(h, b) >= 1.5f * head);
            if (!longEnough || !clear) continue;
            heads.Add(b);
            var arrow = c.Plot.Add.Arrow(new Coordinates(pts[i - 1][0], pts[i - 1][1]), new Coordinates(pts[i][0], pts[i][1]));
            arrow.ArrowFillColor = color.WithAlpha(0.9);
            arrow.ArrowLineColor = color.WithAlpha(0.9);
            arrow.ArrowWidth = c.Theme.Lines.Trace * s;
            arrow.ArrowheadWidth = 7 * s;
            arrow.ArrowheadLength = head;
        }

        // the last iterate: a ring, so it shows even on top of w*'s dot
        var last = c.Plot.Add.Marker(pts[^1][0], pts[^1][1], MarkerShape.OpenCircle, 10 * s, color);
        last.MarkerLineWidth = 1.5f * s;
        // the head of the route in a frame between iterates: the eye follows a dot, not the end of a thin line
        if (pen is not null) c.Plot.Add.Marker(pen[0], pen[1], MarkerShape.FilledCircle, 7 * s, color);
    }

    /// <summary>
    /// The trace's start and end, which no text may hide, and its line, which captions may sit beside but not across.
    /// </summary>
    public static void Protect(PlotCanvas c, OptimiserTrace trace)
    {
        var pts = trace.Iterates;
        c.Labels.ReserveLine(pts.Select(p => p[0]).ToArray(), pts.Select(p => p[1]).ToArray(), 2 * c.Scale);
        c.Protect("trace_start", pts[0][0], pts[0][1], c.Theme.Trace);
        if (pts.Count > 1) c.Protect("trace_end", pts[^1][0], pts[^1][1], c.Theme.Trace, 7 * c.Scale);
    }

    /// <summary>Numbers on the first iterates, the last step's value and the divergence note, placed after the legend and captions.</summary>
    public static void Label(PlotCanvas c, OptimiserTrace trace)
    {
        if (!c.Parts.Labels) return; // --no-labels (and --clean): no text inside the data area, the trace's numbers too
        float s = c.Scale;
        var color = c.Theme.Trace;
        var pts = trace.Iterates;
        var pixels = pts.Select(p => c.Frame.ToPixel(c.Range, p[0], p[1])).ToArray();
        float small = c.Theme.Fonts.Label(11) * s;
        for (int i = 0; i < Math.Min(pts.Count, 4); i++)
        {
            // a number only where its iterate stands apart from the previous one: piled-up numbers read as noise
            if (i > 0 && Distance(pixels[i], pixels[i - 1]) < 2 * small) break;
            string text = i.ToString(CultureInfo.InvariantCulture);
            if (c.Labels.Beside(pts[i][0], pts[i][1], text, small, 5 * s) is { } at)
                c.Label(text, pts[i][0], pts[i][1], small, color, at.Dx, at.Dy);
        }
        var end = pts[^1];
        if (trace.Diverged)
        {
            string text = $"diverged after {FigureText.Counted(pts.Count - 1, "step")} (step 1/L too long here)";
            if (c.Labels.Beside(end[0], end[1], text, c.Theme.Fonts.Labels * s, 8 * s) is { } at)
                c.Label(text, end[0], end[1], c.Theme.Fonts.Labels * s, c.Theme.Loss, at.Dx, at.Dy, bold: true);
            return;
        }
        if (pts.Count < 2) return;
        string endText = $"step {(pts.Count - 1).ToString("N0", CultureInfo.InvariantCulture)}: ({PenaltyNames.Number(end[0])}, {PenaltyNames.Number(end[1])})";
        if (c.Labels.Beside(end[0], end[1], endText, small, 12 * s) is { } e)
            c.Label(endText, end[0], end[1], small, color, e.Dx, e.Dy);
    }

    /// <summary>
    /// The indices of iterates kept so that no two kept ones are closer than <paramref name="gap"/> pixels (first
    /// come, first kept), found through a grid of <paramref name="gap"/>-sized cells: linear in the step count.
    /// </summary>
    private static List<int> Sparse((float X, float Y)[] pixels, float gap)
    {
        var cells = new Dictionary<(int, int), List<int>>();
        var kept = new List<int>();
        (int, int) Cell((float X, float Y) p) => ((int)MathF.Floor(p.X / gap), (int)MathF.Floor(p.Y / gap));
        bool Free(int i)
        {
            var (cx, cy) = Cell(pixels[i]);
            for (int dx = -1; dx <= 1; dx++)
                for (int dy = -1; dy <= 1; dy++)
                    if (cells.TryGetValue((cx + dx, cy + dy), out var near) && near.Any(j => Distance(pixels[j], pixels[i]) < gap))
                        return false;
            return true;
        }
        void Keep(int i)
        {
            kept.Add(i);
            var key = Cell(pixels[i]);
            if (!cells.TryGetValue(key, out var list)) cells[key] = list = [];
            list.Add(i);
        }
        for (int i = 0; i < pixels.Length; i++)
            if (float.IsFinite(pixels[i].X) && float.IsFinite(pixels[i].Y) && Free(i)) Keep(i);
        return kept;
    }

    /// <summary>
    /// The iterates' line as runs of steps not drawn before (first and last iterate of each run). A zig-zag of 100,000
    /// subgradient steps retraces the same few pixels over and over, and Skia's rasteriser pays for every edge that
    /// crosses a scanline: one path of them all took time growing faster than the steps (27 s at 100,000). A step
    /// whose ends, on a quarter-pixel grid, are those of a step already drawn adds no ink (the line is drawn at one
    /// alpha, not accumulated), so it is left out; what is drawn is linear in the steps.
    /// </summary>
    internal static List<(int From, int To)> NewRuns((float X, float Y)[] pixels)
    {
        var drawn = new HashSet<(long, long)>();
        var runs = new List<(int From, int To)>();
        long Key((float X, float Y) p) => float.IsFinite(p.X) && float.IsFinite(p.Y)
            ? ((long)MathF.Round(p.X * 4) << 32) ^ (uint)(int)MathF.Round(p.Y * 4) : long.MinValue;
        int start = -1;
        for (int i = 1; i < pixels.Length; i++)
        {
            long a = Key(pixels[i - 1]), b = Key(pixels[i]);
            bool fresh = drawn.Add(a <= b ? (a, b) : (b, a));
            if (fresh && start < 0) start = i - 1;
            if (!fresh && start >= 0)
            {
                runs.Add((start, i - 1));
                start = -1;
            }
        }
        if (start >= 0) runs.Add((start, pixels.Length - 1));
        if (runs.Count == 0 && pixels.Length > 0) runs.Add((0, pixels.Length - 1)); // one iterate, or all at one pixel
        return runs;
    }

    /// <summary>Whether the step b − a reverses the step a − before it (their directions more than 90° apart).</summary>
    private static bool Turns((float X, float Y) before, (float X, float Y) a, (float X, float Y) b) =>
        (a.X - before.X) * (b.X - a.X) + (a.Y - before.Y) * (b.Y - a.Y) < 0;

    private static float Distance((float X, float Y) a, (float X, float Y) b) => MathF.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
