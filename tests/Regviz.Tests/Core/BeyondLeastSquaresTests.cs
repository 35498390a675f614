using CsCheck;
using Regviz.Cli.Options;
using Regviz.Core;
using Regviz.Core.Data;
using Regviz.Core.Models;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Regviz.Core.Traces;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>Logistic loss, the exponential model and optimiser traces, checked against definitions written out here.</summary>
public class BeyondLeastSquaresTests
{
    /// <summary>Random binary data: labels drawn from a logistic model with a sparse truth.</summary>
    private static Dataset Binary(ulong seed, int n, int k)
    {
        var rng = new SplitMix64(seed);
        var cols = Enumerable.Range(0, k).Select(_ => new double[n]).ToArray();
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double z = 0.3;
            for (int j = 0; j < k; j++)
            {
                cols[j][i] = rng.NextGaussian() * (1 + j % 2);
                z += (j % 3 == 0 ? 0 : 1.2) * cols[j][i];
            }
            y[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
        }
        return new Dataset(Enumerable.Range(1, k).Select(j => $"x{j}").ToArray(), cols, y, "y");
    }

    /// <summary>
    /// KKT for J = (1/n)Σ[log(1+e^z) − y z] + λ(α‖w‖₁ + (1−α)‖w‖²), z = x·w + b: the gradient is written out
    /// here from the definition; with an intercept, Σ(σ(z) − y) = 0 as well.
    /// </summary>
    private static double LogisticKkt(Dataset d, double[] w, double b, double lambda, double alpha)
    {
        int n = d.Rows, k = d.Features;
        var g = new double[k];
        double gb = 0;
        for (int i = 0; i < n; i++)
        {
            double z = b;
            for (int j = 0; j < k; j++) z += d.Columns[j][i] * w[j];
            double r = 1 / (1 + Math.Exp(-z)) - d.Target[i];
            for (int j = 0; j < k; j++) g[j] += r * d.Columns[j][i] / n;
            gb += r / n;
        }
        double worst = Math.Abs(gb);
        for (int j = 0; j < k; j++)
        {
            double smooth = g[j] + lambda * (1 - alpha) * 2 * w[j];
            worst = Math.Max(worst, w[j] != 0
                ? Math.Abs(smooth + lambda * alpha * Math.Sign(w[j]))
                : Math.Max(0, Math.Abs(smooth) - lambda * alpha));
        }
        return worst;
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(0.0)]
    public void Logistic_optimum_satisfies_kkt_with_exact_zeros(double alpha)
    {
        Gen.Select(Gen.ULong, Gen.Int[2, 6], Gen.Double[0.01, 0.3]).Sample((seed, k, lambda) =>
        {
            var d = Binary(seed, 80, k);
            var spec = new ProblemSpec(d, LossKind.Logistic, true, alpha == 1 ? new L1Penalty() : alpha == 0 ? new L2Penalty() : new ElasticNetPenalty(alpha), Form.Penalised(lambda));
            var s = spec.Solve();
            double v = LogisticKkt(d, s.Weights, s.Intercept, lambda, alpha);
            Assert.True(v <= 1e-9, $"KKT violation {v:E2} (seed {seed}, k {k}, λ {lambda})");
            Assert.DoesNotContain(s.Weights, x => x != 0 && Math.Abs(x) < 1e-10);
        }, iter: 40);
    }

    /// <summary>∇D of the logistic loss without intercept, from the definition: (1/n)Σ(σ(x·w) − y)x.</summary>
    private static double[] LogisticGradient(Dataset d, double[] w)
    {
        var g = new double[d.Features];
        for (int i = 0; i < d.Rows; i++)
        {
            double z = 0;
            for (int j = 0; j < d.Features; j++) z += d.Columns[j][i] * w[j];
            double r = 1 / (1 + Math.Exp(-z)) - d.Target[i];
            for (int j = 0; j < d.Features; j++) g[j] += r * d.Columns[j][i] / d.Rows;
        }
        return g;
    }

