using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Penalties;

namespace Regviz.Core.Solvers;

/// <summary>
/// How a penalty is smooth once its structure is known: w = Map·u for a few reduced variables u, and λP as a
/// smooth function of u with its gradient and Hessian. <see cref="ReducedNewton"/> runs Newton on u.
/// </summary>
internal sealed record ReducedStructure(
    Matrix<double> Map,
    Func<Vector<double>, (double Value, Vector<double> Gradient, Matrix<double> Hessian)> Penalty)
{
    /// <summary>Separable penalties: zero coordinates stay at zero, the support moves freely.</summary>
    public static ReducedStructure? OnSupport(Penalty penalty, double[] w, double lambda)
    {
        int k = w.Length;
        var support = Enumerable.Range(0, k).Where(j => w[j] != 0).ToArray();
        if (support.Length == 0) return null;
        var map = Matrix<double>.Build.Dense(k, support.Length);
        for (int a = 0; a < support.Length; a++) map[support[a], a] = 1;
        return new ReducedStructure(map, u =>
        {
            double value = 0;
            Span<double> one = stackalloc double[1];
            var first = Vector<double>.Build.Dense(u.Count);
            var second = Vector<double>.Build.Dense(u.Count);
            for (int a = 0; a < u.Count; a++)
            {
                one[0] = u[a];
                value += penalty.Value(one);
                var (d1, d2) = penalty.Derivatives(u[a]);
                first[a] = lambda * d1;
                second[a] = lambda * d2;
            }
            return (lambda * value, first, Matrix<double>.Build.DenseOfDiagonalVector(second));
        });
    }

    /// <summary>No structure: every coordinate free and no penalty (λ = 0).</summary>
    public static ReducedStructure Everything(int k) =>
        new(Matrix<double>.Build.DenseIdentity(k), u => (0, Vector<double>.Build.Dense(u.Count), Matrix<double>.Build.Dense(u.Count, u.Count)));

    /// <summary>linf: the coordinates tied at the maximum move together as one variable m; u = (w_free…, m).</summary>
    public static ReducedStructure? TiedAtMaximum(double[] w, double lambda)
    {
        int k = w.Length;
        double m = w.Max(Math.Abs);
        if (m == 0) return null;
        var max = Enumerable.Range(0, k).Where(j => Math.Abs(w[j]) >= m * (1 - 1e-6)).ToArray();
        var free = Enumerable.Range(0, k).Except(max).ToArray();
        var map = Matrix<double>.Build.Dense(k, free.Length + 1);
        for (int a = 0; a < free.Length; a++) map[free[a], a] = 1;
        foreach (int j in max) map[j, free.Length] = Math.Sign(w[j]);
        int r = free.Length + 1;
        var unit = Vector<double>.Build.Dense(r);
        unit[r - 1] = 1;
        return new ReducedStructure(map, u => (lambda * u[r - 1], unit * lambda, Matrix<double>.Build.Dense(r, r)));
    }
}
