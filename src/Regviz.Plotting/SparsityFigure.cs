using Regviz.Core.Contours;
using Regviz.Core.Sparsity;
using ScottPlot;

namespace Regviz.Plotting;

/// <summary>
/// The sparsity experiment as a picture: one panel per norm, laid out by <see cref="PanelGrid"/>, each showing the
/// cloud of optima over the norm ball, with the optima that have an exactly-zero coefficient in a colour of their own.
/// Each panel's title gives the measured fraction and how many of its drawn dots have a zero; the legend, the same for
/// every panel, is drawn once for all.
/// </summary>
public static class SparsityFigure
{
    /// <summary>
    /// The sparsity experiment's panels, one per penalty, each <paramref name="panel"/>'s size (its title is each
    /// panel's own), with their legends hidden for <see cref="PanelGrid"/> to draw once.
    /// </summary>
    public static IReadOnlyList<Plot> Panels(IReadOnlyList<SparsityResult> results, double? radius, double? lambda, FigureStyle panel) =>
        [.. results.Select(r => Panel(r, radius, lambda, panel))];

    /// <summary>
    /// A panel's title: the norm, the share of all trials with a zero, and how many of the dots drawn have one
    /// ("of N drawn" when the dots are a sample of the trials).
    /// </summary>
    internal static string Title(SparsityResult r)
    {
        long sparse = r.Sample.Count(SparsityExperiment.IsSparse);
        // no-break spaces: a title that wraps moves the whole count to the next line, not half of it
        string of = r.Sample.Length < r.Trials ? $"{r.Sample.Length:N0}\u00a0drawn" : $"{r.Sample.Length:N0}";
        return $"{PenaltyNames.Display(r.Penalty)}: {100 * r.SparseFraction:0.0}% have a zero ({sparse:N0}\u00a0of\u00a0{of})";
    }

    internal static Plot Panel(SparsityResult r, double? radius, double? lambda, FigureStyle style)
    {
        var sample = r.Sample;
        style = style with { Title = Title(r) };
        double t = radius ?? 1.0;
        double extent = lambda is null
            ? 1.3 * t
            : 1.1 * Math.Max(sample.Max(w => Math.Max(Math.Abs(w.X), Math.Abs(w.Y))), 1e-9);
        var range = new PlaneRange(-extent, extent, -extent, extent).WithAspect(style.Frame().Aspect, 1);
        var c = new PlotCanvas(style, range, style.Title!, "w₁", "w₂", parts: FigureParts.All with { Legend = false });
        var theme = c.Theme;
        float s = c.Scale;

        if (lambda is null)
            c.Line(Polyline.From(r.Penalty.LevelSet(r.Penalty.ValueAtNorm(t))), theme.Norm, theme.Lines.Ball * s, theme.Dashes.Penalty);

        var sparse = sample.Where(SparsityExperiment.IsSparse).ToArray();
        var dense = sample.Where(w => !SparsityExperiment.IsSparse(w)).ToArray();
        if (dense.Length > 0)
        {
            var sc = c.Plot.Add.ScatterPoints(dense.Select(w => w.X).ToArray(), dense.Select(w => w.Y).ToArray(), theme.Foreground.WithAlpha(0.25));
            sc.MarkerSize = 4 * s;
        }
        if (sparse.Length > 0)
        {
            var sc = c.Plot.Add.ScatterPoints(sparse.Select(w => w.X).ToArray(), sparse.Select(w => w.Y).ToArray(), theme.Loss);
            sc.MarkerSize = 7 * s;
        }
        // the same entries in every panel: the grid draws them once; the counts, which differ, are in each title
        var items = new List<LegendItem>();
        if (lambda is null) items.Add(c.LineItem($"the ball N(w) ≤ {PenaltyNames.Number(t)}", theme.Norm, theme.Lines.Ball * s, theme.Dashes.Penalty));
        items.Add(c.MarkerItem("optimum with a coefficient exactly 0", MarkerShape.FilledCircle, theme.Loss, 8 * s));
        items.Add(c.MarkerItem("optimum with both non-zero", MarkerShape.FilledCircle, theme.Muted, 8 * s));
        c.Legend(Alignment.UpperRight, items);
        CountHalfAxes(c, sparse);
        return c.Plot;
    }

    /// <summary>
    /// Optima on an axis pile up (for a ball, all at its corner), so a dot cannot show how many there are:
    /// each half-axis gets its count written beside the pile.
    /// </summary>
    private static void CountHalfAxes(PlotCanvas c, (double X, double Y)[] sparse)
    {
        var groups = sparse
            .Where(w => w.X != 0 || w.Y != 0)
            .GroupBy(w => w.Y == 0 || Math.Abs(w.Y) < Math.Abs(w.X) ? (Axis: 0, Sign: Math.Sign(w.X)) : (Axis: 1, Sign: Math.Sign(w.Y)));
        foreach (var g in groups)
        {
            double x = g.Average(w => w.X), y = g.Average(w => w.Y);
            string text = g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture);
            float size = c.Theme.Fonts.Label(13) * c.Scale;
            if (c.Labels.Beside(x, y, text, size, 8 * c.Scale) is { } at)
                c.Label(text, x, y, size, c.Theme.Loss, at.Dx, at.Dy, bold: true);
        }
    }
}
