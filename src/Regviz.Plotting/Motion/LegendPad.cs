using ScottPlot;
using SkiaSharp;

namespace Regviz.Plotting;

/// <summary>
/// An opaque rectangle of the background's colour under an animation's legend, drawn just before the legend: the
/// legend's fill, outline, shadow and anti-aliased edges are all partly transparent, so without it a curve moving behind
/// the legend would change the legend's pixels from frame to frame. One pad is shared by every frame of an animation:
/// the first frame drawn measures it, by drawing the legend alone (ScottPlot's own layout, in the frame's data area)
/// on a transparent surface, and every frame fills the same box. Measuring used to draw a whole frame twice more.
/// </summary>
internal sealed class LegendPad
{
    private readonly Lock _gate = new();
    private PixelBox? _box;
    private bool _measured;

    /// <summary>Fills the pad with <paramref name="color"/> in <paramref name="plot"/> just before its legend is drawn.</summary>
    public void Add(Plot plot, Color color)
    {
        var actions = plot.RenderManager.RenderActions;
        int legend = actions.FindIndex(a => a is ScottPlot.Rendering.RenderActions.RenderLegends);
        actions.Insert(legend < 0 ? actions.Count : legend, new Fill(this, color));
    }

    /// <summary>The pad, in pixels of the figure, once a frame has been drawn; null before, or with no legend.</summary>
    public PixelBox? Box
    {
        get { lock (_gate) return _box; }
    }

    private PixelBox? Measured(RenderPack rp)
    {
        lock (_gate)
        {
            if (!_measured)
            {
                _box = Measure(rp.Plot.Legend, rp.DataRect, rp.FigureRect);
                _measured = true;
            }
            return _box;
        }
    }

    /// <summary>
    /// The pixels <paramref name="legend"/> covers (box, outline and shadow) when drawn in <paramref name="dataArea"/>, in
    /// pixels of the figure at <paramref name="figure"/>, grown by a pixel; null where it draws nothing.
    /// </summary>
    internal static PixelBox? Measure(Legend legend, PixelRect dataArea, PixelRect figure)
    {
        // a legend drawn below the figure (PlotCanvas.LegendBelow) hides ScottPlot's own and sits over nothing that moves
        if (!legend.IsVisible) return null;
        int width = (int)Math.Ceiling(figure.Width), height = (int)Math.Ceiling(figure.Height);
        if (width < 1 || height < 1) return null;
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var pixels = new byte[info.BytesSize];
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(pixels, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            using (var surface = SKSurface.Create(info, handle.AddrOfPinnedObject(), info.RowBytes)
                ?? throw new InvalidOperationException($"Skia could not allocate a {width}x{height} surface"))
            {
                surface.Canvas.Clear(SKColors.Transparent);
                using var paint = Paint.NewDisposablePaint();
                // in the figure's own pixels, and inside the legend's margin, as drawing it with the plot places it
                var m = legend.Margin;
                var inside = new PixelRect(dataArea.Left - figure.Left + m.Left, dataArea.Right - figure.Left - m.Right,
                    dataArea.Bottom - figure.Top - m.Bottom, dataArea.Top - figure.Top + m.Top);
                legend.Render(surface.Canvas, paint, inside, legend.Alignment);
                surface.Canvas.Flush();
            }
        }
        finally
        {
            handle.Free();
        }
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                if (pixels[(y * width + x) * 4 + 3] != 0)
                    (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
        return x1 < 0 ? null : new PixelBox(x0 - 1, y0 - 1, x1 + 2, y1 + 2);
    }

    private sealed class Fill(LegendPad pad, Color color) : IRenderAction
    {
        public void Render(RenderPack rp)
        {
            if (pad.Measured(rp) is not { } box) return;
            using var paint = new SKPaint { Color = color.ToSKColor(), IsAntialias = false };
            // the box is in the figure's pixels: a panel of a grid is drawn at an offset
            rp.Canvas.DrawRect(new SKRect(rp.FigureRect.Left + box.X0, rp.FigureRect.Top + box.Y0, rp.FigureRect.Left + box.X1, rp.FigureRect.Top + box.Y1), paint);
        }
    }
}
