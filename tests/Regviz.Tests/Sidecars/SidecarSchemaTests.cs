using System.Text.Json.Nodes;
using Xunit;

namespace Regviz.Tests.Sidecars;

/// <summary>
/// docs/schema holds the schema of every sidecar kind, generated from the records the tool writes with: a change to
/// a record that is not regenerated fails here, so the docs cannot drift; and the validator the suite uses rejects a
/// sidecar of the wrong shape, so a sidecar that passes it says something.
/// </summary>
public class SidecarSchemaTests
{
    [Fact]
    public void Committed_schemas_are_the_ones_the_records_generate()
    {
        bool update = Environment.GetEnvironmentVariable("REGVIZ_UPDATE_GOLDENS") == "1";
        var stale = new List<string>();
        foreach (var (name, type, what) in SidecarSchemas.Kinds)
        {
            string generated = SidecarSchemas.Generate(name, type, what);
            string path = SidecarSchemas.PathOf(name);
            if (update)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, generated);
            }
            else if (!File.Exists(path) || File.ReadAllText(path) != generated) stale.Add(Path.GetRelativePath(Support.Repository.Root, path));
        }
        string[] committed = [.. Directory.GetFiles(Support.Repository.Path("docs", "schema"), "*.schema.json").Select(Path.GetFileName).Order()!];
        Assert.Equal(SidecarSchemas.Kinds.Select(k => $"{k.Name}.schema.json").Order(), committed);
        Assert.True(stale.Count == 0, $"{string.Join(", ", stale)} differ from the sidecar records; regenerate with " +
            "REGVIZ_UPDATE_GOLDENS=1 dotnet test tests/Regviz.Tests --filter FullyQualifiedName~SidecarSchemaTests, and review the diff");
    }

    [Fact]
    public void Docs_name_every_schema_and_its_record()
    {
        string docs = File.ReadAllText(Support.Repository.Path("docs", "sidecars.md"));
        foreach (var (name, type, _) in SidecarSchemas.Kinds)
            Assert.Contains($"| `{name}.schema.json` | `{(type.IsGenericType ? $"PanelSidecar<{type.GetGenericArguments()[0].Name}>" : type.Name)}` |", docs);
    }

    [Fact]
    public void Schemas_mark_the_members_every_sidecar_has_as_required()
    {
        var solve = JsonNode.Parse(File.ReadAllText(SidecarSchemas.PathOf("solve")))!;
        string[] required = [.. solve["required"]!.AsArray().Select(n => n!.GetValue<string>())];
        foreach (string member in new[] { "norm", "lambda", "features", "weights", "intercept", "objective", "data_term", "penalty", "loss", "rows", "method", "kkt", "certified", "weights_certified" })
            Assert.Contains(member, required);
        Assert.DoesNotContain("radius", required);
        Assert.DoesNotContain("alpha", required);
    }

    private const string Solve = """
        {"norm": "l1", "lambda": 0.5, "features": ["x1", "x2"], "weights": [1.2, 0], "intercept": 0, "objective": 0.3,
         "data_term": 0.2, "penalty": 1.2, "loss": "mse", "rows": 60, "method": "exact", "kkt": 0, "certified": true,
         "duality_gap": 0, "duality_gap_relative": 0, "objective_bound": null, "strong_convexity": null, "weight_bound": null,
         "weights_certified": false}
        """;

    [Fact]
    public void The_validator_accepts_a_well_formed_sidecar() => Assert.Empty(SidecarValidator.Errors("solve", Solve));

    [Theory]
    [InlineData("\"weights\": [1.2, 0]", "\"weights\": \"1.2, 0\"")] // a wrong type
    [InlineData("\"weights\": [1.2, 0]", "\"weights\": [1.2, \"0\"]")] // a wrong element type
    [InlineData("\"rows\": 60,", "")] // a required member missing
    [InlineData("\"kkt\": 0, ", "")] // the certificate's members come together
    [InlineData("\"certified\": true,", "\"certified\": null,")] // an always-certified answer has a verdict
    [InlineData("\"alpha\"", "\"alpha\"")] // placeholder replaced below: a penalty parameter must be a number
    public void The_validator_rejects_a_sidecar_of_the_wrong_shape(string from, string to)
    {
        string json = from == "\"alpha\"" ? Solve.Replace("\"rows\"", "\"knee\": \"wide\", \"rows\"") : Solve.Replace(from, to);
        Assert.NotEqual(Solve, json);
        Assert.NotEmpty(SidecarValidator.Errors("solve", json));
    }

    [Fact]
    public void The_validator_rejects_a_member_no_record_declares()
    {
        // a sidecar without penalty parameters takes no member it does not declare (a misspelt one, say)
        const string compare = """{"rms": 1.5, "different_pixels": 3, "width": 10, "height": 10, "sizes_differ": false, "tolerance": 0}""";
        Assert.Empty(SidecarValidator.Errors("compare", compare));
        Assert.NotEmpty(SidecarValidator.Errors("compare", compare.Replace("\"rms\"", "\"rmss\"")));
        Assert.NotEmpty(SidecarValidator.Errors("compare", compare.Replace("}", ", \"note\": \"x\"}")));
    }
}
