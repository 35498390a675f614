using System.Globalization;
using Regviz.Core.Contours;
using Regviz.Core.Scenes;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Regviz.Plotting;

/// <summary>
/// Coefficients against λ, glmnet style: one line per feature, labelled at its end; the number of non-zero
/// coefficients along the top axis; λ decreasing to the right (log scale), so coefficients grow out of zero
/// as ESL's figure 3.10 draws them. With <c>--xvar norm</c> the x axis is ‖w‖₁ instead. Where a non-convex path
/// jumps, each line breaks and a thin dotted connector joins the jump's two sides.
/// </summary>
public static class PathFigure
{
    /// <summary>The coefficient path: one line per weight against log λ (or ‖w‖₁), exact knots for l1.</summary>
    public static Plot Render(PathScene scene, FigureStyle style)
    {
        var points = scene.DrawnPoints();
        var xs = points.Select(scene.X).ToArray();
        int k = scene.FeatureNames.Count;
        double yMin = Math.Min(0, points.Min(p => p.Weights.Min())), yMax = Math.Max(0, points.Max(p => p.Weights.Max()));
        double ySpan = Math.Max(yMax - yMin, 1e-12);
        // the x axis ends where the data does (the fraction axis at s = 1): the feature names go in the margin beyond it
        double xStart = xs[0], xEnd = xs[^1];
        if (xStart == xEnd) (xStart, xEnd) = (xStart - 0.5, xEnd + 0.5);
        var range = new PlaneRange(xStart, xEnd, yMin - 0.06 * ySpan, yMax + 0.06 * ySpan);
        var names = EndNames(scene, style);
        string xLabel = scene.XVar switch
        {
            PathAxis.Lambda => "λ (log scale, decreasing)",
            PathAxis.Norm => "‖w‖₁",
            _ => $"shrinkage factor s = ‖w‖₁ / ‖ŵ‖₁ (ŵ: {(scene.LossNote is null ? "least squares" : "unregularised")})",
        };
        string notes = (scene.LossNote is { } n ? ", " + n : "") + (scene.Standardized ? ", standardized columns" : "");
        var canvas = new PlotCanvas(style, range, style.Title ?? $"{PenaltyNames.Display(scene.Penalty)} path{notes}\n(top axis: number of non-zero coefficients)", xLabel,
            scene.Standardized ? "coefficient (original scale)" : "coefficient", verticalZeroLine: false, extraTop: 40,
            extraRight: names.Max(n => n.Width) + 10 * style.Scale);
        var theme = canvas.Theme;
        float s = canvas.Scale;

        if (scene.XVar == PathAxis.Lambda) canvas.Plot.Axes.Bottom.TickGenerator = DecadeTicks(range);

        if (scene.ShowKnots) Knots(canvas, scene);

        // a non-convex path's jumps: each line breaks there (a segment across would not be on the path)
        var jumps = JumpsAfter(scene, points);
        var ends = new List<(double Y, TitleText Name, Color Color)>();
        for (int j = 0; j < k; j++)
        {
            // colours in turn, then the next dash: a style with few colours (print) still tells every line apart
            var (colors, dashes) = (theme.Series, theme.Dashes.Series);
            var color = colors[j % colors.Count];
            var ys = points.Select(p => p.Weights[j]).ToArray();
            int start = 0;
            foreach (int end in jumps.Append(points.Count - 1))
            {
                if (end > start)
                    canvas.Line(new Polyline(xs[start..(end + 1)], ys[start..(end + 1)]), color, theme.Lines.Curves * s, dashes[j / colors.Count % dashes.Count]);
                // a thin dotted connector joins the jump's sides (vertical on the λ axis, where they are at one λ), so the
                // eye still follows the coefficient across without reading the jump as a stretch of path
                if (end < points.Count - 1 && ys[end] != ys[end + 1])
                    canvas.Line(new Polyline([xs[end], xs[end + 1]], [ys[end], ys[end + 1]]), color.WithAlpha(0.55), 1 * s, LinePattern.Dotted);
                start = end + 1;
            }
            ends.Add((ys[^1], names[j].Text, color));
        }

        if (scene.Marker is { } mark)
        {
            // the mark is a λ on the λ and ‖w‖₁ axes (there, at the ‖w‖₁ of the nearest point), an s on the fraction axis
            double x = scene.XVar switch
            {
                PathAxis.Lambda => Math.Log10(mark),
                PathAxis.Norm => scene.Path.Points.Concat(scene.Path.Knots ?? []).Where(p => p.Lambda > 0)
                    .MinBy(p => Math.Abs(Math.Log(p.Lambda / mark)))!.Weights.Sum(Math.Abs),
                _ => mark,
            };
            var v = canvas.Plot.Add.VerticalLine(x, 1.5f * s, theme.Foreground.WithAlpha(0.6));
            v.LinePattern = LinePattern.Dashed;
            string text = scene.XVar == PathAxis.Fraction ? $"s = {PenaltyNames.Number(mark)}" : $"λ = {PenaltyNames.Number(mark)}";
            float size = theme.Fonts.Labels * s;
            var (_, h) = canvas.Labels.Measure(text, size);
            canvas.Label(text, x, range.Y1, size, theme.Foreground, 0, h / 2 + 4 * s);
        }

        NonZeroCounts(canvas, scene, points, xs, range);
        EndLabels(canvas, ends, range);
        return canvas.Plot;
    }

