using MathNet.Numerics.LinearAlgebra;

namespace Regviz.Core.Solvers;

/// <summary>Small dense linear-algebra helpers over the row-major Gram matrix, backed by MathNet.</summary>
internal static class Dense
{
    public static Matrix<double> Gram(Problems.QuadraticLoss q) =>
        Matrix<double>.Build.Dense(q.Dimension, q.Dimension, (i, j) => q.G(i, j));

    /// <summary>Solves (G_SS + shift·I) x = rhs on the index set S by Cholesky (S non-empty, shift ≥ 0).</summary>
    public static double[]? SolveSubset(Problems.QuadraticLoss q, IReadOnlyList<int> set, double shift, double[] rhs)
    {
        var a = Block(q, set, shift);
        return CholeskySolve(a, Vector<double>.Build.Dense(rhs))?.ToArray();
    }

    private static Matrix<double> Block(Problems.QuadraticLoss q, IReadOnlyList<int> set, double shift) =>
        Matrix<double>.Build.Dense(set.Count, set.Count, (i, j) => q.G(set[i], set[j]) + (i == j ? shift : 0));

    /// <summary>Cholesky and one step of refinement (it buys the last digits on an ill-conditioned block); null when not positive definite.</summary>
    private static Vector<double>? CholeskySolve(Matrix<double> a, Vector<double> b)
    {
        // not positive definite: null, and the caller decides what that means
        if (CholeskyFactor.Of(a) is not { } chol) return null;
        var x = chol.Solve(b);
        return x + chol.Solve(b - a * x);
    }

    /// <summary>The largest eigenvalue of G (G is symmetric positive semi-definite).</summary>
    public static double MaxEigenvalue(Problems.QuadraticLoss q) =>
        Gram(q).Evd(Symmetricity.Symmetric).EigenValues.Max(e => e.Real);

}
