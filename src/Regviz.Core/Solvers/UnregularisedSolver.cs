using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>The least-squares optimum (λ = 0): the centre of the loss ellipses.</summary>
internal static class UnregularisedSolver
{
    /// <summary>
    /// Whether the least-squares optimum is unique: the square root S has full column rank to working precision
    /// (its singular values, not G's eigenvalues, which square the condition number and lose it past 1e8).
    /// </summary>
    public static bool IsUnique(QuadraticLoss q)
    {
        var s = ActiveSystem.Columns(q, Enumerable.Range(0, q.Dimension).ToArray(), 0);
        var sigma = s.Svd(computeVectors: false).S;
        return sigma.Minimum() > sigma.Maximum() * Math.Max(s.RowCount, s.ColumnCount) * 1e-15;
    }

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