    /// <summary>
    /// The exact knots, where the lasso path bends: a faint vertical line at each (scikit-learn's plot_lasso_lars) and a
    /// dot on every coefficient there, so the reader sees which coefficient entered or left.
    /// </summary>
    private static void Knots(PlotCanvas canvas, PathScene scene)
    {
        float s = canvas.Scale;
        var colors = canvas.Theme.Series; // the coefficient's own line colour
        foreach (var knot in scene.ShownKnots())
        {
            var v = canvas.Plot.Add.VerticalLine(scene.X(knot), 1 * s, canvas.Theme.Muted.WithAlpha(0.45));
            v.LinePattern = LinePattern.Dotted;
        }
        // a dot where a coefficient is active on either side of the knot: where it enters, bends or leaves, not all
        // along the zero line of the coefficients still waiting
        var knots = scene.ShownKnots().OrderByDescending(k => k.Lambda).ToArray();
        for (int j = 0; j < scene.FeatureNames.Count; j++)
        {
            var active = knots.Where((k, i) => k.Weights[j] != 0 || (i > 0 && knots[i - 1].Weights[j] != 0) || (i + 1 < knots.Length && knots[i + 1].Weights[j] != 0)).ToArray();
            var dots = canvas.Plot.Add.ScatterPoints(active.Select(scene.X).ToArray(), active.Select(k => k.Weights[j]).ToArray(), colors[j % colors.Count]);
            dots.MarkerSize = 5 * s;
            foreach (var k in active) canvas.Protect("knot", scene.X(k), k.Weights[j], colors[j % colors.Count]);
        }
    }

    /// <summary>
    /// Each feature's name as drawn beside its line's end (cleaned and shortened as the alt text names it; a CJK name in
    /// a font that has it), and its width: the right margin is made as wide as the widest.
    /// </summary>
    private static (TitleText Text, float Width)[] EndNames(PathScene scene, FigureStyle style)
    {
        float size = style.Theme.Fonts.Labels * style.Scale;
        return [.. scene.FeatureNames.Select(n =>
        {
            var text = TitleText.Layout(FigureText.Name(n), style.Theme.FontFamily, size, float.MaxValue);
            return (text, text.Lines.Count == 0 ? 0 : text.Lines.Max(l => l.Sum(r => r.Width)));
        })];
    }

    /// <summary>Feature names in the right margin, level with their lines' ends, nudged apart vertically so none overlap.</summary>
    private static void EndLabels(PlotCanvas canvas, List<(double Y, TitleText Name, Color Color)> ends, PlaneRange range)
    {
        float s = canvas.Scale, size = canvas.Theme.Fonts.Labels * s;
        double unitsPerPixel = range.Height / canvas.Frame.DataHeight;
        double minGap = size * 1.3 * unitsPerPixel;
        var placed = ends.OrderBy(e => e.Y).ToArray();
        var y = placed.Select(p => p.Y).ToArray();
        for (int i = 1; i < y.Length; i++) y[i] = Math.Max(y[i], y[i - 1] + minGap);
        double overflow = y.Length > 0 ? y[^1] - (range.Y1 - minGap / 2) : 0;
        if (overflow > 0) for (int i = 0; i < y.Length; i++) y[i] -= overflow;
        for (int i = y.Length - 2; i >= 0; i--) y[i] = Math.Min(y[i], y[i + 1] - minGap);
        var frame = canvas.Frame;
        float left = frame.Width - frame.Right + 6 * s;
        for (int i = 0; i < placed.Length; i++)
        {
            var (_, py) = frame.ToPixel(range, range.X1, y[i]);
            var name = placed[i].Name;
            float width = name.Lines.Count == 0 ? 0 : name.Lines[0].Sum(r => r.Width);
            // drawn after the axes, outside the data area, as a wrapped title is
            canvas.Plot.RenderManager.RenderActions.Add(new TitleText.Step(name, left + width / 2, py - 0.65f * size, placed[i].Color));
            canvas.Log.Fixed(string.Concat(name.Lines.SelectMany(l => l).Select(r => r.Text)), "line_name",
                new PixelBox(left, py - 0.65f * size, left + width, py + 0.6f * size));
        }
    }

