using System.Globalization;

namespace Regviz.Core.Scenes;

/// <summary>
/// Thin contour levels a reader can read: each moved to the roundest number near it, a whole multiple of a step
/// 1, 2, 2.5 or 5 × 10^k (the steps of matplotlib's MaxNLocator), so the labels say 0.35, 2.5, 3950 rather than
/// 0.3467, 2.517, 3948. A level moves by at most a third of the gap to its nearer neighbour, so the family keeps
/// its spacing and order; the bold level (the one through w*) is not moved, its number is the point of the figure.
/// </summary>
internal static class RoundLevels
{
    private static readonly double[] Mantissas = [5, 2.5, 2, 1];

    /// <summary>
    /// <paramref name="levels"/> (ascending) with every level but <paramref name="exact"/> rounded; <paramref name="floor"/>
    /// is the value below the first level that it must stay above (the minimum of the function contoured).
    /// </summary>
    public static double[] Thin(IReadOnlyList<double> levels, double floor, double exact)
    {
        var rounded = new double[levels.Count];
        for (int i = 0; i < levels.Count; i++)
        {
            double level = levels[i];
            double below = level - (i == 0 ? floor : levels[i - 1]);
            double above = i == levels.Count - 1 ? below : levels[i + 1] - level;
            double reach = Math.Min(below, above) / 3;
            rounded[i] = level == exact || !(reach > 0) ? level : Roundest(level, reach);
        }
        return rounded;
    }

    /// <summary>The multiple n·m·10^k nearest <paramref name="value"/> within <paramref name="reach"/> of it, for the largest step m·10^k that has one.</summary>
    internal static double Roundest(double value, double reach)
    {
        // the largest step worth trying is a power of ten above the whole window; one below the window always fits in
        // exact arithmetic, but not when reach is below value's rounding (a level of 1e6 within 1e-12), so the search
        // stops a decade below the window and leaves such a level as it is
        int top = (int)Math.Floor(Math.Log10(2 * reach)) + 1;
        if (!double.IsFinite(value) || top < -300 || reach < Math.BitIncrement(Math.Abs(value)) - Math.Abs(value)) return value;
        for (int k = top; k >= top - 3; k--)
            foreach (double m in Mantissas)
            {
                double step = m * Math.Pow(10, k);
                double n = Math.Round(value / step);
                if (Math.Abs(n * step - value) <= reach)
                    return Decimal(n * m, k); // n·m·10^k as the double nearest the decimal, so 7·0.05 is 0.35, not 0.35000000000000003
            }
        return value;
    }

    // past 1e15 "R" writes the mantissa with an exponent of its own, and such a level is not rounded anyway
    private static double Decimal(double mantissa, int exponent) => Math.Abs(mantissa) >= 1e15 ? mantissa * Math.Pow(10, exponent) :
        double.Parse(mantissa.ToString("R", CultureInfo.InvariantCulture) + "E" + exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
