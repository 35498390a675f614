using Regviz.Core;
using Regviz.Core.IO;
using ScottPlot;

namespace Regviz.Plotting;

/// <summary>PNG, SVG or PDF by the output's extension, written atomically.</summary>
public static class FigureExport
{
    /// <summary>Writes <paramref name="plot"/> as PNG, SVG or PDF (by extension) at the style's size, atomically.</summary>
    public static void Save(Plot plot, FigureStyle style, string path) =>
        AtomicFile.WriteAllBytes(path, Encode(plot, style, FormatOf(path, nameof(path))));

    /// <summary>
    /// Builds the figure with <paramref name="build"/> once and writes it as PNG, SVG or PDF (by extension), atomically.
    /// A PDF is built in the shipped fonts cut to regviz's repertoire (<see cref="PdfFonts.CutFamily"/>) when the style
    /// is in the shipped fonts: Skia embeds every font program it draws with whole and compresses it, and the two
    /// DejaVu Sans faces (1.4 MB) were most of a PDF's time; the cut faces are 210 KB each. The cut keeps every glyph's
    /// id, outline and advance, so the page is the same. The cut PDF is kept only when it shows no .notdef glyph and
    /// embeds no font program but the cut ones (a character outside the repertoire, which the cut faces lack or a
    /// fallback font draws, would otherwise differ); else the figure is built again in <paramref name="style"/>.
    /// </summary>
    /// <returns>The plot drawn, whose <see cref="FigureLayout.Of"/> reports the layout.</returns>
    public static Plot Save(FigureStyle style, string path, Func<FigureStyle, Plot> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        string format = FormatOf(path, nameof(path));
        if (format == "pdf" && CutPdf(style, build) is { } cut)
        {
            AtomicFile.WriteAllBytes(path, cut.Pdf);
            return cut.Plot;
        }
        var plot = build(style);
        AtomicFile.WriteAllBytes(path, Encode(plot, style, format));
        return plot;
    }

    /// <summary><paramref name="style"/> in the cut faces and the lengths of their font programs, or null when the style is in other fonts or the cut cannot be made.</summary>
    internal static (FigureStyle Style, int[] Lengths)? CutStyle(FigureStyle style) =>
        style.Theme.FontFamily == FontRegistry.Family && PdfFonts.CutFamily is { } cut
            ? (style with { Theme = style.Theme with { FontFamily = cut.Family } }, cut.Lengths)
            : null;

    /// <summary>Whether a PDF drawn in the cut faces may stand for the whole fonts': it was read, shows no .notdef glyph and embeds only the cut programs.</summary>
    internal static bool OnlyCut(PdfFontSubsets.Embedded? embedded, int[] lengths) =>
        embedded is { NotdefShown: false } e && e.ProgramLengths.All(lengths.Contains);

    /// <summary>The figure's PDF built by <paramref name="build"/> in the cut fonts (see <see cref="Save(FigureStyle, string, Func{FigureStyle, Plot})"/>) and the plot drawn, or null when it cannot be.</summary>
    internal static (byte[] Pdf, Plot Plot)? CutPdf(FigureStyle style, Func<FigureStyle, Plot> build)
    {
        if (CutStyle(style) is not { } cut) return null;
        var plot = build(cut.Style);
        var pdf = PdfDocument.Write(canvas => SinglePass.Run(plot, () => plot.Render(canvas, style.Width, style.Height)), style.Width, style.Height,
            style.Dpi ?? FigureStyle.ScreenDpi, style.Description, style.Title, out var embedded);
        return OnlyCut(embedded, cut.Lengths) ? (pdf, plot) : null;
    }

    /// <summary>The bytes of <paramref name="plot"/> as <paramref name="format"/> (png or svg), with the style's description when it has one.</summary>
    public static byte[] Encode(Plot plot, FigureStyle style, string format) => format switch
    {
        "svg" => new System.Text.UTF8Encoding(false).GetBytes(Described(StableIds(plot.GetSvgXml(style.Width, style.Height)), style.Description)),
        "pdf" => PdfDocument.Write(canvas => SinglePass.Run(plot, () => plot.Render(canvas, style.Width, style.Height)), style.Width, style.Height, style.Dpi ?? FigureStyle.ScreenDpi, style.Description, style.Title),
        _ => Physical(Described(Png(plot, style.Width, style.Height), style.Description), style),
    };

