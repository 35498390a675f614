using Regviz.Core.IO;
using ScottPlot;
using SkiaSharp;

namespace Regviz.Plotting;

/// <summary>
/// How a grid of panels is laid out: the style of one panel (its pixel size, theme and text scale), how many
/// panels a row holds, and the header over them all. The image grows with the panels: each keeps the size it has
/// in <paramref name="Panel"/>, so text keeps its size in pixels however many panels there are.
/// </summary>
public sealed record PanelLayout(FigureStyle Panel, int Columns, string? Header)
{
    /// <summary>How many rows <paramref name="count"/> panels take.</summary>
    public int Rows(int count) => (count + Columns - 1) / Columns;

    /// <summary>Whether to draw the legend the panels share (false: none at all, as --no-legend asks).</summary>
    public bool SharedLegend { get; init; } = true;

    /// <summary>The figure in words, saved with the image as a single figure's is (PNG iTXt "Description", SVG title and desc).</summary>
    public FigureDescription? Description { get; init; }

    /// <summary>The header laid out in the style's title font, wrapped to the image's width (null without a header).</summary>
    internal TitleText? HeaderText(int width) => Header is null ? null
        : TitleText.Layout(Header, Panel.Theme.FontFamily, HeaderSize, width - 32 * Panel.Scale);

    /// <summary>The header's size in pixels: a point above the style's title size, as it heads several figures.</summary>
    internal float HeaderSize => Panel.Theme.Fonts.Title * (18f / 17) * Panel.Scale;

    /// <summary>The header's height in pixels for an image <paramref name="width"/> wide (none without a header); each wrapped line adds one.</summary>
    public float HeaderHeight(int width) => HeaderText(width) is { } t ? 40 * Panel.Scale * HeaderSize / (18 * Panel.Scale) + (t.Lines.Count - 1) * t.LineHeight : 0;
}

