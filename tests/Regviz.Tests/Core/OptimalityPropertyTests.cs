using CsCheck;
using Regviz.Cli.Options;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>On random problems of random size, the solvers' answers satisfy the KKT conditions to 1e-9.</summary>
public class OptimalityPropertyTests
{
    private static readonly Gen<(ulong Seed, int K, int N, double Lambda, bool Intercept)> Cases =
        Gen.Select(Gen.ULong, Gen.Int[1, 9], Gen.Int[3, 40], Gen.Double[0.001, 3.0], Gen.Bool,
            (seed, k, n, lambda, intercept) => (seed, k, n, lambda, intercept));

    /// <summary>Every convex penalty in the catalogue, at sample values of its parameters.</summary>
    public static TheoryData<string> ConvexNorms => Catalogue.CataloguePenalties.Labels(p => p.IsConvex);

    [Theory]
    [MemberData(nameof(ConvexNorms))]
    public void Penalised_optimum_satisfies_kkt(string norm)
    {
        var penalty = Catalogue.CataloguePenalties.Get(norm);
        Cases.Sample(c =>
        {
            var q = QuadraticLoss.FromDataset(Problems.Random(c.Seed, c.N, c.K), LossKind.Mse, c.Intercept);
            var s = Optimizer.Penalised(q, penalty, c.Lambda);
            double v = Optimality.Violation(q, penalty, c.Lambda, s.Weights);
            Assert.True(v <= 1e-9, $"{norm}: KKT violation {v:E2} (seed {c.Seed}, k {c.K}, n {c.N}, λ {c.Lambda})");
        }, iter: 150);
    }

    [Fact]
    public void Lasso_zeros_are_exact_zeros()
    {
        Cases.Sample(c =>
        {
            var q = QuadraticLoss.FromDataset(Problems.Random(c.Seed, c.N, c.K), LossKind.Mse, c.Intercept);
            var w = Optimizer.Penalised(q, new L1Penalty(), c.Lambda).Weights;
            // nothing is "almost zero": a weight is either exactly 0 or clearly away from it
            Assert.DoesNotContain(w, x => x != 0 && Math.Abs(x) < 1e-10 * Math.Max(1, w.Max(Math.Abs)));
        }, iter: 200);
    }

    [Fact]
    public void Lasso_with_collinear_features_still_solves()
    {
        var d = Problems.Random(7, 30, 3);
        var twin = new Regviz.Core.Data.Dataset(["a", "b", "a2"], [d.Columns[0], d.Columns[1], d.Columns[0]], d.Target, "y");
        var q = QuadraticLoss.FromDataset(twin, LossKind.Mse, false);
        foreach (var p in new Penalty[] { new L1Penalty(), new L2Penalty(), new ElasticNetPenalty(0.5) })
        {
            var w = Optimizer.Penalised(q, p, 0.2).Weights;
            Assert.True(Optimality.Violation(q, p, 0.2, w) <= 1e-9, p.Name);
        }
    }

    [Fact]
    public void Large_lambda_gives_exactly_zero_for_l1_and_elasticnet()
    {
        var q = QuadraticLoss.FromDataset(Problems.Random(3, 50, 6), LossKind.Mse, true);
        // λ_max for l1 = 2‖c‖∞, for elasticnet 2‖c‖∞/α
        double lmax = 2 * q.Cross.Max(Math.Abs);
        Assert.All(Optimizer.Penalised(q, new L1Penalty(), lmax * 1.0000001).Weights, w => Assert.Equal(0.0, w));
        Assert.Contains(Optimizer.Penalised(q, new L1Penalty(), lmax * 0.9999).Weights, w => w != 0);
        Assert.All(Optimizer.Penalised(q, new ElasticNetPenalty(0.5), 2 * lmax * 1.0000001).Weights, w => Assert.Equal(0.0, w));
    }
}

/// <summary>The checker itself must reject wrong answers, or the properties above prove nothing.</summary>
public class OptimalityCheckerTests
{
    [Theory]
    [MemberData(nameof(OptimalityPropertyTests.ConvexNorms), MemberType = typeof(OptimalityPropertyTests))]
    public void A_perturbed_optimum_fails_the_check(string norm)
    {
        var penalty = Catalogue.CataloguePenalties.Get(norm);
        var q = QuadraticLoss.FromDataset(Problems.Random(5, 30, 4), LossKind.Mse, true);
        var w = Optimizer.Penalised(q, penalty, 0.3).Weights;
        Assert.True(Optimality.Violation(q, penalty, 0.3, w) <= 1e-9);
        var moved = (double[])w.Clone();
        moved[1] += 1e-6 * Math.Max(1, w.Max(Math.Abs));
        Assert.True(Optimality.Violation(q, penalty, 0.3, moved) > 1e-9);
    }
}
