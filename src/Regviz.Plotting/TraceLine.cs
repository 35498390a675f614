using ScottPlot;
using SkiaSharp;

namespace Regviz.Plotting;

/// <summary>
/// An optimiser's iterates as one stroked path of several runs (<see cref="TraceMarks.NewRuns"/>): a retraced step is
/// left out, and the runs are drawn with one paint, so where they meet or cross the translucent line is not darkened
/// twice — the picture of one polyline through every iterate, at a cost linear in the steps.
/// </summary>
internal sealed class TraceLine(IReadOnlyList<double[]> points, IReadOnlyList<(int From, int To)> runs, LineStyle style) : IPlottable
{
    public bool IsVisible { get; set; } = true;

    public IAxes Axes { get; set; } = new Axes();

    public IEnumerable<LegendItem> LegendItems => [];

    public AxisLimits GetAxisLimits()
    {
        var finite = points.Where(p => double.IsFinite(p[0]) && double.IsFinite(p[1])).ToList();
        return finite.Count == 0 ? AxisLimits.NoLimits
            : new AxisLimits(finite.Min(p => p[0]), finite.Max(p => p[0]), finite.Min(p => p[1]), finite.Max(p => p[1]));
    }

    public void Render(RenderPack rp)
    {
        using var path = new SKPath();
        foreach (var (from, to) in runs)
        {
            path.MoveTo(Axes.GetPixel(new Coordinates(points[from][0], points[from][1])).ToSKPoint());
            for (int i = from + 1; i <= to; i++) path.LineTo(Axes.GetPixel(new Coordinates(points[i][0], points[i][1])).ToSKPoint());
        }
        using var paint = Paint.NewDisposablePaint();
        style.ApplyToPaint(paint);
        rp.Canvas.DrawPath(path, paint.SKPaint);
    }
}
