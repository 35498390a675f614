using System.Text;
using System.Text.Json;
using CsCheck;
using Regviz.Core.Penalties;
using Regviz.Core.Sidecars;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Sidecars;

/// <summary>
/// Every kind of sidecar the CLI writes validates against its schema in docs/schema, and reads back as its record
/// and writes again to the same bytes (so the record holds every member the tool writes): a fixed list that covers
/// every kind and its variants, and generated command lines over commands, penalties, forms and options.
/// </summary>
public class SidecarValidationTests : Support.ScratchFolder
{
    private static readonly string[] Small = ["--size", "240", "--grid", "40"];
    private static string Golden(string name) => Support.Repository.Path("samples", "classics", "golden", name);

    public static TheoryData<string, string[]> EveryKind() => new()
    {
        { "contour", ["contour", "--norm", "l1", "--lambda", "0.5"] },
        { "contour", ["contour", "--norm", "l2", "--lambda", "0.3", "--intercept"] },
        { "contour", ["contour", "--norm", "enet", "--alpha", "0.3", "--radius", "1"] },
        { "contour", ["contour", "--norm", "mcp", "--lambda", "0.4"] },
        { "contour", ["contour", "--norm", "scad", "--loss", "logistic", "--lambda", "0.05"] },
        { "contour", ["contour", "--norm", "lp", "--p", "1.5", "--centre", "1,2", "--hessian", "2,0.5,1", "--lambda", "0.5"] },
        { "contour", ["contour", "--norm", "l1", "--trace", "ista", "--steps", "5", "--lambda", "0.5"] },
        { "contour", ["contour", "--norm", "l1", "--path", "--lambda", "0.5", "--no-legend"] },
        { "contour", ["contour", "--model", "tanh", "--norm", "l2", "--lambda", "0.1"] },
        { "contour-panels", ["contour", "--norm", "l1,l2,enet", "--lambda", "0.5"] },
        { "contour-panels", ["contour", "--norm", "enet", "--alpha", "0.2,0.8", "--lambda", "0.5"] },
        { "contour-panels", ["contour", "--norm", "l1,l2", "--overlay", "--lambda", "0.5"] },
        { "norm", ["norm", "--norm", "mcp"] },
        { "norm-panels", ["norm", "--norm", "l1,l2,lp"] },
        { "norm-panels", ["norm", "--norm", "l1,linf", "--overlay"] },
        { "path", ["path", "--norm", "l1", "--mark", "0.1"] },
        { "path", ["path", "--norm", "l2", "--xvar", "fraction", "--mark", "0.5"] },
        { "path", ["path", "--data", Support.Repository.Path("samples", "data", "diabetes.csv"), "--standardize", "--norm", "enet", "--intercept", "--xvar", "norm"] },
        { "path", ["path", "--norm", "l1", "--loss", "logistic"] },
        { "shrink", ["shrink", "--norm", "l1,l2,enet,mcp", "--lambda", "1", "--objective", "2"] },
        { "sparsity", ["sparsity", "--norms", "l1,l2", "--trials", "50"] },
        { "sparsity", ["sparsity", "--norms", "l1,enet", "--trials", "50", "--lambda", "0.5"] },
        { "sweep", ["animate", "--norm", "l1", "--frames", "3"] },
        { "sweep", ["animate", "--norm", "l2", "--sweep", "radius", "--frames", "3"] },
        { "trace", ["animate", "--norm", "l1", "--trace", "fista", "--steps", "4"] },
        { "threed", ["animate", "--rotate", "90", "--figure", "ball", "--norm", "l1,l2", "--frames", "2"] },
        { "threed", ["animate", "--rotate", "90", "--frames", "2"] },
        { "threed", ["surface", "--norm", "l1", "--lambda", "0.5"] },
        { "threed", ["ball", "--norm", "l1,l2,enet"] },
        { "solve", ["solve", "--norm", "enet", "--loss", "logistic", "--intercept", "--lambda", "0.01"] },
        { "solve", ["solve", "--norm", "l2", "--radius", "1"] },
        { "solve", ["solve", "--data", Support.Repository.Path("samples", "data", "diabetes.csv"), "--norm", "scad", "--lambda", "0.5"] },
        { "live", ["explore", "--norm", "l1,l2"] },
        { "sweep", ["explore", "--norm", "l1", "--loss", "logistic", "--frames", "3"] },
        { "compare", ["compare", Golden("esl-3.11.png"), Golden("esl-3.12.png")] },
        { "compare", ["compare", Golden("esl-3.11.png"), Golden("esl-3.11.png")] },
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_kind_of_sidecar_matches_its_schema(string kind, string[] args)
    {
        string json = Run(args, out var result);
        Assert.True(result.ExitCode is 0 or 1, result.Stderr); // compare says 1 for "different"
        Check(kind, json, string.Join(' ', args));
    }

    [Fact]
    public void The_batch_summary_matches_its_schema()
    {
        string manifest = Path.Combine(Dir, "figures.yaml");
        File.WriteAllText(manifest, "figures:\n  - out: a.png\n    args: norm --norm l1 --size 200\n  - out: b.png\n    args: contour --norm nonesuch\n");
        Directory.CreateDirectory(Path.Combine(Dir, "golden"));
        string summary = Path.Combine(Dir, "summary.json");
        var r = CliRunner.Run("batch", manifest, "--check", Path.Combine(Dir, "golden"), "--out", Path.Combine(Dir, "out"), "--summary", summary);
        Assert.NotEqual(0, r.ExitCode); // a missing golden and a figure that cannot be made
        string json = File.ReadAllText(summary);
        Assert.Contains("\"missing\"", json);
        Assert.Contains("\"error\"", json);
        Check("batch-summary", json, "batch --summary");
    }

    private static readonly string[] Forms = ["--lambda", "--radius"];

    /// <summary>Generated command lines: a sidecar written is valid; a refusal is one error line and no sidecar.</summary>
    [Fact]
    public void Generated_command_lines_write_valid_sidecars()
    {
        var norms = PenaltyCatalogue.Names.Where(n => n != "group").ToArray();
        var gen = Gen.Select(
            Gen.Int[0, 6], Gen.Int[0, norms.Length - 1], Gen.Int[0, norms.Length - 1], Gen.Bool, Gen.Double[0.01, 2],
            Gen.Select(Gen.Bool, Gen.Int[0, 2], Gen.Int[0, 1]));
        gen.Sample((command, n1, n2, two, value, more) =>
        {
            var (intercept, loss, form) = more;
            bool panels = two && n1 != n2;
            string norm = panels ? $"{norms[n1]},{norms[n2]}" : norms[n1];
            string formFlag = Forms[form];
            string v = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            string[] problem = [.. intercept ? ["--intercept"] : Array.Empty<string>(), "--loss", new[] { "mse", "sse", "logistic" }[loss]];
            (string kind, string[] args) = command switch
            {
                0 => (panels ? "contour-panels" : "contour", (string[])["contour", "--norm", norm, formFlag, v, .. problem]),
                1 => (panels ? "norm-panels" : "norm", ["norm", "--norm", norm]),
                2 => ("path", ["path", "--norm", norms[n1], "--count", "12", .. problem]),
                3 => ("solve", ["solve", "--norm", norms[n1], formFlag, v, .. problem]),
                4 => ("shrink", ["shrink", "--norm", norm, "--lambda", v]),
                5 => ("sweep", ["animate", "--norm", norms[n1], "--frames", "2", .. problem]),
                _ => ("threed", ["surface", "--norm", norms[n1], formFlag, v, .. problem]),
            };
            string target = Path.Combine(Dir, $"{Guid.NewGuid():n}.json");
            string[] full = [.. args, .. args[0] switch { "solve" => [], "path" or "shrink" => ["--size", "240"], _ => Small }, .. args[0] == "solve" ? [] : (string[])["-o", Path.Combine(Dir, $"{Guid.NewGuid():n}.png")], "--json", target];
            var r = CliRunner.Run(full);
            if (r.ExitCode == 2)
            {
                // a combination the command refuses (mcp with --radius, say): said in one line, no sidecar left behind
                Assert.Single(r.ErrorLines);
                Assert.StartsWith("error: ", r.Stderr);
                Assert.False(File.Exists(target));
                return;
            }
            Assert.True(r.ExitCode == 0, $"{string.Join(' ', full)}: {r.Stderr}");
            Check(kind, File.ReadAllText(target), string.Join(' ', full));
        }, iter: 30, threads: 1);
    }

    private string Run(string[] args, out CliRunner.Result result)
    {
        string target = Path.Combine(Dir, "sidecar.json");
        string[] output = args[0] switch
        {
            "solve" or "compare" => [],
            "explore" => ["-o", Path.Combine(Dir, "page.html")],
            "ball" or "surface" => ["-o", Path.Combine(Dir, "figure.png"), "--size", "240"],
            "animate" or "sparsity" or "path" or "shrink" => ["-o", Path.Combine(Dir, "figure.png"), "--size", "240"],
            _ => ["-o", Path.Combine(Dir, "figure.png"), .. Small],
        };
        result = CliRunner.Run([.. args, .. output, "--json", target]);
        Assert.True(File.Exists(target), $"{string.Join(' ', args)} wrote no sidecar: {result.Stderr}");
        return File.ReadAllText(target);
    }

    /// <summary>Valid against the schema, and read as its record it writes the same bytes again.</summary>
    private static void Check(string kind, string json, string what)
    {
        SidecarValidator.AssertValid(kind, json, what);
        var type = SidecarSchemas.Kinds.Single(k => k.Name == kind).Type;
        object record = JsonSerializer.Deserialize(json, type, Sidecar.Options)!;
        string again = JsonSerializer.Serialize(record, type, Sidecar.Options);
        Assert.True(json.TrimEnd('\n') == again, $"{what}: the {type.Name} read back writes other bytes");
    }
}
