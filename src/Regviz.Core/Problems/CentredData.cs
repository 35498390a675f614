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
        double s = x - mean;
        double e = TwoSumError(x, -mean, s);
        double hi = s - rest;
        return (hi, TwoSumError(s, -rest, hi) + e);
    }

    private static double TwoSumError(double a, double b, double s)
    {
        double bp = s - a;
        return (a - (s - bp)) + (b - bp);
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
            double hi = yHi[i], lo = yLo[i];
            for (int l = 0; l < k; l++)
            {
                double p = -xHi[l][i] * w[l];
                double pe = Math.FusedMultiplyAdd(-xHi[l][i], w[l], -p);
                (hi, lo) = Add(hi, lo, p, pe - xLo[l][i] * w[l]);
            }
            (rHi[i], rLo[i]) = (hi, lo);
        }
        for (int j = 0; j < k; j++)
        {
            double hi = 0, lo = 0;
            for (int i = 0; i < n; i++)
            {
                double p = xHi[j][i] * rHi[i];
                double pe = Math.FusedMultiplyAdd(xHi[j][i], rHi[i], -p);
                (hi, lo) = Add(hi, lo, p, pe + xHi[j][i] * rLo[i] + xLo[j][i] * rHi[i]);
            }
            result[j] = factor * (hi + lo);
        }
    }

    // (hi, lo) + (b, bLo) with the high parts' sum error-free (TwoSum)
    private static (double Hi, double Lo) Add(double hi, double lo, double b, double bLo)
    {
        double s = hi + b;
        double bp = s - hi;
        double e = (hi - (s - bp)) + (b - bp);
        e += lo + bLo;
        double h = s + e;
        return (h, e - (h - s));
    }
}
