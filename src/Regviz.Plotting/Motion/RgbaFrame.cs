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
    /// the read-out fixes the byte order. Each thread keeps its last surface for the next frame of the same size: a new
    /// 800×800 surface a frame cost its pages' first touch every time.
    /// </summary>
    public static RgbaFrame Render(Plot plot, int width, int height) => Render(plot, width, height, null);

    /// <summary><see cref="Render(Plot, int, int)"/> into <paramref name="into"/> (width × height × 4 bytes) when given: a frame whose buffer is reused.</summary>
    public static RgbaFrame Render(Plot plot, int width, int height, byte[]? into)
    {
        if (t_surface is null || t_size != (width, height))
        {
            t_surface?.Dispose();
            t_surface = SKSurface.Create(new SKImageInfo(width, height))
                ?? throw new InvalidOperationException($"Skia could not allocate a {width}x{height} surface");
            t_size = (width, height);
        }
        t_surface.Canvas.Clear(SKColors.Transparent);
        SinglePass.Run(plot, () => plot.Render(t_surface));
        return Read(t_surface, width, height, into);
    }

    [ThreadStatic] private static SKSurface? t_surface;
    [ThreadStatic] private static (int, int) t_size;

    /// <summary>The pixels drawn on <paramref name="surface"/>, read out as RGBA straight into the frame's array.</summary>
    public static RgbaFrame Read(SKSurface surface, int width, int height, byte[]? into = null)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        if (into is not null && into.Length != info.BytesSize) throw new ArgumentException($"a {width}x{height} frame needs {info.BytesSize} bytes", nameof(into));
        var pixels = into ?? GC.AllocateUninitializedArray<byte>(info.BytesSize);
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(pixels, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            if (!surface.ReadPixels(info, handle.AddrOfPinnedObject(), info.RowBytes, 0, 0))
                throw new InvalidOperationException("Skia could not read the frame's pixels");
        }
        finally
        {
            handle.Free();
        }
        return new RgbaFrame(width, height, pixels);
    }
}
