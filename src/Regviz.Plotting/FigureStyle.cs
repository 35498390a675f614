namespace Regviz.Plotting;

/// <summary>What every figure shares: pixel size, theme, an optional title override.</summary>
public sealed record FigureStyle(int Width, int Height, Theme Theme, string? Title)
{
    /// <summary>Font sizes scale with the figure so a 400-pixel thumbnail and a 2000-pixel print read alike.</summary>
    public float Scale => Math.Clamp(Math.Min(Width, Height) / 800f, 0.5f, 4f);

    /// <summary>Where the data area sits in the image, in pixels; a <see cref="Title"/> that wraps makes room for its lines.</summary>
    public PlotFrame Frame(float extraTop = 0) => new(Width, Height, Scale, extraTop + TitleRoom());

    /// <summary>
    /// The title laid out to fit the figure (wrapped, fallback fonts for characters the style's font lacks), or null
    /// without one. A title that fits on one line in the style's font takes no more room than it always did.
    /// </summary>
    internal TitleText? TitleLayout() => Title is null ? null
        : TitleText.Layout(Title, Theme.FontFamily, Theme.Fonts.Title * Scale, Width - 86 * Scale); // centred over the data area, 16 px clear of the right edge

    /// <summary>The most lines a title may wrap to: a quarter of the figure's height (at least two), the rest is the figure's.</summary>
    public int MaxTitleLines => Math.Max(2, (int)(Height / 4f / (Theme.Fonts.Title * Scale * 1.25f)));

    /// <summary>How many lines <see cref="Title"/> takes once wrapped to the figure's width (0 without a title).</summary>
    public int TitleLines => TitleLayout()?.Lines.Count ?? 0;

    /// <summary>Room above the usual top margin, in 800-pixel units as <see cref="Frame"/> takes it: the lines of a wrapped title beyond the first.</summary>
    private float TitleRoom() => TitleLayout() is { Lines.Count: > 1 } t ? (t.Lines.Count - 1) * t.LineHeight / Scale : 0;

    /// <summary>The figure in words (<see cref="FigureText"/>): saved with the image, as a PNG iTXt "Description" chunk or an SVG's title and desc.</summary>
    public FigureDescription? Description { get; init; }
}
