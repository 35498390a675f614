namespace Regviz.Core.Problems;

/// <summary>
/// The centred columns and target of a least-squares D, each value in twice the working precision (hi + lo), kept so
/// that a certificate can take ∇D(w) from the data itself. The QR square root is the data only to its rounding:
/// at cond(X) = 1e10 its gradient differs from the data's by H·(w − w*) for a w 1e-9 (relative) from the data's
/// optimum, and a Newton step on it then measured 1e-11 where the answer was 7e-9 off.
/// </summary>
internal sealed class CentredData(double[][] xHi, double[][] xLo, double[] yHi, double[] yLo)
{
    /// <summary>
    /// x − (m + rest) as (x − m) − rest rounded (the value the statistics are formed from) and what that rounding lost.
    /// </summary>
    public static (double Hi, double Lo) Centre(double x, double mean, double rest)
    {
        var exact = new ExactSum();
        exact.Add(x);
        exact.Add(-mean);
        exact.Add(-rest);
        double hi = (x - mean) - rest;
        exact.Add(-hi);
        return (hi, exact.Value);
    }

    /// <summary>The columns <paramref name="keep"/> alone.</summary>
    public CentredData Keep(int[] keep) => new(keep.Select(j => xHi[j]).ToArray(), keep.Select(j => xLo[j]).ToArray(), yHi, yLo);

    /// <summary>
    /// Xᵀ(y − Xw) times <paramref name="factor"/>: the residual in double-double (it cancels near the optimum), then
    /// each column's product with it in double-double (it cancels again), rounded once.
    /// </summary>
    public void Correlation(ReadOnlySpan<double> w, double factor, Span<double> result)
    {
        int n = yHi.Length, k = xHi.Length;
        var rHi = new double[n];
        var rLo = new double[n];
        for (int i = 0; i < n; i++)
        {
            var r = new ExactSum();
            r.Add(yHi[i]);
            r.Add(yLo[i]);
            for (int l = 0; l < k; l++)
            {
                r.AddProduct(-xHi[l][i], w[l]);
                r.Add(-xLo[l][i] * w[l]);
            }
            (rHi[i], rLo[i]) = r.Pair;
        }
        for (int j = 0; j < k; j++)
        {
            var g = new ExactSum();
            for (int i = 0; i < n; i++)
            {
                g.AddProduct(xHi[j][i], rHi[i]);
                g.Add(xHi[j][i] * rLo[i] + xLo[j][i] * rHi[i]);
            }
            result[j] = factor * g.Value;
        }
    }
}
