using Regviz.Core.Contours;
using ScottPlot;

namespace Regviz.Plotting;

/// <summary>
/// A themed ScottPlot plot with a fixed layout over a given range, and the helpers every figure draws with.
/// For the parameter plane the range must already have the data area's aspect (see
/// <see cref="PlaneRange.WithAspect"/>); a range with X0 &gt; X1 draws the x axis reversed.
/// </summary>
internal sealed class PlotCanvas
{
    public PlotCanvas(FigureStyle style, PlaneRange range, string title, string xLabel, string yLabel,
        bool verticalZeroLine = true, float extraTop = 0, FigureParts? parts = null, float extraRight = 0, float legendBelow = 0)
    {
        FontRegistry.EnsureRegistered();
        Style = style;
        Parts = parts ?? FigureParts.All;
        Frame = extraRight > 0 ? style.Frame(extraTop).WiderRight(extraRight) : style.Frame(extraTop);
        if (legendBelow > 0) Frame = Frame.TallerBottom(legendBelow);
        LegendBelow = legendBelow;
        Range = range;
        var t = style.Theme;
        float s = style.Scale;

        Plot = new Plot();
        Plot.Font.Set(t.FontFamily);
        Plot.FigureBackground.Color = t.Background;
        Plot.DataBackground.Color = t.Background;
        Plot.Axes.Color(t.Foreground);
        Plot.Grid.MajorLineColor = t.Grid;
        if (!t.ShowGrid || !Parts.Grid) Plot.HideGrid();
        Plot.Title(style.Title ?? title, TitleSize(style.Title ?? title));
        if (style.TitleLayout() is { Simple: false } wrapped)
        {
            // wrapped, or in more than one font: drawn by TitleText after ScottPlot's panels, its last line where
            // ScottPlot draws a one-line title (measured: the baseline 21 px plus a quarter of the size above the data
            // area, centred over the data area), so a title does not jump when it starts to wrap
            Plot.Axes.Title.IsVisible = false;
            float lastBaseline = Frame.Top - 21 * s - 0.24f * wrapped.Size;
            float top = lastBaseline - (wrapped.Lines.Count - 1) * wrapped.LineHeight - wrapped.Size;
            float centre = (Frame.Left + style.Width - Frame.Right) / 2;
            Plot.RenderManager.RenderActions.Add(new TitleText.Step(wrapped, centre, top, t.Foreground));
        }
        Plot.XLabel(xLabel, t.Fonts.AxisLabels * s);
        Plot.YLabel(yLabel, t.Fonts.AxisLabels * s);
        _simpleAxisLabels = !AxisLabelsWithFallback(xLabel, yLabel);
        Plot.Axes.Bottom.TickLabelStyle.FontSize = t.Fonts.Ticks * s;
        Plot.Axes.Left.TickLabelStyle.FontSize = t.Fonts.Ticks * s;
        Plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { MinimumTickSpacing = 60 * s };
        Plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { MinimumTickSpacing = 45 * s };

        // the lines w = 0 are where sparsity happens: always drawn
        Plot.Add.HorizontalLine(0, t.Lines.AxisLines * s, t.AxisLine).LinePattern = LinePattern.Solid;
        if (verticalZeroLine) Plot.Add.VerticalLine(0, t.Lines.AxisLines * s, t.AxisLine).LinePattern = LinePattern.Solid;

        _texts = (style.Title ?? title, xLabel, yLabel, verticalZeroLine);
        Log = LayoutLog.Attach(Plot, FontRegistry.Typeface(t.FontFamily), style.Width, style.Height);
        Place();
    }

    private readonly (string Title, string XLabel, string YLabel, bool VerticalZeroLine) _texts;
    private readonly bool _simpleAxisLabels;

