namespace Regviz.Plotting;

/// <summary>
/// What a figure draws besides its data, for the textbook look: a legend, text labels (contour values and marker
/// captions), the background grid, and a filled constraint region. <see cref="All"/> is every figure's default.
/// </summary>
public sealed record FigureParts
{
    /// <summary>Every part that is on by default: legend, labels and grid; no fill.</summary>
    public static FigureParts All { get; } = new();

    /// <summary>The legend. Off in a panel of a grid, which shares one legend for all panels.</summary>
    public bool Legend { get; init; } = true;

    /// <summary>Contour values and marker captions (w* = …, least squares).</summary>
    public bool Labels { get; init; } = true;

    /// <summary>The faint background grid.</summary>
    public bool Grid { get; init; } = true;

    /// <summary>Fill the constraint region: the ball through w* (contour), or inside the drawn level sets (norm).</summary>
    public bool Fill { get; init; }
}
