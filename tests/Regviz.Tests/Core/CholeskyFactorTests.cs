using CsCheck;
using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>
/// CholeskyFactor replaces MathNet's Cholesky where "not positive definite" is an answer, not an error: it must give
/// the same bits where MathNet factors, and say "not positive definite" exactly where MathNet throws.
/// </summary>
public class CholeskyFactorTests
{
    /// <summary>
    /// BᵀB + shift·I: positive definite for shift &gt; 0, semi-definite or indefinite at shift ≤ 0 (B can be rank-deficient);
    /// its upper triangle disturbed, as a Hessian computed as PᵀHP is symmetric only to rounding: only the lower one is read.
    /// </summary>
    private static readonly Gen<(Matrix<double> A, Vector<double> B)> Systems =
        Gen.Select(Gen.Int[1, 9], Gen.Int[1, 12], Gen.Double[-1, 1].Array[144], Gen.Double[-1e-3, 2], Gen.Double[-1e6, 1e6].Array[9], Gen.Int[-8, 8])
            .Select((n, rows, cells, shift, rhs, scale) =>
            {
                var b = Matrix<double>.Build.Dense(rows, n, (i, j) => cells[i * 12 + j] * Math.Pow(10, scale * (j % 3 - 1) / 4.0));
                var a = b.TransposeThisAndMultiply(b) + shift * Matrix<double>.Build.DenseIdentity(n);
                for (int i = 0; i < n; i++)
                    for (int j = i + 1; j < n; j++) a[i, j] *= 1 + 1e-3 * cells[(i * 7 + j * 5) % 144];
                return (a, Vector<double>.Build.Dense(n, i => rhs[i]));
            });

    [Fact]
    public void It_solves_in_the_same_bits_as_MathNet_and_refuses_exactly_where_MathNet_throws()
    {
        int refused = 0, solved = 0;
        Systems.Sample((a, b) =>
        {
            Vector<double>? expected;
            try { expected = a.Cholesky().Solve(b); }
            catch (ArgumentException) { expected = null; }
            var factor = CholeskyFactor.Of(a);
            Assert.Equal(expected is null, factor is null);
            if (factor is null) { refused++; return; }
            solved++;
            var actual = factor.Solve(b);
            for (int i = 0; i < b.Count; i++) Assert.Equal(BitConverter.DoubleToInt64Bits(expected![i]), BitConverter.DoubleToInt64Bits(actual[i]));
        }, iter: 2000, threads: 1);
        // both branches were exercised, or the test would prove half of what it says
        Assert.True(refused > 20 && solved > 200, $"refused {refused}, solved {solved}");
    }
}