    /// <summary>What depends on where the data area is: the fixed layout, the limits, the label placer and the report of the fixed texts.</summary>
    private void Place()
    {
        Plot.Layout.Fixed(Frame.Padding);
        Plot.Axes.SetLimits(Range.X0, Range.X1, Range.Y0, Range.Y1);
        var t = Style.Theme;
        float s = Scale;
        Labels = new LabelPlacer(Frame, Range)
        {
            Padding = 3 * s, Typeface = FontRegistry.Typeface(t.FontFamily), BoldTypeface = FontRegistry.BoldTypeface(t.FontFamily),
            Spacing = Math.Max(3, 4 * s), MinGap = ProtectedRadius + 2 + Math.Max(3, 4 * s),
        };
        ReserveAxisLines(_texts.VerticalZeroLine);
        Log.ClearFixed();
        LogFixedTexts(_texts.Title, _texts.XLabel, _texts.YLabel);
    }

    /// <summary>
    /// Where the title and axis labels are drawn, for the layout report, as the box of their ink. ScottPlot's own (measured
    /// at 300, 800 and 1600 pixels): the title's baseline 21 px plus a quarter of its size above the data area; the x
    /// label's ink from 8 px plus 0.75 to 1.8 of its size below the data area, the y label's from 10 px plus 1.75 to 2.8
    /// of its size left of it. Those drawn by <see cref="TitleText"/> where the constructor puts them.
    /// </summary>
    private void LogFixedTexts(string title, string xLabel, string yLabel)
    {
        var t = Style.Theme;
        float s = Scale;
        float centreX = (Frame.Left + Style.Width - Frame.Right) / 2, centreY = (Frame.Top + Style.Height - Frame.Bottom) / 2;
        float bottom = Style.Height - Frame.Bottom;
        static float Widest(TitleText text) => text.Lines.Count == 0 ? 0 : text.Lines.Max(l => l.Sum(r => r.Width));
        if (title.Length > 0)
        {
            bool wrapped = Style.TitleLayout() is { Simple: false };
            // ScottPlot's own title at the size it was given, or the wrapped one TitleText draws
            var layout = Style.TitleLayout() is { Simple: false } w ? w : TitleText.Layout(title, t.FontFamily, Plot.Axes.Title.Label.FontSize, float.MaxValue);
            float lastBaseline = Frame.Top - (wrapped ? 21 * s : 21) - 0.24f * layout.Size;
            float top = lastBaseline - (layout.Lines.Count - 1) * layout.LineHeight - layout.Size;
            float width = Widest(layout);
            Log.Fixed(title, "title", new PixelBox(centreX - width / 2, top, centreX + width / 2, lastBaseline + 0.3f * layout.Size));
        }
        float size = t.Fonts.AxisLabels * s;
        if (xLabel.Length > 0)
        {
            var x = TitleText.Layout(xLabel, t.FontFamily, size, float.MaxValue);
            float w = Widest(x), top = x.Simple ? bottom + 8 + 0.75f * size : bottom + 34 * s - size;
            Log.Fixed(xLabel, "axis_label", new PixelBox(centreX - w / 2, top, centreX + w / 2, top + (x.Simple ? 1.05f : 1.25f) * size));
        }
        if (yLabel.Length > 0)
        {
            var y = TitleText.Layout(yLabel, t.FontFamily, size, float.MaxValue);
            float w = Widest(y), left = y.Simple ? Frame.Left - 10 - 2.8f * size : Frame.Left - 44 * s - size;
            Log.Fixed(yLabel, "axis_label", new PixelBox(left, centreY - w / 2, left + (y.Simple ? 1.05f : 1.25f) * size, centreY + w / 2));
        }
    }

    /// <summary>
    /// The title's size: the style's, or smaller for a figure's own title too wide for the image (an overlay of four
    /// penalties in 300 pixels), so it stays inside; a title the user gave wraps instead (<see cref="FigureStyle.TitleLayout"/>).
    /// </summary>
    private float TitleSize(string title)
    {
        float size = Theme.Fonts.Title * Scale;
        if (Style.Title is not null) return size;
        // centred over the data area, which sits right of the image's centre: the room is twice the nearer side
        float centre = (Frame.Left + Style.Width - Frame.Right) / 2;
        float room = 2 * Math.Min(centre, Style.Width - centre) - 16 * Scale, width = TitleText.Layout(title, Theme.FontFamily, size, float.MaxValue).Lines.Max(l => l.Sum(r => r.Width));
        // ScottPlot measures its title a few per cent wider than this measure (seen: 5%): a tenth to spare
        return width <= 0.9f * room ? size : size * 0.9f * room / width;
    }

