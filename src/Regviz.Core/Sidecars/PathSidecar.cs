using System.Text.Json;
using System.Text.Json.Serialization;

namespace Regviz.Core.Sidecars;

/// <summary><c>regviz path --json</c>: the regularisation path, its knots, what the figure draws and the mark.</summary>
public sealed record PathSidecar
{
    /// <inheritdoc cref="ContourSidecar.Alt"/>
    public required string Alt { get; init; }
    /// <inheritdoc cref="ContourSidecar.Caption"/>
    public required string Caption { get; init; }
    /// <inheritdoc cref="ContourSidecar.Norm"/>
    public required string Norm { get; init; }
    /// <inheritdoc cref="ContourSidecar.Alpha"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Alpha { get; init; }
    /// <inheritdoc cref="ContourSidecar.P"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? P { get; init; }
    /// <inheritdoc cref="ContourSidecar.Gamma"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Gamma { get; init; }
    /// <summary>The feature names, one line each.</summary>
    public required IReadOnlyList<string> Features { get; init; }
    /// <summary>λ_max, where w* = 0.</summary>
    public required double LambdaMax { get; init; }
    /// <summary>The x axis: lambda, norm or fraction.</summary>
    public required string Xvar { get; init; }
    /// <summary>The path's points (with x on the ‖w‖₁ and fraction axes).</summary>
    public required IReadOnlyList<PathPointSidecar> Points { get; init; }
    /// <summary>The lasso path's knots, where it has them.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<PathPointSidecar>? Knots { get; init; }
    /// <summary>What the figure draws, in order, each with its x on the figure's axis (log10 λ on the λ axis).</summary>
    public required IReadOnlyList<PathPointSidecar> Drawn { get; init; }
    /// <summary>
    /// Where a non-convex path jumps (by decreasing λ): the λ of its two sides, both among the points, and w* on each;
    /// the figure draws no line of the path between them. Absent where the path has none.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<PathJumpSidecar>? Jumps { get; init; }
    /// <summary>Whether the path reaches the unregularised fit.</summary>
    public required bool ReachesFit { get; init; }
    /// <summary>The path's end, the unregularised fit, where there is one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public PathPointSidecar? Unregularised { get; init; }
    /// <summary>true with --standardize (weights on the original scale, λ the scaled problem's); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Standardized { get; init; }
    /// <summary>The columns' scales with --standardize.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<double>? Scales { get; init; }
    /// <summary>The --mark and the optimum there.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public PathMarkSidecar? Mark { get; init; }
    /// <inheritdoc cref="ContourSidecar.Layout"/>
    [JsonPropertyOrder(200), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public LayoutSidecar? Layout { get; init; }
    /// <inheritdoc cref="ContourSidecar.OtherParameters"/>
    // settable: System.Text.Json fills extension data after construction, which an init-only member would take part in
    [JsonExtensionData] public Dictionary<string, JsonElement>? OtherParameters { get; set; }
}

/// <summary>A point of a path: λ, where it is drawn (x), w*, and its certificate where it has one.</summary>
public sealed record PathPointSidecar : CertifiedAnswer
{
    /// <summary>λ.</summary>
    public required double Lambda { get; init; }
    /// <summary>The point's x on the figure's axis; absent where it is λ itself.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? X { get; init; }
    /// <summary>w*(λ).</summary>
    public required IReadOnlyList<double> Weights { get; init; }
}

/// <summary>A jump of a path: the last point before it (λ, w*) and the first after it (λ_below, w*), λ_below within 1e-9 of λ relative (1e-3 where the solver does not certify closer, as for lp).</summary>
public sealed record PathJumpSidecar
{
    /// <summary>λ of the side before the jump (the larger).</summary>
    public required double Lambda { get; init; }
    /// <summary>λ of the side after the jump.</summary>
    public required double LambdaBelow { get; init; }
    /// <summary>w* before the jump.</summary>
    public required IReadOnlyList<double> From { get; init; }
    /// <summary>w* after the jump.</summary>
    public required IReadOnlyList<double> To { get; init; }
}

/// <summary>
/// A path's --mark: s on the fraction axis (and the λ where the path reaches it), or λ; the optimum there with its
/// certificate, where an exact λ is known.
/// </summary>
public sealed record PathMarkSidecar : CertifiedAnswer
{
    /// <summary>The marked fraction s (--xvar fraction).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? S { get; init; }
    /// <summary>The marked λ (or the λ of the marked s).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Lambda { get; init; }
    /// <summary>w* at the mark.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<double>? Weights { get; init; }
}
