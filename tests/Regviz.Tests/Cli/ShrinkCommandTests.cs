using System.Globalization;
using System.Text.Json;
using CsCheck;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// The 1-D view: w*(z) = argmin (w − z)² + λP(w). The expected estimators are the textbook closed forms (ESL table 3.4
/// in this scaling: soft threshold at λ/2, ridge z/(1 + λ), hard threshold at √λ), written out here.
/// </summary>
public class ShrinkCommandTests : Support.ScratchFolder
{
    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private JsonElement Json(params string[] args)
    {
        var r = CliRunner.Run(["shrink", .. args, "--out", Path.Combine(Dir, "s.png"), "--json", "-"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        return doc.RootElement.Clone();
    }

    private static double SoftThreshold(double z, double t) => Math.Sign(z) * Math.Max(Math.Abs(z) - t, 0);

    [Fact]
    public void Curves_equal_the_closed_forms_and_thresholds_are_exact()
    {
        Gen.Select(Gen.Double[0.01, 10], Gen.Double[0.05, 0.95]).Sample((lambda, alpha) =>
        {
            var root = Json("--norm", "l1,l2,elasticnet,l0", "--lambda", F(lambda), "--alpha", F(alpha));
            Func<double, double>[] closed =
            [
                z => SoftThreshold(z, lambda / 2),
                z => z / (1 + lambda),
                z => SoftThreshold(z, lambda * alpha / 2) / (1 + lambda * (1 - alpha)),
                z => z * z > lambda ? z : 0,
            ];
            double?[] thresholds = [lambda / 2, null, lambda * alpha / 2, Math.Sqrt(lambda)];
            var curves = root.GetProperty("curves").EnumerateArray().ToList();
            for (int c = 0; c < 4; c++)
            {
                var t = curves[c].GetProperty("threshold");
                if (thresholds[c] is { } expected) Assert.Equal(expected, t.GetDouble(), 1e-12 * expected);
                else Assert.Equal(JsonValueKind.Null, t.ValueKind);
                foreach (var piece in curves[c].GetProperty("pieces").EnumerateArray())
                    foreach (var pt in piece.EnumerateArray())
                    {
                        double z = pt[0].GetDouble(), w = pt[1].GetDouble();
                        Assert.True(Math.Abs(w - closed[c](z)) <= 1e-12 * Math.Max(1, Math.Abs(z)), $"curve {c}, z = {z:R}: {w:R} against {closed[c](z):R}");
                    }
            }
            // best subset jumps from 0 to √λ at √λ; the soft threshold is continuous
            var jump = Assert.Single(curves[3].GetProperty("jumps").EnumerateArray().ToList());
            Assert.Equal(Math.Sqrt(lambda), jump.GetProperty("to").GetDouble(), 1e-12 * Math.Sqrt(lambda));
            Assert.Empty(curves[0].GetProperty("jumps").EnumerateArray());
        }, iter: 12);
    }

    [Fact]
    public void The_lp_estimate_jumps_at_its_closed_form_threshold()
    {
        foreach (double p in new[] { 0.3, 0.5, 0.8 })
            foreach (double lambda in new[] { 0.5, 1.0, 3.0 })
            {
                var curve = Json("--norm", "lp", "--p", F(p), "--lambda", F(lambda)).GetProperty("curves")[0];
                // ½(w − z)² + t|w|^p with t = λ/2 has its threshold at (2 − p)/(2(1 − p))·(2t(1 − p))^(1/(2 − p))
                double expected = (2 - p) / (2 * (1 - p)) * Math.Pow(lambda * (1 - p), 1 / (2 - p));
                Assert.Equal(expected, curve.GetProperty("threshold").GetDouble(), 1e-9 * expected);
                var jump = Assert.Single(curve.GetProperty("jumps").EnumerateArray().ToList());
                // where it lands: the stationary point 2(w − z) + λp·w^(p−1) = 0 at z = threshold, w = 2(1 − p)/(2 − p)·z
                Assert.Equal(2 * (1 - p) / (2 - p) * expected, jump.GetProperty("to").GetDouble(), 1e-7 * expected);
                // drawn as a jump: no piece crosses the gap between 0 and where it lands
                foreach (var piece in curve.GetProperty("pieces").EnumerateArray())
                {
                    var w = piece.EnumerateArray().Select(q => q[1].GetDouble()).ToArray();
                    for (int i = 1; i < w.Length; i++) Assert.True(Math.Abs(w[i] - w[i - 1]) < 0.5 * jump.GetProperty("to").GetDouble());
                }
            }
    }

    [Theory]
    [InlineData("l1")]
    [InlineData("l2")]
    [InlineData("elasticnet")]
    public void Each_estimate_is_the_facade_optimum_of_the_one_coefficient_problem(string norm)
    {
        var penalty = PenaltyCatalogue.Create(norm)!;
        var estimator = ShrinkEstimator.Of(penalty);
        foreach (double z in new[] { -2.5, -0.7, -0.2, 0.0, 0.3, 0.9, 2.0 })
        {
            // (w − z)² is the sum of squares of one row with x = 1, y = z
            var data = new Dataset(["x"], [[1.0]], [z], "y");
            var solution = Regularised.Solve(QuadraticLoss.FromDataset(data, LossKind.Sse, false), penalty, Form.Penalised(1.3));
            Assert.True(solution.Certificate.Certified);
            Assert.Equal(solution.Weights[0], estimator.Estimate(z, 1.3), 1e-12);
        }
    }

    [Fact]
    public void The_objective_minimum_is_the_estimate_and_below_every_sample()
    {
        var root = Json("--norm", "l1,l2,l0,lp", "--objective", "1.2", "--lambda", "1");
        var minima = root.GetProperty("objective").GetProperty("minima").EnumerateArray().ToList();
        double[] expected = [SoftThreshold(1.2, 0.5), 1.2 / 2, 1.2, double.NaN];
        for (int i = 0; i < 3; i++) Assert.Equal(expected[i], minima[i].GetProperty("w").GetDouble(), 1e-12);
        var lp = new LpPenalty(0.5);
        double wLp = minima[3].GetProperty("w").GetDouble();
        for (double w = -3; w <= 3; w += 1e-4)
            Assert.True((w - 1.2) * (w - 1.2) + Math.Sqrt(Math.Abs(w)) >= minima[3].GetProperty("value").GetDouble() - 1e-12, $"w = {w}");
        Assert.Equal((wLp - 1.2) * (wLp - 1.2) + lp.Value([wLp]), minima[3].GetProperty("value").GetDouble(), 1e-12);
    }

    [Theory]
    [InlineData(new[] { "--lambda", "0" }, "--lambda: 0 is not allowed")]
    [InlineData(new[] { "--norm", "linf" }, "--norm: linf is not a sum over coordinates")]
    [InlineData(new[] { "--norm", "l1,,l2" }, "has an empty name")]
    [InlineData(new[] { "--norm", "l9" }, "--norm: unknown norm 'l9'")]
    [InlineData(new[] { "--norm", "l1,l1,l1,l1,l1,l1,l1,l1,l1,l1,l1" }, "11 estimators; at most 10")]
    [InlineData(new[] { "--zmax", "-1" }, "--zmax: -1 is not allowed")]
    public void Bad_shrink_input_is_one_error_line(string[] args, string expected)
    {
        var r = CliRunner.Run(["shrink", .. args, "--out", Path.Combine(Dir, "bad.png")]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, Assert.Single(r.ErrorLines));
        Assert.Empty(Directory.GetFiles(Dir));
    }

    [Fact]
    public void Shrink_matches_its_golden()
    {
        string path = Path.Combine(Dir, "g.png");
        var r = CliRunner.Run("shrink", "--norm", "l1,l2,l0,lp", "--size", "500x500", "--out", path);
        Assert.Equal(0, r.ExitCode);
        Figures.Golden.AssertMatches("shrink-l1-l2-l0-lp.png", File.ReadAllBytes(path));
    }
}