    /// <summary>What this figure placed where, reported as its <see cref="FigureLayout"/> after each render.</summary>
    internal LayoutLog Log { get; }

    /// <summary>
    /// A mark no text and no legend may cover (w*, the ×, a ball's corner, a trace's ends, a knot): reserved before any
    /// text is placed, at least 6 pixels round, and reported in the layout with its colour.
    /// </summary>
    public void Protect(string role, double x, double y, Color color, float radius = 0)
    {
        Log.Protect(role, x, y, color);
        _protected.Add((x, y));
        Labels.ReservePoint(x, y, Math.Max(radius, ProtectedRadius + 1));
    }

    /// <summary>How near (pixels) to a protected mark no text or legend may come.</summary>
    public const float ProtectedRadius = 6;

    private readonly List<(double X, double Y)> _protected = [];

    /// <summary>A point the legend must not cover though it is not drawn in this figure (where w* is in another frame of an animation).</summary>
    public void KeepLegendOff(double x, double y) => _protected.Add((x, y));

    /// <summary>
    /// An axis label with a column name the style's font cannot draw (CJK) is drawn run by run like a wrapped title,
    /// each run in a font that has it, where ScottPlot would have put it (measured: the x label's baseline 34 px below
    /// the data area, the y label's 44 px left of it, reading upwards); ScottPlot's own label is emptied.
    /// </summary>
    /// <returns>Whether either label is drawn so (its place then fixed to this canvas's frame).</returns>
    private bool AxisLabelsWithFallback(string xLabel, string yLabel)
    {
        var t = Style.Theme;
        float s = Scale, size = t.Fonts.AxisLabels * s;
        float centreX = (Frame.Left + Style.Width - Frame.Right) / 2, centreY = (Frame.Top + Style.Height - Frame.Bottom) / 2;
        var x = TitleText.Layout(xLabel, t.FontFamily, size, float.MaxValue);
        if (!x.Simple)
        {
            Plot.XLabel("");
            Plot.RenderManager.RenderActions.Add(new TitleText.Step(x, centreX, Style.Height - Frame.Bottom + 34 * s - size, t.Foreground));
        }
        var y = TitleText.Layout(yLabel, t.FontFamily, size, float.MaxValue);
        if (!y.Simple)
        {
            Plot.YLabel("");
            Plot.RenderManager.RenderActions.Add(new TitleText.Step(y, 0, -size, t.Foreground, Pivot: (Frame.Left - 44 * s, centreY)));
        }
        return !x.Simple || !y.Simple;
    }

    /// <summary>Keeps labels <paramref name="half"/> pixels off the lines w1 = 0 and w2 = 0 (where a ball has its corners).</summary>
    public void KeepLabelsOffAxes(float half) => ReserveAxisLines(true, half);

    /// <summary>Keeps labels off the lines w1 = 0 and w2 = 0: a label there would hide the axis the figure is about.</summary>
    private void ReserveAxisLines(bool vertical, float? halfWidth = null)
    {
        var (x0, y0) = Frame.ToPixel(Range, 0, 0);
        float half = halfWidth ?? 2 * Scale;
        if (Range.Y0 < 0 && Range.Y1 > 0) Labels.Reserve(new PixelBox(Frame.Left, y0 - half, Frame.Width - Frame.Right, y0 + half));
        if (vertical && Math.Min(Range.X0, Range.X1) < 0 && Math.Max(Range.X0, Range.X1) > 0)
            Labels.Reserve(new PixelBox(x0 - half, Frame.Top, x0 + half, Frame.Height - Frame.Bottom));
    }

    public Plot Plot { get; }
    public FigureStyle Style { get; }
    public FigureParts Parts { get; }
    public PlotFrame Frame { get; private set; }
    public PlaneRange Range { get; private set; }
    public LabelPlacer Labels { get; private set; } = null!;

