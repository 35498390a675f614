using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// Coordinate descent for F(w) = wᵀGw − 2cᵀw + μP(w) with any separable penalty whose scalar prox is exact (MCP,
/// SCAD): with the other coordinates held, F in w_j is G_jj(x − z_j)² + μp(x) + const, z_j = (c_j − Σ_{i≠j} G_ji w_i)/G_jj,
/// whose global minimiser is ScalarProx(z_j, μ/(2G_jj)), for any curvature G_jj (the prox compares the candidates
/// where the one-dimensional problem is not convex). Each update is exact, so F never rises, zeros are exact zeros,
/// and the limit is a point where every coordinate sits at its own one-dimensional optimum: a local optimum of a
/// non-convex problem, as R's ncvreg finds, not necessarily the global one.
/// </summary>
internal static class SeparableCoordinateDescent
{
    private const int MaxSweeps = 5_000;

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
        return ReducedNewton.Polish(q, penalty, mu * q.Scale, w);
    }

    /// <summary>
    /// The best (lowest F) of coordinate descent from the origin, the warm start when there is one, the lasso at the
    /// same λ (the usual start for MCP and SCAD: it already has their zeros near λ_max) and the least-squares fit
    /// (their answer for small λ, where every large weight is past γλ and left unshrunk).
    /// </summary>
    public static (double[] Weights, SolveMethod Method) BestOfStarts(QuadraticLoss q, Penalty penalty, double mu, double[]? warm)
    {
        var starts = new List<double[]> { new double[q.Dimension], CoordinateDescentSolver.Solve(q, mu / 2, 0), UnregularisedSolver.Solve(q) };
        if (warm is not null) starts.Add(warm);
        var best = starts.Select(s => Solve(q, penalty, mu, s)).MinBy(w => NonConvexPlaneSolver.Objective(q, penalty, mu, w))!;
        return (best, SolveMethod.CoordinateDescentLocal);
    }
}
