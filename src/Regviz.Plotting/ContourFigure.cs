using Regviz.Core.Contours;
using Regviz.Core.Scenes;
using ScottPlot;

namespace Regviz.Plotting;

/// <summary>
/// The main figure: loss contours (orange-red) and penalty contours (blue) on one equal-aspect plane, with
/// the loss level set and the norm ball through the optimum drawn bold so the reader sees them touch there.
/// </summary>
public static class ContourFigure
{
    public static Plot Render(ContourScene scene, FigureStyle style)
    {
        var o = scene.Optimum;
        var w = o.Weights;
        string form = o.Radius is { } t
            ? $"ball N(w) ≤ {PenaltyNames.Number(t)} (λ = {PenaltyNames.Number(o.Lambda)})"
            : $"λ = {PenaltyNames.Number(o.Lambda)}";
        var canvas = new PlotCanvas(style, scene.Range, $"{PenaltyNames.Display(scene.Penalty)}, {form}{Sparsity(w)}",
            $"w₁ ({scene.FeatureNames[0]})", $"w₂ ({scene.FeatureNames[1]})");
        var theme = canvas.Theme;
        float s = canvas.Scale;

        foreach (var level in scene.NormContours.Where(l => l != scene.TouchingNorm))
            foreach (var line in level.Lines) canvas.Line(line, theme.Norm.WithAlpha(0.75), 1.2f * s);
        foreach (var level in scene.LossContours.Where(l => l != scene.TouchingLoss))
            foreach (var line in level.Lines) canvas.Line(line, theme.Loss.WithAlpha(0.8), 1.3f * s);
        if (scene.TouchingNorm is { } ball)
            foreach (var line in ball.Lines) canvas.Line(line, theme.Norm, 3f * s);
        if (scene.TouchingLoss is { } touching)
            foreach (var line in touching.Lines) canvas.Line(line, theme.Loss, 3f * s);

        if (scene.Path is { Count: > 1 } path)
        {
            var sl = canvas.Plot.Add.ScatterLine(path.Select(p => p.Weights[0]).ToArray(), path.Select(p => p.Weights[1]).ToArray(), theme.Path);
            sl.LineWidth = 2.2f * s;
            sl.LinePattern = LinePattern.Dashed;
        }

        var ls = scene.Unregularised;
        var lsMarker = canvas.Plot.Add.Marker(ls[0], ls[1], MarkerShape.Eks, 14 * s, theme.Loss);
        lsMarker.MarkerLineWidth = 3 * s;
        var opt = canvas.Plot.Add.Marker(w[0], w[1], MarkerShape.FilledCircle, 13 * s, theme.Optimum);
        opt.MarkerLineColor = theme.Background;
        opt.MarkerLineWidth = 1.5f * s;

        // legend first, then marker captions, then contour labels: the most important text gets the best spot
        var keyPoints = new List<(double, double)> { (0, 0), (ls[0], ls[1]), (w[0], w[1]) };
        if (scene.Path is { } p2) keyPoints.AddRange(p2.Select(p => (p.Weights[0], p.Weights[1])));
        var corner = canvas.EmptiestCorner(keyPoints);
        var legend = Legend(scene, canvas).ToList();
        canvas.ReserveLegend(corner, legend.Count, 270);
        canvas.Legend(corner, legend);

        canvas.Labels.ReservePoint(w[0], w[1], 10 * s);
        canvas.Labels.ReservePoint(ls[0], ls[1], 10 * s);
        float captionSize = 14 * s;
        string optText = $"w* = ({PenaltyNames.Number(w[0])}, {PenaltyNames.Number(w[1])})";
        if (canvas.Labels.Beside(w[0], w[1], optText, captionSize, 9 * s) is { } oc)
            canvas.Label(optText, w[0], w[1], captionSize, theme.Foreground, oc.Dx, oc.Dy, bold: true);
        string lsText = "least squares";
        if (Distinct(ls, w) && canvas.Labels.Beside(ls[0], ls[1], lsText, 12 * s, 9 * s) is { } lc)
            canvas.Label(lsText, ls[0], ls[1], 12 * s, theme.Loss, lc.Dx, lc.Dy);

        float labelSize = 11.5f * s;
        if (scene.TouchingLoss is { } tl) canvas.ContourLabel(tl, PenaltyNames.Number(tl.Level), theme.Loss, labelSize, bold: true);
        if (scene.TouchingNorm is { } tn) canvas.ContourLabel(tn, PenaltyNames.Number(tn.Level), theme.Norm, labelSize, bold: true);
        foreach (var level in scene.LossContours.Where(l => l != scene.TouchingLoss))
            canvas.ContourLabel(level, PenaltyNames.Number(level.Level), theme.Loss, labelSize);
        foreach (var level in scene.NormContours.Where(l => l != scene.TouchingNorm))
            canvas.ContourLabel(level, PenaltyNames.Number(level.Level), theme.Norm, labelSize);
        return canvas.Plot;
    }

    private static IEnumerable<LegendItem> Legend(ContourScene scene, PlotCanvas c)
    {
        var t = c.Theme;
        float s = c.Scale;
        yield return c.LineItem("loss D(w) contours", t.Loss, 1.5f * s);
        yield return c.LineItem("penalty P(w) contours", t.Norm, 1.5f * s);
        if (scene.TouchingLoss is not null) yield return c.LineItem("loss level set through w*", t.Loss, 3f * s);
        if (scene.TouchingNorm is not null) yield return c.LineItem("penalty ball through w*", t.Norm, 3f * s);
        if (scene.Path is not null) yield return c.LineItem("path of w* as λ grows", t.Path, 2.2f * s, LinePattern.Dashed);
        yield return c.MarkerItem("regularised optimum w*", MarkerShape.FilledCircle, t.Optimum, 10 * s);
        yield return c.MarkerItem("least squares (λ = 0)", MarkerShape.Eks, t.Loss, 10 * s);
    }

    /// <summary>The figure's punchline in its title when there is one: which weight is exactly zero.</summary>
    private static string Sparsity(double[] w) =>
        (w[0] == 0, w[1] == 0) switch
        {
            (true, true) => ": w* = 0",
            (false, true) => ": w₂ = 0 exactly",
            (true, false) => ": w₁ = 0 exactly",
            _ => "",
        };

    private static bool Distinct(double[] a, double[] b) => a[0] != b[0] || a[1] != b[1];
}
