using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// Coordinate descent for F(w) = wᵀGw − 2cᵀw + μP(w) with a separable penalty whose scalar prox is exact (MCP,
/// SCAD): with the other coordinates held, F in w_j is G_jj(x − z_j)² + μP(x) + const, z_j = (c_j − Σ_{i≠j} G_ji w_i)/G_jj,
/// whose global minimiser is ScalarProx(z_j, μ/(2G_jj)), for any curvature G_jj (the prox compares the candidates
/// where the one-dimensional problem is not convex). Each update is exact, so F never rises, zeros are exact zeros,
/// and the limit is a point where every coordinate sits at its own one-dimensional optimum: a local optimum of a
/// non-convex problem, not necessarily the global one.
/// <para>
/// Which local optimum is R's ncvreg's choice: the one reached by following λ down from λ_max, where w = 0, each
/// solve warm-started from the one before. Here the λ grid is λ_max·10^(−i/20) (20 values a decade) down to the
/// requested λ, the same grid for every λ, so a path and a single solve agree wherever the path is continuous.
/// </para>
/// </summary>
internal static class SeparableCoordinateDescent
{
    private const int MaxSweeps = 5_000;
    private const int StepsPerDecade = 20;

    /// <summary>The penalty, taken at λ = μ·scale, followed down from λ_max to μ (normalised units).</summary>
    public static (double[] Weights, SolveMethod Method) AlongPath(QuadraticLoss q, Penalty penalty, double mu)
    {
        var w = new double[q.Dimension];
        // λ_max (the lasso's, as for MCP and SCAD: their slope at 0 is 1) in normalised units
        double muMax = q.Mu(LambdaRange.Of(q, penalty).Top);
        double lambda = q.LambdaOf(mu);
        for (int i = 1; muMax * Math.Pow(10, -(double)i / StepsPerDecade) > mu; i++)
        {
            double step = muMax * Math.Pow(10, -(double)i / StepsPerDecade);
            w = Solve(q, penalty.At(q.LambdaOf(step)), step, w);
        }
        return (Solve(q, penalty.At(lambda), mu, w), SolveMethod.CoordinateDescentPath);
    }

    /// <summary>Cyclic sweeps from <paramref name="start"/> until no coordinate moves, then Newton on the support.</summary>
    public static double[] Solve(QuadraticLoss q, Penalty penalty, double mu, double[] start)
    {
        int k = q.Dimension;
        var w = (double[])start.Clone();
        var gw = new double[k];
        q.MultiplyGram(w, gw);
        for (int sweep = 1; sweep <= MaxSweeps; sweep++)
        {
            double maxDelta = 0, maxW = 0;
            for (int j = 0; j < k; j++)
            {
                double gjj = q.G(j, j);
                double z = (q.Cross[j] - (gw[j] - gjj * w[j])) / gjj;
                double updated = penalty.ScalarProx(z, mu / (2 * gjj));
                double d = updated - w[j];
                if (d != 0)
                {
                    w[j] = updated;
                    for (int i = 0; i < k; i++) gw[i] += d * q.G(i, j);
                    maxDelta = Math.Max(maxDelta, Math.Abs(d));
                }
                maxW = Math.Max(maxW, Math.Abs(w[j]));
            }
            if (maxDelta <= 1e-15 * Math.Max(1, maxW)) break;
            if (sweep % 16 == 0) q.MultiplyGram(w, gw); // rounding drifts Gw over many updates
        }
        return ReducedNewton.Polish(q, penalty, q.LambdaOf(mu), w);
    }
}
