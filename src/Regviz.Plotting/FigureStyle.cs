namespace Regviz.Plotting;

/// <summary>What every figure shares: pixel size, theme, an optional title override.</summary>
public sealed record FigureStyle(int Width, int Height, Theme Theme, string? Title)
{
    /// <summary>Font sizes scale with the figure so a 400-pixel thumbnail and a 2000-pixel print read alike.</summary>
    public float Scale => Math.Clamp(Math.Min(Width, Height) / 800f, 0.5f, 4f);

    /// <summary>Where the data area sits in the image, in pixels.</summary>
    public PlotFrame Frame(float extraTop = 0) => new(Width, Height, Scale, extraTop);

    /// <summary>The figure in words (<see cref="FigureText"/>): saved with the image, as a PNG iTXt "Description" chunk or an SVG's title and desc.</summary>
    public FigureDescription? Description { get; init; }
}