    /// <summary>
    /// The face every label of this figure is drawn in. ScottPlot gives a new label the process-wide face last set by
    /// any plot (Plot.Font.Set sets it), and a label's face wins over its font name: in a batch rendering figures of
    /// different styles in parallel, a label must be given its own figure's face, not whichever was set last. The face
    /// also wins over the label's bold flag, so a bold label is given the bold face here.
    /// </summary>
    public SkiaSharp.SKTypeface FaceOf(bool bold = false) => Fonts.GetTypeface(Theme.FontFamily, bold, false);
    public Theme Theme => Style.Theme;
    public float Scale => Style.Scale;

    public void Line(Polyline line, Color color, float width, LinePattern? pattern = null)
    {
        // no marker at all: ScottPlot's scatter still visits a marker of size 0 at every point of every line (perf: in every frame of an animation)
        var sl = new PolylinePlot(line.X, line.Y, color) { LineWidth = width };
        Plot.PlottableList.Add(sl);
        if (pattern is { } p) sl.LinePattern = p;
    }

    /// <summary>The region a closed level set encloses, filled (the constraint region of a textbook figure), under every line.</summary>
    public void Fill(ContourLevel level, Color color)
    {
        foreach (var line in level.Lines.Where(l => l.IsClosed))
        {
            var polygon = Plot.Add.Polygon(line.X.Zip(line.Y, (x, y) => new Coordinates(x, y)).ToArray());
            polygon.FillColor = color;
            polygon.LineWidth = 0;
        }
    }

    /// <summary>Text on a filled box (docs/conventions.md: lines never run through a label).</summary>
    public void Label(string text, double x, double y, float size, Color color, float dx = 0, float dy = 0, bool bold = false, string role = "caption")
    {
        var (w, h) = Labels.Measure(text, size, bold);
        Log.Text(text, role, x, y, PixelBox.Centred(dx, dy, w, h));
        var label = Plot.Add.Text(text, x, y);
        label.LabelFontName = Theme.FontFamily;
        label.LabelStyle.Font = FaceOf(bold);
        label.LabelFontSize = size;
        label.LabelFontColor = color;
        label.LabelBold = bold;
        label.LabelBackgroundColor = Theme.LabelBackground;
        label.LabelPadding = Labels.Padding;
        label.LabelAlignment = Alignment.MiddleCenter;
        label.LabelOffsetX = dx;
        label.LabelOffsetY = dy;
    }

    /// <summary>
    /// A mark's caption: beside the mark when there is room, else farther off with a short leader line from the mark's
    /// edge to the caption, so a caption that matters is moved rather than dropped. False when no spot is free at all.
    /// </summary>
    public bool Caption(string text, double x, double y, float size, Color color, float gap, bool bold = false)
    {
        if (Labels.Beside(x, y, text, size, gap, bold) is { } at)
        {
            Label(text, x, y, size, color, at.Dx, at.Dy, bold);
            return true;
        }
        if (Labels.Farther(x, y, text, size, gap, bold) is not { } far) return false;
        var (px, py) = Frame.ToPixel(Range, x, y);
        float length = MathF.Sqrt(far.Dx * far.Dx + far.Dy * far.Dy), from = Math.Max(8 * Scale, ProtectedRadius + 2);
        var (x0, y0) = ToPlane(px + far.Dx / length * from, py + far.Dy / length * from);
        var (x1, y1) = ToPlane(px + far.Dx, py + far.Dy);
        var leader = Plot.Add.Line(x0, y0, x1, y1);
        leader.LineColor = color.WithAlpha(0.8);
        leader.LineWidth = Math.Max(1, Scale);
        leader.MarkerSize = 0;
        Log.LeaderLine(x0, y0, x1, y1, Math.Max(1, Scale));
        Labels.ReserveLine([x0, x1], [y0, y1], Math.Max(1, Scale));
        Label(text, x, y, size, color, far.Dx, far.Dy, bold);
        return true;
    }

    /// <summary>The point of the plane drawn at pixel (<paramref name="px"/>, <paramref name="py"/>).</summary>
    public (double X, double Y) ToPlane(float px, float py) =>
        (Range.X0 + (px - Frame.Left) / Frame.DataWidth * Range.Width, Range.Y1 - (py - Frame.Top) / Frame.DataHeight * Range.Height);

