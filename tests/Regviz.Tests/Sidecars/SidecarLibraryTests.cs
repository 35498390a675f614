using System.Text.Json;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.Certificates;
using Regviz.Core.Sidecars;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Sidecars;

/// <summary>What docs/library.md and docs/sidecars.md say of the sidecar records: a script reads them as types, and the writer refuses what JSON cannot hold.</summary>
public class SidecarLibraryTests : Support.ScratchFolder
{
    [Fact]
    public void A_script_reads_a_contour_sidecar_as_its_record()
    {
        string path = Path.Combine(Dir, "contour.json");
        var r = CliRunner.Run("contour", "--norm", "l1", "--lambda", "0.5", "--size", "240", "--grid", "40", "-o", Path.Combine(Dir, "c.png"), "--json", path);
        Assert.True(r.ExitCode == 0, r.Stderr);

        // docs/library.md's snippet
        using var file = File.OpenRead(path);
        ContourSidecar c = Sidecar.Read<ContourSidecar>(file);
        IReadOnlyList<double> w = c.Optimum.Weights;
        bool certified = c.Optimum.Certified == true;

        // the same numbers as the file read as plain JSON
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var optimum = doc.RootElement.GetProperty("optimum");
        Assert.Equal(optimum.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()), w);
        Assert.Equal(optimum.GetProperty("certified").GetBoolean(), certified);
        Assert.True(certified);
        Assert.Equal(0, w[1]); // the lasso's corner at λ = 0.5 (docs/sidecars.md's example)
        Assert.NotNull(c.Layout);
        Assert.Contains(c.Layout!.Texts, t => t.Role == "title");
    }

    [Fact]
    public void Sidecar_write_gives_the_bytes_the_tool_writes()
    {
        string path = Path.Combine(Dir, "solve.json");
        var r = CliRunner.Run("solve", "--norm", "enet", "--alpha", "0.3", "--lambda", "0.2", "--json", path);
        Assert.True(r.ExitCode == 0, r.Stderr);
        byte[] written = File.ReadAllBytes(path);
        var solve = Sidecar.Read<SolveSidecar>(written);
        Assert.Equal(0.3, solve.Alpha);
        Assert.Null(solve.P);
        using var again = new MemoryStream();
        Sidecar.Write(again, solve);
        Assert.Equal(written[..^1], again.ToArray()); // the file ends with a newline
    }

    [Theory]
    [InlineData("\"rows\": 60,", "")]
    [InlineData("\"weights\": [1, 0]", "\"weights\": \"1, 0\"")]
    public void A_file_that_is_not_the_record_throws_a_json_exception(string from, string to)
    {
        const string json = """
            {"norm": "l1", "lambda": 0.5, "features": ["x1", "x2"], "weights": [1, 0], "intercept": 0, "objective": 0.3,
             "data_term": 0.2, "penalty": 1, "loss": "mse", "rows": 60, "method": "exact", "kkt": 0, "certified": true,
             "duality_gap": 0, "duality_gap_relative": 0, "objective_bound": null, "strong_convexity": null,
             "weight_bound": null, "weights_certified": false}
            """;
        Assert.Equal(60, Sidecar.Read<SolveSidecar>(System.Text.Encoding.UTF8.GetBytes(json)).Rows);
        Assert.Throws<JsonException>(() => Sidecar.Read<SolveSidecar>(System.Text.Encoding.UTF8.GetBytes(json.Replace(from, to))));
    }

    private static SolveSidecar Solve(double objective, double weight) => new()
    {
        Norm = "l1", Lambda = 0.5, Features = ["x1", "x2"], Weights = [weight, 0], Intercept = 0, Objective = objective,
        DataTerm = 0.2, Penalty = 1, Loss = "mse", Rows = 60, Method = "exact",
    };

    [Theory]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(0.3, double.NaN)]
    [InlineData(0.3, double.NegativeInfinity)]
    public void A_number_json_cannot_hold_is_refused_by_type_and_the_tool_says_so_in_one_line(double objective, double weight)
    {
        Assert.NotEmpty(Sidecar.ToBytes(Solve(0.3, 1)));
        Assert.Throws<NonFiniteNumberException>(() => Sidecar.ToBytes(Solve(objective, weight)));
        string target = Path.Combine(Dir, "s.json");
        var e = Assert.Throws<InputException>(() => JsonOut.Write(target, TextWriter.Null, Solve(objective, weight)));
        Assert.StartsWith("--json: a number of the result is not finite", e.Message);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void An_unbounded_kkt_residual_is_written_as_the_largest_double()
    {
        var s = CertifiedAnswer.With(Solve(0.3, 1), new Certificate(double.PositiveInfinity, false));
        Assert.Equal(double.MaxValue, s.Kkt);
        using var doc = JsonDocument.Parse(Sidecar.ToBytes(s));
        Assert.Equal(double.MaxValue, doc.RootElement.GetProperty("kkt").GetDouble());
        Assert.False(doc.RootElement.GetProperty("certified").GetBoolean());
    }
}
