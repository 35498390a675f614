namespace Regviz.Plotting;

/// <summary>What every figure shares: pixel size, theme, an optional title override.</summary>
public sealed record FigureStyle(int Width, int Height, Theme Theme, string? Title)
{
    /// <summary>
    /// Font sizes and line widths scale with the figure so a 2000-pixel print reads like an 800-pixel figure; below
    /// about 680 pixels they stop shrinking at 0.85 (12-pixel tick labels become 10 pixels, not 6 at 400×400), giving up
    /// some data area to stay readable, and only figures under 400 pixels, where the margins would eat the plot, go lower.
    /// </summary>
    public float Scale
    {
        get
        {
            float side = Math.Min(Width, Height);
            return Math.Clamp(side / 800f, Math.Clamp(side / 470f, 0.5f, 0.85f), 4f);
        }
    }

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

    /// <summary>
    /// Dots per inch when the figure has a physical size (--dpi, or --size in in, cm, mm or pt): the PNG records it
    /// (pHYs) and a PDF page is the pixels at this density. Null for a figure sized in pixels alone.
    /// </summary>
    public double? Dpi { get; init; }

    /// <summary>The density a pixel-sized figure's PDF page assumes: CSS's 96 pixels an inch.</summary>
    public const double ScreenDpi = 96;
}