    /// <summary>The PNG with its physical size (pHYs) when the style has a --dpi or a size in inches, cm, mm or points.</summary>
    internal static byte[] Physical(byte[] png, FigureStyle style) => style.Dpi is { } dpi ? PngPhysicalSize.With(png, dpi) : png;

    /// <summary>PNG bytes carrying <paramref name="description"/>'s alt text in an iTXt chunk with the keyword "Description".</summary>
    internal static byte[] Described(byte[] png, FigureDescription? description) =>
        description is null ? png : PngText.With(png, "Description", description.Alt);

    /// <summary>
    /// SVG carrying the alt text as the root's first child &lt;title&gt; (its accessible name) and the caption as
    /// &lt;desc&gt; (its accessible description), as SVG 2 asks. Every SVG regviz writes passes here, so here it also
    /// gains its viewBox (<see cref="SvgViewBox"/>).
    /// </summary>
    internal static string Described(string svg, FigureDescription? description)
    {
        svg = SvgViewBox.Add(svg);
        if (description is null) return svg;
        int root = svg.IndexOf("<svg", StringComparison.Ordinal);
        int end = root < 0 ? -1 : svg.IndexOf('>', root);
        if (end < 0) throw new InvalidOperationException("Skia wrote an SVG without a root element");
        string text = $"<title>{Escape(description.Alt)}</title><desc>{Escape(description.Caption)}</desc>";
        return svg.Insert(end + 1, text);
    }

    private static string Escape(string text) =>
        System.Security.SecurityElement.Escape(new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()));

    /// <summary>
    /// Renders into our own surface and encodes with the PNG "Up" filter at zlib level 2: measured on an
    /// 800×800 contour figure, 5 ms instead of 27 ms for ScottPlot's default encoding, for files about 10%
    /// larger. The pixels are identical; only the compression differs.
    /// </summary>
    private static byte[] Png(Plot plot, int width, int height)
    {
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(width, height))
            ?? throw new InvalidOperationException($"Skia could not allocate a {width}x{height} surface");
        SinglePass.Run(plot, () => plot.Render(surface));
        return EncodePng(surface);
    }

    /// <summary>
    /// The surface's pixels as PNG, with the fast settings above: by <see cref="PngEncoder"/> (zlib-ng) when the
    /// figure is opaque, which every theme's is; by Skia otherwise.
    /// </summary>
    public static byte[] EncodePng(SkiaSharp.SKSurface surface)
    {
        using var pixels = surface.PeekPixels();
        if (PngEncoder.TryEncode(pixels) is { } png) return png;
        using var data = pixels.Encode(new SkiaSharp.SKPngEncoderOptions(SkiaSharp.SKPngEncoderFilterFlags.Up, 2))
            ?? throw new InvalidOperationException("Skia could not encode the PNG");
        return data.ToArray();
    }

    /// <summary>
    /// Skia numbers SVG clip paths (in hex) from a process-wide counter, so the same figure drawn twice (or in another
    /// batch order) would differ in its ids alone: renumber them in order of appearance.
    /// </summary>
    internal static string StableIds(string svg)
    {
        var ids = new Dictionary<string, string>();
        return System.Text.RegularExpressions.Regex.Replace(svg, @"\bcl_[0-9a-fA-F]+\b", m =>
        {
            if (!ids.TryGetValue(m.Value, out var id)) ids[m.Value] = id = $"cl_{ids.Count + 1}";
            return id;
        });
    }

    /// <summary>"png", "svg" or "pdf"; anything else is refused, in the name of <paramref name="option"/>, before any work.</summary>
    public static string FormatOf(string path, string option)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".png" => "png",
            ".svg" => "svg",
            ".pdf" => "pdf",
            _ => throw new InputException($"{option}: '{path}' must end in .png, .svg or .pdf"),
        };
    }
}
