using System.Text.Json;
using CsCheck;
using Regviz.Core;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Regviz.Tests.Cli;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Catalogue;

/// <summary>
/// The toy penalty (<see cref="ToyHuberPenalty"/>, one file plus one registration line) through everything a penalty
/// gets from the catalogue: every command takes --norm toyhuber and --knee, panels and an overlay vary κ, a bad κ is
/// one flag-worded error line, and help, default names and sidecars carry it. Nothing in src/ names it.
/// </summary>
[Collection(CurrentDirectory.Collection)]
public class ToyPenaltyTests : ScratchFolder
{
    private static readonly string[] Small = ["--size", "300x300", "--grid", "60"];

    private string Out(string name) => Path.Combine(Dir, name);

    [Fact]
    public void The_library_solves_it_to_its_optimality_conditions()
    {
        // J = D + λ Σ h(w_j): 0 = ∇D(w) + λ h′(w), h′ written out here from h's definition
        Gen.Select(Gen.ULong, Gen.Int[1, 6], Gen.Double[0.05, 3], Gen.Double[0.01, 2]).Sample((seed, k, knee, lambda) =>
        {
            var q = QuadraticLoss.FromDataset(Problems.Random(seed, 30, k), LossKind.Mse, true);
            var penalty = PenaltyCatalogue.Create("toyhuber", PenaltyArguments.None.With("knee", knee))!;
            var s = Regularised.Solve(q, penalty, Form.Penalised(lambda));
            var g = new double[k];
            q.Gradient(s.Weights, g);
            var g0 = new double[k];
            q.Gradient(new double[k], g0);
            double scale = Math.Max(1e-300, g0.Max(Math.Abs));
            for (int j = 0; j < k; j++)
            {
                double w = s.Weights[j], slope = Math.Abs(w) <= knee ? w / knee : Math.Sign(w);
                Assert.True(Math.Abs(g[j] + lambda * slope) <= 1e-9 * scale, $"κ {knee:R} λ {lambda:R} seed {seed}: residual {g[j] + lambda * slope:E2} at w{j}");
            }
            Assert.True(s.Certificate.Certified, s.Certificate.ToString());
        }, iter: 60);
    }

    [Fact]
    public void Solve_reports_knee_its_default_and_a_certified_optimum()
    {
        foreach (var (args, knee) in new[] { (Array.Empty<string>(), 1.0), (new[] { "--knee", "0.25" }, 0.25) })
        {
            var r = CliRunner.Run(["solve", "--norm", "toyhuber", "--lambda", "0.3", "--json", "-", .. args]);
            Assert.Equal(0, r.ExitCode);
            using var doc = JsonDocument.Parse(r.Stdout);
            Assert.Equal("toyhuber", doc.RootElement.GetProperty("norm").GetString());
            Assert.Equal(knee, doc.RootElement.GetProperty("knee").GetDouble());
            Assert.True(doc.RootElement.GetProperty("certified").GetBoolean());
        }
    }

