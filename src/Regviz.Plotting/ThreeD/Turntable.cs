using SkiaSharp;

namespace Regviz.Plotting.ThreeD;

/// <summary>
/// A 3-D figure turning about the vertical axis, as an APNG with the animations' frame rules: the first frame whole
/// (a viewer without animation shows the still figure at the starting view), every later one as the rectangle that
/// changed over the frame before, each shown 1/fps s, the first and last held <see cref="AnimationTiming.Hold"/>
/// frame times more, played <see cref="AnimationTiming.Plays"/> times (0: for ever).
/// </summary>
public static class Turntable
{
    /// <summary>
    /// <paramref name="frames"/> views at azimuths <paramref name="azimuth"/> + k·<paramref name="degrees"/>/frames
    /// (so a 360° turn loops without repeating a frame), each drawn by <paramref name="figureAt"/>, which is called from
    /// several threads at once.
    /// </summary>
    public static byte[] Apng(Func<double, Figure3> figureAt, double azimuth, double degrees, int frames, AnimationTiming timing, FigureDescription? description)
    {
        ArgumentNullException.ThrowIfNull(figureAt);
        ArgumentNullException.ThrowIfNull(timing);
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 2);
        var first = figureAt(azimuth);
        var writer = new ApngWriter(first.Width, first.Height, frames, timing.Plays);
        // a window of frames drawn and encoded on every core: memory holds the window, not the turn
        int window = Math.Max(2, Environment.ProcessorCount * 2);
        RgbaFrame? previous = null;
        for (int start = 0; start < frames; start += window)
        {
            int count = Math.Min(window, frames - start);
            var rendered = new RgbaFrame[count];
            Parallel.For(0, count, i => rendered[i] = Render(start + i == 0 ? first : figureAt(azimuth + degrees * (start + i) / frames)));
            var encoded = new (FrameRect Rect, byte[] Data, bool Over)[count];
            var before = previous;
            Parallel.For(0, count, i => encoded[i] = ContourAnimation.Encode(rendered[i], i > 0 ? rendered[i - 1] : before));
            for (int i = 0; i < count; i++)
            {
                int k = start + i;
                ushort delay = (ushort)(k == 0 || k == frames - 1 ? 1 + timing.Hold : 1);
                writer.Add(encoded[i].Rect, encoded[i].Data, delay, (ushort)timing.FramesPerSecond, encoded[i].Over);
            }
            previous = rendered[^1];
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