    /// <summary>Labels the contour at a free spot of its longest line; skipped when no spot is free.</summary>
    public void ContourLabel(ContourLevel level, string text, Color color, float size, bool bold = false, double[]? along = null)
    {
        if (!Parts.Labels) return;
        var longest = level.Lines.MaxBy(l => l.Count);
        if (longest is null) return;
        if (Labels.OnLine(longest, text, size, along, bold) is { } at) Label(text, at.X, at.Y, size, color, bold: bold, role: "contour_label");
    }

    /// <summary>
    /// The legend in <paramref name="corner"/>. Its entries are kept even when <see cref="FigureParts.Legend"/> hides it:
    /// a grid of panels gathers them into the one legend it draws for all.
    /// </summary>
    public void Legend(Alignment corner, IEnumerable<LegendItem> items)
    {
        Plot.Legend.IsVisible = Parts.Legend;
        if (!Parts.Legend) Log.NoLegend("not asked for");
        Plot.Legend.Alignment = corner;
        Plot.Legend.FontSize = Theme.Fonts.Legend * Scale;
        Plot.Legend.FontName = Theme.FontFamily;
        Plot.Legend.FontColor = Theme.Foreground;
        Plot.Legend.BackgroundColor = Theme.LabelBackground;
        Plot.Legend.OutlineColor = Theme.Muted.WithAlpha(0.5);
        Plot.Legend.ManualItems.Clear(); // placing the legend may try it more than once
        foreach (var item in items) Plot.Legend.ManualItems.Add(item);
    }

    public LegendItem LineItem(string text, Color color, float width, LinePattern? pattern = null) => Pinned(new()
    {
        LabelText = text,
        LineColor = color,
        LineWidth = width,
        LinePattern = pattern ?? LinePattern.Solid,
        MarkerShape = MarkerShape.None,
    });

    public LegendItem FillItem(string text, Color color) => Pinned(new()
    {
        LabelText = text,
        LineWidth = 0,
        FillColor = color,
        MarkerShape = MarkerShape.None,
    });

    public LegendItem MarkerItem(string text, MarkerShape shape, Color color, float size) => Pinned(new()
    {
        LabelText = text,
        LineWidth = 0,
        MarkerShape = shape,
        MarkerFillColor = color,
        MarkerLineColor = color,
        MarkerSize = size,
    });

    /// <summary>A legend entry drawn in this figure's face (see <see cref="FaceOf"/>).</summary>
    private LegendItem Pinned(LegendItem item)
    {
        item.LabelStyle.Font = FaceOf();
        return item;
    }

    /// <summary>Reserves the pixels a legend of <paramref name="lines"/> entries will cover in a corner, before labels are placed; returns them.</summary>
    public PixelBox ReserveLegend(Alignment corner, int lines, float width)
    {
        // measured for the default legend font (13 px): a style's larger legend needs proportionally more room
        float grow = Theme.Fonts.Legend / 13;
        float h = lines * (22 * grow) * Scale + 14 * grow * Scale, w = width * grow * Scale, m = 8 * Scale;
        bool top = corner is Alignment.UpperLeft or Alignment.UpperRight;
        bool left = corner is Alignment.UpperLeft or Alignment.LowerLeft;
        float x0 = left ? Frame.Left : Frame.Width - Frame.Right - w - m;
        float y0 = top ? Frame.Top : Frame.Height - Frame.Bottom - h - m;
        var box = new PixelBox(x0, y0, x0 + w + m, y0 + h + m);
        if (Parts.Legend) Labels.Reserve(box);
        return box;
    }

