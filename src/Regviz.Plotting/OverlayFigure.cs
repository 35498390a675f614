using Regviz.Core.Scenes;
using ScottPlot;

namespace Regviz.Plotting;

/// <summary>
/// Several penalties on one axes (<c>--overlay</c>): in <see cref="Norms"/> each penalty's level sets, in
/// <see cref="Contours"/> one loss with each penalty's ball through its own optimum and that optimum (Parr's L1-vs-L2
/// figure, scikit-learn's plot_sgd_penalties). Each penalty keeps one colour (and, when colours run out, a dash) in
/// both figures, and every curve and optimum is labelled with the penalty's name, so no legend is needed to read it.
/// </summary>
public static class OverlayFigure
{
    /// <summary>The level sets of every scene's penalty on the first scene's range, labelled with <paramref name="names"/>.</summary>
    public static Plot Norms(IReadOnlyList<NormScene> scenes, IReadOnlyList<string> names, FigureStyle style, FigureParts parts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(scenes.Count, nameof(scenes));
        var looks = Looks(style.Theme, scenes.Count, avoidLoss: false);
        var corners = scenes.SelectMany(sc => sc.NormContours.SelectMany(l => NormFigure.AxisCorners(sc.Penalty, l, scenes[0].Range))).ToList();
        IReadOnlyList<LegendItem> Items(PlotCanvas c, bool compact) => scenes.Select((sc, k) => c.LineItem($"{names[k]}: P(w) = {sc.Penalty.PlaneFormula(PenaltyNames.Number)}", looks[k].Color, c.Theme.Lines.Curves * c.Scale, looks[k].Dash)).ToList();
        var canvas = PlotCanvas.Fitting(style, scenes[0].Range, $"{string.Join(", ", names)}: level sets of P(w)", "w₁", "w₂", parts, Items, corners);
        var theme = canvas.Theme;
        float s = canvas.Scale;
        // fills first, lightest, so every line stays on top; the outermost level of each penalty, as in norm --fill
        if (parts.Fill)
            for (int k = 0; k < scenes.Count; k++)
                if (scenes[k].NormContours.MaxBy(c => c.Level) is { } outer) canvas.Fill(outer, looks[k].Color.WithAlpha(0.10));
        for (int k = 0; k < scenes.Count; k++)
            foreach (var level in scenes[k].NormContours)
                foreach (var line in level.Lines) canvas.Line(line, looks[k].Color, theme.Lines.Curves * s, looks[k].Dash);
        var items = Items(canvas, false);
        // the level sets' corners on the axes are what tells the penalties apart: no legend or name may hide one
        for (int k = 0; k < scenes.Count; k++)
            foreach (var level in scenes[k].NormContours)
                foreach (var (x, y) in NormFigure.AxisCorners(scenes[k].Penalty, level, scenes[0].Range)) canvas.Protect("corner", x, y, looks[k].Color);
        canvas.PlaceLegend(items, [Alignment.UpperRight, Alignment.UpperLeft, Alignment.LowerRight, Alignment.LowerLeft],
            scenes.SelectMany(sc => sc.NormContours.SelectMany(l => l.Lines)));
        // each curve carries its penalty's name (and the level, when a penalty has several), so the figure reads without the legend
        double[] along = [0.1, 0.4, 0.6, 0.9, 0.07, 0.13, 0.37, 0.43];
        for (int k = 0; k < scenes.Count; k++)
        {
            var levels = scenes[k].NormContours;
            foreach (var level in levels)
            {
                string text = levels.Count == 1 ? names[k] : $"{names[k]}: {PenaltyNames.Number(level.Level)}";
                canvas.ContourLabel(level, text, looks[k].Color, theme.Fonts.Labels * s, along: Rotate(along, k));
            }
        }
        return canvas.Plot;
    }