    [Theory]
    [InlineData("contour", "--lambda", "0.4")]
    [InlineData("contour", "--radius", "0.8")]
    [InlineData("norm")]
    [InlineData("path", "--count", "8")]
    [InlineData("shrink", "--norm", "l1,toyhuber")]
    [InlineData("animate", "--frames", "3", "--grid", "40")]
    public void Every_command_draws_it_with_its_parameter(string command, params string[] more)
    {
        string json = Out("s.json");
        string[] norm = more.Contains("--norm") ? [] : ["--norm", "toyhuber"];
        string[] size = command is "contour" or "norm" ? Small : ["--size", "300x300"];
        var r = CliRunner.Run([command, .. norm, "--knee", "0.5", .. more, .. size, "--json", json, "--out", Out("f.png")]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(new FileInfo(Out("f.png")).Length > 1000);
        // the sidecar records the penalty and the κ it was drawn with
        string text = File.ReadAllText(json);
        Assert.Contains("\"toyhuber\"", text);
        Assert.Contains("\"knee\": 0.5", text.Replace("\"knee\":0.5", "\"knee\": 0.5"));
    }

    [Fact]
    public void Panels_and_an_overlay_vary_knee_and_take_their_default_names_from_it()
    {
        var panels = RunIn(Dir, "norm", "--norm", "toyhuber", "--knee", "0.5,1,2", "--json", Out("p.json"), "--size", "200x200", "--grid", "40");
        Assert.True(panels.ExitCode == 0, panels.Stderr);
        using (var doc = JsonDocument.Parse(File.ReadAllText(Out("p.json"))))
        {
            Assert.Equal("knee", doc.RootElement.GetProperty("varies").GetString());
            Assert.Equal([0.5, 1, 2], doc.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
            Assert.Equal(3, doc.RootElement.GetProperty("panels").GetArrayLength());
        }
        Assert.Contains(Directory.GetFiles(Dir, "*.png"), f => Path.GetFileName(f).StartsWith("norm-toyhuber-knee0.5-1-2", StringComparison.Ordinal));

        var overlay = RunIn(Dir, "contour", "--norm", "toyhuber", "--knee", "0.5,2", "--overlay", "--size", "300x300", "--grid", "40");
        Assert.True(overlay.ExitCode == 0, overlay.Stderr);
        Assert.Contains(Directory.GetFiles(Dir, "*.png"), f => Path.GetFileName(f).StartsWith("contour-overlay-toyhuber-knee0.5-2", StringComparison.Ordinal));

        // a single figure's default name carries κ too, so two κ never write one file
        var one = RunIn(Dir, "contour", "--norm", "toyhuber", "--knee", "0.25", "--size", "300x300", "--grid", "40");
        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.Contains(Directory.GetFiles(Dir, "*.png"), f => Path.GetFileName(f).Contains("knee0.25", StringComparison.Ordinal));
    }

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["solve", "--norm", "toyhuber", "--knee", "0"], "error: --knee: 0 is outside (0, ∞)" },
        { ["solve", "--norm", "toyhuber", "--knee", "-2"], "error: --knee: -2 is outside (0, ∞)" },
        { ["contour", "--norm", "toyhuber", "--knee", "abc"], "error: --knee: 'abc' is not a number" },
        { ["contour", "--norm", "toyhuber", "--knee", "Infinity"], "error: --knee: 'Infinity' is not finite" },
        { ["contour", "--norm", "l1", "--knee", "2"], "error: --knee has no effect with --norm l1 (it is toyhuber's knee: --norm toyhuber)" },
        { ["norm", "--norm", "l1", "--knee", "1,2"], "error: --knee: a list of knee varies a penalty that has it; --norm l1 does not" },
        { ["solve", "--norm", "toyhuber", "--knee", "1,2"], "error: --knee: '1,2' is a list; this command takes one value (a comma list makes panels in contour and norm)" },
        { ["norm", "--norm", "toyhuber", "--knee", "0.5,0"], "error: --knee: 0 is outside (0, ∞)" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void A_bad_knee_is_one_error_line_and_exit_2(string[] args, string expected)
    {
        var r = CliRunner.Run([.. args, .. args[0] == "solve" ? Array.Empty<string>() : ["--out", Out("x.png")]]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(expected, Assert.Single(r.ErrorLines));
        Assert.Empty(Directory.GetFiles(Dir));
    }

    [Theory]
    [InlineData("contour")]
    [InlineData("norm")]
    [InlineData("shrink")]
    [InlineData("path")]
    [InlineData("solve")]
    public void Help_offers_it_and_its_flag(string command)
    {
        var r = CliRunner.Run(command, "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("--knee <κ>", r.Stdout);
        Assert.Contains("Knee κ > 0 of the toy Huber penalty (default 1)", r.Stdout);
        Assert.Contains(command == "shrink" ? "toyhuber (--knee)" : "toyhuber (--knee) = Σ h(w_j)", r.Stdout);
        if (command is "contour" or "norm") Assert.Contains("--gamma or --knee makes panels", r.Stdout);
    }

    /// <summary>Runs with <paramref name="folder"/> as the current folder, so default names land there.</summary>
    private static CliRunner.Result RunIn(string folder, params string[] args)
    {
        string old = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = folder;
            return CliRunner.Run(args);
        }
        finally { Environment.CurrentDirectory = old; }
    }
}
