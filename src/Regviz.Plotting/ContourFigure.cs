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
    /// <summary>The contour figure of <paramref name="scene"/>: loss and penalty contours, the touching level sets, w*, and the path or trace when the scene has them.</summary>
    public static Plot Render(ContourScene scene, FigureStyle style) => Render(scene, style, FigureParts.All, null);

    /// <summary>The contour figure of <paramref name="scene"/> with only the <paramref name="parts"/> asked for (legend, labels, grid, fill).</summary>
    public static Plot Render(ContourScene scene, FigureStyle style, FigureParts parts) => Render(scene, style, parts, null);

    /// <summary>
    /// The figure, with <paramref name="layout"/> (frames of an animation) fixing what must not jump from frame to frame
    /// (the legend's corner, the captions of the thin contours and of the fit) and recording where they went.
    /// </summary>
    internal static Plot Render(ContourScene scene, FigureStyle style, FigureParts parts, FrameLayout? layout)
    {
        var o = scene.Optimum;
        var w = o.Weights;
        string form = o.Radius is { } t
            ? $"ball N(w) ≤ {PenaltyNames.Number(t)} (λ = {PenaltyNames.Number(o.Lambda)})"
            : $"λ = {PenaltyNames.Number(o.Lambda)}";
        string note = scene.LossNote is { } n ? $", {n}" : "";
        string title = layout?.Title ?? $"{PenaltyNames.Display(scene.Penalty)}, {form}{note}{Sparsity(w)}";
        string xLabel = WeightNames.Axis(0, scene.FeatureNames[0]), yLabel = WeightNames.Axis(1, scene.FeatureNames[1]);
        // a legend that would take a fifth of a small figure, or hide what the figure is about in every corner, goes below
        // it (every frame of an animation as its first frame decided: frames must not jump)
        var canvas = layout is null
            ? PlotCanvas.Fitting(style, scene.Range, title, xLabel, yLabel, parts, (c, compact) => Legend(scene, c, null, compact).ToList(), KeyMarks(scene))
            : layout.Canvas(style, scene, title, xLabel, yLabel, parts, (c, compact) => Legend(layout.LegendScene ?? scene, c, layout.PathLegend, compact).ToList(), KeyMarks(scene));
        var theme = canvas.Theme;
        var (widths, dashes) = (theme.Lines, theme.Dashes);
        float s = canvas.Scale;

        if (parts.Fill && scene.TouchingNorm is { } region) canvas.Fill(region, theme.Norm.WithAlpha(0.18));
        foreach (var level in scene.NormContours.Where(l => l != scene.TouchingNorm))
            foreach (var line in level.Lines) canvas.Line(line, theme.Norm.WithAlpha(0.75), widths.Penalty * s, dashes.Penalty);
        foreach (var level in scene.LossContours.Where(l => l != scene.TouchingLoss))
            foreach (var line in level.Lines) canvas.Line(line, theme.Loss.WithAlpha(0.8), widths.Loss * s, dashes.Loss);
        if (scene.TouchingNorm is { } ball)
            foreach (var line in ball.Lines) canvas.Line(line, theme.Norm, widths.LevelSet * s, dashes.Penalty);
        if (scene.TouchingLoss is { } touching)
            foreach (var line in touching.Lines) canvas.Line(line, theme.Loss, widths.LevelSet * s, dashes.Loss);

        if (scene.Path is { Count: > 1 } path)
        {
            var sl = canvas.Plot.Add.ScatterLine(path.Select(p => p.Weights[0]).ToArray(), path.Select(p => p.Weights[1]).ToArray(), theme.Path);
            sl.LineWidth = widths.Path * s;
            sl.LinePattern = dashes.Path;
            sl.MarkerShape = MarkerShape.None;
        }

        var ls = scene.Unregularised;
        if (ls is not null)
        {
            var lsMarker = canvas.Plot.Add.Marker(ls[0], ls[1], MarkerShape.Eks, 14 * s, theme.Loss);
            lsMarker.MarkerLineWidth = 3 * s;
        }
        if (scene.Trace is { } trace) TraceMarks.Draw(canvas, trace, scene.TracePen);
        if (scene.Twin is { } twin)
        {
            var twinMarker = canvas.Plot.Add.Marker(twin[0], twin[1], MarkerShape.OpenCircle, 13 * s, theme.Optimum);
            twinMarker.MarkerLineWidth = 2.5f * s;
        }
        var opt = canvas.Plot.Add.Marker(w[0], w[1], MarkerShape.FilledCircle, 13 * s, theme.Optimum);
        opt.MarkerLineColor = theme.Background;
        opt.MarkerLineWidth = 1.5f * s;

        // protected marks first (in the order they are drawn), then the legend, then marker captions, then contour
        // labels: the most important text gets the best spot, and none covers what the figure is about
        if (ls is not null) canvas.Protect("least_squares", ls[0], ls[1], theme.Loss, 10 * s);
        if (scene.Path is { Count: > 1 } p1)
        {
            canvas.Labels.ReserveLine(p1.Select(p => p.Weights[0]).ToArray(), p1.Select(p => p.Weights[1]).ToArray(), 2 * s);
            canvas.Protect("path_end", p1[^1].Weights[0], p1[^1].Weights[1], theme.Path);
        }
        if (scene.Trace is { } t1) TraceMarks.Protect(canvas, t1);
        if (scene.Twin is { } tw1) canvas.Protect("twin", tw1[0], tw1[1], theme.Optimum, 10 * s);
        if (scene.TouchingNorm is { } ballCorners)
            foreach (var (x, y) in NormFigure.AxisCorners(scene.Penalty, ballCorners, scene.Range)) canvas.Protect("corner", x, y, theme.Norm);
        canvas.Protect("optimum", w[0], w[1], theme.Optimum, 10 * s);
        var keyPoints = new List<(double, double)> { (0, 0), (w[0], w[1]) };
        if (ls is not null) keyPoints.Add((ls[0], ls[1]));
        if (scene.Path is { } p2) keyPoints.AddRange(p2.Select(p => (p.Weights[0], p.Weights[1])));
        if (scene.Trace is { } t2) keyPoints.AddRange(t2.Iterates.Select(p => (p[0], p[1])));
        if (scene.Twin is { } tw) keyPoints.Add((tw[0], tw[1]));
        var legend = Legend(layout?.LegendScene ?? scene, canvas, layout?.PathLegend, canvas.CompactLegend).ToList();
        var bold = new[] { scene.TouchingLoss, scene.TouchingNorm }.Where(l => l is not null).SelectMany(l => l!.Lines);
        // every place w* takes in an animation is as much the point as this frame's
        foreach (var (x, y) in layout?.Avoid ?? []) canvas.KeepLegendOff(x, y);
        var legendBox = canvas.PlaceLegend(legend, layout?.Corner is { } fixedCorner ? [fixedCorner] : canvas.CornersByRoom(keyPoints), bold,
            layout?.Value is null ? default : new Beside(layout.ValueWidth, FrameValue.Height(canvas)));
        var corner = canvas.Plot.Legend.Alignment;
        if (layout is not null)
        {
            // the first frame decides whether there is a legend; no later frame drops or brings one back
            if (layout.Corner is null) layout.LegendShown = canvas.Plot.Legend.IsVisible || canvas.LegendBelow > 0 || !parts.Legend;
            else if (canvas.LegendBelow == 0) canvas.Plot.Legend.IsVisible = parts.Legend && layout.LegendShown;
            if (!layout.LegendShown && parts.Legend) canvas.Log.NoLegend("no room: the first frame found none clear of every mark");
        }
        // a legend below the figure sits over nothing that moves: no pad
        if (layout?.LegendPad is { } pad && parts.Legend && canvas.LegendBelow == 0 && layout.LegendShown) pad.Add(canvas.Plot, theme.Background);
        if (layout?.Value is { } value) FrameValue.Draw(canvas, legendBox, corner, value, layout.ValueWidth);
        layout?.Begin(canvas, corner);

        foreach (var (x, y) in layout?.Avoid ?? []) canvas.Labels.ReservePoint(x, y, 10 * s);
        // captions placed once for every frame keep clear of the axes, where every frame's ball has its corners
        if (layout is { Fixed: null }) canvas.KeepLabelsOffAxes(PlotCanvas.ProtectedRadius + 1);
        float captionSize = theme.Fonts.Label(14) * s;
        string optText = $"w* = ({PenaltyNames.Number(w[0])}, {PenaltyNames.Number(w[1])})";
        if (layout?.FitCaptionFirst is true) FitCaption();
        // a caption for a point outside the view would name something the reader cannot see
        // w* is the last caption to give up: beside its dot, else farther off with a leader line back to it
        if (parts.Labels && InView(scene, w)) canvas.Caption(optText, w[0], w[1], captionSize, theme.Foreground, 9 * s, bold: true);
        if (scene.Twin is { } tw3)
        {
            string twinText = $"−w* = ({PenaltyNames.Number(tw3[0])}, {PenaltyNames.Number(tw3[1])})";
            if (parts.Labels && InView(scene, tw3) && canvas.Labels.Beside(tw3[0], tw3[1], twinText, captionSize, 9 * s, bold: true) is { } tc)
                canvas.Label(twinText, tw3[0], tw3[1], captionSize, theme.Foreground, tc.Dx, tc.Dy, bold: true);
        }
        // the touching point is the figure's subject: no contour label may blank the two bold curves where they meet
        canvas.Labels.ReservePoint(w[0], w[1], 26 * s);
        if (layout?.FitCaptionFirst is not true) FitCaption();

        void FitCaption()
        {
            string lsText = scene.LossNote is null ? "least squares" : "unregularised";
            float lsSize = theme.Fonts.Labels * s;
            // a frame laying out the others places it even where its own w* sits on the fit (an l2 radius sweep ends
            // there): the frames before it show the fit alone, and their caption must not vanish
            if (parts.Labels && layout?.Fixed is null && ls is not null && InView(scene, ls) && (Distinct(ls, w) || layout?.FitCaptionFirst is true)
                && canvas.Labels.Beside(ls[0], ls[1], lsText, lsSize, 9 * s) is { } lc)
            {
                canvas.Label(lsText, ls[0], ls[1], lsSize, theme.Loss, lc.Dx, lc.Dy);
                layout?.Placed.Add(new FixedLabel(lsText, ls[0], ls[1], lc.Dx, lc.Dy, lsSize, theme.Loss, false));
            }
        }

        if (scene.Trace is { } tr) TraceMarks.Label(canvas, tr);
        float labelSize = theme.Fonts.Label(11.5f) * s;
        // the contour values of one figure share one notation: never "7841" beside "1.002e4"
        var levelText = PenaltyNames.NumberFor([.. scene.LossContours.Select(l => l.Level), .. scene.NormContours.Select(l => l.Level)]);
        if (scene.TouchingLoss is { } tl) canvas.ContourLabel(tl, levelText(tl.Level), theme.Loss, labelSize, bold: true);
        if (scene.TouchingNorm is { } tn) canvas.ContourLabel(tn, BallLabel(scene, tn, levelText), theme.Norm, labelSize, bold: true);
        if (layout?.Fixed is not null) return canvas.Plot;
        foreach (var level in scene.LossContours.Where(l => l != scene.TouchingLoss))
            ThinLabel(canvas, level, levelText, theme.Loss, labelSize, layout);
        foreach (var level in scene.NormContours.Where(l => l != scene.TouchingNorm))
            ThinLabel(canvas, level, levelText, theme.Norm, labelSize, layout);
        return canvas.Plot;
    }

    /// <summary>What <see cref="PlotCanvas.ContourLabel"/> does, telling <paramref name="layout"/> where the label went.</summary>
    private static void ThinLabel(PlotCanvas canvas, ContourLevel level, Func<double, string> value, ScottPlot.Color color, float size, FrameLayout? layout)
    {
        if (!canvas.Parts.Labels) return; // --no-labels (and --clean) take every contour value away, thin ones too
        string text = value(level.Level);
        if (level.Lines.MaxBy(l => l.Count) is not { } longest || canvas.Labels.OnLine(longest, text, size) is not { } at) return;
        canvas.Label(text, at.X, at.Y, size, color, role: "contour_label");
        layout?.Placed.Add(new FixedLabel(text, at.X, at.Y, 0, 0, size, color, false, "contour_label"));
    }

    /// <summary>
    /// The bold ball's label: its level P(w*), or in the constrained form t = N(w*), the radius the title names (for l2
    /// P = t², so the level would contradict the title); when the constraint is slack the ball through w* is smaller
    /// than t, and is labelled with its own N(w*).
    /// </summary>
    private static string BallLabel(ContourScene scene, ContourLevel ball, Func<double, string> value)
    {
        if (scene.Optimum.Radius is not { } t) return value(ball.Level);
        double norm = scene.Penalty.Norm(scene.Optimum.Weights);
        return Math.Abs(norm - t) <= 1e-9 * Math.Max(1, t) ? $"t = {value(t)}" : $"N(w) = {value(norm)}";
    }

    /// <summary>What no legend may hide: w*, the ×, the ball's corners on the axes, and the ends of the path and trace.</summary>
    private static IEnumerable<(double X, double Y)> KeyMarks(ContourScene scene)
    {
        var w = scene.Optimum.Weights;
        yield return (w[0], w[1]);
        if (scene.Unregularised is { } ls) yield return (ls[0], ls[1]);
        if (scene.TouchingNorm is { } ball)
            foreach (var c in NormFigure.AxisCorners(scene.Penalty, ball, scene.Range)) yield return c;
        if (scene.Path is { Count: > 1 } path) yield return (path[^1].Weights[0], path[^1].Weights[1]);
        if (scene.Trace is { } trace)
        {
            yield return (trace.Iterates[0][0], trace.Iterates[0][1]);
            yield return (trace.Iterates[^1][0], trace.Iterates[^1][1]);
        }
    }

    /// <summary>
    /// The legend's entries. <paramref name="compact"/> (a small figure's legend below it) leaves out the thin contours and
    /// the filled region, which read without it, and says the rest in short words, so that a legend in rows across a
    /// 300-pixel figure takes two rows rather than four: each curve kind and each mark keeps an entry.
    /// </summary>
    private static IEnumerable<LegendItem> Legend(ContourScene scene, PlotCanvas c, string? pathLegend, bool compact = false)
    {
        var t = c.Theme;
        var (widths, dashes) = (t.Lines, t.Dashes);
        float s = c.Scale;
        // a legend's sample line is at least 1.5 px wide, or a thin contour's colour cannot be made out in it
        static float Sample(float width) => Math.Max(1.5f, width);
        string Say(string full, string brief) => compact ? brief : full;
        if (!compact) yield return c.LineItem("loss D(w) contours", t.Loss, Sample(widths.Loss) * s, dashes.Loss);
        if (!compact) yield return c.LineItem("penalty P(w) contours", t.Norm, Sample(widths.Penalty) * s, dashes.Penalty);
        if (scene.TouchingLoss is not null) yield return c.LineItem(Say("loss level set through w*", "loss D at w*"), t.Loss, Sample(widths.LevelSet) * s, dashes.Loss);
        if (scene.TouchingNorm is not null) yield return c.LineItem(Say("penalty ball through w*", "ball at w*"), t.Norm, Sample(widths.LevelSet) * s, dashes.Penalty);
        if (c.Parts.Fill && scene.TouchingNorm is not null && !compact) yield return c.FillItem("region P(w) ≤ P(w*)", t.Norm.WithAlpha(0.18));
        if (scene.Path is not null) yield return c.LineItem(compact ? "path of w*" : pathLegend ?? "path of w* as λ grows", t.Path, Sample(widths.Path) * s, dashes.Path);
        yield return c.MarkerItem(Say("regularised optimum w*", "w*"), MarkerShape.FilledCircle, t.Optimum, 10 * s);
        if (scene.Twin is not null) yield return c.MarkerItem(Say("−w*: f(x; −w) = f(x; w), equally optimal", "−w*, as optimal"), MarkerShape.OpenCircle, t.Optimum, 10 * s);
        if (scene.Unregularised is not null)
            yield return c.MarkerItem(scene.LossNote is null ? Say("least squares (λ = 0)", "least squares") : Say("unregularised (λ = 0)", "unregularised"), MarkerShape.Eks, t.Loss, 10 * s);
        if (scene.Trace is { } trace)
            yield return c.LineItem(compact ? $"{ShortTraceName(trace.Method)}{(trace.Diverged ? " (diverged)" : "")}"
                : $"{TraceName(trace.Method)}, {FigureText.Counted(trace.Iterates.Count - 1, "step")}{(trace.Diverged ? " (diverged)" : "")}", t.Trace, Sample(widths.Trace) * s, dashes.Trace);
    }

    private static string ShortTraceName(Regviz.Core.Traces.TraceMethod m) => m switch
    {
        Regviz.Core.Traces.TraceMethod.Gd => "subgradient",
        Regviz.Core.Traces.TraceMethod.Ista => "ISTA",
        Regviz.Core.Traces.TraceMethod.Fista => "FISTA",
        _ => "coord. descent",
    };

    private static string TraceName(Regviz.Core.Traces.TraceMethod m) => m switch
    {
        Regviz.Core.Traces.TraceMethod.Gd => "subgradient descent",
        Regviz.Core.Traces.TraceMethod.Ista => "ISTA (proximal gradient)",
        Regviz.Core.Traces.TraceMethod.Fista => "FISTA",
        _ => "coordinate descent",
    };

    /// <summary>The figure's punchline in its title when there is one: which weight is exactly zero.</summary>
    private static string Sparsity(double[] w) => Punchline(w) is { } p ? $": {p}" : "";

    /// <summary>Which weight of a point of the plane is exactly zero ("w₂ = 0 exactly", "w* = 0"), or null when neither is: the punchline of a title.</summary>
    public static string? Punchline(IReadOnlyList<double> w) =>
        (w[0] == 0, w[1] == 0) switch
        {
            (true, true) => "w* = 0",
            (false, true) => "w₂ = 0 exactly",
            (true, false) => "w₁ = 0 exactly",
            _ => null,
        };

    private static bool InView(ContourScene scene, double[] p)
    {
        var r = scene.Range;
        return p[0] >= Math.Min(r.X0, r.X1) && p[0] <= Math.Max(r.X0, r.X1) && p[1] >= Math.Min(r.Y0, r.Y1) && p[1] <= Math.Max(r.Y0, r.Y1);
    }

    private static bool Distinct(double[] a, double[] b) => a[0] != b[0] || a[1] != b[1];
}
