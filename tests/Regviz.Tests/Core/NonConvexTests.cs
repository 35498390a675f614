using CsCheck;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>lp with p &lt; 1 in the plane: the reported optimum is the global one, checked by exhaustive search.</summary>
public class NonConvexTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.3)]
    [InlineData(0.8)]
    public void Lp_optimum_is_no_worse_than_any_point_of_a_fine_grid(double p)
    {
        var penalty = new LpPenalty(p);
        Gen.Select(Gen.ULong, Gen.Double[0.05, 2.0]).Sample((seed, lambda) =>
        {
            var q = QuadraticLoss.FromDataset(Problems.Random(seed, 25, 2, 0.7), LossKind.Mse, true);
            var w = Optimizer.Penalised(q, penalty, lambda).Weights;
            double J(double a, double b) => q.Value([a, b]) + lambda * penalty.Value([a, b]);
            double found = J(w[0], w[1]);
            // the optimum lies where D(w) ≤ D(0); search a box that holds the least-squares centre with margin
            var ols = UnregularisedSolver.Solve(q);
            double r = 2 * Math.Max(Math.Abs(ols[0]), Math.Abs(ols[1])) + 0.5;
            const int m = 400;
            double best = double.PositiveInfinity;
            for (int i = -m; i <= m; i++)
                for (int j = -m; j <= m; j++)
                    best = Math.Min(best, J(r * i / m, r * j / m));
            for (int i = -20 * m; i <= 20 * m; i++) // the axes, finely: a sparse optimum lives there
            {
                best = Math.Min(best, J(r * i / (20 * m), 0));
                best = Math.Min(best, J(0, r * i / (20 * m)));
            }
            Assert.True(found <= best + 1e-12 * Math.Abs(best), $"seed {seed}, λ {lambda}: {found:R} > grid {best:R}");
        }, iter: 12);
    }

    [Fact]
    public void Lp_optimum_is_stationary_on_its_support()
    {
        var penalty = new LpPenalty(0.5);
        var q = QuadraticLoss.FromDataset(Problems.Random(11, 40, 2, 0.2), LossKind.Mse, false);
        var w = Optimizer.Penalised(q, penalty, 0.2).Weights;
        var grad = new double[2];
        q.Gradient(w, grad);
        for (int j = 0; j < 2; j++)
        {
            if (w[j] == 0) continue;
            double dp = 0.5 * Math.Pow(Math.Abs(w[j]), -0.5) * Math.Sign(w[j]);
            Assert.True(Math.Abs(grad[j] + 0.2 * dp) <= 1e-9 * Math.Max(1, Math.Abs(grad[j])), $"coordinate {j}");
        }
    }
}
