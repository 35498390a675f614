using Regviz.Cli.Options;
using Regviz.Core;
using Regviz.Core.Data;
using Regviz.Core.Paths;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Tests.Support;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Core;

public class PathTests
{
    private static QuadraticLoss Diabetes() =>
        QuadraticLoss.FromDataset(CsvDataset.Load(DiabetesTests.CsvPath), LossKind.Mse, intercept: true);

    /// <summary>scikit-learn 1.2.1 lars_path(method="lasso") on the centred diabetes data: 2·alphas, and coefs at knot 5 and the last.</summary>
    private static readonly double[] SklearnKnots =
    [
        4.296087151058997, 4.024044277649275, 2.049301812338135, 1.430196284835789, 0.5888214348254639, 0.4017389110886647,
        0.31205787416082087, 0.09041251293956279, 0.02478523242686407, 0.02302369363666843, 0.00987451060460017, 0.00592959882336268, 0,
    ];

    private static readonly double[] SklearnKnot5 = [0, -74.91048300135262, 511.3522143766307, 234.14871908433818, 0, 0, -169.70713693689004, 0, 450.6659566030203, 0];

    private static readonly double[] SklearnLast =
    [
        -10.009866299809564, -239.81564367242046, 519.8459200544604, 324.3846455023208, -792.1756385522491,
        476.73902100527266, 101.04326793804185, 177.06323767134546, 751.2736995571124, 67.62669218370563,
    ];

    [Fact]
    public void Diabetes_knots_match_lars_lasso_to_1e8()
    {
        var knots = LassoHomotopy.Knots(Diabetes());
        Assert.Equal(SklearnKnots.Length, knots.Count);
        for (int i = 0; i < knots.Count; i++)
            Assert.True(Math.Abs(knots[i].Lambda - SklearnKnots[i]) <= 1e-8 * SklearnKnots[0], $"knot {i}: {knots[i].Lambda:R} vs {SklearnKnots[i]:R}");
        ClosedFormTests.AssertClose(SklearnKnot5, knots[5].Weights, 1e-8);
        ClosedFormTests.AssertClose(SklearnLast, knots[^1].Weights, 1e-8);
        Assert.Equal(0.0, knots[5].Weights[4]); // s1 entered and left again: exactly zero at its exit knot
    }

    [Fact]
    public void First_knot_is_lambda_max_with_all_weights_zero()
    {
        var q = Diabetes();
        var knots = LassoHomotopy.Knots(q);
        Assert.Equal(2 * q.Cross.Max(Math.Abs), knots[0].Lambda);
        Assert.All(knots[0].Weights, w => Assert.Equal(0.0, w));
    }

    [Fact]
    public void Kkt_holds_inside_every_segment_and_the_active_set_changes_only_at_knots()
    {
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var q = QuadraticLoss.FromDataset(Problems.Random(seed, 40, 6), LossKind.Mse, seed % 2 == 0);
            var knots = LassoHomotopy.Knots(q);
            for (int i = 1; i < knots.Count; i++)
            {
                var signs = new List<int[]>();
                foreach (double f in new[] { 0.01, 0.25, 0.5, 0.75, 0.99 })
                {
                    double lambda = knots[i - 1].Lambda + f * (knots[i].Lambda - knots[i - 1].Lambda);
                    var w = LassoHomotopy.At(knots, lambda);
                    if (lambda > 0)
                        Assert.True(Optimality.Violation(q, new L1Penalty(), lambda, w) <= 1e-9, $"seed {seed}, segment {i}, f {f}");
                    signs.Add(w.Select(Math.Sign).ToArray());
                }
                Assert.All(signs, s => Assert.Equal(signs[0], s));
            }
        }
    }

    [Fact]
    public void Orthonormal_knots_are_twice_the_sorted_correlations()
    {
        // G = I: w_j = S(c_j, λ/2), so coordinate j enters at λ = 2|c_j| and never leaves
        var knots = LassoHomotopy.Knots(Problems.Orthonormal(0.5, -2, 1.25));
        Assert.Equal([4, 2.5, 1, 0], knots.Select(k => k.Lambda).ToArray());
        ClosedFormTests.AssertClose([0, -0.75, 0], knots[1].Weights, 1e-15);
        ClosedFormTests.AssertClose([0.5, -2, 1.25], knots[^1].Weights, 1e-15);
    }

    [Fact]
    public void Grid_path_follows_glmnet_conventions()
    {
        var spec = new ProblemSpec(CsvDataset.Load(DiabetesTests.CsvPath), LossKind.Mse, true, new L1Penalty(), Form.Penalised(0));
        var path = RegularisationPaths.LogGrid(spec.Loss, spec.Penalty);
        Assert.Equal(100, path.Points.Count);
        Assert.Equal(path.LambdaMax, path.Points[0].Lambda);
        Assert.Equal(1e-4 * path.LambdaMax, path.Points[^1].Lambda, 1e-18);
        Assert.All(path.Points[0].Weights, w => Assert.Equal(0.0, w));
        Assert.Contains(path.Points[1].Weights, w => w != 0);
        Assert.NotNull(path.Knots);
    }

    [Theory]
    [InlineData("elasticnet")]
    [InlineData("l2")]
    [InlineData("linf")]
    public void Grid_path_points_are_optimal(string norm)
    {
        var penalty = PenaltyCatalogue.Create(norm)!;
        var spec = new ProblemSpec(Problems.Random(9, 50, 5), LossKind.Mse, true, penalty, Form.Penalised(0));
        var q = spec.Quadratic!;
        var path = RegularisationPaths.LogGrid(spec.Loss, spec.Penalty, count: 30, ratio: 1e-3);
        foreach (var p in path.Points)
            Assert.True(Optimality.Violation(q, penalty, p.Lambda, p.Weights) <= 1e-9, $"{norm} at λ = {p.Lambda}");
        if (norm != "l2") Assert.All(path.Points[0].Weights, w => Assert.Equal(0.0, w));
    }

    [Fact]
    public void Path_with_target_orthogonal_to_every_feature_is_a_clear_error()
    {
        var d = new Dataset(["a", "b"], [[1, -1, 1, -1], [1, 1, -1, -1]], [1, -1, -1, 1], "y");
        var spec = new ProblemSpec(d, LossKind.Mse, false, new L1Penalty(), Form.Penalised(0));
        var e = Assert.Throws<ProblemArgumentException>(() => RegularisationPaths.LogGrid(spec.Loss, spec.Penalty));
        Assert.Contains("λ_max = 0", e.Message);
    }
}
