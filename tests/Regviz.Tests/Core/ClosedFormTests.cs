using CsCheck;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>Orthonormal designs (G = I), where every penalty has a closed form worked out by hand.</summary>
public class ClosedFormTests
{
    [Fact]
    public void Lasso_on_orthonormal_design_is_soft_thresholding_at_half_lambda()
    {
        // J = wᵀw − 2cᵀw + λ‖w‖₁ (+ const) separates: w_j = sign(c_j)·max(|c_j| − λ/2, 0)
        var q = Problems.Orthonormal(3, -0.2, 1, -0.5);
        var s = Optimizer.Penalised(q, new L1Penalty(), 1.0);
        Assert.Equal(new[] { 2.5, 0, 0.5, 0 }, s.Weights);
        Assert.Equal(0.0, s.Weights[1]); // exact zeros, not 1e-13
        Assert.Equal(0.0, s.Weights[3]);
    }

    [Fact]
    public void Ridge_on_orthonormal_design_shrinks_by_one_over_one_plus_lambda()
    {
        var q = Problems.Orthonormal(3, -0.2, 1);
        var s = Optimizer.Penalised(q, new L2Penalty(), 0.5);
        AssertClose(new[] { 2.0, -0.2 / 1.5, 1 / 1.5 }, s.Weights, 1e-15);
    }

    [Fact]
    public void Elastic_net_on_orthonormal_design_thresholds_then_shrinks()
    {
        // α = 0.5, λ = 2: w_j = S(c_j, λα/2)/(1 + λ(1−α)) = S(c_j, 0.5)/2
        var q = Problems.Orthonormal(3, -0.2, -1);
        var s = Optimizer.Penalised(q, new ElasticNetPenalty(0.5), 2);
        AssertClose(new[] { 1.25, 0, -0.25 }, s.Weights, 1e-15);
        Assert.Equal(0.0, s.Weights[1]);
    }

    [Fact]
    public void Linf_at_zero_exactly_when_half_lambda_covers_the_l1_norm_of_c()
    {
        // w = 0 iff ‖c‖₁ ≤ λ/2
        var q = Problems.Orthonormal(0.3, -0.2);
        Assert.All(Optimizer.Penalised(q, new LInfPenalty(), 1.0).Weights, w => Assert.Equal(0.0, w));
        Assert.Contains(Optimizer.Penalised(q, new LInfPenalty(), 0.99).Weights, w => w != 0);
    }

    [Fact]
    public void Linf_on_orthonormal_design_clips_the_largest_coordinates_to_a_common_value()
    {
        // G = I, c = (3, 2, 0.5), λ = 2: both large coordinates meet at m with (3 − m) + (2 − m) = λ/2 = 1,
        // so m = 2, w = (2, 2, 0.5)
        var q = Problems.Orthonormal(3, 2, 0.5);
        AssertClose(new[] { 2.0, 2.0, 0.5 }, Optimizer.Penalised(q, new LInfPenalty(), 2).Weights, 1e-12);
        // λ = 1: only the largest is clipped: 3 − m = 0.5, m = 2.5 ≥ 2, so w = (2.5, 2, 0.5)
        AssertClose(new[] { 2.5, 2.0, 0.5 }, Optimizer.Penalised(q, new LInfPenalty(), 1).Weights, 1e-12);
    }

    [Fact]
    public void Lp_with_p_one_and_two_match_l1_and_l2()
    {
        // on an orthonormal design J = Σ (w_j − c_j)² + λP(w) splits per coordinate, and the answers are written out
        // here, not taken from any solver: p = 1 soft-thresholds c at λ/2, p = 2 shrinks it by 1/(1 + λ)
        Gen.Select(Gen.Double[-5, 5].Array[1, 6], Gen.Double[0.01, 6]).Sample((c, lambda) =>
        {
            var q = Problems.Orthonormal(c);
            var soft = c.Select(v => Math.Abs(v) <= lambda / 2 ? 0 : v - Math.CopySign(lambda / 2, v)).ToArray();
            var ridge = c.Select(v => v / (1 + lambda)).ToArray();
            foreach (var (penalty, expected) in new (Penalty, double[])[] { (new LpPenalty(1), soft), (new L1Penalty(), soft), (new LpPenalty(2), ridge), (new L2Penalty(), ridge) })
            {
                var w = Optimizer.Penalised(q, penalty, lambda).Weights;
                AssertClose(expected, w, 1e-12);
                // lasso zeros are exact, not small
                for (int j = 0; j < c.Length; j++) if (expected[j] == 0 && penalty.KinkAtZero > 0) Assert.Equal(0.0, w[j]);
            }
        }, iter: 200);
    }

    [Fact]
    public void Lp_half_on_orthonormal_design_is_the_scalar_hard_choice_per_coordinate()
    {
        // per coordinate: minimise x² − 2cx + λ√|x|. Brute force on a fine 1-D grid, then compare.
        var c = new[] { 2.0, 0.6, -1.2 };
        double lambda = 1.0;
        var q = Problems.Orthonormal(c);
        var w = Optimizer.Penalised(q, new LpPenalty(0.5), lambda).Weights;
        Assert.Equal(0.0, w[1]); // x = 0.6: 0.36 − 0.72 + √0.6 > 0, and the same for every x ≠ 0
        for (int j = 0; j < c.Length; j++)
        {
            double F(double x) => x * x - 2 * c[j] * x + lambda * Math.Sqrt(Math.Abs(x));
            double best = Enumerable.Range(-400_000, 800_001).Select(i => i * 1e-5).Min(F);
            Assert.True(F(w[j]) <= best + 1e-12, $"coordinate {j}: {F(w[j])} > grid {best}");
        }
    }

    internal static void AssertClose(double[] expected, double[] actual, double relative)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = Math.Max(1, expected.Max(Math.Abs));
        for (int j = 0; j < expected.Length; j++)
            Assert.True(Math.Abs(expected[j] - actual[j]) <= relative * scale,
                $"[{j}] expected {expected[j]:R}, got {actual[j]:R}");
    }
}
