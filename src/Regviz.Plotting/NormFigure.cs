using Regviz.Core.Scenes;
using ScottPlot;

namespace Regviz.Plotting;

/// <summary>The penalty's contours alone — the article's diamond (L1) and circle (L2) — each labelled with its value of P.</summary>
public static class NormFigure
{
    /// <summary>The figure of the penalty's level sets, each labelled with its value.</summary>
    public static Plot Render(NormScene scene, FigureStyle style) => Render(scene, style, FigureParts.All);

    /// <summary>The figure of the penalty's level sets with only the <paramref name="parts"/> asked for (legend, labels, grid, fill).</summary>
    public static Plot Render(NormScene scene, FigureStyle style, FigureParts parts)
    {
        // a penalty whose shape depends on λ (MCP, SCAD) says which λ the figure shows
        string at = scene.Penalty.ShapedAt is { } l ? $" at λ = {PenaltyNames.Number(l)}" : "";
        var canvas = new PlotCanvas(style, scene.Range, $"{PenaltyNames.Display(scene.Penalty)}{at}: contours of P(w)", "w₁", "w₂", parts: parts);
        var theme = canvas.Theme;
        float s = canvas.Scale;
        // the region inside the outermost level: with --level 1, the unit ball of a textbook figure
        if (parts.Fill && scene.NormContours.MaxBy(c => c.Level) is { } outer) canvas.Fill(outer, theme.Norm.WithAlpha(0.18));
        // solid whatever the style's dashes: they tell penalty from loss lines, and this figure has only the one kind
        foreach (var level in scene.NormContours)
            foreach (var line in level.Lines) canvas.Line(line, theme.Norm, theme.Lines.Curves * s);
        // a formula wider than the data area (MCP's and SCAD's, in a small figure) would run off the image: it goes on
        // two legend rows, broken after its first part, the second row without a line sample
        string formula = $"P(w) = {scene.Penalty.PlaneFormula(PenaltyNames.Number)}";
        float room = canvas.Frame.DataWidth - 60 * s;
        int cut = formula.IndexOf(", ", StringComparison.Ordinal);
        var items = new List<LegendItem>();
        if (cut > 0 && canvas.Labels.Measure(formula, theme.Fonts.Legend * s).Width > room)
        {
            items.Add(canvas.LineItem(formula[..(cut + 1)], theme.Norm, theme.Lines.Curves * s));
            items.Add(canvas.LineItem(formula[(cut + 2)..], theme.Background.WithAlpha(0), 0));
        }
        else items.Add(canvas.LineItem(formula, theme.Norm, theme.Lines.Curves * s));
        canvas.Legend(Alignment.UpperRight, items);
        canvas.ReserveLegend(Alignment.UpperRight, items.Count, 230);
        // level sets start on the positive w1 axis and run counter-clockwise, so 1/10 and 4/10 of the way round
        // are near the upper diagonals but off the L∞ square's corners: alternate levels take alternate diagonals, so neighbouring rings closer
        // than a label's height still get their labels in two neat rows
        double[] right = [0.1, 0.4, 0.9, 0.6, 0.07, 0.13], left = [0.4, 0.1, 0.6, 0.9, 0.37, 0.43];
        for (int k = 0; k < scene.NormContours.Count; k++)
        {
            var level = scene.NormContours[k];
            canvas.ContourLabel(level, PenaltyNames.Number(level.Level), theme.Norm, theme.Fonts.Labels * s, along: k % 2 == 0 ? right : left);
        }
        return canvas.Plot;
    }
}
