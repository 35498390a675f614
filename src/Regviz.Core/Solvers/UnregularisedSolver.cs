using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>The least-squares optimum (λ = 0): the centre of the loss ellipses.</summary>
public static class UnregularisedSolver
{
    /// <summary>Whether the least-squares optimum is unique (G non-singular to working precision).</summary>
    public static bool IsUnique(QuadraticLoss q) => Dense.InverseCondition(q) > 1e-12;

    /// <summary>
    /// min ‖z − Sw‖² through the SVD of the data's square root S (the conditioning of X, not of G = XᵀX); when S is
    /// rank-deficient (collinear features, fewer rows than features) the minimum-norm solution, which is still a
    /// minimiser of D and the natural point to mark as the centre.
    /// </summary>
    public static double[] Solve(QuadraticLoss q)
    {
        var all = Enumerable.Range(0, q.Dimension).ToArray();
        return ActiveSystem.Solve(q, all, 0, 0, new double[q.Dimension]).Solution!;
    }
}
