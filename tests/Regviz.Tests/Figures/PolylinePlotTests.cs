using Regviz.Plotting;
using ScottPlot;
using SkiaSharp;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>
/// <see cref="PolylinePlot"/> draws a figure's lines in place of ScottPlot's scatter line with markers of size 0: the
/// pixels must be the scatter's, for lines of any length, width and dash pattern, with NaN points that break them,
/// points off the axes and closed loops.
/// </summary>
public class PolylinePlotTests
{
    private static byte[] Draw(Action<Plot> add)
    {
        var plot = new Plot();
        plot.Axes.SetLimits(-1.2, 1.3, -1.1, 1.4);
        plot.Layout.Fixed(new PixelPadding(40, 10, 30, 20));
        add(plot);
        using var surface = SKSurface.Create(new SKImageInfo(240, 200))!;
        plot.Render(surface);
        return RgbaFrame.Read(surface, 240, 200).Pixels;
    }

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_line_is_drawn_as_scottplots_scatter_line_draws_it(int seed)
    {
        var random = new Random(seed);
        int n = random.Next(1, 1200);
        var xs = new double[n];
        var ys = new double[n];
        for (int i = 0; i < n; i++)
        {
            double t = 2 * Math.PI * i / Math.Max(1, n - 1);
            // a ball-like loop (closed when the last point is the first) with noise, sometimes running off the axes
            double r = 0.6 + 0.9 * random.NextDouble() * (seed % 3 == 0 ? 1 : 0.1);
            (xs[i], ys[i]) = (r * Math.Cos(t), r * Math.Sin(t));
            if (random.Next(40) == 0) xs[i] = double.NaN;
            if (random.Next(60) == 0) ys[i] = double.NaN;
        }
        if (n > 2 && seed % 2 == 0) (xs[^1], ys[^1]) = (xs[0], ys[0]);
        float width = (float)(0.5 + 4 * random.NextDouble());
        LinePattern? pattern = (seed % 4) switch { 0 => LinePattern.Dashed, 1 => LinePattern.Dotted, _ => null };
        var color = new Color((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(60, 256));

        var expected = Draw(plot =>
        {
            var sl = plot.Add.ScatterLine(xs, ys, color);
            sl.LineWidth = width;
            sl.MarkerSize = 0;
            sl.MarkerShape = MarkerShape.None;
            if (pattern is { } p) sl.LinePattern = p;
        });
        var actual = Draw(plot =>
        {
            var line = new PolylinePlot(xs, ys, color) { LineWidth = width };
            if (pattern is { } p) line.LinePattern = p;
            plot.PlottableList.Add(line);
        });
        Assert.Equal(expected, actual);
    }
}
