using CsCheck;
using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
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
            var penalty = Penalty.Create(NormKinds.Parse(norm));
            double t = Fractions[f] * penalty.Norm(LeastSquares(c));
            var s = new ProblemSpec(c.Dataset, LossKind.Mse, c.Intercept, penalty, null, t).Solve();
            Assert.True(s.Lambda > 0, $"{c} {norm} t={t}: the constraint should bind");
            Assert.True(Math.Abs(penalty.Norm(s.Weights) - t) <= 1e-11 * t, $"{c} {norm}: N(w) − t = {penalty.Norm(s.Weights) - t}");
            Assert.True(s.Certificate.Certified, $"{c} {norm} t={t}: kkt {s.Certificate.Kkt}, gap {s.Certificate.NormGap}");
        }, iter: 20, threads: 1);
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
        return x.QR().Solve(y).ToArray();
    }
}
