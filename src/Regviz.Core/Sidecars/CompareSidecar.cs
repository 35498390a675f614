namespace Regviz.Core.Sidecars;

/// <summary><c>regviz compare --json</c>: two images' difference as matplotlib measures it.</summary>
public sealed record CompareSidecar
{
    /// <summary>The RMS over R, G, B (0–255), or null when the sizes differ.</summary>
    public required double? Rms { get; init; }
    /// <summary>Pixels that differ.</summary>
    public required long DifferentPixels { get; init; }
    /// <summary>The expected image's width.</summary>
    public required int Width { get; init; }
    /// <summary>The expected image's height.</summary>
    public required int Height { get; init; }
    /// <summary>Whether the sizes differ.</summary>
    public required bool SizesDiffer { get; init; }
    /// <summary>The largest RMS that passes.</summary>
    public required double Tolerance { get; init; }
}
