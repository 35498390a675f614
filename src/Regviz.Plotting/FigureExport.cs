using Regviz.Core;
using Regviz.Core.IO;
using ScottPlot;

namespace Regviz.Plotting;

/// <summary>PNG or SVG by the output's extension, written atomically.</summary>
public static class FigureExport
{
    /// <summary>Writes <paramref name="plot"/> as PNG or SVG (by extension) at the style's size, atomically.</summary>
    public static void Save(Plot plot, FigureStyle style, string path) =>
        AtomicFile.WriteAllBytes(path, Encode(plot, style, FormatOf(path, nameof(path))));

    /// <summary>The bytes of <paramref name="plot"/> as <paramref name="format"/> (png or svg).</summary>
    public static byte[] Encode(Plot plot, FigureStyle style, string format) => format switch
    {
        "svg" => new System.Text.UTF8Encoding(false).GetBytes(StableIds(plot.GetSvgXml(style.Width, style.Height))),
        _ => Png(plot, style.Width, style.Height),
    };

    /// <summary>
    /// Renders into our own surface and encodes with the PNG "Up" filter at zlib level 2: measured on an
    /// 800×800 contour figure, 5 ms instead of 27 ms for ScottPlot's default encoding, for files about 10%
    /// larger. The pixels are identical; only the compression differs.
    /// </summary>
    private static byte[] Png(Plot plot, int width, int height)
    {
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(width, height))
            ?? throw new InvalidOperationException($"Skia could not allocate a {width}x{height} surface");
        plot.Render(surface);
        return EncodePng(surface);
    }

    /// <summary>The surface's pixels as PNG, with the fast settings above.</summary>
    public static byte[] EncodePng(SkiaSharp.SKSurface surface)
    {
        using var pixels = surface.PeekPixels();
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

    /// <summary>"png" or "svg"; anything else is refused, in the name of <paramref name="option"/>, before any work.</summary>
    public static string FormatOf(string path, string option)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".png" => "png",
            ".svg" => "svg",
            _ => throw new InputException($"{option}: '{path}' must end in .png or .svg"),
        };
    }
}
