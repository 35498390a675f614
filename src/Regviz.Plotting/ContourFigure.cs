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
    public static Plot Render(ContourScene scene, FigureStyle style) => Render(scene, style, null);

    /// <summary>
    /// The figure, with <paramref name="layout"/> (frames of an animation) fixing what must not jump from frame to frame
    /// (the legend's corner, the captions of the thin contours and of the fit) and recording where they went.
    /// </summary>
    internal static Plot Render(ContourScene scene, FigureStyle style, FrameLayout? layout)
    {
        var o = scene.Optimum;
        var w = o.Weights;
        string form = o.Radius is { } t
            ? $"ball N(w) ≤ {PenaltyNames.Number(t)} (λ = {PenaltyNames.Number(o.Lambda)})"
            : $"λ = {PenaltyNames.Number(o.Lambda)}";
        string note = scene.LossNote is { } n ? $", {n}" : "";
        var canvas = new PlotCanvas(style, scene.Range, $"{PenaltyNames.Display(scene.Penalty)}, {form}{note}{Sparsity(w)}",
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
        if (ls is not null)
        {
            var lsMarker = canvas.Plot.Add.Marker(ls[0], ls[1], MarkerShape.Eks, 14 * s, theme.Loss);
            lsMarker.MarkerLineWidth = 3 * s;
        }
        if (scene.Trace is { } trace) DrawTrace(canvas, trace);
        var opt = canvas.Plot.Add.Marker(w[0], w[1], MarkerShape.FilledCircle, 13 * s, theme.Optimum);
        opt.MarkerLineColor = theme.Background;
        opt.MarkerLineWidth = 1.5f * s;

        // legend first, then marker captions, then contour labels: the most important text gets the best spot
        var keyPoints = new List<(double, double)> { (0, 0), (w[0], w[1]) };
        if (ls is not null) keyPoints.Add((ls[0], ls[1]));
        if (scene.Path is { } p2) keyPoints.AddRange(p2.Select(p => (p.Weights[0], p.Weights[1])));
        if (scene.Trace is { } t2) keyPoints.AddRange(t2.Iterates.Select(p => (p[0], p[1])));
        var corner = layout?.Corner ?? canvas.EmptiestCorner(keyPoints);
        var legend = Legend(scene, canvas, layout?.PathLegend).ToList();
        canvas.ReserveLegend(corner, legend.Count, 270);
        canvas.Legend(corner, legend);
        layout?.Begin(canvas, corner);

        canvas.Labels.ReservePoint(w[0], w[1], 10 * s);
        if (ls is not null) canvas.Labels.ReservePoint(ls[0], ls[1], 10 * s);
        foreach (var (x, y) in layout?.Avoid ?? []) canvas.Labels.ReservePoint(x, y, 10 * s);
        float captionSize = 14 * s;
        string optText = $"w* = ({PenaltyNames.Number(w[0])}, {PenaltyNames.Number(w[1])})";
        if (layout?.FitCaptionFirst is true) FitCaption();
        if (canvas.Labels.Beside(w[0], w[1], optText, captionSize, 9 * s) is { } oc)
            canvas.Label(optText, w[0], w[1], captionSize, theme.Foreground, oc.Dx, oc.Dy, bold: true);
        if (layout?.FitCaptionFirst is not true) FitCaption();

        void FitCaption()
        {
            string lsText = scene.LossNote is null ? "least squares" : "unregularised";
            if (layout?.Fixed is null && ls is not null && Distinct(ls, w) && canvas.Labels.Beside(ls[0], ls[1], lsText, 12 * s, 9 * s) is { } lc)
            {
                canvas.Label(lsText, ls[0], ls[1], 12 * s, theme.Loss, lc.Dx, lc.Dy);
                layout?.Placed.Add(new FixedLabel(lsText, ls[0], ls[1], lc.Dx, lc.Dy, 12 * s, theme.Loss, false));
            }
        }

        if (scene.Trace is { } tr) LabelTrace(canvas, tr);
        float labelSize = 11.5f * s;
        if (scene.TouchingLoss is { } tl) canvas.ContourLabel(tl, PenaltyNames.Number(tl.Level), theme.Loss, labelSize, bold: true);
        if (scene.TouchingNorm is { } tn) canvas.ContourLabel(tn, PenaltyNames.Number(tn.Level), theme.Norm, labelSize, bold: true);
        if (layout?.Fixed is not null) return canvas.Plot;
        foreach (var level in scene.LossContours.Where(l => l != scene.TouchingLoss))
            ThinLabel(canvas, level, theme.Loss, labelSize, layout);
        foreach (var level in scene.NormContours.Where(l => l != scene.TouchingNorm))
            ThinLabel(canvas, level, theme.Norm, labelSize, layout);
        return canvas.Plot;
    }

    /// <summary>What <see cref="PlotCanvas.ContourLabel"/> does, telling <paramref name="layout"/> where the label went.</summary>
    private static void ThinLabel(PlotCanvas canvas, ContourLevel level, ScottPlot.Color color, float size, FrameLayout? layout)
    {
        string text = PenaltyNames.Number(level.Level);
        if (level.Lines.MaxBy(l => l.Count) is not { } longest || canvas.Labels.OnLine(longest, text, size) is not { } at) return;
        canvas.Label(text, at.X, at.Y, size, color);
        layout?.Placed.Add(new FixedLabel(text, at.X, at.Y, 0, 0, size, color, false));
    }

    private static IEnumerable<LegendItem> Legend(ContourScene scene, PlotCanvas c, string? pathLegend)
    {
        var t = c.Theme;
        float s = c.Scale;
        yield return c.LineItem("loss D(w) contours", t.Loss, 1.5f * s);
        yield return c.LineItem("penalty P(w) contours", t.Norm, 1.5f * s);
        if (scene.TouchingLoss is not null) yield return c.LineItem("loss level set through w*", t.Loss, 3f * s);
        if (scene.TouchingNorm is not null) yield return c.LineItem("penalty ball through w*", t.Norm, 3f * s);
        if (scene.Path is not null) yield return c.LineItem(pathLegend ?? "path of w* as λ grows", t.Path, 2.2f * s, LinePattern.Dashed);
        yield return c.MarkerItem("regularised optimum w*", MarkerShape.FilledCircle, t.Optimum, 10 * s);
        if (scene.Unregularised is not null)
            yield return c.MarkerItem(scene.LossNote is null ? "least squares (λ = 0)" : "unregularised (λ = 0)", MarkerShape.Eks, t.Loss, 10 * s);
        if (scene.Trace is { } trace)
            yield return c.LineItem($"{TraceName(trace.Method)}, {trace.Iterates.Count - 1} steps{(trace.Diverged ? " (diverged)" : "")}", t.Foreground, 1.5f * s);
    }

    private static string TraceName(Regviz.Core.Traces.TraceMethod m) => m switch
    {
        Regviz.Core.Traces.TraceMethod.Gd => "subgradient descent",
        Regviz.Core.Traces.TraceMethod.Ista => "ISTA (proximal gradient)",
        Regviz.Core.Traces.TraceMethod.Fista => "FISTA",
        _ => "coordinate descent",
    };

    /// <summary>
    /// The optimiser's iterates: a thin line through them, arrows on the first steps (where the direction is
    /// the story), small numbered dots on the first few, and a note where it diverged.
    /// </summary>
    private static void DrawTrace(PlotCanvas c, Regviz.Core.Traces.OptimiserTrace trace)
    {
        float s = c.Scale;
        var color = c.Theme.Foreground;
        var pts = trace.Iterates;
        var line = c.Plot.Add.ScatterLine(pts.Select(p => p[0]).ToArray(), pts.Select(p => p[1]).ToArray(), color.WithAlpha(0.55));
        line.LineWidth = 1.2f * s;
        line.MarkerSize = 0;
        var dots = c.Plot.Add.ScatterPoints(pts.Select(p => p[0]).ToArray(), pts.Select(p => p[1]).ToArray(), color.WithAlpha(0.8));
        dots.MarkerSize = 4 * s;
        for (int i = 1; i < Math.Min(pts.Count, 16); i++)
        {
            var arrow = c.Plot.Add.Arrow(new Coordinates(pts[i - 1][0], pts[i - 1][1]), new Coordinates(pts[i][0], pts[i][1]));
            arrow.ArrowFillColor = color.WithAlpha(0.85);
            arrow.ArrowLineColor = color.WithAlpha(0.85);
            arrow.ArrowWidth = 1.2f * s;
            arrow.ArrowheadWidth = 7 * s;
            arrow.ArrowheadLength = 9 * s;
        }
    }

    /// <summary>Numbers on the first iterates and the divergence note, placed after the legend and captions.</summary>
    private static void LabelTrace(PlotCanvas c, Regviz.Core.Traces.OptimiserTrace trace)
    {
        float s = c.Scale;
        var color = c.Theme.Foreground;
        var pts = trace.Iterates;
        for (int i = 0; i < Math.Min(pts.Count, 4); i++)
        {
            string text = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (c.Labels.Beside(pts[i][0], pts[i][1], text, 11 * s, 5 * s) is { } at)
                c.Label(text, pts[i][0], pts[i][1], 11 * s, color, at.Dx, at.Dy);
        }
        if (trace.Diverged)
        {
            var last = pts[^1];
            string text = $"diverged after {pts.Count - 1} steps (step 1/L too long here)";
            if (c.Labels.Beside(last[0], last[1], text, 12 * s, 8 * s) is { } at)
                c.Label(text, last[0], last[1], 12 * s, c.Theme.Loss, at.Dx, at.Dy, bold: true);
        }
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
