using CsCheck;
using MathNet.Numerics.LinearAlgebra;
using Regviz.Cli.Options;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Exactness;

/// <summary>
/// The constrained form on hard designs: with t a fraction of N(w_ls) the constraint binds, so the answer must lie
/// on the ball (N(w) = t to 1e-11) with a positive multiplier whose penalised KKT conditions hold.
/// </summary>
public class BallsOnHardDesignsTests
{
    private static readonly double[] Fractions = [0.1, 0.5, 0.9];

    [Theory]
    [InlineData("l1")]
    [InlineData("l2")]
    [InlineData("linf")]
    public void Active_ball_is_met_exactly_with_a_certified_multiplier(string norm)
    {
        Gen.Select(HardDesignCases.FullRank, Gen.Int[0, 2]).Sample((c, f) =>
        {
            var penalty = PenaltyCatalogue.Create(norm)!;
            double t = Fractions[f] * penalty.Norm(LeastSquares(c));
            var s = new ProblemSpec(c.Dataset, LossKind.Mse, c.Intercept, penalty, Form.Constrained(t)).Solve();
            Assert.True(s.Lambda > 0, $"{c} {norm} t={t}: the constraint should bind");
            Assert.True(Math.Abs(penalty.Norm(s.Weights) - t) <= 1e-11 * t, $"{c} {norm}: N(w) − t = {penalty.Norm(s.Weights) - t}, t = {t}, λ = {s.Lambda}, {s.Method}, kkt {s.Certificate.Kkt}");
            // the conditions hold on every such design; the weights' bound can prove 1e-9 only where the design's
            // curvature lets it (columns scaled by 1e±6 or condition 1e6 may leave them uncertified, and say so)
            CertificateAssert.ConditionsHold(s.Certificate, $"{c} {norm} t={t}");
        }, iter: 20, threads: 1);
    }

    [Fact]
    public void Ball_that_holds_the_minimum_l1_fit_of_a_wide_design_is_inactive_and_certified()
    {
        // 20 rows, 40 features: many least-squares fits. The exact path's unregularised end is the one of smallest
        // l1 norm; a ball larger than it but smaller than the minimum-l2 fit does not bind (λ = 0)
        var c = new HardCase("wide 20x40", Support.HardDesigns.IllConditioned(3, 20, 40, 1e2, false), false);
        var spec = new ProblemSpec(c.Dataset, LossKind.Mse, false, new L1Penalty(), Form.Penalised(0));
        var end = Regviz.Core.Paths.LassoHomotopy.Knots(spec.Quadratic!)[^1];
        double minimumL1 = end.Weights.Sum(Math.Abs), minimumL2Norm = LeastSquares(c).Sum(Math.Abs);
        Assert.True(minimumL1 < minimumL2Norm);
        double t = (minimumL1 + minimumL2Norm) / 2;
        var s = new ProblemSpec(c.Dataset, LossKind.Mse, false, new L1Penalty(), Form.Constrained(t)).Solve();
        Assert.True(s.Certificate.Certified, $"kkt {s.Certificate.Kkt}, gap {s.Certificate.NormGap}, λ {s.Lambda}, {s.Certificate}");
        Assert.True(s.Weights.Sum(Math.Abs) <= t);
        // with fewer rows than features least squares fits exactly: D(w) = 0 up to rounding
        Assert.True(s.DataTerm <= 1e-12 * spec.Loss.Value(new double[40]));
    }

    [Fact]
    public void Least_squares_is_unique_and_certified_on_a_full_rank_design_with_condition_1e7()
    {
        var c = new HardCase("cond 1e7 50x5", Support.HardDesigns.IllConditioned(9, 50, 5, 1e7, true), true);
        var s = new ProblemSpec(c.Dataset, LossKind.Mse, true, new LInfPenalty(), Form.Penalised(0)).Solve();
        Assert.True(s.Certificate.Certified, $"kkt {s.Certificate.Kkt}");
        var ls = LeastSquares(c);
        for (int j = 0; j < 5; j++) Assert.Equal(ls[j], s.Weights[j], 1e-6 * (1 + Math.Abs(ls[j])));
    }

    /// <summary>w_ls by MathNet's QR of the (centred) raw design: independent of the solvers' square root.</summary>
    private static double[] LeastSquares(HardCase c)
    {
        var d = c.Data;
        int n = d.Rows, k = d.Features;
        var x = Matrix<double>.Build.Dense(n, k, (i, j) => d.X[i][j]);
        var y = Vector<double>.Build.Dense(d.Y);
        if (c.Intercept)
        {
            for (int j = 0; j < k; j++)
            {
                double mean = x.Column(j).Average();
                for (int i = 0; i < n; i++) x[i, j] -= mean;
            }
            y -= y.Average();
        }
        return x.PseudoInverse().Multiply(y).ToArray(); // the minimum-norm fit where it is not unique
    }
}
