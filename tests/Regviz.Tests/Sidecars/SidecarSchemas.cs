using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Regviz.Core.Sidecars;
using Regviz.Tests.Support;

namespace Regviz.Tests.Sidecars;

/// <summary>
/// docs/schema/KIND.schema.json, generated from the sidecar records with System.Text.Json's JsonSchemaExporter (the
/// contracts the tool writes with), tightened where the exporter cannot see the rules: a sidecar number is a number
/// (the writer refuses infinities), a certificate's members come together, members a type does not declare are
/// refused. Regenerate: REGVIZ_UPDATE_GOLDENS=1 dotnet test tests/Regviz.Tests --filter FullyQualifiedName~SidecarSchemaTests
/// </summary>
internal static class SidecarSchemas
{
    /// <summary>Every kind of sidecar, by its schema's file name.</summary>
    public static readonly IReadOnlyList<(string Name, Type Type, string What)> Kinds =
    [
        ("solve", typeof(SolveSidecar), "regviz solve --json"),
        ("contour", typeof(ContourSidecar), "regviz contour --json (one figure)"),
        ("contour-panels", typeof(PanelSidecar<ContourSidecar>), "regviz contour --json with a comma list (panels) or --overlay"),
        ("norm", typeof(NormSidecar), "regviz norm --json (one figure)"),
        ("norm-panels", typeof(PanelSidecar<NormSidecar>), "regviz norm --json with a comma list (panels) or --overlay"),
        ("path", typeof(PathSidecar), "regviz path --json"),
        ("shrink", typeof(ShrinkSidecar), "regviz shrink --json"),
        ("sparsity", typeof(SparsitySidecar), "regviz sparsity --json"),
        ("sweep", typeof(SweepSidecar), "regviz animate --json (a λ or t sweep) and explore --page frames --json"),
        ("trace", typeof(TraceSidecar), "regviz animate --trace --json"),
        ("threed", typeof(ThreeDSidecar), "regviz ball, surface and animate --rotate --json"),
        ("live", typeof(LiveSidecar), "regviz explore --json of a live page"),
        ("compare", typeof(CompareSidecar), "regviz compare --json"),
        ("batch-summary", typeof(BatchSummarySidecar), "regviz batch --check --summary"),
    ];

    public static string PathOf(string name) => Repository.Path("docs", "schema", $"{name}.schema.json");

    /// <summary>The schema of <paramref name="type"/> as committed (UTF-8, two-space indent, a final newline).</summary>
    public static string Generate(string name, Type type, string what)
    {
        var options = new JsonSchemaExporterOptions { TransformSchemaNode = Tighten, TreatNullObliviousAsNonNullable = true };
        var body = JsonSchemaExporter.GetJsonSchemaAsNode(Sidecar.Options, type, options).AsObject();
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://regviz.invalid/schema/{name}.schema.json",
            ["title"] = $"{type.Name.Replace("`1", "")}: {what}",
            ["description"] = $"Generated from Regviz.Core.Sidecars.{type.Name.Replace("`1", "")} by tests/Regviz.Tests/Sidecars/SidecarSchemas.cs; do not edit.",
        };
        foreach (var (key, value) in body) schema[key] = value?.DeepClone();
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonNode Tighten(JsonSchemaExporterContext context, JsonNode schema)
    {
        var info = context.TypeInfo;
        // the one converter of sidecar doubles (it refuses infinities) is opaque to the exporter: it writes numbers
        if (info.Type == typeof(double)) return Typed(schema, "number", nullable: false);
        if (info.Type == typeof(double?)) return Typed(schema, "number", nullable: true);
        // and a list of them is a list of numbers (the exporter leaves the opaque items out); the one list of JSON
        // elements, a panel figure's values, holds penalty names or numbers
        if (info.Kind == JsonTypeInfoKind.Enumerable && schema is JsonObject list && (info.ElementType == typeof(double) || info.ElementType == typeof(JsonElement)))
        {
            list["items"] = info.ElementType == typeof(double) ? new JsonObject { ["type"] = "number" } : new JsonObject { ["type"] = new JsonArray("string", "number") };
            return list;
        }
        // a type met again is a $ref to its first schema, which carries the rules already
        if (info.Kind != JsonTypeInfoKind.Object || schema is not JsonObject o || o.ContainsKey("$ref")) return schema;
        if (typeof(CertifiedAnswer).IsAssignableFrom(info.Type)) Certificate(o, info.Type);
        // a member the type does not declare is refused; a penalty parameter without a member of its own is a number
        o["additionalProperties"] = info.Properties.Any(p => p.IsExtensionData)
            ? new JsonObject { ["type"] = "number" }
            : false;
        return o;
    }

    /// <summary>
    /// The certificate's members are all there or none: when kkt is, so is each member but norm_gap; and where an
    /// answer always has a certificate, kkt, certified and weights_certified are required and not null.
    /// </summary>
    private static void Certificate(JsonObject o, Type type)
    {
        string[] together = [.. CertifiedAnswer.MemberNames.Where(n => n != "norm_gap")];
        o["dependentRequired"] = new JsonObject { ["kkt"] = new JsonArray([.. together.Where(n => n != "kkt").Select(n => (JsonNode)n)]) };
        if (CertifiedAnswer.MayHaveNone.Contains(type)) return;
        var required = o["required"] as JsonArray ?? [];
        foreach (string n in together)
            if (!required.Any(r => r!.GetValue<string>() == n)) required.Add(n);
        o["required"] = required;
        var properties = o["properties"]!.AsObject();
        properties["kkt"] = new JsonObject { ["type"] = "number" };
        properties["certified"] = new JsonObject { ["type"] = "boolean" };
        properties["weights_certified"] = new JsonObject { ["type"] = "boolean" };
    }

    private static JsonNode Typed(JsonNode schema, string type, bool nullable)
    {
        var o = schema as JsonObject ?? [];
        o["type"] = nullable ? new JsonArray(type, "null") : type;
        return o;
    }
}
