using System.Text.Json.Serialization;

namespace Regviz.Core.Sidecars;

/// <summary>
/// The sidecar of a 3-D figure (<c>ball</c>, <c>surface</c>, <c>animate --rotate</c>): each panel's camera, and every
/// vertex and mark with where it lands, in pixels of the written image, origin top left.
/// </summary>
public sealed record ThreeDSidecar
{
    /// <summary>The command: ball, surface or animate.</summary>
    public required string Command { get; init; }
    /// <inheritdoc cref="ContourSidecar.Alt"/>
    public required string Alt { get; init; }
    /// <inheritdoc cref="ContourSidecar.Caption"/>
    public required string Caption { get; init; }
    /// <summary>[width, height] of the image.</summary>
    public required IReadOnlyList<double> Image { get; init; }
    /// <summary>The first panel's camera.</summary>
    public required CameraSidecar Camera { get; init; }
    /// <summary>One per panel.</summary>
    public required IReadOnlyList<ThreeDPanelSidecar> Panels { get; init; }
    /// <summary>Every vertex of every panel.</summary>
    public required IReadOnlyList<ThreeDPointSidecar> Vertices { get; init; }
    /// <summary>Every marked point, with whether a facet nearer the eye hides it.</summary>
    public required IReadOnlyList<ThreeDPointSidecar> Marks { get; init; }
    /// <summary>Each axis label's ink box.</summary>
    public required IReadOnlyList<ThreeDLabelSidecar> Labels { get; init; }
    /// <summary>The surface's optimum (surface, a turning surface); absent for a ball.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public SurfaceOptimumSidecar? Optimum { get; init; }
    /// <summary>The unregularised fit (surface), where there is one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<double>? Unregularised { get; init; }
    /// <summary>The height box of a surface: the floor, and the top where D (or J) is cut.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<double>? Heights { get; init; }
    /// <summary>The turn of <c>animate --rotate</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public TurnSidecar? Turn { get; init; }
}

/// <summary>A camera: azimuth, elevation, the view rotation and the 2×4 pixel matrix P, [px, py] = P·[w, 1].</summary>
public sealed record CameraSidecar
{
    /// <summary>Degrees.</summary>
    public required double Azimuth { get; init; }
    /// <summary>Degrees.</summary>
    public required double Elevation { get; init; }
    /// <summary>"orthographic".</summary>
    public required string Projection { get; init; }
    /// <summary>The view rotation's rows.</summary>
    public required IReadOnlyList<IReadOnlyList<double>> View { get; init; }
    /// <summary>P's rows.</summary>
    public required IReadOnlyList<IReadOnlyList<double>> PixelMatrix { get; init; }
}

/// <summary>A panel: its name and camera.</summary>
public sealed record ThreeDPanelSidecar
{
    /// <summary>The penalty's name.</summary>
    public required string Name { get; init; }
    /// <summary>The panel's camera.</summary>
    public required CameraSidecar Camera { get; init; }
}

/// <summary>A point in three weights and where it lands in the image.</summary>
public sealed record ThreeDPointSidecar
{
    /// <summary>A mark's name; absent for a vertex.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Name { get; init; }
    /// <summary>[x, y, z].</summary>
    public required IReadOnlyList<double> W { get; init; }
    /// <summary>[px, py].</summary>
    public required IReadOnlyList<double> At { get; init; }
    /// <summary>The panel's index.</summary>
    public required int Panel { get; init; }
    /// <summary>A mark's: whether a facet nearer the eye covers it; absent for a vertex.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Hidden { get; init; }
}

/// <summary>An axis label's ink box [left, top, right, bottom].</summary>
public sealed record ThreeDLabelSidecar
{
    /// <summary>The label.</summary>
    public required string Text { get; init; }
    /// <summary>[left, top, right, bottom].</summary>
    public required IReadOnlyList<double> Box { get; init; }
    /// <summary>The panel's index.</summary>
    public required int Panel { get; init; }
}

/// <summary>A surface's w*, J and certificate.</summary>
public sealed record SurfaceOptimumSidecar : CertifiedAnswer
{
    /// <summary>w*.</summary>
    public required IReadOnlyList<double> Weights { get; init; }
    /// <summary>J(w*).</summary>
    public required double Objective { get; init; }
}

/// <summary>The turn of a turntable: degrees of azimuth, frames, and timing.</summary>
public sealed record TurnSidecar
{
    /// <summary>Degrees of azimuth turned.</summary>
    public required double Degrees { get; init; }
    /// <summary>Frames.</summary>
    public required int Frames { get; init; }
    /// <summary>Frames a second.</summary>
    public required int Fps { get; init; }
    /// <summary>Extra frame times the first and last frames stay.</summary>
    public required int Hold { get; init; }
}
