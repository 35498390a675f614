using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// Ridge, in closed form: (G + μI) w = c, solved as the least-squares problem ‖[z; 0] − [S; √μ·I]w‖² so that its
/// accuracy follows the conditioning of X, not of G (unique for any μ &gt; 0, collinear or not).
/// </summary>
internal static class RidgeSolver
{
    public static double[] Solve(QuadraticLoss q, double mu)
    {
        if (mu == 0) return UnregularisedSolver.Solve(q);
        var all = Enumerable.Range(0, q.Dimension).ToArray();
        return ActiveSystem.Solve(q, all, mu, 0, new double[q.Dimension]).Solution!;
    }
}
