using System.Globalization;
using Regviz.Core.Contours;
using Regviz.Core.Scenes;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Regviz.Plotting;

/// <summary>
/// Coefficients against λ, glmnet style: one line per feature, labelled at its end; the number of non-zero
/// coefficients along the top axis; λ decreasing to the right (log scale), so coefficients grow out of zero
/// as ESL's figure 3.10 draws them. With <c>--xvar norm</c> the x axis is ‖w‖₁ instead.
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
        double xStart = xs[0], xEnd = xs[^1], xSpan = xEnd - xStart; // xStart at λ_max; xEnd at the smallest λ (signed span)
        // the far end gets room for the feature names
        var range = new PlaneRange(xStart - 0.02 * xSpan, xEnd + 0.2 * xSpan, yMin - 0.06 * ySpan, yMax + 0.06 * ySpan);

        string xLabel = scene.XVar == PathAxis.Lambda ? "λ (log scale, decreasing)" : "‖w‖₁";
        var canvas = new PlotCanvas(style, range, style.Title ?? $"{PenaltyNames.Display(scene.Penalty)} path{(scene.LossNote is { } n ? ", " + n : "")}\n(top axis: number of non-zero coefficients)", xLabel, "coefficient",
            verticalZeroLine: false, extraTop: 40);
        var theme = canvas.Theme;
        float s = canvas.Scale;

        if (scene.XVar == PathAxis.Lambda) canvas.Plot.Axes.Bottom.TickGenerator = DecadeTicks(range);

        var ends = new List<(double Y, string Name, Color Color)>();
        for (int j = 0; j < k; j++)
        {
            // colours in turn, then the next dash: a style with few colours (print) still tells every line apart
            var (colors, dashes) = (theme.Series, theme.Dashes.Series);
            var color = colors[j % colors.Count];
            var line = new Polyline(xs, points.Select(p => p.Weights[j]).ToArray());
            canvas.Line(line, color, theme.Lines.Curves * s, dashes[j / colors.Count % dashes.Count]);
            ends.Add((line.Y[^1], scene.FeatureNames[j], color));
        }

        if (scene.Marker is { } lambda)
        {
            var at = scene.Path.Points.Concat(scene.Path.Knots ?? []).MinBy(p => Math.Abs(Math.Log(p.Lambda / lambda)))!;
            double x = scene.XVar == PathAxis.Lambda ? Math.Log10(lambda) : at.Weights.Sum(Math.Abs);
            var v = canvas.Plot.Add.VerticalLine(x, 1.5f * s, theme.Foreground.WithAlpha(0.6));
            v.LinePattern = LinePattern.Dashed;
            string text = $"λ = {PenaltyNames.Number(lambda)}";
            var (_, h) = canvas.Labels.Measure(text, theme.Fonts.Labels * s);
            canvas.Label(text, x, range.Y1, theme.Fonts.Labels * s, theme.Foreground, 0, h / 2 + 4 * s);
        }

        NonZeroCounts(canvas, scene, points, xs, range);
        EndLabels(canvas, ends, xEnd, range);
        return canvas.Plot;
    }

    /// <summary>Feature names beside the lines' ends, nudged apart vertically so none overlap.</summary>
    private static void EndLabels(PlotCanvas canvas, List<(double Y, string Name, Color Color)> ends, double xEnd, PlaneRange range)
    {
        float s = canvas.Scale, size = canvas.Theme.Fonts.Labels * s;
        double unitsPerPixel = range.Height / canvas.Frame.DataHeight;
        double minGap = size * 1.3 * unitsPerPixel;
        var placed = ends.OrderBy(e => e.Y).Select(e => (e.Y, e.Name, e.Color)).ToArray();
        var y = placed.Select(p => p.Y).ToArray();
        for (int i = 1; i < y.Length; i++) y[i] = Math.Max(y[i], y[i - 1] + minGap);
        double overflow = y.Length > 0 ? y[^1] - (range.Y1 - minGap / 2) : 0;
        if (overflow > 0) for (int i = 0; i < y.Length; i++) y[i] -= overflow;
        for (int i = y.Length - 2; i >= 0; i--) y[i] = Math.Min(y[i], y[i + 1] - minGap);
        for (int i = 0; i < placed.Length; i++)
        {
            var label = canvas.Plot.Add.Text(placed[i].Name, xEnd, y[i]);
            // a column name the style's font cannot draw (CJK) takes the machine's font that can
            string family = FontFallback.LabelFamily(placed[i].Name, canvas.Theme.FontFamily);
            label.LabelFontName = family;
            label.LabelStyle.Font = ScottPlot.Fonts.GetTypeface(family, false, false);
            label.LabelFontSize = size;
            label.LabelFontColor = placed[i].Color;
            label.LabelAlignment = Alignment.MiddleLeft;
            label.LabelOffsetX = 6 * s;
        }
    }

    /// <summary>The top axis: how many coefficients are non-zero, at evenly spaced x positions, as glmnet shows it.</summary>
    private static void NonZeroCounts(PlotCanvas canvas, PathScene scene, IReadOnlyList<Regviz.Core.Paths.PathPoint> points, double[] xs, PlaneRange range)
    {
        var top = new NumericManual();
        const int marks = 7;
        for (int m = 0; m < marks; m++)
        {
            double x = xs[0] + (xs[^1] - xs[0]) * m / (marks - 1);
            int nearest = Enumerable.Range(0, xs.Length).MinBy(i => Math.Abs(xs[i] - x));
            int df = points[nearest].Weights.Count(w => w != 0);
            top.AddMajor(xs[nearest], df.ToString(CultureInfo.InvariantCulture));
        }
        canvas.Plot.Axes.Top.TickGenerator = top;
        canvas.Plot.Axes.Top.TickLabelStyle.FontSize = canvas.Theme.Fonts.Ticks * canvas.Scale;
        canvas.Plot.Axes.Top.TickLabelStyle.ForeColor = canvas.Theme.Foreground;
        canvas.Plot.Axes.SetLimitsX(range.X0, range.X1, canvas.Plot.Axes.Top);

    }

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
