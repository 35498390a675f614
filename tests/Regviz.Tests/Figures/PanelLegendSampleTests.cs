using ScottPlot;
using SkiaSharp;
using Regviz.Plotting;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>
/// A grid's shared legend draws each entry's sample as the entry says (#24): an open circle (the sparsity figure's
/// "a disc's area is proportional to the optima it holds") stays open, so it does not read as one more kind of optimum
/// beside the filled dots; a filled circle stays filled.
/// </summary>
public class PanelLegendSampleTests
{
    /// <summary>The sample drawn on white; whether its centre (the middle of what it painted) is still white, and how much it painted.</summary>
    private static (bool HollowCentre, int Painted) Draw(MarkerShape shape, float size)
    {
        var info = new SKImageInfo(80, 60, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        var item = new LegendItem { LabelText = "x", LineWidth = 0, MarkerShape = shape, MarkerSize = size, MarkerLineColor = Colors.Black, MarkerFillColor = Colors.Black };
        PanelGrid.DrawSample(surface.Canvas, item, 10, 30, 1);
        using var image = surface.Snapshot();
        using var bitmap = SKBitmap.FromImage(image);
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1, painted = 0;
        for (int y = 0; y < info.Height; y++)
            for (int x = 0; x < info.Width; x++)
                if (bitmap.GetPixel(x, y).Red < 250)
                {
                    painted++;
                    (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
                }
        Assert.True(painted > 0, $"{shape}: nothing drawn");
        return (bitmap.GetPixel((x0 + x1) / 2, (y0 + y1) / 2).Red >= 250, painted);
    }

    [Theory]
    [InlineData(8f)]
    [InlineData(12f)]
    [InlineData(20f)]
    public void An_open_circle_sample_is_open_and_a_filled_one_filled(float size)
    {
        var open = Draw(MarkerShape.OpenCircle, size);
        var filled = Draw(MarkerShape.FilledCircle, size);
        Assert.True(open.HollowCentre, $"the open circle of {size} px is filled in");
        Assert.False(filled.HollowCentre, $"the filled circle of {size} px is hollow");
    }
}