    /// <summary>
    /// One loss (the first scene's contours; every scene has the same loss) with each scene's ball through its own
    /// optimum, bold in the penalty's colour, the loss level set through that optimum, and the optimum itself, labelled.
    /// </summary>
    public static Plot Contours(IReadOnlyList<ContourScene> scenes, IReadOnlyList<string> names, string title, FigureStyle style, FigureParts parts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(scenes.Count, nameof(scenes));
        var first = scenes[0];
        var looks = Looks(style.Theme, scenes.Count, avoidLoss: true);
        var keep = new List<(double X, double Y)>();
        if (first.Unregularised is { } u) keep.Add((u[0], u[1]));
        foreach (var sc in scenes)
        {
            keep.Add((sc.Optimum.Weights[0], sc.Optimum.Weights[1]));
            if (sc.TouchingNorm is { } b) keep.AddRange(NormFigure.AxisCorners(sc.Penalty, b, first.Range));
        }
        var canvas = PlotCanvas.Fitting(style, first.Range, title, WeightNames.Axis(0, first.FeatureNames[0]), WeightNames.Axis(1, first.FeatureNames[1]), parts,
            (c, compact) => LegendItems(c, scenes, names, looks, compact), keep);
        var theme = canvas.Theme;
        var (widths, dashes) = (theme.Lines, theme.Dashes);
        float s = canvas.Scale;
        var touchingLevels = scenes.Select(sc => sc.TouchingLoss?.Level).ToHashSet();

        if (parts.Fill)
            for (int k = 0; k < scenes.Count; k++)
                if (scenes[k].TouchingNorm is { } region) canvas.Fill(region, looks[k].Color.WithAlpha(0.12));
        foreach (var level in first.LossContours.Where(l => !touchingLevels.Contains(l.Level)))
            foreach (var line in level.Lines) canvas.Line(line, theme.Loss.WithAlpha(0.6), widths.Loss * s, dashes.Loss);
        // the loss level set through each optimum, in its penalty's colour (with the loss's dash, less bold than the
        // ball): two level sets in one colour would leave the reader to guess which ball each one touches
        float touchingWidth = (widths.Loss + widths.LevelSet) / 2 * s;
        for (int k = 0; k < scenes.Count; k++)
            if (scenes[k].TouchingLoss is { } tl)
                foreach (var line in tl.Lines) canvas.Line(line, looks[k].Color, touchingWidth, TouchingDash(looks[k].Dash, dashes.Loss));
        for (int k = 0; k < scenes.Count; k++)
            if (scenes[k].TouchingNorm is { } ball)
                foreach (var line in ball.Lines) canvas.Line(line, looks[k].Color, widths.LevelSet * s, looks[k].Dash);

        var ls = first.Unregularised;
        if (ls is not null)
        {
            var lsMarker = canvas.Plot.Add.Marker(ls[0], ls[1], MarkerShape.Eks, 14 * s, theme.Loss);
            lsMarker.MarkerLineWidth = 3 * s;
        }
        for (int k = 0; k < scenes.Count; k++)
        {
            var w = scenes[k].Optimum.Weights;
            var opt = canvas.Plot.Add.Marker(w[0], w[1], MarkerShape.FilledCircle, 13 * s, looks[k].Color);
            opt.MarkerLineColor = theme.Background;
            opt.MarkerLineWidth = 1.5f * s;
        }

        var keyPoints = new List<(double, double)> { (0, 0) };
        keyPoints.AddRange(scenes.Select(sc => (sc.Optimum.Weights[0], sc.Optimum.Weights[1])));
        if (ls is not null) keyPoints.Add((ls[0], ls[1]));
        if (ls is not null) canvas.Protect("least_squares", ls[0], ls[1], theme.Loss, 10 * s);
        for (int k = 0; k < scenes.Count; k++)
            if (scenes[k].TouchingNorm is { } ball)
                foreach (var (x, y) in NormFigure.AxisCorners(scenes[k].Penalty, ball, first.Range)) canvas.Protect("corner", x, y, looks[k].Color);
        for (int k = 0; k < scenes.Count; k++)
            canvas.Protect("optimum", scenes[k].Optimum.Weights[0], scenes[k].Optimum.Weights[1], looks[k].Color, 10 * s);
        var items = LegendItems(canvas, scenes, names, looks, canvas.CompactLegend);
        canvas.PlaceLegend(items, canvas.CornersByRoom(keyPoints),
            scenes.SelectMany(sc => new[] { sc.TouchingLoss, sc.TouchingNorm }).Where(l => l is not null).SelectMany(l => l!.Lines));
        float captionSize = theme.Fonts.Label(13) * s;
        var r = first.Range;
        bool InView(double[] p) => p[0] >= Math.Min(r.X0, r.X1) && p[0] <= Math.Max(r.X0, r.X1) && p[1] >= Math.Min(r.Y0, r.Y1) && p[1] <= Math.Max(r.Y0, r.Y1);
        for (int k = 0; k < scenes.Count; k++)
        {
            var w = scenes[k].Optimum.Weights;
            string text = ShortName(names[k]);
            if (parts.Labels && InView(w)) canvas.Caption(text, w[0], w[1], captionSize, looks[k].Color, 9 * s, bold: true);
        }
        // the touching points are the figure's subject: no later label may blank them
        foreach (var sc in scenes) canvas.Labels.ReservePoint(sc.Optimum.Weights[0], sc.Optimum.Weights[1], 26 * s);
        if (parts.Labels && ls is not null && InView(ls) && scenes.All(sc => sc.Optimum.Weights[0] != ls[0] || sc.Optimum.Weights[1] != ls[1]))
        {
            string lsText = first.LossNote is null ? "least squares" : "unregularised";
            if (canvas.Labels.Beside(ls[0], ls[1], lsText, theme.Fonts.Labels * s, 9 * s) is { } lc)
                canvas.Label(lsText, ls[0], ls[1], theme.Fonts.Labels * s, theme.Loss, lc.Dx, lc.Dy);
        }
        return canvas.Plot;
    }