/// <summary>
/// Several figures in one image: panels of equal size in a grid, sharing one header and one legend: the entries of
/// every panel whose own legend is hidden (see <see cref="FigureParts.Legend"/>), each label once, in order of first
/// appearance, drawn once below the grid. A panel that shows its own legend (one that differs from panel to panel,
/// such as the penalty's formula) keeps it. Panels are drawn into one
/// canvas, so PNG and SVG come from the same drawing calls and an SVG stays vector throughout.
/// </summary>
public static class PanelGrid
{
    /// <summary>
    /// The composite of <paramref name="panels"/> as PNG, SVG or PDF bytes. Each plot is drawn at the panel size of
    /// <paramref name="layout"/>; the entries of hidden legends are gathered into the shared one.
    /// </summary>
    public static byte[] Encode(IReadOnlyList<Plot> panels, PanelLayout layout, string format)
    {
        ArgumentOutOfRangeException.ThrowIfZero(panels.Count, nameof(panels));
        FontRegistry.EnsureRegistered();
        var items = layout.SharedLegend ? SharedLegend(panels) : [];
        var (width, height) = Size(panels.Count, items, layout);
        if (format == "pdf") return Pdf(panels, layout, out _);
        if (format == "svg")
        {
            using var stream = new MemoryStream();
            // the SVG canvas writes its closing tag when disposed: read the stream only after that
            using (var svg = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
                Draw(svg, panels, items, layout, width);
            string svgText = FigureExport.StableIds(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            return new System.Text.UTF8Encoding(false).GetBytes(FigureExport.Described(svgText, layout.Description));
        }
        using var surface = SKSurface.Create(new SKImageInfo(width, height))
            ?? throw new InvalidOperationException($"Skia could not allocate a {width}x{height} surface");
        Draw(surface.Canvas, panels, items, layout, width);
        return FigureExport.Physical(FigureExport.Described(FigureExport.EncodePng(surface), layout.Description), layout.Panel);
    }

    /// <summary>The composite as a PDF, saying which font programs Skia embedded (<see cref="PdfDocument.Write(Action{SKCanvas}, int, int, double, FigureDescription?, string?, out PdfFontSubsets.Embedded?)"/>).</summary>
    private static byte[] Pdf(IReadOnlyList<Plot> panels, PanelLayout layout, out PdfFontSubsets.Embedded? embedded)
    {
        var items = layout.SharedLegend ? SharedLegend(panels) : [];
        var (width, height) = Size(panels.Count, items, layout);
        return PdfDocument.Write(c => Draw(c, panels, items, layout, width), width, height, layout.Panel.Dpi ?? FigureStyle.ScreenDpi, layout.Description, layout.Panel.Title, out embedded);
    }

    /// <summary>
    /// Where the composite's text and marks landed, once it has been encoded: every panel's own layout (each panel's
    /// last render, at its place in the grid), the header, and the shared legend below the grid as the legend box.
    /// </summary>
    public static FigureLayout LayoutOf(IReadOnlyList<Plot> panels, PanelLayout layout)
    {
        var items = layout.SharedLegend ? SharedLegend(panels) : [];
        var (width, height) = Size(panels.Count, items, layout);
        var style = layout.Panel;
        float s = style.Scale;
        var texts = new List<LayoutText>();
        var boxes = new List<LayoutPanel>();
        LayoutBox? legend = null;
        if (layout.HeaderText(width) is { } header)
        {
            float firstBaseline = 40 * s * layout.HeaderSize / (18 * s) * 0.68f;
            float w = header.Lines.Max(l => l.Sum(r => r.Width));
            texts.Add(new LayoutText(layout.Header!, "title", new LayoutBox(width / 2f - w / 2, firstBaseline - header.Size,
                width / 2f + w / 2, firstBaseline + (header.Lines.Count - 1) * header.LineHeight + 0.3f * header.Size)));
        }
        foreach (var plot in panels)
        {
            if (FigureLayout.Of(plot) is not { } own) continue;
            boxes.AddRange(own.Panels);
            texts.AddRange(own.Texts);
            // a panel's own legend (one that differs from panel to panel) is reported as text: one figure has one legend box
            if (own.Legend is { } l) texts.Add(new LayoutText("", "legend", l));
        }
        var rows = LegendRows(items, style.Theme, s, width);
        if (rows.Count > 0)
        {
            float top = layout.HeaderHeight(width) + layout.Rows(panels.Count) * style.Height;
            float x0 = width, x1 = 0, size = LegendFont(style.Theme, s);
            for (int r = 0; r < rows.Count; r++)
            {
                float rowWidth = rows[r].Sum(e => e.Width) + ItemGap(s) * (rows[r].Count - 1);
                float x = (width - rowWidth) / 2, y = top + LegendPad(s) + (r + 0.5f) * LegendRowHeight(style.Theme, s);
                (x0, x1) = (Math.Min(x0, x), Math.Max(x1, x + rowWidth));
                foreach (var (item, w) in rows[r])
                {
                    texts.Add(new LayoutText(item.LabelText, "legend", new LayoutBox(x + SampleWidth(s) + 6 * s, y - 0.75f * size, x + w, y + 0.6f * size)));
                    x += w + ItemGap(s);
                }
            }
            legend = new LayoutBox(x0 - 2 * s, top, x1 + 2 * s, top + 2 * LegendPad(s) + rows.Count * LegendRowHeight(style.Theme, s));
        }
        return new FigureLayout(width, height, boxes, legend, texts);
    }

    /// <summary>Writes the composite as PNG, SVG or PDF (by extension), atomically.</summary>
    public static void Save(IReadOnlyList<Plot> panels, PanelLayout layout, string path) =>
        AtomicFile.WriteAllBytes(path, Encode(panels, layout, FigureExport.FormatOf(path, nameof(path))));

    /// <summary>
    /// Builds the panels with <paramref name="build"/> (given the panel style) once and writes the composite as PNG, SVG
    /// or PDF (by extension), atomically. A PDF is built in the shipped fonts cut to regviz's repertoire, as a single
    /// figure's is (<see cref="FigureExport.Save(FigureStyle, string, Func{FigureStyle, Plot})"/>): the header, the
    /// shared legend and every panel then draw with the cut faces, which Skia compresses in a fifth of the time of the
    /// whole ones. It is kept when it shows no .notdef glyph and embeds only the cut programs; else the panels are
    /// built again in <paramref name="layout"/>'s own style.
    /// </summary>
    /// <returns>The panels drawn, for <see cref="LayoutOf"/>.</returns>
    public static IReadOnlyList<Plot> Save(PanelLayout layout, string path, Func<FigureStyle, IReadOnlyList<Plot>> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        string format = FigureExport.FormatOf(path, nameof(path));
        if (format == "pdf" && CutPdf(layout, build) is { } cut)
        {
            AtomicFile.WriteAllBytes(path, cut.Pdf);
            return cut.Panels;
        }
        var panels = build(layout.Panel);
        AtomicFile.WriteAllBytes(path, Encode(panels, layout, format));
        return panels;
    }

    /// <summary>The composite's PDF with the panels built by <paramref name="build"/> in the cut fonts, and the panels drawn, or null when it cannot be.</summary>
    internal static (byte[] Pdf, IReadOnlyList<Plot> Panels)? CutPdf(PanelLayout layout, Func<FigureStyle, IReadOnlyList<Plot>> build)
    {
        if (FigureExport.CutStyle(layout.Panel) is not { } cut) return null;
        FontRegistry.EnsureRegistered();
        var panels = build(cut.Style);
        ArgumentOutOfRangeException.ThrowIfZero(panels.Count, nameof(panels));
        var pdf = Pdf(panels, layout with { Panel = cut.Style }, out var embedded);
        return FigureExport.OnlyCut(embedded, cut.Lengths) ? (pdf, panels) : null;
    }

    /// <summary>The image's size in pixels for these panels: the grid, the header above it and the legend rows below.</summary>
    public static (int Width, int Height) Size(IReadOnlyList<Plot> panels, PanelLayout layout) =>
        Size(panels.Count, layout.SharedLegend ? SharedLegend(panels) : [], layout);

    private static (int Width, int Height) Size(int count, IReadOnlyList<LegendItem> items, PanelLayout layout)
    {
        int width = layout.Columns * layout.Panel.Width;
        var theme = layout.Panel.Theme;
        float legend = LegendRows(items, theme, layout.Panel.Scale, width).Count is var rows and > 0
            ? rows * LegendRowHeight(theme, layout.Panel.Scale) + 2 * LegendPad(layout.Panel.Scale)
            : 0;
        return (width, (int)Math.Ceiling(layout.HeaderHeight(width) + layout.Rows(count) * layout.Panel.Height + legend));
    }

    // measured for the default legend font (13 px): a style's larger legend gets proportionally taller rows
    internal static float LegendRowHeight(Theme theme, float scale) => 24 * scale * theme.Fonts.Legend / 13;
    internal static float LegendPad(float scale) => 8 * scale;
    private static float LegendFont(Theme theme, float scale) => theme.Fonts.Legend * scale;
    private static float SampleWidth(float scale) => 30 * scale;
    private static float ItemGap(float scale) => 22 * scale;

    /// <summary>The entries of every hidden panel legend, each label once, in order of first appearance.</summary>
    private static List<LegendItem> SharedLegend(IEnumerable<Plot> panels)
    {
        var seen = new HashSet<string>();
        var items = new List<LegendItem>();
        foreach (var plot in panels.Where(p => !p.Legend.IsVisible))
            foreach (var item in plot.Legend.ManualItems)
                if (item.LabelText is { Length: > 0 } text && seen.Add(text)) items.Add(item);
        return items;
    }

    private static void Draw(SKCanvas canvas, IReadOnlyList<Plot> panels, List<LegendItem> items, PanelLayout layout, int width)
    {
        var style = layout.Panel;
        float s = style.Scale;
        canvas.Clear(ToSk(style.Theme.Background));
        float headerHeight = layout.HeaderHeight(width);
        if (layout.HeaderText(width) is { } header)
        {
            // the first line's baseline where a one-line header has always had it; wrapped lines follow below
            float firstBaseline = 40 * s * layout.HeaderSize / (18 * s) * 0.68f;
            if (header.Simple)
            {
                using var font = new SKFont(FontRegistry.Typeface(style.Theme.FontFamily), layout.HeaderSize);
                using var paint = new SKPaint { Color = ToSk(style.Theme.Foreground), IsAntialias = true };
                canvas.DrawText(layout.Header, width / 2f, firstBaseline, SKTextAlign.Center, font, paint);
            }
            else header.Draw(canvas, width / 2f, firstBaseline - header.Size, ToSk(style.Theme.Foreground));
        }
        for (int i = 0; i < panels.Count; i++)
        {
            float x = i % layout.Columns * style.Width, y = headerHeight + i / layout.Columns * style.Height;
            var plot = panels[i];
            // each panel paints its own background inside its rectangle; clearing would wipe the panels before it
            plot.RenderManager.ClearCanvasBeforeEachRender = false;
            canvas.Save();
            canvas.ClipRect(new SKRect(x, y, x + style.Width, y + style.Height));
            SinglePass.Run(plot, () => plot.Render(canvas, new PixelRect(x, x + style.Width, y + style.Height, y)));
            canvas.Restore();
        }
        float top = headerHeight + layout.Rows(panels.Count) * style.Height;
        DrawLegend(canvas, items, style, width, top);
    }

    /// <summary>Entries flow left to right in rows that fit the image's width, each row centred.</summary>
    private static List<List<(LegendItem Item, float Width)>> LegendRows(IReadOnlyList<LegendItem> items, Theme theme, float s, int width)
    {
        var rows = new List<List<(LegendItem, float)>>();
        using var font = new SKFont(FontRegistry.Typeface(theme.FontFamily), LegendFont(theme, s));
        float used = 0, room = width - 2 * LegendPad(s);
        foreach (var item in items)
        {
            float w = SampleWidth(s) + 6 * s + font.MeasureText(item.LabelText);
            if (rows.Count == 0 || used + ItemGap(s) + w > room)
            {
                rows.Add([]);
                used = -ItemGap(s);
            }
            rows[^1].Add((item, w));
            used += ItemGap(s) + w;
        }
        return rows;
    }

    private static void DrawLegend(SKCanvas canvas, IReadOnlyList<LegendItem> items, FigureStyle style, int width, float top)
    {
        float s = style.Scale;
        var theme = style.Theme;
        using var font = new SKFont(FontRegistry.Typeface(theme.FontFamily), LegendFont(theme, s));
        using var text = new SKPaint { Color = ToSk(theme.Foreground), IsAntialias = true };
        var rows = LegendRows(items, theme, s, width);
        for (int r = 0; r < rows.Count; r++)
        {
            float rowWidth = rows[r].Sum(e => e.Width) + ItemGap(s) * (rows[r].Count - 1);
            float x = (width - rowWidth) / 2, y = top + LegendPad(s) + (r + 0.5f) * LegendRowHeight(theme, s);
            foreach (var (item, w) in rows[r])
            {
                DrawSample(canvas, item, x, y, s);
                canvas.DrawText(item.LabelText, x + SampleWidth(s) + 6 * s, y + LegendFont(theme, s) * 0.36f, SKTextAlign.Left, font, text);
                x += w + ItemGap(s);
            }
        }
    }

    /// <summary>The entry's sample, as ScottPlot's legend draws it: a line, a marker, or a filled swatch.</summary>
    internal static void DrawSample(SKCanvas canvas, LegendItem item, float x, float y, float s)
    {
        float w = SampleWidth(s);
        if (item.FillColor.A > 0 && item.LineWidth == 0 && item.MarkerShape == MarkerShape.None)
        {
            using var fill = new SKPaint { Color = ToSk(item.FillColor), IsAntialias = true, Style = SKPaintStyle.Fill };
            canvas.DrawRect(new SKRect(x + 3 * s, y - 7 * s, x + w - 3 * s, y + 7 * s), fill);
            return;
        }
        if (item.LineWidth > 0)
        {
            using var line = new SKPaint { Color = ToSk(item.LineColor), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = item.LineWidth };
            // the legend's dashes as the panels draw them (a style's dotted or dash-dot lines too), in this figure's pixels
            if (item.LinePattern.Equals(LinePattern.Dashed)) line.PathEffect = SKPathEffect.CreateDash([6 * s, 4 * s], 0);
            else if (item.LinePattern.Intervals is { Length: > 0 } dash) line.PathEffect = SKPathEffect.CreateDash(dash.Select(d => d * s).ToArray(), item.LinePattern.Phase * s);
            canvas.DrawLine(x, y, x + w, y, line);
        }
        if (item.MarkerShape == MarkerShape.None) return;
        float r = item.MarkerSize / 2, cx = x + w / 2;
        if (item.MarkerShape == MarkerShape.Eks)
        {
            using var cross = new SKPaint { Color = ToSk(item.MarkerLineColor), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2 * s };
            canvas.DrawLine(cx - r, y - r, cx + r, y + r, cross);
            canvas.DrawLine(cx - r, y + r, cx + r, y - r, cross);
            return;
        }
        // an open marker stays open: filled, the sparsity legend's "a disc's area is …" read as a fourth kind of optimum
        bool open = item.MarkerShape == MarkerShape.OpenCircle;
        using var dot = open
            ? new SKPaint { Color = ToSk(item.MarkerLineColor), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f * s }
            : new SKPaint { Color = ToSk(item.MarkerFillColor), IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.DrawCircle(cx, y, r, dot);
    }

    private static SKColor ToSk(Color c) => new(c.R, c.G, c.B, c.A);
}