    [Theory]
    [InlineData(3UL, 0.05)]
    [InlineData(8UL, 0.2)]
    [InlineData(21UL, 0.1)]
    public void Logistic_linf_optimum_satisfies_its_subgradient_conditions(ulong seed, double lambda)
    {
        var d = Binary(seed, 60, 3);
        var w = new ProblemSpec(d, LossKind.Logistic, false, new LInfPenalty(), Form.Penalised(lambda)).Solve().Weights;
        var s = LogisticGradient(d, w).Select(v => -v / lambda).ToArray(); // must lie in ∂‖w‖∞
        double m = w.Max(Math.Abs);
        double l1 = 0;
        for (int j = 0; j < w.Length; j++)
        {
            if (Math.Abs(w[j]) >= m * (1 - 1e-9)) { Assert.True(s[j] * Math.Sign(w[j]) >= -1e-9); l1 += Math.Abs(s[j]); }
            else Assert.True(Math.Abs(s[j]) <= 1e-9, $"free coordinate {j}: {s[j]:E2}");
        }
        Assert.Equal(1.0, l1, 9);
    }

    [Fact]
    public void Logistic_lp_above_one_is_stationary()
    {
        var d = Binary(4, 60, 3);
        var w = new ProblemSpec(d, LossKind.Logistic, false, new LpPenalty(1.5), Form.Penalised(0.1)).Solve().Weights;
        var g = LogisticGradient(d, w);
        for (int j = 0; j < w.Length; j++)
            Assert.True(Math.Abs(g[j] + 0.1 * 1.5 * Math.Sqrt(Math.Abs(w[j])) * Math.Sign(w[j])) <= 1e-10, $"coordinate {j}");
    }

    [Fact]
    public void Logistic_l1_zeroes_x2_of_the_built_in_data_exactly()
    {
        var spec = new ProblemSpec(BuiltInDataset.CreateBinary(), LossKind.Logistic, false, new L1Penalty(), Form.Penalised(0.15));
        var w = spec.Solve().Weights;
        Assert.Equal(0.0, w[1]);
        Assert.True(w[0] > 0);
    }

    [Fact]
    public void Logistic_refuses_labels_other_than_0_and_1()
    {
        var d = new Dataset(["a"], [[1, 2, 3]], [0, 1, 2], "label");
        var e = Assert.Throws<ProblemArgumentException>(() => new ProblemSpec(d, LossKind.Logistic, false, new L1Penalty(), Form.Penalised(0.1)));
        Assert.Contains("labels must be 0 or 1; row 3 of 'label' is 2", e.Message);
    }

    [Fact]
    public void Separable_classes_at_lambda_zero_are_a_clear_error()
    {
        var d = new Dataset(["a", "b"], [[-2, -1, 1, 2], [0.5, -0.3, 0.2, -0.1]], [0, 0, 1, 1], "y");
        var e = Assert.Throws<ProblemArgumentException>(() => new ProblemSpec(d, LossKind.Logistic, false, new L2Penalty(), Form.Penalised(0)).Solve());
        Assert.Contains("separable", e.Message);
    }

    [Theory]
    [InlineData("l1", 1.0)]
    [InlineData("l2", 0.5)]
    [InlineData("l1", 10.0)]
    [InlineData("lp", 0.3)]
    public void Exp_model_optimum_is_global_against_an_exhaustive_grid(string norm, double lambda)
    {
        var penalty = PenaltyCatalogue.Create(norm)!;
        var spec = new ProblemSpec(BuiltInDataset.CreateExp(), LossKind.Mse, false, penalty, Form.Penalised(lambda), new ExpModel());
        var w = spec.Solve().Weights;
        double J(double a, double b) => spec.Loss.Value([a, b]) + lambda * penalty.Value([a, b]);
        double found = J(w[0], w[1]);
        double best = double.PositiveInfinity;
        for (int i = -300; i <= 300; i++)
            for (int j = -300; j <= 300; j++)
                best = Math.Min(best, J(i * 0.02, j * 0.01)); // w1 ∈ [−6, 6], w2 ∈ [−3, 3]
        Assert.True(found <= best + 1e-12 * Math.Abs(best), $"{norm} λ={lambda}: {found:R} > grid {best:R} at w = ({w[0]}, {w[1]})");
    }

