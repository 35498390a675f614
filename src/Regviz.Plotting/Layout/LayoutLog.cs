using System.Runtime.CompilerServices;
using ScottPlot;
using SkiaSharp;

namespace Regviz.Plotting;

/// <summary>
/// What a canvas placed (captions, contour values, protected marks, title and axis labels), turned into a
/// <see cref="FigureLayout"/> in pixels of the image at the end of every render: the last step of ScottPlot's render
/// pipeline, so the data area, ticks and legend are the ones just drawn, offset as a panel of a grid is.
/// </summary>
internal sealed class LayoutLog : IRenderAction
{
    private static readonly ConditionalWeakTable<Plot, LayoutLog> Logs = new();

    private sealed record Placed(string Text, string Role, double X, double Y, PixelBox Around);
    private sealed record Mark(string Role, double X, double Y, Color Color);
    private sealed record Leader(double X0, double Y0, double X1, double Y1, float Half);

    private readonly Plot _plot;
    private readonly SKTypeface _face;
    private readonly List<Placed> _placed = [];
    private readonly List<Mark> _marks = [];
    private readonly List<Leader> _leaders = [];
    private readonly List<LayoutText> _fixed = [];

    private readonly (int Width, int Height) _image;

    private LayoutLog(Plot plot, SKTypeface face, int width, int height)
    {
        _plot = plot;
        _face = face;
        _image = (width, height);
    }

    /// <summary>A log for <paramref name="plot"/>, a figure of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static LayoutLog Attach(Plot plot, SKTypeface face, int width, int height)
    {
        var log = new LayoutLog(plot, face, width, height);
        Logs.AddOrUpdate(plot, log);
        plot.RenderManager.RenderActions.Add(log);
        return log;
    }

    public static LayoutLog? Find(Plot plot) => Logs.TryGetValue(plot, out var log) ? log : null;

    public FigureLayout? Last { get; private set; }

    /// <summary>Text drawn centred at the plane point (x, y) moved by the pixel box <paramref name="around"/> (relative to that point).</summary>
    public void Text(string text, string role, double x, double y, PixelBox around) => _placed.Add(new(text, role, x, y, around));

    /// <summary>Text at a fixed place of the figure (title, axis labels), in the figure's own pixels.</summary>
    public void Fixed(string text, string role, PixelBox box) => _fixed.Add(new(text, role, new LayoutBox(box.X0, box.Y0, box.X1, box.Y1)));

    public void Protect(string role, double x, double y, Color color) => _marks.Add(new(role, x, y, color));

    /// <summary>Forgets the fixed texts: the canvas's data area moved (a band for the legend) and reports them again.</summary>
    public void ClearFixed() => _fixed.Clear();

    /// <summary>The figure has legend entries but draws no legend, for this reason (reported as <c>legend_omitted</c>).</summary>
    public void NoLegend(string why) => _noLegend = why;

    private string? _noLegend;

    /// <summary>The legend is drawn in <paramref name="band"/> (figure pixels) below the figure, not inside the data area.</summary>
    public void LegendAt(PixelRect band) => _band = band;

    private PixelRect? _band;

    public void LeaderLine(double x0, double y0, double x1, double y1, float halfWidth) => _leaders.Add(new(x0, y0, x1, y1, halfWidth));

