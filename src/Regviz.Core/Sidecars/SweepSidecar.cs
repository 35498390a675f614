using System.Text.Json;
using System.Text.Json.Serialization;

namespace Regviz.Core.Sidecars;

/// <summary>
/// <c>regviz animate --json</c> of a sweep of λ or t (and <c>explore</c>'s frames): every frame's λ (and t) and its
/// certified w*, and the range and frame that reproduce the still figure.
/// </summary>
public sealed record SweepSidecar
{
    /// <summary>The whole animation in one sentence.</summary>
    public required string Alt { get; init; }
    /// <summary>The whole animation's caption.</summary>
    public required string Caption { get; init; }
    /// <inheritdoc cref="ContourSidecar.Norm"/>
    public required string Norm { get; init; }
    /// <inheritdoc cref="ContourSidecar.Alpha"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Alpha { get; init; }
    /// <inheritdoc cref="ContourSidecar.P"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? P { get; init; }
    /// <inheritdoc cref="ContourSidecar.Gamma"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Gamma { get; init; }
    /// <inheritdoc cref="ContourSidecar.Features"/>
    public required IReadOnlyList<string> Features { get; init; }
    /// <summary>What the frames sweep: lambda or radius.</summary>
    public required string Sweep { get; init; }
    /// <summary>The frame the still figure draws.</summary>
    public required int StillFrame { get; init; }
    /// <inheritdoc cref="ContourSidecar.Range"/>
    public required PlaneRangeSidecar Range { get; init; }
    /// <summary>Frames a second (animate; absent for explore).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Fps { get; init; }
    /// <summary>Extra frame times the first and last frames stay (animate; absent for explore).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Hold { get; init; }
    /// <summary>The unregularised fit, or null where there is none.</summary>
    public required IReadOnlyList<double>? Unregularised { get; init; }
    /// <summary>One per frame.</summary>
    public required IReadOnlyList<SweepFrameSidecar> Frames { get; init; }
    /// <inheritdoc cref="ContourSidecar.OtherParameters"/>
    // settable: System.Text.Json fills extension data after construction, which an init-only member would take part in
    [JsonExtensionData] public Dictionary<string, JsonElement>? OtherParameters { get; set; }
}

/// <summary>A frame of a sweep: its words and its certified w* at its λ (and t).</summary>
public sealed record SweepFrameSidecar : CertifiedAnswer
{
    /// <summary>The frame's index.</summary>
    public required int Index { get; init; }
    /// <summary>The frame in one sentence.</summary>
    public required string Alt { get; init; }
    /// <summary>The frame's caption.</summary>
    public required string Caption { get; init; }
    /// <summary>λ (the equivalent λ of a radius sweep).</summary>
    public required double Lambda { get; init; }
    /// <summary>t of a radius sweep; absent for a λ sweep.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Radius { get; init; }
    /// <summary>w*.</summary>
    public required IReadOnlyList<double> Weights { get; init; }
    /// <summary>For each weight, whether it is exactly 0.</summary>
    public required IReadOnlyList<bool> Zero { get; init; }
    /// <summary>The intercept b.</summary>
    public required double Intercept { get; init; }
    /// <summary>J(w*).</summary>
    public required double Objective { get; init; }
    /// <summary>D(w*).</summary>
    public required double DataTerm { get; init; }
    /// <summary>P(w*).</summary>
    public required double Penalty { get; init; }
    /// <summary>The frame's layout report (animate; absent for explore).</summary>
    [JsonPropertyOrder(200), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public LayoutSidecar? Layout { get; init; }
}

/// <summary><c>regviz animate --trace --json</c>: an optimiser's iterates, frame by frame.</summary>
public sealed record TraceSidecar
{
    /// <inheritdoc cref="SweepSidecar.Alt"/>
    public required string Alt { get; init; }
    /// <inheritdoc cref="SweepSidecar.Caption"/>
    public required string Caption { get; init; }
    /// <inheritdoc cref="ContourSidecar.Norm"/>
    public required string Norm { get; init; }
    /// <inheritdoc cref="ContourSidecar.Alpha"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Alpha { get; init; }
    /// <inheritdoc cref="ContourSidecar.P"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? P { get; init; }
    /// <inheritdoc cref="ContourSidecar.Gamma"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Gamma { get; init; }
    /// <inheritdoc cref="ContourSidecar.Features"/>
    public required IReadOnlyList<string> Features { get; init; }
    /// <summary>"trace".</summary>
    public required string Sweep { get; init; }
    /// <inheritdoc cref="SweepSidecar.StillFrame"/>
    public required int StillFrame { get; init; }
    /// <inheritdoc cref="ContourSidecar.Range"/>
    public required PlaneRangeSidecar Range { get; init; }
    /// <inheritdoc cref="SweepSidecar.Fps"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Fps { get; init; }
    /// <inheritdoc cref="SweepSidecar.Hold"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Hold { get; init; }
    /// <inheritdoc cref="SweepSidecar.Unregularised"/>
    public required IReadOnlyList<double>? Unregularised { get; init; }
    /// <summary>The optimiser: gd, ista, fista or cd.</summary>
    public required string TraceMethod { get; init; }
    /// <summary>Its step size.</summary>
    public required double TraceStep { get; init; }
    /// <summary>Whether it diverged.</summary>
    public required bool TraceDiverged { get; init; }
    /// <summary>The optimum the iterates head for, certified.</summary>
    public required SweepOptimumSidecar Optimum { get; init; }
    /// <summary>One per frame.</summary>
    public required IReadOnlyList<TraceFrameSidecar> Frames { get; init; }
    /// <inheritdoc cref="ContourSidecar.OtherParameters"/>
    // settable: System.Text.Json fills extension data after construction, which an init-only member would take part in
    [JsonExtensionData] public Dictionary<string, JsonElement>? OtherParameters { get; set; }
}

/// <summary>The optimum of a trace's problem: λ, w*, which weights are 0, J, D, P and its certificate.</summary>
public sealed record SweepOptimumSidecar : CertifiedAnswer
{
    /// <summary>λ.</summary>
    public required double Lambda { get; init; }
    /// <summary>w*.</summary>
    public required IReadOnlyList<double> Weights { get; init; }
    /// <inheritdoc cref="SweepFrameSidecar.Zero"/>
    public required IReadOnlyList<bool> Zero { get; init; }
    /// <summary>The intercept b.</summary>
    public required double Intercept { get; init; }
    /// <summary>J(w*).</summary>
    public required double Objective { get; init; }
    /// <summary>D(w*).</summary>
    public required double DataTerm { get; init; }
    /// <summary>P(w*).</summary>
    public required double Penalty { get; init; }
}

/// <summary>
/// A frame of a trace: frames are paced by distance travelled, so each names the last iterate shown whole and where
/// the line has got to beyond it.
/// </summary>
public sealed record TraceFrameSidecar
{
    /// <inheritdoc cref="SweepFrameSidecar.Index"/>
    public required int Index { get; init; }
    /// <inheritdoc cref="SweepFrameSidecar.Alt"/>
    public required string Alt { get; init; }
    /// <inheritdoc cref="SweepFrameSidecar.Caption"/>
    public required string Caption { get; init; }
    /// <summary>The last iterate shown whole.</summary>
    public required int Iterate { get; init; }
    /// <summary>Its weights.</summary>
    public required IReadOnlyList<double> Weights { get; init; }
    /// <summary>Where the line has got to beyond it, or null at an iterate.</summary>
    public required IReadOnlyList<double>? Pen { get; init; }
    /// <inheritdoc cref="SweepFrameSidecar.Layout"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public LayoutSidecar? Layout { get; init; }
}
