using CsCheck;
using Regviz.Core;
using Regviz.Core.Certificates;
using Regviz.Core.Data;
using Regviz.Core.Paths;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>The one entry point, its forms, its typed result, the catalogue and the path home.</summary>
public class FacadeTests
{
    private static QuadraticLoss BuiltIn() => QuadraticLoss.FromDataset(BuiltInDataset.Create(), LossKind.Mse, intercept: false);

    [Fact]
    public void Forms_refuse_what_the_problem_cannot_mean()
    {
        Assert.ThrowsAny<Exception>(() => Form.Penalised(-1));
        Assert.ThrowsAny<Exception>(() => Form.Penalised(double.NaN));
        Assert.ThrowsAny<Exception>(() => Form.Constrained(0));
        Assert.ThrowsAny<Exception>(() => Form.Constrained(double.PositiveInfinity));
        Assert.Equal(0.25, Form.Penalised(0.25).Lambda);
        Assert.Equal(2.0, Form.Constrained(2).Radius);
    }

    /// <summary>
    /// Orthonormal design (XᵀX/n = I): the lasso is soft-thresholding of c = Xᵀy/n at λ/2 and the ridge optimum is
    /// c/(1 + λ), whichever way the problem reaches the façade.
    /// </summary>
    [Fact]
    public void Facade_gives_the_closed_forms_with_the_method_that_found_them()
    {
        double[] c = [0.9, -0.15];
        var q = new QuadraticLoss([1, 0, 0, 1], c, 1, 1, 100, ["a", "b"]);
        var lasso = Regularised.Solve(q, new L1Penalty(), Form.Penalised(0.4));
        Assert.Equal(0.7, lasso.Weights[0], 12);
        Assert.Equal(0.0, lasso.Weights[1]); // |−0.15| < 0.2: exactly zero
        Assert.Equal(SolveMethod.CoordinateDescent, lasso.Method);
        Assert.True(lasso.Certificate.Certified);

        var ridge = Regularised.Solve(q, new L2Penalty(), Form.Penalised(0.5));
        Assert.Equal(0.9 / 1.5, ridge.Weights[0], 12);
        Assert.Equal(-0.15 / 1.5, ridge.Weights[1], 12);
        Assert.Equal(SolveMethod.RidgeClosedForm, ridge.Method);

        // ‖w‖₁ ≤ 0.5 on this design: soft-thresholding at the level that leaves 0.5, i.e. (0.5, 0)
        var ball = Regularised.Solve(q, new L1Penalty(), Form.Constrained(0.5));
        Assert.Equal(0.5, ball.Weights[0], 12);
        Assert.Equal(0.0, ball.Weights[1]);
        Assert.Equal(0.5, ball.Radius);
        Assert.Equal(2 * (0.9 - 0.5), ball.Lambda, 10); // the multiplier: c₁ − λ/2 = 0.5
    }

    [Fact]
    public void A_method_that_missed_its_certificate_does_not_call_itself_exact()
    {
        var s = new Solution([0, 0], 0, 1, null, 0, 0, 0, SolveMethod.CoordinateDescent, false, new Certificate(1e-3, false));
        Assert.Equal("coordinate descent + active-set finish (not certified)", s.MethodDescription);
        var bisected = s with { MultiplierBisected = true, Certificate = new Certificate(0, true) };
        Assert.Equal("coordinate descent + exact active-set finish, multiplier by bisection", bisected.MethodDescription);
    }

    [Fact]
    public void Every_registered_penalty_is_found_by_its_own_name_and_nothing_else_is()
    {
        foreach (string name in PenaltyCatalogue.Names)
            Assert.Equal(name, PenaltyCatalogue.Create(name)!.Name);
        Assert.Null(PenaltyCatalogue.Create("l3"));
        Assert.Equal(PenaltyCatalogue.Names.Count, PenaltyCatalogue.Names.Distinct().Count());
    }

    /// <summary>
    /// The path home warm-starts each λ from its neighbour; that must not change the answer: every point equals a
    /// cold solve at its λ, for elastic net on random designs (coordinate descent) and for lp with p = 1.5 (FISTA).
    /// </summary>
    [Fact]
    public void Warm_started_paths_equal_cold_solves_point_by_point()
    {
        Gen.Select(Gen.Int[3, 6], Gen.ULong, Gen.Bool).Sample((k, seed, enet) =>
        {
            var rng = new SplitMix64(seed);
            int n = 40;
            var cols = Enumerable.Range(0, k).Select(_ => Enumerable.Range(0, n).Select(_ => rng.NextGaussian()).ToArray()).ToArray();
            var y = Enumerable.Range(0, n).Select(i => cols[0][i] - 0.5 * cols[1][i] + 0.3 * rng.NextGaussian()).ToArray();
            var data = new Dataset(Enumerable.Range(0, k).Select(j => $"x{j}").ToArray(), cols, y, "y");
            var loss = QuadraticLoss.FromDataset(data, LossKind.Mse, intercept: true);
            Penalty penalty = enet ? new ElasticNetPenalty(0.7) : new LpPenalty(1.5);
            var path = RegularisationPaths.LogGrid(loss, penalty, count: 12, ratio: 1e-3);
            foreach (var point in path.Points)
            {
                var cold = Regularised.Solve(loss, penalty, Form.Penalised(point.Lambda)).Weights;
                for (int j = 0; j < k; j++)
                    Assert.True(Math.Abs(point.Weights[j] - cold[j]) <= 1e-8 * (1 + Math.Abs(cold[j])), $"λ = {point.Lambda}, j = {j}: {point.Weights[j]} vs {cold[j]}");
                Assert.True(point.Certificate!.Certified, $"λ = {point.Lambda}: {point.Certificate}");
            }
        }, iter: 25);
    }

    [Fact]
    public void The_path_to_the_origin_ends_at_zero_where_lambda_max_exists()
    {
        var loss = BuiltIn();
        var points = RegularisationPaths.ToOrigin(loss, new ElasticNetPenalty(0.5), unregularised: null, count: 40);
        double max = RegularisationPaths.LambdaMax(loss, new ElasticNetPenalty(0.5))!.Value;
        Assert.Equal(max, points[^1].Lambda, 12);
        Assert.All(points[^1].Weights, w => Assert.Equal(0.0, w));
        Assert.True(points.Zip(points.Skip(1)).All(p => p.First.Lambda < p.Second.Lambda)); // ascending λ
    }
}
