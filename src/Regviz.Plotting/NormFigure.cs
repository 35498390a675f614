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
        var corners = scene.NormContours.SelectMany(l => AxisCorners(scene.Penalty, l, scene.Range)).ToList();
        var canvas = PlotCanvas.Fitting(style, scene.Range, $"{PenaltyNames.Display(scene.Penalty)}{at}: contours of P(w)", "w₁", "w₂", parts,
            (c, _) => Formula(scene, c), corners);
        var theme = canvas.Theme;
        float s = canvas.Scale;
        // the region inside the outermost level: with --level 1, the unit ball of a textbook figure
        if (parts.Fill && scene.NormContours.MaxBy(c => c.Level) is { } outer) canvas.Fill(outer, theme.Norm.WithAlpha(0.18));
        // solid whatever the style's dashes: they tell penalty from loss lines, and this figure has only the one kind
        foreach (var level in scene.NormContours)
            foreach (var line in level.Lines) canvas.Line(line, theme.Norm, theme.Lines.Curves * s);
        var items = Formula(scene, canvas);
        foreach (var (x, y) in corners) canvas.Protect("corner", x, y, theme.Norm);
        canvas.PlaceLegend(items, [Alignment.UpperRight, Alignment.UpperLeft, Alignment.LowerRight, Alignment.LowerLeft], scene.NormContours.SelectMany(l => l.Lines));
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

    /// <summary>
    /// The legend: the penalty's formula. One wider than the data area (MCP's and SCAD's, in a small figure) would run off
    /// the image: it goes on two legend rows, broken after its first part, the second row without a line sample.
    /// </summary>
    private static List<LegendItem> Formula(NormScene scene, PlotCanvas canvas)
    {
        var theme = canvas.Theme;
        float s = canvas.Scale;
        string formula = $"P(w) = {scene.Penalty.PlaneFormula(PenaltyNames.Number)}";
        float room = canvas.Frame.DataWidth - 60 * s;
        int cut = formula.IndexOf(", ", StringComparison.Ordinal);
        if (cut > 0 && canvas.Labels.Measure(formula, theme.Fonts.Legend * s).Width > room)
            return [canvas.LineItem(formula[..(cut + 1)], theme.Norm, theme.Lines.Curves * s), canvas.LineItem(formula[(cut + 2)..], theme.Background.WithAlpha(0), 0)];
        return [canvas.LineItem(formula, theme.Norm, theme.Lines.Curves * s)];
    }

    /// <summary>
    /// Where a level set of <paramref name="penalty"/> meets the axes inside <paramref name="range"/>, when the penalty has
    /// a kink at zero: the corners (cusps) that make exact zeros. Level sets are drawn from their exact boundary, so the
    /// corners are vertices of their lines.
    /// </summary>
    internal static IEnumerable<(double X, double Y)> AxisCorners(Regviz.Core.Penalties.Penalty penalty, Regviz.Core.Contours.ContourLevel level, Regviz.Core.Contours.PlaneRange range)
    {
        if (!(penalty.KinkAtZero > 0)) yield break;
        double tol = 1e-9 * Math.Max(Math.Abs(range.Width), Math.Abs(range.Height));
        var seen = new List<(double X, double Y)>();
        foreach (var line in level.Lines)
            for (int k = 0; k < line.Count; k++)
            {
                double x = line.X[k], y = line.Y[k];
                if (Math.Abs(x) > tol && Math.Abs(y) > tol) continue;
                if (x < Math.Min(range.X0, range.X1) || x > Math.Max(range.X0, range.X1) || y < Math.Min(range.Y0, range.Y1) || y > Math.Max(range.Y0, range.Y1)) continue;
                if (seen.Any(q => Math.Abs(q.X - x) <= tol && Math.Abs(q.Y - y) <= tol)) continue;
                seen.Add((x, y));
                yield return (x, y);
            }
    }
}
