using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>The least-squares optimum (λ = 0): the centre of the loss ellipses.</summary>
public static class UnregularisedSolver
{
    /// <summary>Whether the least-squares optimum is unique (G non-singular to working precision).</summary>
    public static bool IsUnique(QuadraticLoss q) => Dense.InverseCondition(q) > 1e-12;

    /// <summary>
    /// Gw = c; when G is singular (collinear features, fewer rows than features) the minimum-norm solution
    /// G⁺c, which is still a minimiser of D and the natural point to mark as the centre.
    /// </summary>
    public static double[] Solve(QuadraticLoss q)
    {
        var all = Enumerable.Range(0, q.Dimension).ToArray();
        if (IsUnique(q) && Dense.SolveSubset(q, all, 0, q.Cross) is { } w)
            return w;
        var g = Dense.Gram(q);
        return g.PseudoInverse().Multiply(Vector<double>.Build.Dense(q.Cross)).ToArray();
    }
}
