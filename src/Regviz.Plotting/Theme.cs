using ScottPlot;

namespace Regviz.Plotting;

/// <summary>
/// The look of a figure: its colours (loss in orange-red as in the article, penalty in blue; the two stay apart in
/// every built-in style) and, in Styles/, the rest of a house style: line widths and dashes, font sizes and font,
/// grid. Every property beyond the colours defaults to what the light and dark styles have always drawn.
/// </summary>
public sealed partial record Theme(
    string Name, Color Background, Color Foreground, Color Muted, Color AxisLine,
    Color Loss, Color Norm, Color Optimum, Color Path, Color LabelBackground)
{
    /// <summary>Dark lines on white.</summary>
    public static readonly Theme Light = new("light",
        Colors.White, Color.FromHex("#222222"), Color.FromHex("#666666"), Color.FromHex("#9A9A9A"),
        Color.FromHex("#E4572E"), Color.FromHex("#1F5FAD"), Color.FromHex("#111111"), Color.FromHex("#2A9D4B"),
        Colors.White.WithAlpha(0.88));

    /// <summary>Light lines on near-black.</summary>
    public static readonly Theme Dark = new("dark",
        Color.FromHex("#1B1D22"), Color.FromHex("#E6E6E6"), Color.FromHex("#A0A0A0"), Color.FromHex("#6A6A6A"),
        Color.FromHex("#FF7A4D"), Color.FromHex("#6FB1FF"), Color.FromHex("#FFFFFF"), Color.FromHex("#5BD68A"),
        Color.FromHex("#1B1D22").WithAlpha(0.88));

    /// <summary>The built-in styles' names: light, dark, colorblind, print.</summary>
    public static readonly IReadOnlyList<string> Names = ["light", "dark", "colorblind", "print"];
}
