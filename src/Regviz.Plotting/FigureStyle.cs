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

    /// <summary>Where the data area sits in the image, in pixels.</summary>
    public PlotFrame Frame(float extraTop = 0) => new(Width, Height, Scale, extraTop);
}
