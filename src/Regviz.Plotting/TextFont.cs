using SkiaSharp;

namespace Regviz.Plotting;

/// <summary>
/// The font text is measured with, set as ScottPlot's own paint sets it (slight hinting, subpixel positions). Skia's
/// defaults (normal hinting, whole-pixel advances) measure a 22-character caption at 7.3 px up to 9 px narrower than
/// ScottPlot then draws it, so a reserved box was smaller than the label's background and the label covered what its
/// box promised to keep clear.
/// </summary>
internal static class TextFont
{
    public static SKFont AsDrawn(SKTypeface face, float size) => new(face, size) { Hinting = SKFontHinting.Slight, Subpixel = true };
}
