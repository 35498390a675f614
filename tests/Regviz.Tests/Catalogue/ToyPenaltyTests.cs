using System.Text.Json;
using CsCheck;
using Regviz.Core;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Regviz.Core.Sparsity;
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
    public void The_sparsity_experiment_solves_it_without_a_closed_form_of_its_own()
    {
        // the toy implements no IExactOnPlane: the experiment falls back on the general solver, whose optimum must meet
        // the conditions written out here from h: 2A(w − m) + λh′(w) = 0, and in the ball, P(w) = r with −∇D ∥ h′(w)
        Assert.False(typeof(IExactOnPlane).IsAssignableFrom(typeof(ToyHuberPenalty)));
        Gen.Select(Gen.ULong, Gen.Double[0.1, 3], Gen.Double[0.05, 2], Gen.Double[0.3, 2]).Sample((seed, knee, lambda, radius) =>
        {
            var q = PlaneQuadratic.Random(new SplitMix64(seed), radius);
            var toy = new ToyHuberPenalty(knee);
            double Slope(double w) => Math.Abs(w) <= knee ? w / knee : Math.Sign(w);
            (double, double) Gradient((double X, double Y) w) =>
                (2 * (q.A11 * (w.X - q.M1) + q.A12 * (w.Y - q.M2)), 2 * (q.A12 * (w.X - q.M1) + q.A22 * (w.Y - q.M2)));
            double scale = Math.Max(1e-300, Math.Max(Math.Abs(Gradient((0, 0)).Item1), Math.Abs(Gradient((0, 0)).Item2)));

            var w = SparsityExperiment.Optimum(q, toy, Form.Penalised(lambda));
            var (g1, g2) = Gradient(w);
            Assert.True(Math.Abs(g1 + lambda * Slope(w.X)) <= 1e-8 * scale && Math.Abs(g2 + lambda * Slope(w.Y)) <= 1e-8 * scale,
                $"seed {seed} κ {knee:R} λ {lambda:R}: w {w}, residuals {g1 + lambda * Slope(w.X):E2}, {g2 + lambda * Slope(w.Y):E2}");

            var b = SparsityExperiment.Optimum(q, toy, Form.Constrained(radius));
            var (d1, d2) = Gradient(b);
            if (toy.Value([q.M1, q.M2]) <= radius)
            {
                Assert.True(Math.Abs(b.X - q.M1) + Math.Abs(b.Y - q.M2) <= 1e-7 * (1 + Math.Abs(q.M1) + Math.Abs(q.M2)), $"seed {seed}: centre inside, optimum {b}");
                return;
            }
            Assert.True(Math.Abs(toy.Value([b.X, b.Y]) - radius) <= 1e-7 * radius, $"seed {seed}: P(w*) = {toy.Value([b.X, b.Y]):R}, radius {radius:R}");
            double s1 = Slope(b.X), s2 = Slope(b.Y), mu = -(d1 * s1 + d2 * s2) / (s1 * s1 + s2 * s2);
            Assert.True(mu >= 0 && Math.Abs(d1 + mu * s1) + Math.Abs(d2 + mu * s2) <= 1e-6 * scale,
                $"seed {seed} κ {knee:R} r {radius:R}: w {b}, μ {mu:E2}, residual {Math.Abs(d1 + mu * s1) + Math.Abs(d2 + mu * s2):E2}");
        }, iter: 40);
    }

    [Fact]
    public void The_figures_say_its_shape_in_the_words_it_declares()
    {
        // the toy's level sets are circles near 0 and diamonds far out, smooth at 0: "rounded diamond", "no corners";
        // before #27 the figures worked the words out from norm flags the toy does not set and said "level sets"
        var norm = CliRunner.Run(["norm", "--norm", "toyhuber", "--knee", "0.5", .. Small, "--json", Out("n.json"), "--out", Out("n.png")]);
        Assert.True(norm.ExitCode == 0, norm.Stderr);
        using (var doc = JsonDocument.Parse(File.ReadAllText(Out("n.json"))))
        {
            string alt = doc.RootElement.GetProperty("alt").GetString()!, caption = doc.RootElement.GetProperty("caption").GetString()!;
            Assert.Matches(@"\d+ nested rounded diamonds for P = [^,]+, no corners\.$", alt);
            Assert.EndsWith("They have no corners, so a loss's level set touches them on an axis only by coincidence: this penalty shrinks weights but does not make them exactly 0.", caption);
        }
        var contour = CliRunner.Run(["contour", "--norm", "toyhuber", "--knee", "0.5", "--lambda", "0.4", .. Small, "--json", Out("c.json"), "--out", Out("c.png")]);
        Assert.True(contour.ExitCode == 0, contour.Stderr);
        using (var doc = JsonDocument.Parse(File.ReadAllText(Out("c.json"))))
            Assert.Contains("and the bold rounded diamond P = ", doc.RootElement.GetProperty("caption").GetString()!);
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
        // it does not implement IHasUnitBall, so the 3-D figure refuses it and lists the penalties that do
        { ["ball", "--norm", "toyhuber"], "error: --norm toyhuber: toyhuber bounds no norm, so it has no unit ball (ball takes l1, l2, elasticnet, lp, linf, group)" },
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
        // the toy is registered last, so its flag ends the list of the parameters that make panels, whatever precedes it
        if (command is "contour" or "norm") Assert.Contains(" or --knee makes panels", r.Stdout);
    }

    /// <summary>
    /// A penalty whose constructor guards its arguments as .NET code does (ArgumentOutOfRangeException) gets the
    /// declared range's flag-worded refusal, not its own exception: the catalogue checks the declaration before it
    /// makes the penalty. (A berhu penalty added by the recipe crashed with exit 70 on `--transition -1` before.)
    /// </summary>
    [Fact]
    public void A_guarded_constructor_never_sees_a_value_outside_the_declared_range()
    {
        var guarded = new PenaltyKind("guardedtoy", "Σ h(w_j)", [ToyHuberPenalty.KneeParameter], a =>
        {
            double knee = a.Value(ToyHuberPenalty.KneeParameter);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(knee);
            return new ToyHuberPenalty(knee);
        });
        foreach (double bad in new[] { -1, 0, double.NaN })
        {
            var e = Assert.Throws<ProblemArgumentException>(() => guarded.Create(PenaltyArguments.None.With("knee", bad)));
            Assert.Equal("knee", e.ParamName);
        }
        Assert.Equal(2, ((ToyHuberPenalty)guarded.Create(PenaltyArguments.None.With("knee", 2))).Knee);
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
