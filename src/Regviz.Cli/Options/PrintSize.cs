using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Regviz.Core;
using Regviz.Plotting;

namespace Regviz.Cli.Options;

/// <summary>
/// Physical sizes for print: --size 3.3inx3.3in (in, cm, mm or pt, mixed if need be) at --dpi N (default 96), and
/// --font-size PT, the size of the figure's tick and data labels in points (titles and axis labels keep their
/// proportion to it). A pixel size (800x600) still means pixels; with --dpi it also gets a physical size.
/// </summary>
internal static partial class PrintSize
{
    public const double DefaultDpi = FigureStyle.ScreenDpi, MinDpi = 10, MaxDpi = 2400, MinFont = 2, MaxFont = 72;

    public static Option<double?> DpiOption() => NumberOptions.Nullable("--dpi",
        $"Pixels per inch of the written figure ({MinDpi}..{MaxDpi}; default {DefaultDpi}): a size in in/cm/mm/pt becomes pixels at this density, a PNG records it (pHYs), a PDF page is the pixels at it", "N");

    public static Option<double?> FontSizeOption() => NumberOptions.Nullable("--font-size",
        $"Size of the tick and data labels in points ({MinFont}..{MaxFont}), so the figure's text matches a document's (11 for an 11 pt paper); titles and axis labels keep their proportion", "PT");

    // one length alone is a square, as --size N is for pixels
    [GeneratedRegex(@"^\s*(\d{1,5}(?:\.\d{1,6})?)\s*(in|cm|mm|pt)\s*(?:[xX×]\s*(\d{1,5}(?:\.\d{1,6})?)\s*(in|cm|mm|pt)\s*)?$")]
    private static partial Regex Physical();

    /// <summary>--size in physical units as pixels at <paramref name="dpi"/>, or null when it is not of that form (a pixel size).</summary>
    public static (int Width, int Height)? Pixels(string text, double dpi)
    {
        var m = Physical().Match(text);
        if (!m.Success) return null;
        int Side(int group) => (int)Math.Round(Inches(double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture), m.Groups[group + 1].Value) * dpi);
        int w = Side(1), h = m.Groups[3].Success ? Side(3) : w;
        if (w < FigureOptions.MinSide || h < FigureOptions.MinSide || w > FigureOptions.MaxSide || h > FigureOptions.MaxSide)
            throw new InputException($"--size: '{Excerpt.Of(text)}' at {dpi.ToString(CultureInfo.InvariantCulture)} dpi is {w}x{h} pixels, outside {FigureOptions.MinSide}x{FigureOptions.MinSide}..{FigureOptions.MaxSide}x{FigureOptions.MaxSide} (change --dpi or the size)");
        return (w, h);
    }

    private static double Inches(double value, string unit) => unit switch
    {
        "in" => value,
        "cm" => value / 2.54,
        "mm" => value / 25.4,
        _ => value / 72, // pt
    };

    public static double CheckDpi(double dpi) => dpi is >= MinDpi and <= MaxDpi ? dpi
        : throw new InputException($"--dpi: {dpi.ToString(CultureInfo.InvariantCulture)} is outside {MinDpi}..{MaxDpi}");

    /// <summary>
    /// <paramref name="style"/> with its labels at <paramref name="points"/> points: every font size of the theme
    /// scaled by one factor, so the figure's text keeps its proportions.
    /// </summary>
    public static FigureStyle WithFontSize(FigureStyle style, double points)
    {
        if (points is < MinFont or > MaxFont)
            throw new InputException($"--font-size: {points.ToString(CultureInfo.InvariantCulture)} is outside {MinFont}..{MaxFont} points");
        var f = style.Theme.Fonts;
        // labels are f.Labels·Scale pixels; a point is dpi/72 pixels
        float k = (float)(points * (style.Dpi ?? DefaultDpi) / 72 / (f.Labels * style.Scale));
        var fonts = f with { Title = f.Title * k, AxisLabels = f.AxisLabels * k, Ticks = f.Ticks * k, Legend = f.Legend * k, Labels = f.Labels * k };
        return style with { Theme = style.Theme with { Fonts = fonts } };
    }
}
