using ScottPlot;

namespace Regviz.Plotting;

/// <summary>
/// An opaque rectangle of the background's colour under an animation's legend, drawn just before the legend: the
/// legend's fill, outline, shadow and anti-aliased edges are all partly transparent, so without it a curve moving behind
/// the legend would change the legend's pixels from frame to frame. <see cref="Measure"/> finds the legend's pixels once.
/// </summary>
internal static class LegendPad
{
    /// <summary>Fills <paramref name="box"/> (pixels of the figure) with <paramref name="color"/> just before the legend is drawn.</summary>
    public static void Add(Plot plot, PixelBox box, Color color)
    {
        var actions = plot.RenderManager.RenderActions;
        int legend = actions.FindIndex(a => a is ScottPlot.Rendering.RenderActions.RenderLegends);
        actions.Insert(legend < 0 ? actions.Count : legend, new Fill(box, color));
    }

    /// <summary>Where drawing the legend changes <paramref name="plot"/>'s pixels (box, outline and shadow), grown by a pixel; null without a legend.</summary>
    public static PixelBox? Measure(Func<Plot> plot, int width, int height)
    {
        var with = RgbaFrame.Render(plot(), width, height).Pixels;
        var hidden = plot();
        hidden.Legend.IsVisible = false;
        var without = RgbaFrame.Render(hidden, width, height).Pixels;
        var a = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(with.AsSpan());
        var b = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(without.AsSpan());
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                if (a[y * width + x] != b[y * width + x])
                    (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
        return x1 < 0 ? null : new PixelBox(x0 - 1, y0 - 1, x1 + 2, y1 + 2);
    }

    private sealed class Fill(PixelBox box, Color color) : IRenderAction
    {
        public void Render(RenderPack rp)
        {
            using var paint = new SkiaSharp.SKPaint { Color = color.ToSKColor(), IsAntialias = false };
            // the box is in the figure's pixels: a panel of a grid is drawn at an offset
            rp.Canvas.DrawRect(new SkiaSharp.SKRect(rp.FigureRect.Left + box.X0, rp.FigureRect.Top + box.Y0, rp.FigureRect.Left + box.X1, rp.FigureRect.Top + box.Y1), paint);
        }
    }
}