    public void Render(RenderPack rp)
    {
        var data = rp.DataRect;
        var fig = rp.FigureRect;
        var xr = (Min: _plot.Axes.Bottom.Range.Min, Max: _plot.Axes.Bottom.Range.Max);
        var yr = (Min: _plot.Axes.Left.Range.Min, Max: _plot.Axes.Left.Range.Max);
        (float X, float Y) Px(double x, double y) => (
            (float)(data.Left + (x - xr.Min) / (xr.Max - xr.Min) * data.Width),
            (float)(data.Bottom - (y - yr.Min) / (yr.Max - yr.Min) * data.Height));

        // a labelled top axis (the path figure's counts) pushes ScottPlot's title up by a line of its tick labels (measured)
        var top = _plot.Axes.Top;
        float lift = top.IsVisible && top.TickGenerator.Ticks.Any(t => t.IsMajor && !string.IsNullOrEmpty(t.Label)) ? 1.25f * top.TickLabelStyle.FontSize : 0;
        var texts = new List<LayoutText>(_fixed.Select(t => t with { Box = t.Box.Offset(fig.Left, fig.Top - (t.Role == "title" ? lift : 0)) }));
        // ScottPlot's own title is as wide as ScottPlot measures it, centred over the data area
        if (_plot.Axes.Title.IsVisible && texts.FindIndex(t => t.Role == "title") is var ti and >= 0)
        {
            float half = _plot.Axes.Title.Label.Measure(_plot.Axes.Title.Label.Text, rp.Paint).Size.Width / 2, centre = data.HorizontalCenter;
            texts[ti] = texts[ti] with { Box = texts[ti].Box with { X0 = centre - half, X1 = centre + half } };
        }
        texts.AddRange(Ticks(data, xr, yr));
        foreach (var p in _placed)
        {
            var (px, py) = Px(p.X, p.Y);
            texts.Add(new LayoutText(p.Text, p.Role, new LayoutBox(px + p.Around.X0, py + p.Around.Y0, px + p.Around.X1, py + p.Around.Y1)));
        }
        foreach (var l in _leaders)
        {
            var (ax, ay) = Px(l.X0, l.Y0);
            var (bx, by) = Px(l.X1, l.Y1);
            texts.Add(new LayoutText("", "leader", new LayoutBox(Math.Min(ax, bx) - l.Half, Math.Min(ay, by) - l.Half, Math.Max(ax, bx) + l.Half, Math.Max(ay, by) + l.Half)));
        }
        LayoutBox? legend = null;
        if ((_plot.Legend.IsVisible || _band is not null) && _plot.Legend.GetItems().Length > 0)
        {
            var inside = _band is { } band ? band.WithOffset(new PixelOffset(fig.Left, fig.Top)) : data.Contract(_plot.Legend.Margin);
            var tight = _plot.Legend.GetLayout(inside.Size, rp.Paint);
            var rect = tight.LegendRect.AlignedInside(inside, _band is null ? _plot.Legend.Alignment : Alignment.UpperCenter);
            var shadow = _plot.Legend.ShadowOffset;
            // the shadow is part of what the legend covers
            legend = new LayoutBox(Math.Min(rect.Left, rect.Left + shadow.X), Math.Min(rect.Top, rect.Top + shadow.Y),
                Math.Max(rect.Right, rect.Right + shadow.X), Math.Max(rect.Bottom, rect.Bottom + shadow.Y));
            for (int i = 0; i < tight.LegendItems.Length; i++)
            {
                var r = tight.LabelRects[i];
                float dx = rect.Left - tight.LegendRect.Left, dy = rect.Top - tight.LegendRect.Top;
                texts.Add(new LayoutText(tight.LegendItems[i].LabelText ?? "", "legend", new LayoutBox(r.Left + dx, r.Top + dy, r.Right + dx, r.Bottom + dy)));
            }
        }
        var marks = _marks.Select(m => { var (x, y) = Px(m.X, m.Y); return new LayoutMark(m.Role, x, y, Hex(m.Color)); })
            .Where(m => data.Contains(m.X, m.Y)).ToList();
        Last = new FigureLayout(_image.Width, _image.Height,
            [new LayoutPanel(new LayoutBox(data.Left, data.Top, data.Right, data.Bottom), marks)], legend, texts)
        {
            LegendOmitted = legend is null && _plot.Legend.GetItems().Length > 0 ? _noLegend : null,
        };
    }

    /// <summary>The tick labels of the bottom, top and left axes, where ScottPlot draws them beside the data area: the box of their ink (digits and signs, one line).</summary>
    private IEnumerable<LayoutText> Ticks(PixelRect data, (double Min, double Max) xr, (double Min, double Max) yr)
    {
        float X(double v) => (float)(data.Left + (v - xr.Min) / (xr.Max - xr.Min) * data.Width);
        float Y(double v) => (float)(data.Bottom - (v - yr.Min) / (yr.Max - yr.Min) * data.Height);
        foreach (var t in Labelled(_plot.Axes.Bottom, xr, out float size))
            yield return Tick(t, size, w => new LayoutBox(X(t.Position) - w / 2, data.Bottom + _plot.Axes.Bottom.MajorTickStyle.Length,
                X(t.Position) + w / 2, data.Bottom + _plot.Axes.Bottom.MajorTickStyle.Length + 0.8f * size));
        foreach (var t in Labelled(_plot.Axes.Top, xr, out float size))
            yield return Tick(t, size, w => new LayoutBox(X(t.Position) - w / 2, data.Top - _plot.Axes.Top.MajorTickStyle.Length - size,
                X(t.Position) + w / 2, data.Top - _plot.Axes.Top.MajorTickStyle.Length));
        foreach (var t in Labelled(_plot.Axes.Left, yr, out float size))
        {
            float right = data.Left - _plot.Axes.Left.MajorTickStyle.Length;
            yield return Tick(t, size, w => new LayoutBox(right - w - 3, Y(t.Position) - 0.4f * size, right, Y(t.Position) + 0.4f * size));
        }
    }

    /// <summary>The axis's labelled major ticks inside <paramref name="range"/> (none when the axis is hidden), and its label size.</summary>
    private static List<Tick> Labelled(IAxis axis, (double Min, double Max) range, out float size)
    {
        size = axis.TickLabelStyle.FontSize;
        if (!axis.IsVisible) return [];
        return [.. axis.TickGenerator.Ticks.Where(t => t.IsMajor && !string.IsNullOrEmpty(t.Label)
            && t.Position >= Math.Min(range.Min, range.Max) && t.Position <= Math.Max(range.Min, range.Max))];
    }

    private LayoutText Tick(Tick t, float size, Func<float, LayoutBox> box)
    {
        using var font = TextFont.AsDrawn(_face, size);
        return new LayoutText(t.Label, "tick", box(font.MeasureText(t.Label)));
    }

    private static string Hex(Color c) => $"#{c.R:x2}{c.G:x2}{c.B:x2}";
}