    /// <summary>
    /// The top axis: how many coefficients are non-zero, marked where the count changes (at the knot itself for the exact
    /// lasso, else at the first drawn point with the new count) and nowhere else, so no number is repeated; a mark too
    /// close to the one before for its number to fit is left out, and so is any that would then repeat its neighbour.
    /// </summary>
    private static void NonZeroCounts(PlotCanvas canvas, PathScene scene, IReadOnlyList<Regviz.Core.Paths.PathPoint> points, double[] xs, PlaneRange range)
    {
        var changes = new List<(double X, int Count)> { (xs[0], NonZero(points[0])) };
        for (int i = 1; i < points.Count; i++)
        {
            int count = NonZero(points[i]);
            if (count == NonZero(points[i - 1])) continue;
            double x = AtKnot(scene, points, i - 1) ? xs[i - 1] : xs[i];
            // at λ_max the first coefficient enters at once: the count there is the one just after it
            if (x == changes[^1].X) changes[^1] = (x, count);
            else changes.Add((x, count));
        }
        float s = canvas.Scale, size = canvas.Theme.Fonts.Ticks * s;
        double pixelsPerUnit = canvas.Frame.DataWidth / Math.Abs(range.Width);
        var kept = new List<(double X, int Count)>();
        foreach (var c in changes)
        {
            if (kept.Count > 0)
            {
                var last = kept[^1];
                string both = $"{last.Count}{c.Count}";
                if (Math.Abs(c.X - last.X) * pixelsPerUnit < canvas.Labels.Measure(both, size).Width * 0.75f + 4 * s) continue;
                if (c.Count == last.Count) continue;
            }
            kept.Add(c);
        }
        var top = new NumericManual();
        foreach (var (x, count) in kept) top.AddMajor(x, count.ToString(CultureInfo.InvariantCulture));
        canvas.Plot.Axes.Top.TickGenerator = top;
        canvas.Plot.Axes.Top.TickLabelStyle.FontSize = size;
        canvas.Plot.Axes.Top.TickLabelStyle.ForeColor = canvas.Theme.Foreground;
        canvas.Plot.Axes.SetLimitsX(range.X0, range.X1, canvas.Plot.Axes.Top);
    }

    /// <summary>The indices i of drawn points after which the path jumps (from point i to point i + 1), increasing.</summary>
    internal static int[] JumpsAfter(PathScene scene, IReadOnlyList<Regviz.Core.Paths.PathPoint> points) =>
        scene.Path.Jumps.Count == 0 ? [] : [.. Enumerable.Range(0, points.Count - 1).Where(i => scene.Path.IsJump(points[i].Lambda, points[i + 1].Lambda))];

    private static int NonZero(Regviz.Core.Paths.PathPoint p) => p.Weights.Count(w => w != 0);

    /// <summary>
    /// Whether drawn point <paramref name="i"/> is one where a coefficient is still 0 and starts to move: a knot of the
    /// exact lasso, an entry point of another path (Regviz.Core.Paths.EntryPoints), or the grid's first point when w = 0
    /// there (λ_max, where the first coefficient enters, for every penalty that zeroes w).
    /// </summary>
    internal static bool AtKnot(PathScene scene, IReadOnlyList<Regviz.Core.Paths.PathPoint> points, int i) =>
        (i == 0 && points[0].Weights.All(w => w == 0))
        || (scene.Path.Knots is { } knots && knots.Any(k => k.Lambda == points[i].Lambda))
        || scene.Path.EntryLambdas.Contains(points[i].Lambda);

    /// <summary>Ticks at whole decades of λ (and 2..9 × as minor ticks), labelled with λ itself rather than its logarithm.</summary>
    private static NumericManual DecadeTicks(PlaneRange range)
    {
        var ticks = new NumericManual();
        double lo = Math.Min(range.X0, range.X1), hi = Math.Max(range.X0, range.X1);
        for (int d = (int)Math.Floor(lo); d <= (int)Math.Ceiling(hi); d++)
        {
            if (d >= lo && d <= hi) ticks.AddMajor(d, PenaltyNames.Number(Math.Pow(10, d)));
            for (int m = 2; m <= 9; m++)
            {
                double x = d + Math.Log10(m);
                if (x >= lo && x <= hi) ticks.AddMinor(x);
            }
        }
        return ticks;
    }
}
