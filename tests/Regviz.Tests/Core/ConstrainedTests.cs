using Regviz.Cli.Options;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Core;

public class ConstrainedTests
{
    [Fact]
    public void L2_ball_on_orthonormal_design_scales_c_onto_the_sphere()
    {
        var q = Problems.Orthonormal(3, 4); // ‖c‖ = 5
        var s = Optimizer.Constrained(q, new L2Penalty(), 2);
        ClosedFormTests.AssertClose([1.2, 1.6], s.Weights, 1e-12);
        // w = c/(1 + μ) with ‖w‖ = 2 → μ = 1.5 = λ for mse
        Assert.Equal(1.5, s.Lambda, 1e-10);
    }

    [Fact]
    public void L1_ball_on_orthonormal_design_is_soft_thresholding_that_fills_the_budget()
    {
        // c = (3, 1, −0.5), t = 2.5: threshold θ with (3 − θ) + (1 − θ) = 2.5 → θ = 0.75, λ = 2θ = 1.5
        var q = Problems.Orthonormal(3, 1, -0.5);
        var s = Optimizer.Constrained(q, new L1Penalty(), 2.5);
        ClosedFormTests.AssertClose([2.25, 0.25, 0], s.Weights, 1e-13);
        Assert.Equal(0.0, s.Weights[2]);
        Assert.Equal(1.5, s.Lambda, 1e-12);
    }

    [Fact]
    public void Ball_containing_least_squares_returns_it_with_lambda_zero()
    {
        var q = Problems.Orthonormal(0.3, -0.4);
        var s = Optimizer.Constrained(q, new L1Penalty(), 1);
        Assert.Equal(new[] { 0.3, -0.4 }, s.Weights);
        Assert.Equal(0.0, s.Lambda);
    }

    [Theory]
    [InlineData("l1")]
    [InlineData("l2")]
    [InlineData("elasticnet")]
    [InlineData("linf")]
    public void Constrained_optimum_is_on_the_boundary_and_equals_the_penalised_one_at_its_lambda(string norm)
    {
        var penalty = PenaltyCatalogue.Create(norm)!;
        for (ulong seed = 1; seed <= 10; seed++)
        {
            var q = QuadraticLoss.FromDataset(Problems.Random(seed, 30, 4), LossKind.Mse, true);
            double t = 0.4 * penalty.Norm(UnregularisedSolver.Solve(q));
            var s = Optimizer.Constrained(q, penalty, t);
            Assert.True(Math.Abs(penalty.Norm(s.Weights) - t) <= 1e-12 * t, $"{norm} seed {seed}: N(w) = {penalty.Norm(s.Weights):R} ≠ {t:R}");
            Assert.True(Optimality.Violation(q, penalty, s.Lambda, s.Weights) <= 1e-9, $"{norm} seed {seed}: KKT at equivalent λ");
        }
    }

    [Fact]
    public void Lp_half_ball_optimum_beats_every_sampled_boundary_point()
    {
        var lp = new LpPenalty(0.5);
        for (ulong seed = 1; seed <= 8; seed++)
        {
            var q = QuadraticLoss.FromDataset(Problems.Random(seed, 30, 2, 0.6), LossKind.Mse, false);
            double t = 0.5 * lp.Norm(UnregularisedSolver.Solve(q));
            var s = Optimizer.Constrained(q, lp, t);
            Assert.True(Math.Abs(lp.Norm(s.Weights) - t) <= 1e-12 * t);
            double best = double.PositiveInfinity;
            for (int i = 0; i < 200_000; i++)
            {
                double phi = 2 * Math.PI * i / 200_000;
                double r = lp.RadiusAlong(Math.Cos(phi), Math.Sin(phi), Math.Pow(t, 0.5));
                best = Math.Min(best, q.Value([r * Math.Cos(phi), r * Math.Sin(phi)]));
            }
            best = Math.Min(best, new[] { (t, 0.0), (-t, 0.0), (0.0, t), (0.0, -t) }.Min(w => q.Value([w.Item1, w.Item2])));
            Assert.True(s.DataTerm <= best + 1e-12 * best, $"seed {seed}: {s.DataTerm:R} > {best:R}");
        }
    }
}
