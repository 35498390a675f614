using System.Text.Json;
using Regviz.Tests.Core;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>--norm mcp|scad with --gamma, and --model tanh, through the command line.</summary>
[Collection(Support.CurrentDirectory.Collection)]
public class NonConvexCliTests : Support.ScratchFolder
{
    private static readonly string[] Small = ["--size", "300x300", "--grid", "60"];

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["solve", "--norm", "mcp", "--radius", "1"], "--radius: mcp has no constrained form (its shape depends on λ); use --lambda" },
        { ["contour", "--norm", "scad", "--radius", "0.5"], "--radius: scad has no constrained form" },
        { ["solve", "--norm", "mcp", "--gamma", "1"], "--gamma: 1 must be a finite number > 1 for mcp" },
        { ["solve", "--norm", "mcp", "--gamma", "-3"], "--gamma: -3 must be a finite number > 1 for mcp" },
        { ["solve", "--norm", "scad", "--gamma", "2"], "--gamma: 2 must be a finite number > 2 for scad" },
        { ["norm", "--norm", "scad", "--gamma", "1.5"], "--gamma: 1.5 must be a finite number > 2 for scad" },
        { ["solve", "--norm", "mcp", "--gamma", "abc"], "--gamma: 'abc' is not a number" },
        { ["solve", "--norm", "mcp", "--gamma", "Infinity"], "--gamma: 'Infinity' is not finite" },
        { ["solve", "--model", "tanh", "--data", "DIABETES"], "--model tanh: f(x; w) = w1·tanh(w2·x) takes exactly one feature column, the data has 10" },
        { ["solve", "--model", "tanh", "--norm", "mcp", "--lambda", "0.3"], "--lambda 0.3: J = D + λP has no minimum here" },
        { ["path", "--model", "tanh"], "∇D(0) = 0: the model is flat at w = 0" },
        { ["sparsity", "--norms", "l1,mcp", "--trials", "10"], "--norms: mcp has no ball to draw (its shape depends on λ); give --lambda" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_one_error_line_and_exit_2(string[] args, string expected)
    {
        var full = args.Select(a => a == "DIABETES" ? DiabetesTests.CsvPath : a).ToList();
        if (full[0] != "solve") full.AddRange(["--out", Path.Combine(Dir, "x.png")]);
        var r = CliRunner.Run([.. full]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, Assert.Single(r.ErrorLines));
        Assert.Empty(Directory.GetFiles(Dir));
    }

    [Theory]
    [InlineData("mcp", null, 3.0)]
    [InlineData("scad", null, 3.7)]
    [InlineData("mcp", "1.5", 1.5)]
    [InlineData("scad", "5", 5.0)]
    public void Solve_json_has_gamma_its_default_and_a_stationary_certificate(string norm, string? gamma, double expected)
    {
        string[] args = ["solve", "--norm", norm, "--lambda", "0.4", "--json", "-"];
        if (gamma is not null) args = [.. args, "--gamma", gamma];
        var r = CliRunner.Run(args);
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(norm, root.GetProperty("norm").GetString());
        Assert.Equal(expected, root.GetProperty("gamma").GetDouble());
        Assert.True(root.GetProperty("certified").GetBoolean());
        Assert.Contains("global search over the plane", root.GetProperty("method").GetString());
        // J = D + Σ p(w_j) = D + λP
        var w = root.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double sum = w.Sum(x => norm == "mcp" ? NonConvexPenaltyTests.Mcp(x, 0.4, expected) : NonConvexPenaltyTests.Scad(x, 0.4, expected));
        Assert.Equal(root.GetProperty("data_term").GetDouble() + sum, root.GetProperty("objective").GetDouble(), 1e-12);
        Assert.Equal(sum, 0.4 * root.GetProperty("penalty").GetDouble(), 1e-12);
    }

    [Fact]
    public void Table_says_stationary_and_names_gamma()
    {
        var r = CliRunner.Run("solve", "--norm", "scad", "--lambda", "0.4");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("scad (γ = 3.7), λ = 0.4", r.Stdout);
        Assert.Matches(@"x2\s+0\n", r.Stdout);
        Assert.Contains("certified stationary", r.Stdout);
    }

    [Fact]
    public void Sidecars_name_gamma_and_the_norm_figure_its_lambda()
    {
        string contour = Path.Combine(Dir, "c.json"), norm = Path.Combine(Dir, "n.json"), path = Path.Combine(Dir, "p.json");
        Assert.Equal(0, CliRunner.Run(["contour", "--norm", "mcp", "--gamma", "2.5", "--json", contour, "--out", Path.Combine(Dir, "c.png"), .. Small]).ExitCode);
        Assert.Equal(0, CliRunner.Run(["norm", "--norm", "scad", "--json", norm, "--out", Path.Combine(Dir, "n.png"), .. Small]).ExitCode);
        Assert.Equal(0, CliRunner.Run("path", "--norm", "mcp", "--count", "10", "--json", path, "--out", Path.Combine(Dir, "p.png"), "--size", "300x300").ExitCode);
        using var c = JsonDocument.Parse(File.ReadAllText(contour));
        Assert.Equal("mcp", c.RootElement.GetProperty("norm").GetString());
        Assert.Equal(2.5, c.RootElement.GetProperty("gamma").GetDouble());
        using var n = JsonDocument.Parse(File.ReadAllText(norm));
        Assert.Equal(3.7, n.RootElement.GetProperty("gamma").GetDouble());
        Assert.Equal(1.0, n.RootElement.GetProperty("lambda").GetDouble());
        using var p = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(3.0, p.RootElement.GetProperty("gamma").GetDouble());
        Assert.All(p.RootElement.GetProperty("points").EnumerateArray(), pt => Assert.True(pt.GetProperty("certified").GetBoolean()));
        // the path starts at λ_max = ‖∇D(0)‖∞, where w = 0
        var first = p.RootElement.GetProperty("points")[0].GetProperty("weights").EnumerateArray().Select(e => e.GetDouble());
        Assert.All(first, v => Assert.Equal(0.0, v));
    }

    [Theory]
    [InlineData("contour-mcp-gamma3-lambda0.5.png", "contour", "--norm", "mcp")]
    [InlineData("contour-scad-gamma4-lambda0.4.png", "contour", "--norm", "scad", "--gamma", "4", "--lambda", "0.4")]
    [InlineData("norm-mcp-gamma3.png", "norm", "--norm", "mcp")]
    [InlineData("contour-l1-tanh-lambda0.1.png", "contour", "--model", "tanh", "--lambda", "0.1")]
    public void Default_names_carry_gamma_like_every_penalty_parameter(string expected, params string[] args)
    {
        // γ always has a value (the penalty's default when not given), as α and p do: the name always says it
        string old = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Dir;
            var r = CliRunner.Run([.. args, .. Small]);
            Assert.True(r.ExitCode == 0, r.Stderr);
            string name = Support.DefaultName.AssertSuffixed(expected, r.Stdout.Trim()); // --size and --grid add the suffix
            Assert.True(File.Exists(Path.Combine(Dir, name)));
        }
        finally { Environment.CurrentDirectory = old; }
    }

    [Fact]
    public void Tanh_contour_marks_the_twin_optimum_in_the_sidecar()
    {
        string json = Path.Combine(Dir, "t.json");
        var r = CliRunner.Run(["contour", "--model", "tanh", "--norm", "l1", "--lambda", "0.1", "--json", json, "--out", Path.Combine(Dir, "t.png"), .. Small]);
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var w = doc.RootElement.GetProperty("optimum").GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var twin = doc.RootElement.GetProperty("twin").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal([-w[0], -w[1]], twin);
        Assert.Equal(["output", "input (x)"], doc.RootElement.GetProperty("features").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Help_lists_the_new_norms_models_and_gamma()
    {
        var r = CliRunner.Run("contour", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("--gamma", r.Stdout);
        Assert.Contains("l1|l2|elasticnet|lp|linf|mcp|scad", r.Stdout);
        Assert.Contains("linear|exp|tanh", r.Stdout);
        Assert.Contains("--gamma", CliRunner.Run("norm", "--help").Stdout);
    }
}
