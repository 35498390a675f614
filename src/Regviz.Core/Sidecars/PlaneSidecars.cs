using System.Text.Json.Serialization;

namespace Regviz.Core.Sidecars;

/// <summary>The visible part of the plane, in parameter coordinates.</summary>
public sealed record PlaneRangeSidecar
{
    /// <summary>Left edge (w₁).</summary>
    public required double X0 { get; init; }
    /// <summary>Right edge (w₁).</summary>
    public required double X1 { get; init; }
    /// <summary>Bottom edge (w₂).</summary>
    public required double Y0 { get; init; }
    /// <summary>Top edge (w₂).</summary>
    public required double Y1 { get; init; }
}

/// <summary>One contour level: its value and its polylines, each a list of [w₁, w₂] points.</summary>
public sealed record ContourLevelSidecar
{
    /// <summary>The value of the function on this level set.</summary>
    public required double Level { get; init; }
    /// <summary>The level set's polylines, each a list of [w₁, w₂] points.</summary>
    public required IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> Lines { get; init; }
}

/// <summary>The contours a figure draws: of the loss D (absent in a norm figure) and of the penalty P.</summary>
public sealed record ContourSetsSidecar
{
    /// <summary>Levels of the loss D; absent where no loss is drawn (norm).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<ContourLevelSidecar>? Loss { get; init; }
    /// <summary>Levels of the penalty P.</summary>
    public required IReadOnlyList<ContourLevelSidecar> Norm { get; init; }
}

/// <summary>The two level sets through w*: the loss's and the penalty's (null where the figure draws none).</summary>
public sealed record TouchingSidecar
{
    /// <summary>D at w*'s level set, or null.</summary>
    public required double? LossLevel { get; init; }
    /// <summary>P at w*'s level set, or null.</summary>
    public required double? NormLevel { get; init; }
}

/// <summary>A point of the plane with no certificate: the unregularised fit.</summary>
public sealed record WeightsSidecar
{
    /// <summary>The weights.</summary>
    public required IReadOnlyList<double> Weights { get; init; }
}