    /// <summary>
    /// The legend with <paramref name="items"/> in the corner, of <paramref name="corners"/> (in order of preference),
    /// whose box covers no protected mark (<see cref="Protect"/>, by <see cref="ProtectedRadius"/>) and the least of the
    /// <paramref name="bold"/> curves; with every corner covering a mark, the one covering fewest. The box, measured as
    /// ScottPlot will draw it, is reserved against labels and returned.
    /// </summary>
    /// <param name="beside">The box of text that will sit beside the legend, below it in an upper corner and above it in a lower one (an animation's moving value): judged with it.</param>
    public PixelBox PlaceLegend(IReadOnlyList<LegendItem> items, IReadOnlyList<Alignment> corners, IEnumerable<Polyline>? bold = null, Beside beside = default)
    {
        if (LegendBelow > 0) return PlaceLegendBelow(items);
        Legend(corners[0], items);
        var samples = new List<(float X, float Y, float Length)>();
        foreach (var line in bold ?? [])
            for (int k = 1; k < line.Count; k++)
            {
                var (ax, ay) = Frame.ToPixel(Range, line.X[k - 1], line.Y[k - 1]);
                var (bx, by) = Frame.ToPixel(Range, line.X[k], line.Y[k]);
                float length = MathF.Sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
                if (!float.IsFinite(length)) continue;
                int n = Math.Clamp((int)(length / 4), 1, 2000);
                for (int i = 0; i < n; i++) samples.Add((ax + (i + 0.5f) / n * (bx - ax), ay + (i + 0.5f) / n * (by - ay), length / n));
            }
        var marks = _protected.Select(p => Frame.ToPixel(Range, p.X, p.Y)).ToList();
        var best = corners
            .Select((corner, order) => (corner, order, box: WithBeside(LegendBox(corner), corner, beside)))
            .Select(c => (c.corner, c.order, c.box,
                marks: marks.Count(m => c.box.Grow(ProtectedRadius).Contains(m.X, m.Y)),
                covered: samples.Where(p => c.box.Contains(p.X, p.Y)).Sum(p => p.Length)))
            // a few pixels of bold curve are no reason to leave the preferred corner
            .MinBy(c => (c.marks, Math.Round(c.covered / (8 * Scale)), c.order));
        Plot.Legend.Alignment = best.corner;
        best.box = LegendBox(best.corner); // what is beside it reserves its own room
        if (best.marks > 0 && CompactLegend)
        {
            // no room anywhere (see Fitting): no legend rather than one over w* or a corner
            Plot.Legend.IsVisible = false;
            if (Parts.Legend) Log.NoLegend($"no room: below the figure it would take over {MostBand * 100:0}% of the height, and inside it would hide a mark in every corner");
            return default;
        }
        if (Parts.Legend) Labels.Reserve(best.box);
        return best.box;
    }

    /// <summary>The legend's box and the box beside it, as <see cref="FrameValue.Box"/> places it (it may be the wider).</summary>
    private PixelBox WithBeside(PixelBox box, Alignment corner, Beside beside)
    {
        if (beside.Height <= 0) return box;
        var value = FrameValue.Box(Frame, Scale, box, corner, beside.Width, beside.Height);
        return new PixelBox(Math.Min(box.X0, value.X0), Math.Min(box.Y0, value.Y0), Math.Max(box.X1, value.X1), Math.Max(box.Y1, value.Y1));
    }

    /// <summary>The box the legend, as it now holds its entries, covers in <paramref name="corner"/>, shadow included.</summary>
    public PixelBox LegendBox(Alignment corner)
    {
        var data = new PixelRect(Frame.Left, Style.Width - Frame.Right, Style.Height - Frame.Bottom, Frame.Top);
        var inside = data.Contract(Plot.Legend.Margin);
        using var paint = Paint.NewDisposablePaint();
        var rect = Plot.Legend.GetLayout(inside.Size, paint).LegendRect.AlignedInside(inside, corner);
        var shadow = Plot.Legend.ShadowOffset;
        return new PixelBox(rect.Left + Math.Min(0, shadow.X), rect.Top + Math.Min(0, shadow.Y), rect.Right + Math.Max(0, shadow.X), rect.Bottom + Math.Max(0, shadow.Y));
    }

