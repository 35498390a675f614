using MathNet.Numerics.LinearAlgebra;

namespace Regviz.Core.Solvers;

/// <summary>
/// The Cholesky factor L (A = LLᵀ) of a symmetric matrix, or the answer that A is not positive definite, as a value:
/// MathNet says so only by throwing an ArgumentException, which callers here caught as control flow. The arithmetic is
/// MathNet's own, operation for operation (each entry's updates subtracted in the same order, the same substitutions),
/// so the numbers are the same bits as <c>a.Cholesky().Solve(b)</c>; <c>CholeskyFactorTests</c> checks that.
/// </summary>
internal sealed class CholeskyFactor
{
    private readonly double[] _l; // column-major, lower triangle
    private readonly int _n;

    private CholeskyFactor(double[] l, int n) => (_l, _n) = (l, n);

    /// <summary>The factor of <paramref name="a"/> (only its lower triangle is read), or null when a pivot is not positive: A is not positive definite to working precision.</summary>
    public static CholeskyFactor? Of(Matrix<double> a)
    {
        int n = a.RowCount;
        var l = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = j; i < n; i++)
                l[j * n + i] = a[i, j];
        for (int k = 0; k < n; k++)
        {
            double pivot = l[k * n + k];
            if (!(pivot > 0)) return null;
            pivot = Math.Sqrt(pivot);
            l[k * n + k] = pivot;
            for (int i = k + 1; i < n; i++) l[k * n + i] /= pivot;
            // the trailing block loses this column's outer product: entry (i, j) is updated column by column, as MathNet does
            for (int j = k + 1; j < n; j++)
            {
                double lj = l[k * n + j];
                for (int i = j; i < n; i++) l[j * n + i] -= l[k * n + i] * lj;
            }
        }
        return new CholeskyFactor(l, n);
    }

    /// <summary>x with A x = <paramref name="b"/>: L y = b forwards, then Lᵀ x = y backwards.</summary>
    public Vector<double> Solve(Vector<double> b)
    {
        var x = b.ToArray();
        for (int i = 0; i < _n; i++)
        {
            double sum = x[i];
            for (int k = i - 1; k >= 0; k--) sum -= _l[k * _n + i] * x[k];
            x[i] = sum / _l[i * _n + i];
        }
        for (int i = _n - 1; i >= 0; i--)
        {
            double sum = x[i];
            for (int k = i + 1; k < _n; k++) sum -= _l[i * _n + k] * x[k];
            x[i] = sum / _l[i * _n + i];
        }
        return Vector<double>.Build.Dense(x);
    }
}
