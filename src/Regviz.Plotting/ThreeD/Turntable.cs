using SkiaSharp;

namespace Regviz.Plotting.ThreeD;

/// <summary>
/// A 3-D figure turning about the vertical axis, as an APNG with the animations' frame rules: the first frame whole
/// (a viewer without animation shows the still figure at the starting view), every later one as the rectangle that
/// changed over the frame before, each shown 1/fps s, looping for ever.
/// </summary>
public static class Turntable
{
    /// <summary>
    /// <paramref name="frames"/> views at azimuths <paramref name="azimuth"/> + k·<paramref name="degrees"/>/frames
    /// (so a 360° turn loops without repeating a frame), each drawn by <paramref name="figureAt"/>.
    /// </summary>
    public static byte[] Apng(Func<double, Figure3> figureAt, double azimuth, double degrees, int frames, int fps, FigureDescription? description)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 2);
        var first = figureAt(azimuth);
        var writer = new ApngWriter(first.Width, first.Height, frames, 0);
        RgbaFrame? previous = null;
        for (int k = 0; k < frames; k++)
        {
            var figure = k == 0 ? first : figureAt(azimuth + degrees * k / frames);
            var frame = Render(figure);
            if (previous is null)
                writer.Add(FrameDelta.Whole(frame), PngEncoding.Compress(frame.Pixels, frame.Width, frame.Height), 1, (ushort)fps, false);
            else
            {
                // an unchanged frame still needs a rectangle: one transparent pixel, blended over, changes nothing
                var rect = FrameDelta.Changed(frame, previous) ?? new FrameRect(0, 0, 1, 1);
                var pixels = FrameDelta.Patch(frame, previous, rect, out bool over);
                writer.Add(rect, PngEncoding.Compress(pixels, rect.Width, rect.Height), 1, (ushort)fps, over);
            }
            previous = frame;
        }
        return FigureExport.Described(writer.ToArray(), description);
    }

    private static RgbaFrame Render(Figure3 figure)
    {
        using var surface = SKSurface.Create(new SKImageInfo(figure.Width, figure.Height))
            ?? throw new InvalidOperationException($"Skia could not allocate a {figure.Width}x{figure.Height} surface");
        figure.Draw(surface.Canvas);
        return RgbaFrame.Read(surface, figure.Width, figure.Height);
    }
}