    [Fact]
    public void Exp_model_with_a_large_l1_penalty_is_exactly_zero()
    {
        var spec = new ProblemSpec(BuiltInDataset.CreateExp(), LossKind.Mse, false, new L1Penalty(), Form.Penalised(10), new ExpModel());
        Assert.Equal([0.0, 0.0], spec.Solve().Weights);
    }

    [Fact]
    public void Exp_model_needs_exactly_one_feature()
    {
        var e = Assert.Throws<ProblemArgumentException>(() => new ProblemSpec(BuiltInDataset.Create(), LossKind.Mse, false, new L1Penalty(), Form.Penalised(1), new ExpModel()));
        Assert.Contains("model = exp: f(x; w) = w1·exp(w2·x) takes exactly one feature column, the data has 2", e.Message);
    }

    [Fact]
    public void Ista_and_cd_land_exactly_on_the_axis_while_subgradient_descent_never_does()
    {
        var spec = new ProblemSpec(BuiltInDataset.Create(), LossKind.Mse, false, new L1Penalty(), Form.Penalised(0.5));
        var start = spec.Unregularised()!;
        var optimum = spec.Solve().Weights;
        Assert.Equal(0.0, optimum[1]);
        var ista = OptimiserTraces.Run(spec.Loss, spec.Penalty, 0.5, TraceMethod.Ista, start, 60);
        var cd = OptimiserTraces.Run(spec.Loss, spec.Penalty, 0.5, TraceMethod.Cd, start, 10);
        var gd = OptimiserTraces.Run(spec.Loss, spec.Penalty, 0.5, TraceMethod.Gd, start, 200);
        Assert.Contains(ista.Iterates, w => w[1] == 0.0);
        Assert.Contains(cd.Iterates, w => w[1] == 0.0);
        Assert.DoesNotContain(gd.Iterates.Skip(1), w => w[1] == 0.0);
        Assert.True(Math.Abs(ista.Iterates[^1][0] - optimum[0]) < 1e-6);
        // subgradient descent ends up oscillating across the axis instead of on it
        Assert.Contains(gd.Iterates.Skip(100), w => w[1] > 0);
        Assert.Contains(gd.Iterates.Skip(100), w => w[1] < 0);
    }

    /// <summary>A data term that reports a flat curvature but is steep: a fixed step 1/L must run away, and the trace must say so.</summary>
    private sealed class Misleading : ISmoothLoss
    {
        public int Dimension => 2;
        public IReadOnlyList<string> FeatureNames => ["a", "b"];
        public bool IsConvex => true;
        public double Value(ReadOnlySpan<double> w) => 100 * (w[0] * w[0] + w[1] * w[1]);
        public void Gradient(ReadOnlySpan<double> w, Span<double> r) { r[0] = 200 * w[0]; r[1] = 200 * w[1]; }
        public void Hessian(ReadOnlySpan<double> w, Span<double> r) { r[0] = 1; r[1] = 0; r[2] = 0; r[3] = 1; }
        public double InterceptFor(ReadOnlySpan<double> w) => 0;
    }

    [Fact]
    public void Divergent_trace_stops_before_non_finite_values_and_says_so()
    {
        var t = OptimiserTraces.Run(new Misleading(), new L2Penalty(), 0.1, TraceMethod.Gd, [1, 1], 1000);
        Assert.True(t.Diverged);
        Assert.True(t.Iterates.Count < 1000);
        Assert.All(t.Iterates, w => Assert.True(double.IsFinite(w[0]) && double.IsFinite(w[1])));
    }
}
