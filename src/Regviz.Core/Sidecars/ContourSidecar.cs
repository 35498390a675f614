using System.Text.Json;
using System.Text.Json.Serialization;

namespace Regviz.Core.Sidecars;

/// <summary>
/// <c>regviz contour --json</c>: the numbers behind the contour figure (and each panel of a contour panel or overlay
/// figure, without <see cref="Layout"/>), in parameter coordinates.
/// </summary>
public sealed record ContourSidecar
{
    /// <summary>The figure in one sentence, its alt text.</summary>
    public required string Alt { get; init; }
    /// <summary>The figure's caption.</summary>
    public required string Caption { get; init; }
    /// <summary>The penalty's name (l1, l2, elasticnet, …).</summary>
    public required string Norm { get; init; }
    /// <summary>The elastic net's α; absent for other penalties.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Alpha { get; init; }
    /// <summary>The lp penalty's p; absent for other penalties.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? P { get; init; }
    /// <summary>MCP's or SCAD's γ; absent for other penalties.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Gamma { get; init; }
    /// <summary>The feature names of w₁ and w₂.</summary>
    public required IReadOnlyList<string> Features { get; init; }
    /// <summary>w* and its certificate.</summary>
    public required OptimumSidecar Optimum { get; init; }
    /// <summary>The unregularised fit, or null where there is none (a flat direction).</summary>
    public required WeightsSidecar? Unregularised { get; init; }
    /// <summary>The other optimum of a non-convex problem, where the figure marks one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<double>? Twin { get; init; }
    /// <summary>The visible plane.</summary>
    public required PlaneRangeSidecar Range { get; init; }
    /// <summary>The contours drawn.</summary>
    public required ContourSetsSidecar Contours { get; init; }
    /// <summary>The level sets through w*.</summary>
    public required TouchingSidecar Touching { get; init; }
    /// <summary>The regularisation path drawn (--path), each point certified.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<PathPointSidecar>? Path { get; init; }
    /// <summary>An optimiser's iterates (--trace), each [w₁, w₂].</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<IReadOnlyList<double>>? Trace { get; init; }
    /// <summary>The optimiser of the trace (gd, ista, fista, cd).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? TraceMethod { get; init; }
    /// <summary>Whether the trace diverged.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? TraceDiverged { get; init; }
    /// <summary>The trace's step size.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? TraceStep { get; init; }
    /// <summary>Where the figure's text and marks landed (docs/sidecars.md); absent in a panel of a panel figure.</summary>
    [JsonPropertyOrder(200), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public LayoutSidecar? Layout { get; init; }
    /// <summary>
    /// The parameters of a penalty without a member here (one registered after this version), by name; written after
    /// every other member. Reading, any member this type does not know lands here too.
    /// </summary>
    // settable: System.Text.Json fills extension data after construction, which an init-only member would take part in
    [JsonExtensionData] public Dictionary<string, JsonElement>? OtherParameters { get; set; }
}

/// <summary>w* of a contour figure: its weights, J, D, P, λ (and t of a constrained form), and its certificate.</summary>
public sealed record OptimumSidecar : CertifiedAnswer
{
    /// <summary>w*.</summary>
    public required IReadOnlyList<double> Weights { get; init; }
    /// <summary>J(w*) (D for a constrained form).</summary>
    public required double Objective { get; init; }
    /// <summary>λ (the equivalent λ of a constrained form).</summary>
    public required double Lambda { get; init; }
    /// <summary>The radius t of a constrained form; absent for a penalised one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Radius { get; init; }
    /// <summary>The intercept b.</summary>
    public required double Intercept { get; init; }
    /// <summary>D(w*).</summary>
    public required double DataTerm { get; init; }
    /// <summary>P(w*).</summary>
    public required double Penalty { get; init; }
}

/// <summary><c>regviz norm --json</c>: the penalty's level sets alone (and each panel of a norm panel or overlay figure).</summary>
public sealed record NormSidecar
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
    /// <summary>The λ a penalty's shape depends on (MCP, SCAD); absent for the others.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Lambda { get; init; }
    /// <inheritdoc cref="ContourSidecar.Range"/>
    public required PlaneRangeSidecar Range { get; init; }
    /// <summary>The penalty's contours (no loss).</summary>
    public required ContourSetsSidecar Contours { get; init; }
    /// <inheritdoc cref="ContourSidecar.Layout"/>
    [JsonPropertyOrder(200), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public LayoutSidecar? Layout { get; init; }
    /// <inheritdoc cref="ContourSidecar.OtherParameters"/>
    // settable: System.Text.Json fills extension data after construction, which an init-only member would take part in
    [JsonExtensionData] public Dictionary<string, JsonElement>? OtherParameters { get; set; }
}
