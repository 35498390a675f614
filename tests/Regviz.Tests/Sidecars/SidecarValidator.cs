using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;
using Xunit;

namespace Regviz.Tests.Sidecars;

/// <summary>Validates a sidecar against its kind's committed schema (docs/schema) with JsonSchema.Net, a real 2020-12 validator.</summary>
internal static class SidecarValidator
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    /// <summary>Why <paramref name="json"/> is not a valid <paramref name="kind"/> sidecar, one line each; empty when it is.</summary>
    public static IReadOnlyList<string> Errors(string kind, string json)
    {
        // each schema in its own registry: the suite's threads would otherwise race to register one $id twice
        var schema = Schemas.GetOrAdd(kind, k => JsonSchema.FromText(File.ReadAllText(SidecarSchemas.PathOf(k)), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));
        using var doc = JsonDocument.Parse(json);
        var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).ToList();
        return errors.Count > 0 ? errors : ["invalid (no detail)"];
    }

    public static void AssertValid(string kind, string json, string what)
    {
        var errors = Errors(kind, json);
        Assert.True(errors.Count == 0, $"{what}: the {kind} sidecar does not match docs/schema/{kind}.schema.json:\n  {string.Join("\n  ", errors.Take(10))}");
    }
}
