namespace Regviz.Core.ThreeD;

/// <summary>
/// An orthographic camera, as matplotlib's 3-D axes place it: the eye looks at the origin from azimuth
/// <see cref="Azimuth"/> (degrees in the (x, y) plane from the x axis) and elevation <see cref="Elevation"/> (degrees
/// above that plane). A point w goes first through the model transform m(w) = (w − <see cref="Offset"/>) ∘
/// <see cref="AxisScale"/> (so a surface's height and its plane can share a box), then onto the screen axes
/// <see cref="Right"/> and <see cref="Up"/>, then to pixels of the written image, origin top left:
/// px = Cx + S·(Right·m), py = Cy − S·(Up·m). Depth along <see cref="Toward"/> (the eye's direction) orders
/// surfaces for hidden-surface removal: larger is nearer.
/// </summary>
public sealed record Camera(double Azimuth, double Elevation, Vec3 Offset, Vec3 AxisScale, double S, double Cx, double Cy)
{
    private double Az => Azimuth * Math.PI / 180;
    private double El => Elevation * Math.PI / 180;

    /// <summary>Unit vector from the origin toward the eye.</summary>
    public Vec3 Toward => new(Math.Cos(El) * Math.Cos(Az), Math.Cos(El) * Math.Sin(Az), Math.Sin(El));

    /// <summary>The screen's rightward direction, horizontal in the model.</summary>
    public Vec3 Right => new(-Math.Sin(Az), Math.Cos(Az), 0);

    /// <summary>The screen's upward direction: Right × Up = Toward, a right-handed view.</summary>
    public Vec3 Up => new(-Math.Sin(El) * Math.Cos(Az), -Math.Sin(El) * Math.Sin(Az), Math.Cos(El));

    /// <summary>The model transform: (w − Offset) scaled axis by axis.</summary>
    public Vec3 Model(Vec3 w) => new((w.X - Offset.X) * AxisScale.X, (w.Y - Offset.Y) * AxisScale.Y, (w.Z - Offset.Z) * AxisScale.Z);

    /// <summary>Where <paramref name="w"/> lands in the image, in pixels, origin top left.</summary>
    public (double X, double Y) Pixel(Vec3 w)
    {
        var m = Model(w);
        return (Cx + S * Right.Dot(m), Cy - S * Up.Dot(m));
    }

    /// <summary>How near the eye <paramref name="w"/> is (larger is nearer).</summary>
    public double Depth(Vec3 w) => Toward.Dot(Model(w));

    /// <summary>The whole projection as one 2×4 matrix P with [px, py] = P·[w₁, w₂, w₃, 1]: what a sidecar records.</summary>
    public double[][] PixelMatrix()
    {
        Vec3 r = Right, u = Up;
        double[] Row(Vec3 axis, double sign, double c)
        {
            var a = new Vec3(axis.X * AxisScale.X, axis.Y * AxisScale.Y, axis.Z * AxisScale.Z);
            return [sign * S * a.X, sign * S * a.Y, sign * S * a.Z, c - sign * S * a.Dot(Offset)];
        }
        return [Row(r, 1, Cx), Row(u, -1, Cy)];
    }

    /// <summary>The rotation from model to view coordinates: rows Right, Up, Toward.</summary>
    public double[][] ViewMatrix() => [Right.ToArray(), Up.ToArray(), Toward.ToArray()];

    /// <summary>
    /// A camera at (<paramref name="azimuth"/>, <paramref name="elevation"/>) whose scale and centre put every point of
    /// <paramref name="bounds"/> (after the model transform) inside the pixel box, the box filled in its tighter direction.
    /// </summary>
    public static Camera Fit(double azimuth, double elevation, Vec3 offset, Vec3 axisScale, IEnumerable<Vec3> bounds,
        double x0, double y0, double x1, double y1)
    {
        var unit = new Camera(azimuth, elevation, offset, axisScale, 1, 0, 0);
        double minX = double.MaxValue, maxX = double.MinValue, minY = double.MaxValue, maxY = double.MinValue;
        foreach (var p in bounds)
        {
            var (x, y) = unit.Pixel(p);
            minX = Math.Min(minX, x); maxX = Math.Max(maxX, x); minY = Math.Min(minY, y); maxY = Math.Max(maxY, y);
        }
        double s = Math.Min((x1 - x0) / Math.Max(maxX - minX, 1e-12), (y1 - y0) / Math.Max(maxY - minY, 1e-12));
        // centre the projected box in the pixel box: px = cx + s·x, so cx puts the midpoint of [minX, maxX] in the middle
        double cx = (x0 + x1) / 2 - s * (minX + maxX) / 2, cy = (y0 + y1) / 2 - s * (minY + maxY) / 2;
        return unit with { S = s, Cx = cx, Cy = cy };
    }

    /// <summary>--view's text "AZ,EL" in degrees: azimuth any finite angle, elevation within −90..90.</summary>
    public static (double Azimuth, double Elevation) ParseView(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double az)
            && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double el)
            && double.IsFinite(az) && Math.Abs(az) <= 36000 && el is >= -90 and <= 90)
            return (az, el);
        throw new InputException($"{option}: '{Excerpt.Of(text)}' is not AZ,EL in degrees (azimuth within ±36000, elevation −90..90), e.g. 30,25");
    }
}
