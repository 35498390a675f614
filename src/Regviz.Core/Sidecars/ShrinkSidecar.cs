using System.Text.Json;
using System.Text.Json.Serialization;

namespace Regviz.Core.Sidecars;

/// <summary><c>regviz shrink --json</c>: each estimator's curve w(z) in the orthonormal one-dimensional problem.</summary>
public sealed record ShrinkSidecar
{
    /// <inheritdoc cref="ContourSidecar.Alt"/>
    public required string Alt { get; init; }
    /// <inheritdoc cref="ContourSidecar.Caption"/>
    public required string Caption { get; init; }
    /// <summary>The problem each curve solves, in words.</summary>
    public required string Problem { get; init; }
    /// <summary>λ.</summary>
    public required double Lambda { get; init; }
    /// <summary>The largest |z| drawn.</summary>
    [JsonPropertyName("zmax")] public required double ZMax { get; init; }
    /// <summary>One per estimator.</summary>
    public required IReadOnlyList<ShrinkCurveSidecar> Curves { get; init; }
    /// <summary>With --objective z: each estimator's minimum there.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ShrinkObjectiveSidecar? Objective { get; init; }
    /// <inheritdoc cref="ContourSidecar.Layout"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public LayoutSidecar? Layout { get; init; }
}

/// <summary>An estimator's curve: its threshold, jumps and continuous pieces of [z, w] points.</summary>
public sealed record ShrinkCurveSidecar
{
    /// <summary>The penalty's (or estimator's) name.</summary>
    public required string Norm { get; init; }
    /// <inheritdoc cref="ContourSidecar.Alpha"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Alpha { get; init; }
    /// <inheritdoc cref="ContourSidecar.P"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? P { get; init; }
    /// <inheritdoc cref="ContourSidecar.Gamma"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Gamma { get; init; }
    /// <summary>The z below which the estimate is 0, or null where there is none.</summary>
    public required double? Threshold { get; init; }
    /// <summary>Where w(z) jumps.</summary>
    public required IReadOnlyList<ShrinkJumpSidecar> Jumps { get; init; }
    /// <summary>The continuous pieces, each a list of [z, w].</summary>
    public required IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> Pieces { get; init; }
    /// <inheritdoc cref="ContourSidecar.OtherParameters"/>
    // settable: System.Text.Json fills extension data after construction, which an init-only member would take part in
    [JsonExtensionData] public Dictionary<string, JsonElement>? OtherParameters { get; set; }
}

/// <summary>A jump of w(z) at z, from one value to another.</summary>
public sealed record ShrinkJumpSidecar
{
    /// <summary>z.</summary>
    public required double Z { get; init; }
    /// <summary>w just below z.</summary>
    public required double From { get; init; }
    /// <summary>w just above z.</summary>
    public required double To { get; init; }
}

/// <summary>The one-dimensional objectives at one z, and their minima.</summary>
public sealed record ShrinkObjectiveSidecar
{
    /// <summary>z.</summary>
    public required double Z { get; init; }
    /// <summary>One per estimator.</summary>
    public required IReadOnlyList<ShrinkMinimumSidecar> Minima { get; init; }
}

/// <summary>An estimator's minimiser w and minimum value at z.</summary>
public sealed record ShrinkMinimumSidecar
{
    /// <summary>The estimator's name.</summary>
    public required string Norm { get; init; }
    /// <summary>The minimiser.</summary>
    public required double W { get; init; }
    /// <summary>The minimum.</summary>
    public required double Value { get; init; }
}
