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
        bool verticalZeroLine = true, float extraTop = 0, FigureParts? parts = null, float extraRight = 0)
    {
        FontRegistry.EnsureRegistered();
        Style = style;
        Parts = parts ?? FigureParts.All;
        Frame = extraRight > 0 ? style.Frame(extraTop).WiderRight(extraRight) : style.Frame(extraTop);
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
        Plot.Layout.Fixed(Frame.Padding);
        Plot.Axes.SetLimits(range.X0, range.X1, range.Y0, range.Y1);
        Plot.Title(style.Title ?? title, t.Fonts.Title * s);
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
        AxisLabelsWithFallback(xLabel, yLabel);
        Plot.Axes.Bottom.TickLabelStyle.FontSize = t.Fonts.Ticks * s;
        Plot.Axes.Left.TickLabelStyle.FontSize = t.Fonts.Ticks * s;
        Plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { MinimumTickSpacing = 60 * s };
        Plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { MinimumTickSpacing = 45 * s };

        // the lines w = 0 are where sparsity happens: always drawn
        Plot.Add.HorizontalLine(0, t.Lines.AxisLines * s, t.AxisLine).LinePattern = LinePattern.Solid;
        if (verticalZeroLine) Plot.Add.VerticalLine(0, t.Lines.AxisLines * s, t.AxisLine).LinePattern = LinePattern.Solid;

        Labels = new LabelPlacer(Frame, range) { Padding = 3 * s, Typeface = FontRegistry.Typeface(t.FontFamily) };
        ReserveAxisLines(verticalZeroLine);
    }

    /// <summary>
    /// An axis label with a column name the style's font cannot draw (CJK) is drawn run by run like a wrapped title,
    /// each run in a font that has it, where ScottPlot would have put it (measured: the x label's baseline 34 px below
    /// the data area, the y label's 44 px left of it, reading upwards); ScottPlot's own label is emptied.
    /// </summary>
    private void AxisLabelsWithFallback(string xLabel, string yLabel)
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
    }

    /// <summary>Keeps labels off the lines w1 = 0 and w2 = 0: a label there would hide the axis the figure is about.</summary>
    private void ReserveAxisLines(bool vertical)
    {
        var (x0, y0) = Frame.ToPixel(Range, 0, 0);
        float half = 2 * Scale;
        if (Range.Y0 < 0 && Range.Y1 > 0) Labels.Reserve(new PixelBox(Frame.Left, y0 - half, Frame.Width - Frame.Right, y0 + half));
        if (vertical && Math.Min(Range.X0, Range.X1) < 0 && Math.Max(Range.X0, Range.X1) > 0)
            Labels.Reserve(new PixelBox(x0 - half, Frame.Top, x0 + half, Frame.Height - Frame.Bottom));
    }

    public Plot Plot { get; }
    public FigureStyle Style { get; }
    public FigureParts Parts { get; }
    public PlotFrame Frame { get; }
    public PlaneRange Range { get; }
    public LabelPlacer Labels { get; }

    /// <summary>
    /// The face every label of this figure is drawn in. ScottPlot gives a new label the process-wide face last set by
    /// any plot (Plot.Font.Set sets it), and a label's face wins over its font name: in a batch rendering figures of
    /// different styles in parallel, a label must be given its own figure's face, not whichever was set last.
    /// </summary>
    public SkiaSharp.SKTypeface Face => Fonts.GetTypeface(Theme.FontFamily, false, false);
    public Theme Theme => Style.Theme;
    public float Scale => Style.Scale;

    public void Line(Polyline line, Color color, float width, LinePattern? pattern = null)
    {
        var sl = Plot.Add.ScatterLine(line.X, line.Y, color);
        sl.LineWidth = width;
        // no marker at all: a marker of size 0 is still drawn, once per point of every line (perf: in every frame of an animation)
        sl.MarkerSize = 0;
        sl.MarkerShape = MarkerShape.None;
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
    public void Label(string text, double x, double y, float size, Color color, float dx = 0, float dy = 0, bool bold = false)
    {
        var label = Plot.Add.Text(text, x, y);
        label.LabelFontName = Theme.FontFamily;
        label.LabelStyle.Font = Face;
        label.LabelFontSize = size;
        label.LabelFontColor = color;
        label.LabelBold = bold;
        label.LabelBackgroundColor = Theme.LabelBackground;
        label.LabelPadding = Labels.Padding;
        label.LabelAlignment = Alignment.MiddleCenter;
        label.LabelOffsetX = dx;
        label.LabelOffsetY = dy;
    }

    /// <summary>Labels the contour at a free spot of its longest line; skipped when no spot is free.</summary>
    public void ContourLabel(ContourLevel level, string text, Color color, float size, bool bold = false, double[]? along = null)
    {
        if (!Parts.Labels) return;
        var longest = level.Lines.MaxBy(l => l.Count);
        if (longest is null) return;
        if (Labels.OnLine(longest, text, size, along) is { } at) Label(text, at.X, at.Y, size, color, bold: bold);
    }

    /// <summary>
    /// The legend in <paramref name="corner"/>. Its entries are kept even when <see cref="FigureParts.Legend"/> hides it:
    /// a grid of panels gathers them into the one legend it draws for all.
    /// </summary>
    public void Legend(Alignment corner, IEnumerable<LegendItem> items)
    {
        Plot.Legend.IsVisible = Parts.Legend;
        Plot.Legend.Alignment = corner;
        Plot.Legend.FontSize = Theme.Fonts.Legend * Scale;
        Plot.Legend.FontName = Theme.FontFamily;
        Plot.Legend.FontColor = Theme.Foreground;
        Plot.Legend.BackgroundColor = Theme.LabelBackground;
        Plot.Legend.OutlineColor = Theme.Muted.WithAlpha(0.5);
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

    /// <summary>A legend entry drawn in this figure's face (see <see cref="Face"/>).</summary>
    private LegendItem Pinned(LegendItem item)
    {
        item.LabelStyle.Font = Face;
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

    /// <summary>The corner farthest from the given points: where a legend hides the least.</summary>
    public Alignment EmptiestCorner(IEnumerable<(double X, double Y)> points)
    {
        var pts = points.ToList();
        (Alignment, double, double)[] corners =
        [
            (Alignment.UpperRight, Range.X1, Range.Y1), (Alignment.UpperLeft, Range.X0, Range.Y1),
            (Alignment.LowerRight, Range.X1, Range.Y0), (Alignment.LowerLeft, Range.X0, Range.Y0),
        ];
        return corners.MaxBy(c => pts.Min(p => Math.Abs(p.X - c.Item2) / Range.Width + Math.Abs(p.Y - c.Item3) / Range.Height)).Item1;
    }
}