    /// <summary>The four corners inside the data area, the farthest from the given points first: where a legend hides the least.</summary>
    /// <summary>
    /// A canvas over <paramref name="range"/>, whose legend (the entries <paramref name="items"/> makes) goes below the
    /// figure when it belongs there (<see cref="LegendBelongsBelow"/>, judged against <paramref name="keep"/>): then the
    /// canvas gets a band for it under the x axis's label, <paramref name="lead"/> pixels taller for a line above the
    /// legend (an animation's moving value), the range widened to keep the units square.
    /// </summary>
    /// <remarks>
    /// A band may take at most <see cref="MostBand"/> of the image's height: past that the figure's compact legend
    /// (<paramref name="items"/> asked with true: its main entries, in short words) is tried, and past that again the
    /// compact legend stays inside, in the best corner; when every corner would hide a mark there too, the figure goes
    /// without a legend (<see cref="PlaceLegend"/>) and its layout report says why: a legend never hides what it explains.
    /// The canvas is built once: measuring the legend needs it, and giving it a band only moves its data area.
    /// </remarks>
    public static PlotCanvas Fitting(FigureStyle style, PlaneRange range, string title, string xLabel, string yLabel, FigureParts parts,
        Func<PlotCanvas, bool, IReadOnlyList<LegendItem>> items, IEnumerable<(double X, double Y)> keep, float lead = 0, Func<PlotCanvas, Beside>? beside = null)
    {
        var canvas = new PlotCanvas(style, range, title, xLabel, yLabel, parts: parts);
        if (!canvas.LegendBelongsBelow(items(canvas, false), keep, beside?.Invoke(canvas) ?? default)) return canvas;
        bool compact = false;
        float band = canvas.BandHeight(items(canvas, false)) + lead;
        if (band > MostBand * style.Height)
        {
            compact = true;
            band = canvas.BandHeight(items(canvas, true)) + lead;
            if (band > MostBand * style.Height)
            {
                canvas.Plot.Legend.Orientation = Orientation.Vertical; // as it was before the band was measured
                canvas.CompactLegend = true;
                return canvas;
            }
        }
        canvas.CompactLegend = compact;
        if (canvas._simpleAxisLabels) canvas.Below(band, lead);
        else canvas = Laid(style, range, title, xLabel, yLabel, parts, band, compact, lead); // axis labels drawn run by run stay where they were put
        return canvas;
    }

    /// <summary>
    /// A canvas laid out as <see cref="Fitting"/> decided for another of the same figure (the frames of an animation):
    /// the legend below in a band of <paramref name="band"/> pixels (0: inside), compact or not.
    /// </summary>
    public static PlotCanvas Laid(FigureStyle style, PlaneRange range, string title, string xLabel, string yLabel, FigureParts parts, float band, bool compact, float lead)
    {
        if (band <= 0) return new PlotCanvas(style, range, title, xLabel, yLabel, parts: parts) { CompactLegend = compact };
        var frame = style.Frame().TallerBottom(band);
        return new PlotCanvas(style, range.WithAspect(frame.DataWidth, frame.DataHeight), title, xLabel, yLabel, parts: parts, legendBelow: band) { CompactLegend = compact, BandLead = lead };
    }

    /// <summary>Gives this canvas, nothing drawn on it yet, a band of <paramref name="band"/> pixels below the x axis's label for its legend.</summary>
    private void Below(float band, float lead)
    {
        Frame = Style.Frame().TallerBottom(band);
        Range = Range.WithAspect(Frame.DataWidth, Frame.DataHeight);
        LegendBelow = band;
        BandLead = lead;
        Place();
    }

    /// <summary>The largest share of the image's height a legend below the figure may take.</summary>
    public const float MostBand = 0.3f;

    /// <summary>Whether the figure draws its compact legend (see <see cref="Fitting"/>).</summary>
    public bool CompactLegend { get; private set; }

    /// <summary>The height of the band below the x axis's label where this figure's legend is drawn (0: inside the data area).</summary>
    public float LegendBelow { get; private set; }

    /// <summary>Pixels at the top of the band kept for one line above the legend (<see cref="BandLine"/>).</summary>
    public float BandLead { get; private set; }

    /// <summary>Where the line above a band's legend goes, in the figure's pixels.</summary>
    public PixelBox BandLine => new(4, Style.Height - LegendBelow + 2, Style.Width - 4, Style.Height - LegendBelow + 2 + BandLead);

