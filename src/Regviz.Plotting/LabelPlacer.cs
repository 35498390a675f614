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

    /// <summary>The face bold text is measured with.</summary>
    public SKTypeface BoldTypeface { get; init; } = FontRegistry.BoldTypeface(FontRegistry.Family);

    /// <summary>
    /// The least room between two labels' boxes: with their backgrounds touching, two numbers side by side read as one
    /// ("0.2769" against "w* = (1.013, 0.2852)").
    /// </summary>
    public float Spacing { get; init; } = 3;

    /// <summary>The least distance of a caption from its point: clear of the point's own protected radius.</summary>
    public float MinGap { get; init; }

    public (float Width, float Height) Measure(string text, float size, bool bold = false)
    {
        using var font = TextFont.AsDrawn(bold ? BoldTypeface : Typeface, size);
        float advance = font.MeasureText(text, out var ink), lineHeight = font.GetFontMetrics(out var metrics);
        // an eighth of the size either side of the background: room for a glyph's ink past its advance
        float halfWidth = Math.Max(advance / 2 + Padding + 0.125f * size, Math.Max(ink.Right - advance / 2, advance / 2 - ink.Left));
        // ScottPlot puts the baseline lineHeight/2 − bottom below the label's centre; an accent or a tall glyph (É, ‖)
        // reaches above the background, so the box covers the ink as well
        float baseline = lineHeight / 2 - metrics.Bottom;
        float halfHeight = Math.Max(0.625f * size + Padding, Math.Max(-(baseline + ink.Top), baseline + ink.Bottom));
        return (2 * halfWidth, 2 * halfHeight);
    }

    public void Reserve(PixelBox box) => _taken.Add(box);

    public void ReservePoint(double x, double y, float radius)
    {
        var (px, py) = _frame.ToPixel(_range, x, y);
        Reserve(new PixelBox(px - radius, py - radius, px + radius, py + radius));
    }

    /// <summary>
    /// Keeps labels off a thin line the reader follows (a trace, a path): small boxes every few pixels along it, so a
    /// caption may sit beside the line but never across it.
    /// </summary>
    public void ReserveLine(IReadOnlyList<double> xs, IReadOnlyList<double> ys, float halfWidth)
    {
        float step = Math.Max(2 * halfWidth, 3);
        // one box per cell of the line's own width: a zig-zag of 100,000 steps over the same pixels reserves them once
        var cells = new HashSet<(int, int)>();
        void Box(float x, float y)
        {
            if (!_frame.InsideData(x, y, -halfWidth) || !cells.Add(((int)MathF.Floor(x / step), (int)MathF.Floor(y / step)))) return;
            Reserve(new PixelBox(x - halfWidth, y - halfWidth, x + halfWidth, y + halfWidth));
        }
        for (int k = 0; k < xs.Count; k++)
        {
            var (bx, by) = _frame.ToPixel(_range, xs[k], ys[k]);
            if (!float.IsFinite(bx) || !float.IsFinite(by)) continue;
            if (k == 0) { Box(bx, by); continue; }
            var (ax, ay) = _frame.ToPixel(_range, xs[k - 1], ys[k - 1]);
            if (!float.IsFinite(ax) || !float.IsFinite(ay)) continue;
            float length = MathF.Sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
            // a line far outside the view is clipped there: no reservation beyond the data area is needed
            int n = (int)Math.Min(Math.Ceiling(length / step), 4 * (_frame.Width + _frame.Height) / step);
            for (int i = 1; i <= n; i++)
            {
                float t = (float)i / n;
                Box(ax + t * (bx - ax), ay + t * (by - ay));
            }
        }
    }

    /// <summary>A free spot on the line (label centred on it, hiding the line beneath), or null.</summary>
    public (double X, double Y)? OnLine(Polyline line, string text, float size, double[]? along = null, bool bold = false)
    {
        var (w, h) = Measure(text, size, bold);
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
    public (float Dx, float Dy)? Beside(double x, double y, string text, float size, float gap, bool bold = false)
    {
        gap = Math.Max(gap, MinGap);
        var (w, h) = Measure(text, size, bold);
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

    /// <summary>
    /// A free spot farther from the point than <see cref="Beside"/> looks, for a caption that must not vanish (w*): rings
    /// of growing distance, up to about a quarter of the data area away, each with sixteen directions. Its caption needs a
    /// leader line back to the point.
    /// </summary>
    public (float Dx, float Dy)? Farther(double x, double y, string text, float size, float gap, bool bold = false)
    {
        gap = Math.Max(gap, MinGap);
        var (w, h) = Measure(text, size, bold);
        var (px, py) = _frame.ToPixel(_range, x, y);
        float most = Math.Max(_frame.DataWidth, _frame.DataHeight) / 4;
        for (float r = 3 * gap + h; r <= most + h; r += h)
            for (int k = 0; k < 16; k++)
            {
                double a = -Math.PI / 4 - k * Math.PI / 8;
                float dx = (float)(Math.Cos(a) * (r + w / 2)), dy = (float)(Math.Sin(a) * r);
                if (TryTake(px + dx, py + dy, w, h)) return (dx, dy);
            }
        return null;
    }

    private bool TryTake(float x, float y, float w, float h)
    {
        var box = PixelBox.Centred(x, y, w, h);
        if (!_frame.InsideData(box.X0, box.Y0, 2) || !_frame.InsideData(box.X1, box.Y1, 2)) return false;
        var grown = box.Grow(Spacing);
        foreach (var other in _taken)
            if (grown.Overlaps(other)) return false;
        _taken.Add(box);
        return true;
    }

    private static double Sq(double v) => v * v;
}
