using ScottPlot;
using ScottPlot.DataSources;
using ScottPlot.Plottables;
using SkiaSharp;

namespace Regviz.Plotting;

/// <summary>
/// A line through points, drawn as ScottPlot's <see cref="Scatter"/> draws a line of size-0 markers, pixel for pixel:
/// each point through <c>Axes.GetPixel</c>, a move-to then line-tos (a NaN point breaks the line, as ScottPlot's
/// straight path strategy does), stroked with the line style. What it leaves out is per-point work that draws nothing:
/// ScottPlot copies the points into a list of coordinates, walks the pixels through an enumerator, and visits every
/// point once more to draw its marker of shape None. An l2 ball is 1,025 points and an animation frame draws seven of
/// them; that work was 10% of <c>animate --norm l2</c>'s CPU (perf, Native AOT).
/// </summary>
internal sealed class PolylinePlot : Scatter
{
    private readonly double[] _xs;
    private readonly double[] _ys;

    public PolylinePlot(double[] xs, double[] ys, Color color) : base(new ScatterSourceDoubleArray(xs, ys))
    {
        if (xs.Length != ys.Length) throw new ArgumentException($"{xs.Length} x values and {ys.Length} y values", nameof(ys));
        (_xs, _ys) = (xs, ys);
        LineColor = color;
        MarkerFillColor = color;
        MarkerLineColor = color;
        MarkerSize = 0;
        MarkerShape = MarkerShape.None;
    }

    public override void Render(RenderPack rp)
    {
        if (_xs.Length == 0) return;
        using var path = new SKPath();
        bool move = true;
        for (int i = 0; i < _xs.Length; i++)
        {
            var pixel = Axes.GetPixel(new Coordinates(_xs[i], _ys[i]));
            if (float.IsNaN(pixel.X) || float.IsNaN(pixel.Y)) move = true;
            else if (move)
            {
                path.MoveTo(pixel.X, pixel.Y);
                move = false;
            }
            else path.LineTo(pixel.X, pixel.Y);
        }
        Drawing.DrawLines(rp.Canvas, rp.Paint, path, LineStyle);
    }
}
