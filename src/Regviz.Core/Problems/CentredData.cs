namespace Regviz.Core.Problems;

/// <summary>
/// The centred columns and target of a least-squares D, each value in twice the working precision (hi + lo), kept so
/// that a certificate can take ∇D(w) from the data itself. The QR square root is the data only to its rounding:
/// at cond(X) = 1e10 its gradient differs from the data's by H·(w − w*) for a w 1e-9 (relative) from the data's
/// optimum, and a Newton step on it then measured 1e-11 where the answer was 7e-9 off.
/// </summary>
/// <param name="extents">max |x| of each original column and, last, of the target: what the centring's own rounding
/// (a few ε² of the values centred, and of their mean) is relative to.</param>
internal sealed class CentredData(double[][] xHi, double[][] xLo, double[] yHi, double[] yLo, double[] extents)
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

    /// <summary>Most cells (rows × columns) a certificate takes ∇D from the data for: each reading is a pass over them in double-double.</summary>
    public const long MostCells = 500_000;

    /// <summary>The condition number of X up to which the QR root's gradient is enough: its rounding moves w by about cond·ε, 1e-10.</summary>
    public const double RootIsEnough = 1e6;

    /// <summary>
    /// Whether ∇D should come from the data: only where the root is not enough (cond(X) past <see cref="RootIsEnough"/>)
    /// and the passes are affordable (at most <see cref="MostCells"/>). A well-conditioned 20,000 × 50 path read the data
    /// at every point and took 29 s instead of 1.2 s (Debug build), for digits the root already had.
    /// </summary>
    public static bool Needed(SquareRoot root, int n, int k)
    {
        if ((long)n * k > MostCells) return false;
        if (n <= k) return true;
        var r = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(root.Rows, root.Columns, root.S);
        double condition = r.Svd(computeVectors: false).ConditionNumber;
        return !(condition <= RootIsEnough);
    }

    /// <summary>The columns <paramref name="keep"/> alone.</summary>
    public CentredData Keep(int[] keep) =>
        new(keep.Select(j => xHi[j]).ToArray(), keep.Select(j => xLo[j]).ToArray(), yHi, yLo, [.. keep.Select(j => extents[j]), extents[^1]]);

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

    /// <summary>
    /// How far each value of <see cref="Correlation"/> (with the same <paramref name="factor"/>) can be from the exact
    /// gradient of the original data: its last two roundings (4ε of the value), the rest of the double-double
    /// arithmetic (a few ε² of the terms it cancelled, per term summed) and the centring's (ε² of the original values).
    /// The QR root's bound (<see cref="Certificates.GradientRounding"/>) is ε of those terms, 1e16 times larger: a zero
    /// whose condition held by 1e-12 of λ read as a tie within rounding (CsCheck seed 4s7ka7__URu2 of LassoOnHardDesignsTests).
    /// </summary>
    public double[] Rounding(ReadOnlySpan<double> w, double factor)
    {
        int n = yHi.Length, k = xHi.Length;
        double u = Math.Pow(2, -53), u2 = u * u;
        // the residual and sizes in working precision, one pass: the value is needed only to bound its own rounding
        var r = new double[n];
        var size = new double[n];
        double sizes = 0, reach = extents[^1];
        for (int l = 0; l < k; l++) reach += extents[l] * Math.Abs(w[l]);
        for (int i = 0; i < n; i++)
        {
            r[i] = yHi[i];
            size[i] = Math.Abs(yHi[i]);
            for (int l = 0; l < k; l++)
            {
                r[i] -= xHi[l][i] * w[l];
                size[i] += Math.Abs(xHi[l][i] * w[l]);
            }
            sizes += size[i];
        }
        var bound = new double[k];
        for (int j = 0; j < k; j++)
        {
            double plain = 0, terms = 0, column = 0;
            for (int i = 0; i < n; i++)
            {
                plain += xHi[j][i] * r[i];
                terms += Math.Abs(xHi[j][i]) * size[i];
                column += Math.Abs(xHi[j][i]);
            }
            // |Correlation_j| ≤ |factor|·(|plain| + its own rounding, 2(n+k+4)ε of the terms)
            double value = Math.Abs(factor) * (Math.Abs(plain) + 2 * (n + k + 4) * u * terms);
            // Dot2's bound, γ_m² of the terms of a sum of m, for the residual's sums and the column's; |r_i| ≤ size_i, and
            // each centred value is off by at most (n² + 16)ε² of its column's extent (the mean, a sum of n, included)
            double sums = 4.0 * (n + k + 8) * (n + k + 8) * u2 * terms;
            double centring = ((double)n * n + 16) * u2 * (extents[j] * sizes + column * reach);
            bound[j] = 4 * u * value + Math.Abs(factor) * (sums + centring);
        }
        return bound;
    }
}
