using Regviz.Core.Contours;
using Regviz.Core.Solvers;
using Regviz.Core.Sparsity;
using ScottPlot;

namespace Regviz.Plotting;

/// <summary>
/// The sparsity experiment as a picture: one panel per norm, laid out by <see cref="PanelGrid"/>, each showing where
/// the optima land over the norm ball as discs whose area counts them (<see cref="SparsityDiscs"/>), those with an
/// exactly-zero coefficient in a colour of their own.
/// Each panel's title gives the measured fraction and how many of its drawn dots have a zero; the legend, the same for
/// every panel, is drawn once for all.
/// </summary>
public static class SparsityFigure
{
    /// <summary>
    /// The sparsity experiment's panels, one per penalty, each <paramref name="panel"/>'s size (its title is each
    /// panel's own), with their legends hidden for <see cref="PanelGrid"/> to draw once.
    /// </summary>
    public static IReadOnlyList<Plot> Panels(IReadOnlyList<SparsityResult> results, Form form, FigureStyle panel)
    {
        ArgumentNullException.ThrowIfNull(form);
        // one area per optimum for all panels: the largest pool of any panel gets a disc a seventh of a panel across,
        // unless that would cover more than a twelfth of a panel with discs (optima spread over the plane, penalised)
        int largest = results.Max(r => SparsityDiscs.Pools(r.Sample, Extent(r, form)).Select(p => p.Count).DefaultIfEmpty(1).Max());
        int drawn = results.Max(r => Math.Max(1, r.Sample.Length));
        double area = Math.Min(SparsityDiscs.AreaPerOptimum(largest, Math.Min(panel.Width, panel.Height) / 7f), panel.Width * panel.Height / 12.0 / drawn);
        return [.. results.Select(r => Panel(r, form, panel, area))];
    }

    /// <summary>Half the panel's width in the plane: the ball and a margin, or (penalised) every optimum drawn.</summary>
    private static double Extent(SparsityResult r, Form form) => form is ConstrainedForm c
        ? 1.3 * c.Radius
        : 1.1 * Math.Max(r.Sample.Select(w => Math.Max(Math.Abs(w.X), Math.Abs(w.Y))).DefaultIfEmpty(0).Max(), 1e-9);

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

    internal static Plot Panel(SparsityResult r, Form form, FigureStyle style, double areaPerOptimum)
    {
        var sample = r.Sample;
        style = style with { Title = Title(r) };
        var ball = form as ConstrainedForm;
        double extent = Extent(r, form);
        var range = new PlaneRange(-extent, extent, -extent, extent).WithAspect(style.Frame().Aspect, 1);
        var c = new PlotCanvas(style, range, style.Title!, "w₁", "w₂", parts: FigureParts.All with { Legend = false });
        var theme = c.Theme;
        float s = c.Scale;

        if (ball is { Radius: var t })
            c.Line(Polyline.From(r.Penalty.LevelSet(r.Penalty.ValueAtNorm(t))), theme.Norm, theme.Lines.Ball * s, theme.Dashes.Penalty);

        var pools = SparsityDiscs.Pools(sample, extent);
        SparsityDiscs.Draw(c, pools, areaPerOptimum);
        var sparse = sample.Where(SparsityExperiment.IsSparse).ToArray();
        // the same entries in every panel: the grid draws them once; the counts, which differ, are in each title
        var items = new List<LegendItem>();
        if (ball is not null) items.Add(c.LineItem($"the ball N(w) ≤ {PenaltyNames.Number(ball.Radius)}", theme.Norm, theme.Lines.Ball * s, theme.Dashes.Penalty));
        items.Add(c.MarkerItem("optima with a coefficient exactly 0", MarkerShape.FilledCircle, theme.Loss.WithAlpha(0.8), 8 * s));
        items.Add(c.MarkerItem("optima with both non-zero", MarkerShape.FilledCircle, theme.Foreground.WithAlpha(0.45), 8 * s));
        items.Add(c.MarkerItem("a disc's area is proportional to the optima it holds", MarkerShape.OpenCircle, theme.Foreground, 8 * s));
        c.Legend(Alignment.UpperRight, items);
        CountHalfAxes(c, sparse, areaPerOptimum);
        return c.Plot;
    }

    /// <summary>
    /// Optima on an axis pile up (for a ball, all at its corner), so a dot cannot show how many there are:
    /// each half-axis gets its count written beside the pile.
    /// </summary>
    private static void CountHalfAxes(PlotCanvas c, (double X, double Y)[] sparse, double areaPerOptimum)
    {
        var groups = sparse
            .Where(w => w.X != 0 || w.Y != 0)
            .GroupBy(w => w.Y == 0 || Math.Abs(w.Y) < Math.Abs(w.X) ? (Axis: 0, Sign: Math.Sign(w.X)) : (Axis: 1, Sign: Math.Sign(w.Y)));
        foreach (var g in groups)
        {
            double x = g.Average(w => w.X), y = g.Average(w => w.Y);
            string text = g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture);
            float size = c.Theme.Fonts.Label(13) * c.Scale;
            // beside the pile's disc, not on it (a corner's pile is one disc of all its optima)
            float gap = Math.Min(SparsityDiscs.Diameter(g.Count(), areaPerOptimum) / 2, c.Frame.DataWidth / 12) + 6 * c.Scale;
            if (c.Labels.Beside(x, y, text, size, gap) is { } at)
                c.Label(text, x, y, size, c.Theme.Loss, at.Dx, at.Dy, bold: true);
        }
    }
}
