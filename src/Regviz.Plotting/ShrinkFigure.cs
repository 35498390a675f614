using Regviz.Core.Contours;
using Regviz.Core.Scenes;
using ScottPlot;

namespace Regviz.Plotting;

/// <summary>
/// The 1-D view (ISL figure 6.10, ESL table 3.4): each estimate against z, the least-squares coefficient, in the
/// orthonormal case, on equal axes with the 45° line of least squares itself; thresholds dotted, jumps drawn as
/// jumps (an open gap, a dot where the estimate lands). With an objective, Parr's reg1D: (w − z)² + λP(w) against w
/// at one z, each minimum marked.
/// </summary>
public static class ShrinkFigure
{
    /// <summary>The shrinkage figure of <paramref name="scene"/>: estimates against z, or the objectives at one z.</summary>
    public static Plot Render(ShrinkScene scene, FigureStyle style) =>
        scene.Objectives is { } objectives ? Objectives(scene, objectives, style) : Estimates(scene, style);

    /// <summary>Room above the plot for the title's second line.</summary>
    private const float ExtraTop = 22;

    private static Plot Estimates(ShrinkScene scene, FigureStyle style)
    {
        double z = scene.ZMax;
        // two short lines: a 400-pixel figure has room for about 45 characters a line
        string title = $"Orthonormal case, λ = {PenaltyNames.Number(scene.Lambda)}\nw* = argmin over w of (w − z)² + λ·P(w)";
        var range = new PlaneRange(-z, z, -z, z).WithAspect(style.Frame(ExtraTop).Aspect, 1);
        var c = new PlotCanvas(style, range, style.Title ?? title, "z (the least-squares coefficient)", "w* (the estimate)", extraTop: ExtraTop);
        float s = c.Scale;
        var theme = c.Theme;
        float width = theme.Lines.Curves * 2.2f / 1.8f * s; // a style's curve width, in the proportion these curves have always had
        c.Line(new Polyline([-z, z], [-z, z]), theme.Muted, 1.2f * s, LinePattern.Dashed);
        var items = new List<LegendItem> { c.LineItem("least squares, w* = z", theme.Muted, 1.2f * s, LinePattern.Dashed) };
        for (int i = 0; i < scene.Curves.Count; i++)
        {
            var curve = scene.Curves[i];
            var (color, dash) = Series(theme, i);
            foreach (var piece in curve.Pieces) c.Line(piece, color, width, dash);
            foreach (var (at, _, to) in curve.Jumps)
                foreach (double sign in new[] { 1.0, -1.0 })
                {
                    // where the estimate lands after the jump: filled; the gap itself is left open
                    var landing = c.Plot.Add.Marker(sign * at, sign * to, MarkerShape.FilledCircle, 7 * s, color);
                    landing.MarkerLineWidth = 0;
                }
            if (curve.Threshold is { } t)
                foreach (double x in new[] { t, -t })
                {
                    var v = c.Plot.Add.VerticalLine(x, 1 * s, color.WithAlpha(0.5));
                    v.LinePattern = LinePattern.Dotted;
                }
            items.Add(c.LineItem(Describe(curve), color, width, dash));
        }
        c.PlaceLegend(items, [Alignment.UpperLeft, Alignment.LowerRight, Alignment.UpperRight, Alignment.LowerLeft], scene.Curves.SelectMany(cv => cv.Pieces));
        return c.Plot;
    }

    /// <summary>Curve <paramref name="i"/>'s colour and dash: the style's series in turn, as the path figure's coefficients (print tells them apart by dash).</summary>
    private static (Color Color, LinePattern Dash) Series(Theme theme, int i)
    {
        var (colors, dashes) = (theme.Series, theme.Dashes.Series);
        return (colors[i % colors.Count], dashes[i / colors.Count % dashes.Count]);
    }

    /// <summary>The legend's words: the estimator, its rule, its threshold.</summary>
    private static string Describe(ShrinkCurve curve)
    {
        string name = curve.Estimator.Penalty is { } p ? PenaltyNames.Display(p) : curve.Estimator.Title;
        string rule = (curve.Threshold, curve.Jumps.Count) switch
        {
            (null, _) => "shrinks, never 0",
            ({ } t, 0) => $"0 for |z| ≤ {PenaltyNames.Number(t)}",
            ({ } t, _) => $"0 for |z| ≤ {PenaltyNames.Number(t)}, then jumps",
        };
        return $"{name}: {rule}";
    }

    private static Plot Objectives(ShrinkScene scene, IReadOnlyList<ShrinkObjective> objectives, FigureStyle style)
    {
        double z = scene.ObjectiveAt!.Value;
        double x0 = objectives[0].Pieces[0].X[0], x1 = objectives[0].Pieces[^1].X[^1];
        double y0 = Math.Min(0, objectives.Min(o => o.Minimum)), y1 = objectives.Max(o => o.Pieces.Max(p => p.Y.Max()));
        var range = new PlaneRange(x0, x1, y0 - 0.04 * (y1 - y0), y1 + 0.04 * (y1 - y0));
        string title = $"The 1-D objective (w − z)² + λ·P(w)\nat z = {PenaltyNames.Number(z)}, λ = {PenaltyNames.Number(scene.Lambda)}";
        var c = new PlotCanvas(style, range, style.Title ?? title, "w", "objective", extraTop: ExtraTop);
        float s = c.Scale;
        var theme = c.Theme;
        float width = theme.Lines.Curves * 2.2f / 1.8f * s;
        var items = new List<LegendItem>();
        for (int i = 0; i < objectives.Count; i++)
        {
            var o = objectives[i];
            var (color, dash) = Series(theme, i);
            foreach (var piece in o.Pieces) c.Line(piece, color, width, dash);
            // best subset's objective at w = 0 is a point of its own, λ below the curve beside it
            if (o.AtZero is { } v)
            {
                var point = c.Plot.Add.Marker(0, v, MarkerShape.FilledCircle, 6 * s, color);
                point.MarkerLineWidth = 0;
            }
            var m = c.Plot.Add.Marker(o.Minimiser, o.Minimum, MarkerShape.FilledCircle, 10 * s, color);
            m.MarkerLineColor = c.Theme.Background;
            m.MarkerLineWidth = 1.5f * s;
            c.Protect("optimum", o.Minimiser, o.Minimum, color, 10 * s);
            string name = o.Estimator.Penalty is { } p ? PenaltyNames.Display(p) : o.Estimator.Title;
            items.Add(c.LineItem($"{name}: minimum at w* = {PenaltyNames.Number(o.Minimiser)}", color, width, dash));
        }
        var ls = c.Plot.Add.VerticalLine(z, 1.2f * s, c.Theme.Muted);
        ls.LinePattern = LinePattern.Dashed;
        items.Add(c.LineItem($"z = {PenaltyNames.Number(z)} (least squares)", c.Theme.Muted, 1.2f * s, LinePattern.Dashed));
        c.PlaceLegend(items, [Alignment.UpperCenter, Alignment.UpperLeft, Alignment.UpperRight, Alignment.LowerCenter], objectives.SelectMany(o => o.Pieces));
        return c.Plot;
    }
}
