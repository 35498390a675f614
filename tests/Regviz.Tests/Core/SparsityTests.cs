using Regviz.Cli.Options;
using Regviz.Core;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Regviz.Core.Sparsity;
using Xunit;

namespace Regviz.Tests.Core;

public class SparsityTests
{
    private static IEnumerable<PlaneQuadratic> Losses(int count, ulong seed = 99)
    {
        var rng = new SplitMix64(seed);
        for (int i = 0; i < count; i++) yield return PlaneQuadratic.Random(rng, 1.0);
    }

    private static void AssertSame((double X, double Y) closed, double[] general, string what)
    {
        double scale = Math.Max(1, Math.Max(Math.Abs(general[0]), Math.Abs(general[1])));
        Assert.True(Math.Abs(closed.X - general[0]) <= 1e-9 * scale && Math.Abs(closed.Y - general[1]) <= 1e-9 * scale,
            $"{what}: closed form ({closed.X:R}, {closed.Y:R}) vs core ({general[0]:R}, {general[1]:R})");
        // a zero from one is a zero from the other: sparsity is decided identically
        Assert.Equal(general[0] == 0, closed.X == 0);
        Assert.Equal(general[1] == 0, closed.Y == 0);
    }

    [Theory]
    [InlineData("l1")]
    [InlineData("l2")]
    [InlineData("elasticnet")]
    [InlineData("linf")]
    public void Closed_form_ball_solvers_agree_with_the_core_on_thousands_of_losses(string norm)
    {
        var penalty = PenaltyCatalogue.Create(norm)!;
        foreach (var q in Losses(norm == "elasticnet" ? 600 : 3000))
            AssertSame(SparsityExperiment.Optimum(q, penalty, Form.Constrained(1.0)), Optimizer.Constrained(q.ToLoss(), penalty, 1.0).Weights, norm);
    }

    [Theory]
    [InlineData("l1")]
    [InlineData("l2")]
    [InlineData("elasticnet")]
    [InlineData("linf")]
    public void Closed_form_penalised_solvers_agree_with_the_core_on_thousands_of_losses(string norm)
    {
        var penalty = PenaltyCatalogue.Create(norm)!;
        var rng = new SplitMix64(5);
        foreach (var q in Losses(3000))
        {
            double lambda = 0.05 + 4 * rng.NextDouble();
            AssertSame(SparsityExperiment.Optimum(q, penalty, Form.Penalised(lambda)), Optimizer.Penalised(q.ToLoss(), penalty, lambda).Weights, $"{norm} λ={lambda}");
        }
    }

    /// <summary>lp takes l1's and l2's closed forms at p = 1 and 2 (it implements <see cref="IExactOnPlane"/> there) and answers null elsewhere.</summary>
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Lp_at_one_and_two_has_the_closed_forms_and_agrees_with_the_core(double p)
    {
        var penalty = new LpPenalty(p);
        IExactOnPlane exact = penalty;
        var rng = new SplitMix64(7);
        foreach (var q in Losses(600))
        {
            double lambda = 0.05 + 4 * rng.NextDouble();
            AssertSame(exact.InBall(q, 1.0)!.Value, Optimizer.Constrained(q.ToLoss(), penalty, 1.0).Weights, $"lp {p} ball");
            AssertSame(exact.Penalised(q, lambda)!.Value, Optimizer.Penalised(q.ToLoss(), penalty, lambda).Weights, $"lp {p} λ={lambda}");
        }
        var q0 = Losses(1).Single();
        Assert.Null(((IExactOnPlane)new LpPenalty(1.5)).InBall(q0, 1.0));
        Assert.Null(((IExactOnPlane)new LpPenalty(0.5)).Penalised(q0, 1.0));
    }

    [Fact]
    public void Same_seed_same_numbers_other_seed_other_numbers()
    {
        Penalty[] norms = [new L1Penalty(), new ElasticNetPenalty(0.5)];
        var a = SparsityExperiment.Run(norms, 20_000, 7, Form.Constrained(1));
        var b = SparsityExperiment.Run(norms, 20_000, 7, Form.Constrained(1));
        var c = SparsityExperiment.Run(norms, 20_000, 8, Form.Constrained(1));
        Assert.Equal(a.Select(r => r.Sparse), b.Select(r => r.Sparse));
        Assert.Equal(a[0].Sample, b[0].Sample);
        Assert.NotEqual(a.Select(r => r.Sparse), c.Select(r => r.Sparse));
    }

    [Fact]
    public void L2_is_never_sparse_and_l1_often_is()
    {
        var r = SparsityExperiment.Run([new L2Penalty(), new L1Penalty(), new LInfPenalty()], 20_000, 3, Form.Constrained(1));
        Assert.Equal(0, r[0].Sparse);
        Assert.Equal(0, r[2].Sparse); // the square's corners are off the axes
        Assert.InRange(r[1].SparseFraction, 0.3, 0.95);
    }

    [Fact]
    public void Ball_corner_is_an_exact_zero()
    {
        // centre far out along w1 with round level sets: the nearest point of the diamond is its corner (1, 0)
        var q = new PlaneQuadratic(1, 0, 1, 3, 0.2);
        Assert.Equal((1.0, 0.0), PlaneSolvers.PolygonBall(q, diamond: true, 1));
    }

    [Fact]
    public void Trial_count_is_checked()
    {
        var e = Assert.Throws<ProblemArgumentException>(() => SparsityExperiment.Run([new L1Penalty()], 0, 1, Form.Constrained(1)));
        Assert.Contains("trials: 0", e.Message);
    }
}
