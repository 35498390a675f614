namespace Regviz.Core.Scenes;

/// <summary>
/// Contour levels chosen for the picture. Near a minimum D − D_min grows with the square of the distance,
/// so levels spaced evenly in s = √((D − D_min)/(D(w*) − D_min)) draw ellipses evenly spaced in the plane:
/// dense in value near the minimum, sparse far out. s = 1 is the level through the optimum, exactly; two
/// levels inside it (s = 1/3, 2/3) show the bowl around the minimum, and the rest are spread evenly out to
/// the edge of the view.
/// </summary>
internal static class LevelChooser
{
    /// <param name="min">D at its unconstrained minimum.</param>
    /// <param name="through">The level that must be drawn (D at the regularised optimum).</param>
    /// <param name="max">The largest value visible in the figure.</param>
    /// <param name="count">Roughly how many levels to draw.</param>
    public static double[] Quadratic(double min, double through, double max, int count)
    {
        double span = max - min;
        if (!(span > 0)) return [];
        double delta = through - min;
        if (!(delta > 1e-12 * Math.Max(Math.Abs(min), span)))
            return Enumerable.Range(1, count).Select(k => min + span * Sq((double)k / count)).ToArray();
        double sMax = Math.Sqrt(span / delta);
        var levels = new List<double> { min + delta * Sq(1.0 / 3), min + delta * Sq(2.0 / 3), through };
        double step = Math.Max(1.0 / 3, (sMax - 1) / Math.Max(1, count - 3));
        for (int k = 1; 1 + k * step <= sMax; k++) levels.Add(min + delta * Sq(1 + k * step));
        return levels.ToArray();
    }

    /// <summary>Norm radii k·h up to <paramref name="maxRadius"/>, with h fitted so one equals <paramref name="through"/> (if &gt; 0).</summary>
    public static double[] Radii(double through, double maxRadius, int count)
    {
        if (!(maxRadius > 0)) return [];
        if (!(through > 0))
            return Enumerable.Range(1, count).Select(k => maxRadius * k / count).ToArray();
        // a ball far smaller than the view (λ near λ_max) would make every multiple of it a speck around the origin
        if (4 * count * through < maxRadius)
            return [through, .. Enumerable.Range(1, count).Select(k => maxRadius * k / count)];
        int perUnit = Math.Max(1, (int)Math.Round(count / (maxRadius / through)));
        var radii = new List<double>();
        for (int k = 1; k <= 4 * count && through * k / perUnit <= maxRadius; k++)
            radii.Add(k == perUnit ? through : through * k / perUnit);
        if (!radii.Contains(through)) radii.Add(through);
        radii.Sort();
        return radii.ToArray();
    }

    private static double Sq(double x) => x * x;
}
