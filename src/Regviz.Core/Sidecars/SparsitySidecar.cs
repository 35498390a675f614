using System.Text.Json.Serialization;

namespace Regviz.Core.Sidecars;

/// <summary><c>regviz sparsity --json</c>: how often each penalty's optimum has an exact zero.</summary>
public sealed record SparsitySidecar
{
    /// <inheritdoc cref="ContourSidecar.Alt"/>
    public required string Alt { get; init; }
    /// <inheritdoc cref="ContourSidecar.Caption"/>
    public required string Caption { get; init; }
    /// <summary>The number of random losses.</summary>
    public required long Trials { get; init; }
    /// <summary>The seed.</summary>
    public required ulong Seed { get; init; }
    /// <summary>λ of the penalised form; absent for the constrained one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Lambda { get; init; }
    /// <summary>The ball's radius t of the constrained form; absent for the penalised one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Radius { get; init; }
    /// <summary>How the random losses are drawn, in words.</summary>
    public required string Distribution { get; init; }
    /// <summary>One per penalty.</summary>
    public required IReadOnlyList<SparsityResultSidecar> Results { get; init; }
    /// <inheritdoc cref="ContourSidecar.Layout"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public LayoutSidecar? Layout { get; init; }
}

/// <summary>A penalty's share of sparse optima.</summary>
public sealed record SparsityResultSidecar
{
    /// <summary>The penalty's name.</summary>
    public required string Norm { get; init; }
    /// <summary>The fraction of trials whose optimum has a zero coordinate.</summary>
    public required double SparseFraction { get; init; }
    /// <summary>Their number.</summary>
    public required long Sparse { get; init; }
}
