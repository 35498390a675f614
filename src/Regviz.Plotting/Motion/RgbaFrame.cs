using ScottPlot;
using SkiaSharp;

namespace Regviz.Plotting;

/// <summary>A rendered frame as 8-bit RGBA, not premultiplied, row after row: what PNG stores.</summary>
internal sealed class RgbaFrame
{
    private RgbaFrame(int width, int height, byte[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Pixels { get; }

    public static RgbaFrame FromPixels(int width, int height, byte[] pixels) => new(width, height, pixels);

    /// <summary>
    /// Renders on the same kind of surface as <see cref="FigureExport"/>, so the pixels are those of the still PNG; only
    /// the read-out fixes the byte order.
    /// </summary>
    public static RgbaFrame Render(Plot plot, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height))
            ?? throw new InvalidOperationException($"Skia could not allocate a {width}x{height} surface");
        plot.Render(surface);
        return Read(surface, width, height);
    }

    /// <summary>The pixels drawn on <paramref name="surface"/>, read out as RGBA.</summary>
    public static RgbaFrame Read(SKSurface surface, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        if (!surface.ReadPixels(info, bitmap.GetPixels(), info.RowBytes, 0, 0))
            throw new InvalidOperationException("Skia could not read the frame's pixels");
        return new RgbaFrame(width, height, bitmap.GetPixelSpan().ToArray());
    }
}
