using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>Ridge, in closed form: (G + μI) w = c, by Cholesky (positive definite for any μ &gt; 0, collinear or not).</summary>
public static class RidgeSolver
{
    public static double[] Solve(QuadraticLoss q, double mu)
    {
        if (mu == 0) return UnregularisedSolver.Solve(q);
        var all = Enumerable.Range(0, q.Dimension).ToArray();
        return Dense.SolveSubset(q, all, mu, q.Cross)
            ?? throw new InvalidOperationException("G + μI not positive definite for μ > 0");
    }
}
