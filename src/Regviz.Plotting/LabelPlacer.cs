using Regviz.Core.Contours;
using SkiaSharp;

namespace Regviz.Plotting;

/// <summary>
/// Places text so that no two labels collide and none covers a marker or the legend: candidates are tried
/// in order of preference and the first free one wins. Text is measured with the shipped font, so the boxes
/// are the real ones.
/// </summary>
internal sealed class LabelPlacer
{
    private static readonly double[] AlongLine = [0.5, 0.3, 0.7, 0.15, 0.85, 0.4, 0.6, 0.22, 0.78, 0.08, 0.92];
    private readonly List<PixelBox> _taken = [];
    private readonly PlotFrame _frame;
    private readonly PlaneRange _range;

    public LabelPlacer(PlotFrame frame, PlaneRange range)
    {
        _frame = frame;
        _range = range;
    }

    public float Padding { get; init; } = 3;

    /// <summary>The face text is measured with: the figure's font, so the boxes are the real ones.</summary>
    public SKTypeface Typeface { get; init; } = FontRegistry.Regular;

    public (float Width, float Height) Measure(string text, float size)
    {
        using var font = new SKFont(Typeface, size);
        return (font.MeasureText(text) + 2 * Padding, size * 1.25f + 2 * Padding);
    }

    public void Reserve(PixelBox box) => _taken.Add(box);

    public void ReservePoint(double x, double y, float radius)
    {
        var (px, py) = _frame.ToPixel(_range, x, y);
        Reserve(new PixelBox(px - radius, py - radius, px + radius, py + radius));
    }

    /// <summary>A free spot on the line (label centred on it, hiding the line beneath), or null.</summary>
    public (double X, double Y)? OnLine(Polyline line, string text, float size, double[]? along = null)
    {
        var (w, h) = Measure(text, size);
        var px = new float[line.Count];
        var py = new float[line.Count];
        var length = new double[line.Count];
        for (int k = 0; k < line.Count; k++)
        {
            (px[k], py[k]) = _frame.ToPixel(_range, line.X[k], line.Y[k]);
            if (k > 0) length[k] = length[k - 1] + Math.Sqrt(Sq(px[k] - px[k - 1]) + Sq(py[k] - py[k - 1]));
        }
        double total = length[^1];
        if (total <= 0) return null;
        foreach (double f in along ?? AlongLine)
        {
            double target = f * total;
            int k = Array.BinarySearch(length, target);
            if (k < 0) k = Math.Clamp(~k, 1, line.Count - 1);
            else k = Math.Max(k, 1);
            double t = (target - length[k - 1]) / Math.Max(length[k] - length[k - 1], 1e-12);
            float x = (float)(px[k - 1] + t * (px[k] - px[k - 1]));
            float y = (float)(py[k - 1] + t * (py[k] - py[k - 1]));
            if (TryTake(x, y, w, h))
                return (line.X[k - 1] + t * (line.X[k] - line.X[k - 1]), line.Y[k - 1] + t * (line.Y[k] - line.Y[k - 1]));
        }
        return null;
    }

    /// <summary>
    /// A free spot beside a point (a marker's caption): right, left, above, below and the diagonals, each
    /// <paramref name="gap"/> pixels clear of it. Returns the label centre as a pixel offset from the point.
    /// </summary>
    public (float Dx, float Dy)? Beside(double x, double y, string text, float size, float gap)
    {
        var (w, h) = Measure(text, size);
        var (px, py) = _frame.ToPixel(_range, x, y);
        (float, float)[] offsets =
        [
            (gap + w / 2, -gap - h / 2), (-gap - w / 2, -gap - h / 2), (gap + w / 2, gap + h / 2), (-gap - w / 2, gap + h / 2),
            (gap + w / 2, 0), (-gap - w / 2, 0), (0, -gap - h / 2), (0, gap + h / 2),
            (2 * gap + w / 2, -2 * gap - h), (-2 * gap - w / 2, -2 * gap - h), (2 * gap + w / 2, 2 * gap + h), (-2 * gap - w / 2, 2 * gap + h),
        ];
        foreach (var (dx, dy) in offsets)
            if (TryTake(px + dx, py + dy, w, h)) return (dx, dy);
        return null;
    }

    private bool TryTake(float x, float y, float w, float h)
    {
        var box = PixelBox.Centred(x, y, w, h);
        if (!_frame.InsideData(box.X0, box.Y0, 2) || !_frame.InsideData(box.X1, box.Y1, 2)) return false;
        var grown = box.Grow(2);
        foreach (var other in _taken)
            if (grown.Overlaps(other)) return false;
        _taken.Add(box);
        return true;
    }

    private static double Sq(double v) => v * v;
}
