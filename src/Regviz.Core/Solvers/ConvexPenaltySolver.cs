using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// Least squares with a convex penalty that has no exact solver of its own (lp with p &gt; 1): FISTA from the ridge
/// optimum, then Newton on the penalty's structure for the last digits.
/// </summary>
internal static class ConvexPenaltySolver
{
    public static double[] Solve(QuadraticLoss q, Penalty penalty, double mu)
    {
        var ridge = RidgeSolver.Solve(q, mu);
        var approx = GeneralProximalGradient.Minimise(q, penalty, q.LambdaOf(mu), ridge, accelerate: true, LInfSolver.Lipschitz(q));
        return ReducedNewton.Polish(q, penalty, q.LambdaOf(mu), approx);
    }
}
