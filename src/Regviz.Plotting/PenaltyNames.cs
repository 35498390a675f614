using Regviz.Core.Penalties;

namespace Regviz.Plotting;

/// <summary>How figures name a penalty: the textbook name a reader knows, with its parameters.</summary>
public static class PenaltyNames
{
    /// <summary>The penalty's textbook name with its parameters: "Elastic net (α = 0.5)".</summary>
    public static string Display(Penalty p) =>
        p.Parameters.Count == 0 ? p.Title
            : $"{p.Title} ({string.Join(", ", p.Parameters.Select(a => $"{a.Symbol} = {Number(a.Value)}"))})";

    /// <summary>
    /// Numbers in figures: four significant digits, exact zeros as "0" (the point of the picture). Written out in full
    /// from 10⁻⁴ up to 10⁶ ("7841" and "10020", not "1.002e4" beside "7841": one figure, one notation), with an
    /// exponent only beyond, where a row of zeros would be harder to read than "2.5e6".
    /// </summary>
    public static string Number(double v)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (v == 0) return "0";
        // rounded first, so 999999 is "1e6" and not a seven-digit "1000000"
        double four = double.Parse(v.ToString("G4", invariant), invariant);
        return Math.Abs(four) >= 1e6 || Math.Abs(four) < 1e-4 ? v.ToString("0.###e0", invariant) : four.ToString("0.#########", invariant);
    }

    /// <summary>
    /// One notation for a family of numbers shown together (the contour values of a figure): written out as
    /// <see cref="Number"/> writes them when every one of them is, else all with an exponent, so "5e5" never stands
    /// beside "1.5e6"'s neighbour "900000".
    /// </summary>
    internal static Func<double, string> NumberFor(IEnumerable<double> family) =>
        family.Any(v => v != 0 && (Math.Abs(v) >= 1e6 || Math.Abs(v) < 1e-4))
            ? v => v == 0 ? "0" : v.ToString("0.###e0", System.Globalization.CultureInfo.InvariantCulture)
            : Number;
}
