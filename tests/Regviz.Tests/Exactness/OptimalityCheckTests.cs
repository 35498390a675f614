using Regviz.Core.Certificates;
using Regviz.Core.Penalties;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Exactness;

/// <summary>The certificate itself, on problems whose optimum and violations are known in closed form.</summary>
public class OptimalityCheckTests
{
    // G = I, c = (3, −2, 0.5): D = ‖w‖² − 2cᵀw + yy, ∇D = 2(w − c), ‖∇D(0)‖∞ = 6; l1 optimum w_j = S(c_j, λ/2)
    private static readonly double[] C = [3, -2, 0.5];

    [Fact]
    public void Soft_thresholding_is_certified_and_a_moved_weight_shows_its_exact_violation()
    {
        var q = Problems.Orthonormal(C);
        double lambda = 2;
        double[] w = [2, -1, 0];
        var exact = OptimalityCheck.Penalised(q, new L1Penalty(), w, lambda);
        Assert.True(exact.Certified);
        Assert.True(exact.Kkt <= 1e-15);

        // moving an active weight by δ leaves |2δ| in its stationarity condition: relative 2δ/6
        var moved = OptimalityCheck.Penalised(q, new L1Penalty(), [2.003, -1, 0], lambda);
        Assert.Equal(0.006 / 6, moved.Kkt, 1e-12);
        Assert.False(moved.Certified);

        // a zero weight whose |∇_j D| exceeds λ: at λ = 0.8, w3 = 0 leaves |−1| − 0.8 = 0.2
        var zeroTooEarly = OptimalityCheck.Penalised(q, new L1Penalty(), [2.6, -1.6, 0], 0.8);
        Assert.Equal(0.2 / 6, zeroTooEarly.Kkt, 1e-12);
    }

    [Fact]
    public void Linf_conditions_are_those_of_its_polyhedral_subdifferential()
    {
        // G = I, c = (3, −2): both tie at m with ν_j = 2(|c_j| − m) ≥ 0 and Σν = 10 − 4m = λ; λ = 4 gives m = 1.5,
        // ν = (3, 1), both positive, so this is the optimum
        var q = Problems.Orthonormal(3, -2);
        double lambda = 4, m = 1.5;
        Assert.True(OptimalityCheck.Penalised(q, new LInfPenalty(), [m, -m], lambda).Kkt <= 1e-15);
        // the wrong m breaks Σν = λ by 4δ (relative to 6)
        Assert.Equal(4 * 0.01 / 6, OptimalityCheck.Penalised(q, new LInfPenalty(), [m + 0.01, -m - 0.01], lambda).Kkt, 1e-12);
        // w = 0 is optimal exactly when ‖∇D(0)‖₁ = 10 ≤ λ
        Assert.True(OptimalityCheck.Penalised(q, new LInfPenalty(), [0, 0], 10).Certified);
        Assert.False(OptimalityCheck.Penalised(q, new LInfPenalty(), [0, 0], 9.9).Certified);
    }

    [Fact]
    public void Constrained_form_needs_the_ball_to_bind_when_the_multiplier_is_positive()
    {
        var q = Problems.Orthonormal(C);
        // l1 ball t = 3: w = (2, −1, 0) is the penalised optimum at λ = 2 and has ‖w‖₁ = 3
        var onBall = OptimalityCheck.Constrained(q, new L1Penalty(), [2, -1, 0], 2, 3);
        Assert.True(onBall.Certified);
        Assert.Equal(0, onBall.NormGap!.Value, 15);
        var slack = OptimalityCheck.Constrained(q, new L1Penalty(), [2, -1, 0], 2, 3.5);
        Assert.False(slack.Certified);
        Assert.Equal(-0.5, slack.NormGap!.Value, 15);
    }
}
