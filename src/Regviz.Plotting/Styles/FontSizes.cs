namespace Regviz.Plotting;

/// <summary>
/// Font sizes in pixels of an 800-pixel figure (scaled with it). Smaller and larger labels keep their proportion to
/// <see cref="Labels"/>: the caption of w* is 14/12 of it, contour values 11.5/12.
/// </summary>
public sealed record FontSizes
{
    /// <summary>The title.</summary>
    public float Title { get; init; } = 17;
    /// <summary>The axis labels (w₁, w₂, λ, coefficient).</summary>
    public float AxisLabels { get; init; } = 15;
    /// <summary>Tick labels.</summary>
    public float Ticks { get; init; } = 12;
    /// <summary>The legend.</summary>
    public float Legend { get; init; } = 13;
    /// <summary>Labels in the data area: contour values, captions of points, feature names.</summary>
    public float Labels { get; init; } = 12;

    /// <summary>A label size in proportion to <see cref="Labels"/>: <paramref name="ofTwelve"/>/12 of it (exactly <paramref name="ofTwelve"/> by default).</summary>
    public float Label(float ofTwelve) => Labels * ofTwelve / 12;
}
