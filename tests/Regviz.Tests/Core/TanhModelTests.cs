using CsCheck;
using Regviz.Core;
using Regviz.Core.Data;
using Regviz.Core.Models;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>
/// f(x; w) = w1·tanh(w2·x), checked against its definition written out here: derivatives by finite differences, and
/// the global optimum in the plane against an exhaustive grid with Nelder–Mead polish. f(x; −w) = f(x; w), so the
/// optimum is never unique under these symmetric penalties: tests compare objective values and ask w* to be one of
/// the reference optimum's pair ±w_ref.
/// </summary>
public class TanhModelTests
{
    private static readonly TanhModel Model = new();

    /// <summary>J(w) = (1/n)Σ(w1·tanh(w2·x_i) − y_i)² + λP(w), from the rows.</summary>
    private static Func<double, double, double> Objective(Dataset d, Func<double, double, double> penalty, double lambda)
    {
        var x = d.Columns[0];
        var y = d.Target;
        return (a, b) =>
        {
            double s = 0;
            for (int i = 0; i < x.Length; i++)
            {
                double r = a * Math.Tanh(b * x[i]) - y[i];
                s += r * r;
            }
            return s / x.Length + lambda * penalty(a, b);
        };
    }

    private static Dataset Random(ulong seed)
    {
        var rng = new SplitMix64(seed);
        double scale = 0.5 + 2 * rng.NextDouble(), rate = 0.3 + 2.5 * rng.NextDouble(), noise = 0.05 + 0.3 * rng.NextDouble();
        var x = new double[40];
        var y = new double[40];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = 4 * rng.NextDouble() - 2;
            y[i] = scale * Math.Tanh(rate * x[i]) + noise * rng.NextGaussian();
        }
        return new Dataset(["x"], [x], y, "y");
    }

    [Fact]
    public void Gradient_and_hessian_match_finite_differences()
    {
        Gen.Select(Gen.Double[-3, 3], Gen.Double[-3, 3], Gen.Double[-2, 2]).Sample((a, b, x) =>
        {
            var g = new double[2];
            var h = new double[4];
            double f = Model.Evaluate([x], [a, b], g, h);
            Assert.Equal(a * Math.Tanh(b * x), f, 1e-15);
            const double e = 1e-6;
            double F(double p, double q) => p * Math.Tanh(q * x);
            Assert.Equal((F(a + e, b) - F(a - e, b)) / (2 * e), g[0], 1e-8);
            Assert.Equal((F(a, b + e) - F(a, b - e)) / (2 * e), g[1], 1e-7);
            var gp = new double[2];
            var gm = new double[2];
            Model.Evaluate([x], [a, b + e], gp, default);
            Model.Evaluate([x], [a, b - e], gm, default);
            Assert.Equal((gp[0] - gm[0]) / (2 * e), h[1], 1e-7);
            Assert.Equal((gp[1] - gm[1]) / (2 * e), h[3], 1e-6);
            Assert.Equal(h[1], h[2]);
            Assert.Equal(0.0, h[0]);
        }, iter: 100);
    }

    [Fact]
    public void Built_in_data_is_the_documented_neuron()
    {
        var d = Model.BuiltInData(LossKind.Mse)!;
        Assert.Equal(60, d.Rows);
        Assert.Equal(["x"], d.FeatureNames);
        Assert.All(d.Columns[0], x => Assert.InRange(x, -2, 2));
        // y = 1.5·tanh(1.2·x) + 0.2·N(0, 1): the residuals of the true curve have the noise's size
        double sd = Math.Sqrt(d.Columns[0].Select((x, i) => Math.Pow(d.Target[i] - 1.5 * Math.Tanh(1.2 * x), 2)).Average());
        Assert.InRange(sd, 0.12, 0.3);
        Assert.Equal(d.Target, Model.BuiltInData(LossKind.Mse)!.Target); // seeded: the same numbers every time
    }

    [Fact]
    public void Takes_one_feature_column_only()
    {
        var e = Assert.Throws<ProblemArgumentException>(() => new ModelLoss(BuiltInDataset.Create(), Model, LossKind.Mse, false));
        Assert.Contains("model = tanh", e.Message);
        Assert.Contains("exactly one feature column", e.Message);
    }

    private static readonly Dictionary<string, Func<double, double, double>> Penalties = new()
    {
        ["l1"] = (a, b) => Math.Abs(a) + Math.Abs(b),
        ["l2"] = (a, b) => a * a + b * b,
    };

    private static void AssertGlobal(Dataset data, Penalty penalty, Func<double, double, double> p, double lambda, string context)
    {
        var loss = new ModelLoss(data, Model, LossKind.Mse, intercept: false);
        var s = Regularised.Solve(loss, penalty, Form.Penalised(lambda));
        var w = s.Weights;
        var J = Objective(data, p, lambda);
        // a box twice the model's own search box each way
        double w1 = 8 * Math.Max(data.Target.Max(Math.Abs), 1), w2 = 20 / data.Columns[0].Max(Math.Abs);
        var reference = Reference.Minimise2D(J, -w1, w1, -w2, w2, nodes: 401);
        double found = J(w[0], w[1]);
        Assert.True(found <= reference.F + 1e-9 * (1 + Math.Abs(reference.F)),
            $"{context}: J(w*) = {found:R} at ({w[0]:R}, {w[1]:R}) > reference {reference.F:R} at ({reference.Best[0]:R}, {reference.Best[1]:R})");
        // the twin: f(x; −w) = f(x; w), and every penalty here is symmetric
        Assert.Equal(found, J(-w[0], -w[1]), 1e-12 * (1 + Math.Abs(found)));
        // w* is one of the pair ±w_ref (both 0 when the optimum is the origin)
        var r = reference.Best;
        double apart = Math.Min(Math.Abs(w[0] - r[0]) + Math.Abs(w[1] - r[1]), Math.Abs(w[0] + r[0]) + Math.Abs(w[1] + r[1]));
        Assert.True(apart <= 1e-4 * (1 + Math.Abs(r[0]) + Math.Abs(r[1])), $"{context}: w* = ({w[0]:R}, {w[1]:R}) is not ±({r[0]:R}, {r[1]:R})");
        Assert.True(s.Certificate.Kkt <= 1e-9, $"{context}: kkt {s.Certificate.Kkt:R}");
    }

    [Theory]
    [InlineData("l1")]
    [InlineData("l2")]
    public void Optimum_in_the_plane_is_global(string norm)
    {
        var penalty = PenaltyCatalogue.Create(norm)!;
        Gen.Select(Gen.ULong, Gen.Double[0.002, 0.5]).Sample((seed, lambda) =>
            AssertGlobal(Random(seed), penalty, Penalties[norm], lambda, $"{norm} seed {seed} λ {lambda:R}"), iter: 5);
        foreach (double lambda in new[] { 0.01, 0.1, 0.3, 1.0 })
            AssertGlobal(Model.BuiltInData(LossKind.Mse)!, penalty, Penalties[norm], lambda, $"{norm} built-in λ {lambda}");
    }

    [Theory]
    [InlineData(0.02)]
    [InlineData(0.1)]
    [InlineData(0.2)]
    [InlineData(1.0)]
    public void Mcp_optimum_in_the_plane_is_global(double lambda)
    {
        double P(double a, double b) => (NonConvexPenaltyTests.Mcp(a, lambda, 3) + NonConvexPenaltyTests.Mcp(b, lambda, 3)) / lambda;
        AssertGlobal(Model.BuiltInData(LossKind.Mse)!, new McpPenalty(3), P, lambda, $"mcp built-in λ {lambda}");
    }

    [Theory]
    [InlineData("mcp", 0.3)]
    [InlineData("scad", 0.5)]
    public void A_neuron_that_turns_linear_under_a_penalty_that_stops_rising_has_no_minimum(string norm, double lambda)
    {
        // w1 → ∞ with w1·w2 = c fixed: f → c·x, D tends to the linear fit's, and P to γλ/2 + 0 (MCP): below every point
        // of the plane at this λ, so the search must say there is no minimum rather than report where it stopped
        var loss = new ModelLoss(Model.BuiltInData(LossKind.Mse)!, Model, LossKind.Mse, intercept: false);
        var e = Assert.Throws<ProblemArgumentException>(() => Regularised.Solve(loss, PenaltyCatalogue.Create(norm)!, Form.Penalised(lambda)));
        Assert.StartsWith("lambda = ", e.Message);
        Assert.Contains("has no minimum", e.Message);
    }

    [Fact]
    public void Gradient_at_the_origin_vanishes_so_paths_are_refused()
    {
        var loss = new ModelLoss(Model.BuiltInData(LossKind.Mse)!, Model, LossKind.Mse, intercept: false);
        var g = new double[2];
        loss.Gradient([0, 0], g);
        Assert.Equal([0.0, 0.0], g);
        var e = Assert.Throws<ProblemArgumentException>(() => Regviz.Core.Paths.RegularisationPaths.LogGrid(loss, new L1Penalty()));
        Assert.Contains("flat at w = 0", e.Message);
    }
}