    /// <summary>
    /// The legend; <paramref name="compact"/> keeps only each penalty's w* (the loss, its level sets in each penalty's
    /// colour and the × are what every figure of the kind shows, and the × has its caption).
    /// </summary>
    private static List<LegendItem> LegendItems(PlotCanvas c, IReadOnlyList<ContourScene> scenes, IReadOnlyList<string> names, IReadOnlyList<(Color Color, LinePattern Dash)> looks, bool compact)
    {
        var (widths, dashes) = (c.Theme.Lines, c.Theme.Dashes);
        float s = c.Scale, touchingWidth = (widths.Loss + widths.LevelSet) / 2 * s;
        static float Sample(float width) => Math.Max(1.5f, width);
        var items = compact ? [] : new List<LegendItem> { c.LineItem("loss D(w) contours", c.Theme.Loss, Sample(widths.Loss) * s, dashes.Loss) };
        for (int k = 0; k < scenes.Count; k++)
        {
            var w = scenes[k].Optimum.Weights;
            // the legend carries each w*, so it is readable even where the points sit too close for captions
            items.Add(c.LineItem($"{names[k]}: w* = ({PenaltyNames.Number(w[0])}, {PenaltyNames.Number(w[1])})", looks[k].Color, Sample(widths.LevelSet) * s, looks[k].Dash));
            if (scenes[k].TouchingLoss is not null && !compact)
                items.Add(c.LineItem($"loss level set through {ShortName(names[k])}'s w*", looks[k].Color, touchingWidth, TouchingDash(looks[k].Dash, dashes.Loss)));
        }
        if (scenes[0].Unregularised is not null && !compact)
            items.Add(c.MarkerItem(scenes[0].LossNote is null ? "least squares (λ = 0)" : "unregularised (λ = 0)", MarkerShape.Eks, c.Theme.Loss, 10 * s));
        return items;
    }

    /// <summary>
    /// Penalty <c>k</c>'s colour and dash: the style's series in turn, leaving out (in a contour overlay) colours too
    /// close to the loss's, which would read as loss lines; when the colours run out the next dash tells lines apart.
    /// </summary>
    public static IReadOnlyList<(Color Color, LinePattern Dash)> Looks(Theme theme, int count, bool avoidLoss)
    {
        var colors = theme.Series.Where(c => !avoidLoss || Distance(c, theme.Loss) > 110).ToList();
        if (colors.Count == 0) colors = [.. theme.Series];
        var dashes = theme.Dashes.Series.Count > 1 ? theme.Dashes.Series : [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LineDashes.DashDot];
        return Enumerable.Range(0, count).Select(k => (colors[k % colors.Count], dashes[k / colors.Count % dashes.Count])).ToList();
    }

    /// <summary>
    /// A penalty's loss level set takes the loss's dash, unless its penalty's colour is shared with another penalty (the
    /// colours ran out) and its ball's dash is what tells them apart.
    /// </summary>
    private static LinePattern TouchingDash(LinePattern ballDash, LinePattern lossDash) =>
        ballDash.Equals(LinePattern.Solid) ? lossDash : ballDash;

    private static double Distance(Color a, Color b)
    {
        double dr = a.R - b.R, dg = a.G - b.G, db = a.B - b.B;
        return Math.Sqrt(dr * dr + dg * dg + db * db);
    }

    /// <summary>A penalty's name without its gloss, for a caption beside its optimum: "L1 (lasso)" → "L1".</summary>
    private static string ShortName(string name) => name.EndsWith(')') && name.IndexOf(" (", StringComparison.Ordinal) is > 0 and var at && !name.Contains(" = ") ? name[..at] : name;

    /// <summary>The label spots shifted by penalty, so the names of nested curves do not all look for room at the same angle.</summary>
    private static double[] Rotate(double[] along, int k) => [.. along.Skip(k % along.Length), .. along.Take(k % along.Length)];
}
