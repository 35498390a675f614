using System.Text.Json;
using System.Text.Json.Serialization;

namespace Regviz.Core.Sidecars;

/// <summary>The source-generated contracts of every sidecar type (<see cref="Sidecar.Options"/> is the way in).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    WriteIndented = true,
    Converters = [typeof(FiniteNumberConverter)])]
[JsonSerializable(typeof(SolveSidecar))]
[JsonSerializable(typeof(ContourSidecar))]
[JsonSerializable(typeof(NormSidecar))]
[JsonSerializable(typeof(PathSidecar))]
[JsonSerializable(typeof(PanelSidecar<ContourSidecar>))]
[JsonSerializable(typeof(PanelSidecar<NormSidecar>))]
[JsonSerializable(typeof(ShrinkSidecar))]
[JsonSerializable(typeof(SparsitySidecar))]
[JsonSerializable(typeof(SweepSidecar))]
[JsonSerializable(typeof(TraceSidecar))]
[JsonSerializable(typeof(ThreeDSidecar))]
[JsonSerializable(typeof(CompareSidecar))]
[JsonSerializable(typeof(LiveSidecar))]
[JsonSerializable(typeof(BatchSummarySidecar))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class SidecarJsonContext : JsonSerializerContext;
