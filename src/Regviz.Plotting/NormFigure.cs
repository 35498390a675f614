using Regviz.Core.Scenes;
using ScottPlot;

namespace Regviz.Plotting;

/// <summary>The penalty's contours alone — the article's diamond (L1) and circle (L2) — each labelled with its value of P.</summary>
public static class NormFigure
{
    /// <summary>The figure of the penalty's level sets, each labelled with its value.</summary>
    public static Plot Render(NormScene scene, FigureStyle style)
    {
        // a penalty whose shape depends on λ (MCP, SCAD) says which λ the figure shows
        string at = scene.Penalty.ShapedAt is { } l ? $" at λ = {PenaltyNames.Number(l)}" : "";
        var canvas = new PlotCanvas(style, scene.Range, $"{PenaltyNames.Display(scene.Penalty)}{at}: contours of P(w)", "w₁", "w₂");
        var theme = canvas.Theme;
        float s = canvas.Scale;
        // solid whatever the style's dashes: they tell penalty from loss lines, and this figure has only the one kind
        foreach (var level in scene.NormContours)
            foreach (var line in level.Lines) canvas.Line(line, theme.Norm, theme.Lines.Curves * s);
        canvas.Legend(Alignment.UpperRight, [canvas.LineItem($"P(w) = {scene.Penalty.PlaneFormula(PenaltyNames.Number)}", theme.Norm, theme.Lines.Curves * s)]);
        canvas.ReserveLegend(Alignment.UpperRight, 1, 230);
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