    /// <summary>
    /// Whether a legend of <paramref name="items"/> belongs outside, below the figure: when it would cover more than a
    /// fifth of the data area (a small figure), or when every inside corner would cover one of <paramref name="keep"/>.
    /// </summary>
    /// <param name="beside">The room a box beside the legend takes (an animation's moving value, <see cref="PlaceLegend"/>): a corner
    /// must hold both clear of <paramref name="keep"/>, or the legend goes below.</param>
    public bool LegendBelongsBelow(IReadOnlyList<LegendItem> items, IEnumerable<(double X, double Y)> keep, Beside beside = default)
    {
        if (!Parts.Legend || items.Count == 0) return false;
        Legend(Alignment.UpperRight, items);
        var pixels = keep.Select(p => Frame.ToPixel(Range, p.X, p.Y)).ToList();
        Alignment[] corners = [Alignment.UpperRight, Alignment.UpperLeft, Alignment.LowerRight, Alignment.LowerLeft];
        var box = LegendBox(Alignment.UpperRight);
        float share = (box.X1 - box.X0) * (box.Y1 - box.Y0) / (Frame.DataWidth * Frame.DataHeight);
        return share > 0.2f || corners.All(c => pixels.Any(p => WithBeside(LegendBox(c), c, beside).Grow(ProtectedRadius + 2).Contains(p.X, p.Y)));
    }

    /// <summary>The height a legend of <paramref name="items"/> takes laid out in rows across the image, below the figure.</summary>
    public float BandHeight(IReadOnlyList<LegendItem> items)
    {
        Legend(Alignment.UpperCenter, items);
        Plot.Legend.Orientation = Orientation.Horizontal;
        using var paint = Paint.NewDisposablePaint();
        var rect = Plot.Legend.GetLayout(new PixelSize(Style.Width - 8, Style.Height), paint).LegendRect;
        return rect.Height + Plot.Legend.ShadowOffset.Y + 6;
    }

    /// <summary>Where the legend below the figure is drawn, in the figure's pixels.</summary>
    private PixelRect Band => new(4, Style.Width - 4, Style.Height - 2, Style.Height - LegendBelow + 2 + BandLead);

    /// <summary>Draws the legend in the band below the figure (<see cref="LegendBelow"/>) instead of inside the data area; returns its box.</summary>
    private PixelBox PlaceLegendBelow(IReadOnlyList<LegendItem> items)
    {
        Legend(Alignment.UpperCenter, items);
        Plot.Legend.Orientation = Orientation.Horizontal;
        Plot.Legend.IsVisible = false;
        using var paint = Paint.NewDisposablePaint();
        var rect = Plot.Legend.GetLayout(Band.Size, paint).LegendRect.AlignedInside(Band, Alignment.UpperCenter);
        Plot.RenderManager.RenderActions.Add(new BandLegend(Plot.Legend, Band));
        Log.LegendAt(Band);
        var shadow = Plot.Legend.ShadowOffset;
        return new PixelBox(rect.Left, rect.Top, rect.Right + shadow.X, rect.Bottom + shadow.Y);
    }

    /// <summary>ScottPlot's legend drawn in a rectangle of the figure (offset as a panel of a grid is), after the axes.</summary>
    private sealed class BandLegend(ScottPlot.Legend legend, PixelRect band) : IRenderAction
    {
        public void Render(RenderPack rp) =>
            legend.Render(rp.Canvas, rp.Paint, band.WithOffset(new PixelOffset(rp.FigureRect.Left, rp.FigureRect.Top)), Alignment.UpperCenter);
    }

    public IReadOnlyList<Alignment> CornersByRoom(IEnumerable<(double X, double Y)> points)
    {
        var pts = points.ToList();
        (Alignment, double, double)[] corners =
        [
            (Alignment.UpperRight, Range.X1, Range.Y1), (Alignment.UpperLeft, Range.X0, Range.Y1),
            (Alignment.LowerRight, Range.X1, Range.Y0), (Alignment.LowerLeft, Range.X0, Range.Y0),
        ];
        return corners.OrderByDescending(c => pts.Count == 0 ? 0 : pts.Min(p => Math.Abs(p.X - c.Item2) / Range.Width + Math.Abs(p.Y - c.Item3) / Range.Height))
            .Select(c => c.Item1).ToList();
    }

}
