using System.Text.Json;
using System.Text.Json.Serialization;

namespace Regviz.Core.Sidecars;

/// <summary><c>regviz solve --json</c>: the optimum of one problem and its certificate (docs/conventions.md).</summary>
public sealed record SolveSidecar : CertifiedAnswer
{
    /// <summary>The penalty's name (l1, l2, elasticnet, …).</summary>
    public required string Norm { get; init; }
    /// <summary>λ (the equivalent λ of a constrained answer).</summary>
    public required double Lambda { get; init; }
    /// <summary>The ball's radius t of a constrained answer; absent for a penalised one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Radius { get; init; }
    /// <summary>The feature names, in the order of <see cref="Weights"/>.</summary>
    public required IReadOnlyList<string> Features { get; init; }
    /// <summary>w*, on the data's scale.</summary>
    public required IReadOnlyList<double> Weights { get; init; }
    /// <summary>The unpenalised intercept b (0 without one).</summary>
    public required double Intercept { get; init; }
    /// <summary>J = D + λP at w* (D for a constrained answer).</summary>
    public required double Objective { get; init; }
    /// <summary>D(w*).</summary>
    public required double DataTerm { get; init; }
    /// <summary>P(w*).</summary>
    public required double Penalty { get; init; }
    /// <summary>The data term's name (mse, sse, logistic, given).</summary>
    public required string Loss { get; init; }
    /// <inheritdoc cref="ContourSidecar.Alpha"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Alpha { get; init; }
    /// <inheritdoc cref="ContourSidecar.P"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? P { get; init; }
    /// <inheritdoc cref="ContourSidecar.Gamma"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Gamma { get; init; }
    /// <summary>The number of data rows.</summary>
    public required long Rows { get; init; }
    /// <summary>How the answer was found, in words.</summary>
    public required string Method { get; init; }
    /// <inheritdoc cref="ContourSidecar.OtherParameters"/>
    // settable: System.Text.Json fills extension data after construction, which an init-only member would take part in
    [JsonExtensionData] public Dictionary<string, JsonElement>? OtherParameters { get; set; }
}
