using System.Globalization;
using System.Text.RegularExpressions;

namespace Regviz.Plotting;

/// <summary>
/// Skia writes an SVG root with width and height only, which a page that sets a smaller width crops instead of
/// scaling. A viewBox of "0 0 width height" makes the drawing scale with the box it is given; width and height stay,
/// so the file still opens at its own size.
/// </summary>
internal static partial class SvgViewBox
{
    [GeneratedRegex("""<svg\b[^>]*>""")]
    private static partial Regex Root();

    [GeneratedRegex("""\s(width|height)="([0-9.]+)(?:px)?"|\sviewBox=""")]
    private static partial Regex Attribute();

    /// <summary><paramref name="svg"/> with viewBox="0 0 w h" on its root (unchanged when the root already has one).</summary>
    public static string Add(string svg)
    {
        var root = Root().Match(svg);
        if (!root.Success) throw new InvalidOperationException("Skia wrote an SVG without a root element");
        string? width = null, height = null;
        foreach (Match m in Attribute().Matches(root.Value))
        {
            if (!m.Groups[1].Success) return svg;
            if (m.Groups[1].Value == "width") width = m.Groups[2].Value;
            else height = m.Groups[2].Value;
        }
        if (width is null || height is null) throw new InvalidOperationException("Skia wrote an SVG root without width and height");
        string box = string.Create(CultureInfo.InvariantCulture, $" viewBox=\"0 0 {width} {height}\"");
        int end = root.Index + root.Length - (root.Value.EndsWith("/>", StringComparison.Ordinal) ? 2 : 1);
        return svg.Insert(end, box);
    }
}
