namespace Regviz.Core.Contours;

/// <summary>A rectangle of the (w1, w2) plane.</summary>
public readonly record struct PlaneRange(double X0, double X1, double Y0, double Y1)
{
    /// <summary>x1 − x0.</summary>
    public double Width => X1 - X0;
    /// <summary>y1 − y0.</summary>
    public double Height => Y1 - Y0;

    /// <summary>The smallest range holding every point, grown by <paramref name="margin"/> of its size on each side.</summary>
    public static PlaneRange Around(IEnumerable<(double X, double Y)> points, double margin)
    {
        double x0 = double.PositiveInfinity, x1 = double.NegativeInfinity, y0 = x0, y1 = x1;
        foreach (var (x, y) in points)
        {
            x0 = Math.Min(x0, x); x1 = Math.Max(x1, x);
            y0 = Math.Min(y0, y); y1 = Math.Max(y1, y);
        }
        double span = Math.Max(Math.Max(x1 - x0, y1 - y0), 1e-9);
        double m = margin * span;
        return new PlaneRange(x0 - m, x1 + m, y0 - m, y1 + m);
    }

    /// <summary>
    /// Widens the shorter side (about its centre) so that one unit of w1 and of w2 take the same number of
    /// pixels in a data area of the given size: the figure's equal aspect.
    /// </summary>
    public PlaneRange WithAspect(double pixelWidth, double pixelHeight)
    {
        double unitsPerPixel = Math.Max(Width / pixelWidth, Height / pixelHeight);
        double cx = (X0 + X1) / 2, cy = (Y0 + Y1) / 2;
        double hw = unitsPerPixel * pixelWidth / 2, hh = unitsPerPixel * pixelHeight / 2;
        return new PlaneRange(cx - hw, cx + hw, cy - hh, cy + hh);
    }
}
