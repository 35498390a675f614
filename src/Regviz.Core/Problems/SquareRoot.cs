using MathNet.Numerics.LinearAlgebra;

namespace Regviz.Core.Problems;

/// <summary>
/// A square root of a least-squares term: S (p×k, row-major), z (p) and rest ≥ 0 with
/// wᵀGw − 2cᵀw + yy = ‖z − Sw‖² + rest, i.e. G = SᵀS, c = Sᵀz. From data it is the R factor of the QR
/// decomposition of [X y]/√n, whose condition number is that of X, not its square.
/// </summary>
internal sealed class SquareRoot
{
    private SquareRoot(double[] s, int rows, int columns, double[] z, double rest)
    {
        S = s;
        Rows = rows;
        Columns = columns;
        Z = z;
        Rest = rest;
    }

    /// <summary>S, row-major Rows × Columns.</summary>
    public double[] S { get; }
    public int Rows { get; }
    public int Columns { get; }
    public double[] Z { get; }
    /// <summary>The part of ‖y‖²/n no weights can explain.</summary>
    public double Rest { get; }

    public double this[int i, int j] => S[i * Columns + j];

    /// <summary>
    /// From the (centred) columns x_j and target y: the R factor of the Householder QR of [X y]/√n, computed in place
    /// over the column arrays, which it overwrites (callers pass their own copies). Column-oriented and vectorised,
    /// it costs about what forming the Gram matrix does; rows of R past n are zero when n ≤ k.
    /// </summary>
    public static SquareRoot FromColumns(double[][] columns, double[] y)
    {
        int n = y.Length, k = columns.Length;
        var a = columns.Append(y).ToArray();
        int m = k + 1, steps = Math.Min(n, m);
        var r = new double[m, m];
        for (int j = 0; j < steps; j++)
        {
            var x = a[j].AsSpan(j);
            double norm = Math.Sqrt(Dot(x, x));
            if (norm == 0)
            {
                // nothing to reflect (a column in the span of the earlier ones): row j of R is what is there
                for (int c = j + 1; c < m; c++) r[j, c] = a[c][j];
                continue;
            }
            // reflect x onto −sign(x₀)·‖x‖·e₁; v = x − αe₁ is kept in x itself
            double alpha = x[0] > 0 ? -norm : norm;
            x[0] -= alpha;
            double beta = 1 / (x[0] * -alpha); // 2/(vᵀv), since vᵀv = 2‖x‖(‖x‖ + |x₀|) = −2α·v₀
            r[j, j] = alpha;
            for (int c = j + 1; c < m; c++)
            {
                var col = a[c].AsSpan(j);
                double f = beta * Dot(x, col);
                Axpy(-f, x, col);
                r[j, c] = col[0];
            }
        }
        double root = 1 / Math.Sqrt(n);
        var s = new double[k * k];
        var z = new double[k];
        for (int i = 0; i < k; i++)
        {
            for (int c = i; c < k; c++) s[i * k + c] = r[i, c] * root;
            z[i] = r[i, k] * root;
        }
        double last = r[k, k] * root;
        return new SquareRoot(s, k, k, z, last * last);
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var va = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(a);
        var vb = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(b);
        var acc = System.Numerics.Vector<double>.Zero;
        for (int i = 0; i < va.Length; i++) acc += va[i] * vb[i];
        double sum = System.Numerics.Vector.Sum(acc);
        for (int i = va.Length * System.Numerics.Vector<double>.Count; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double f, ReadOnlySpan<double> x, Span<double> y)
    {
        var vx = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(x);
        var vy = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(y);
        var vf = new System.Numerics.Vector<double>(f);
        for (int i = 0; i < vx.Length; i++) vy[i] += vf * vx[i];
        for (int i = vx.Length * System.Numerics.Vector<double>.Count; i < x.Length; i++) y[i] += f * x[i];
    }

    /// <summary>
    /// Without data: S = Λ^½Vᵀ from the eigen-decomposition G = VΛVᵀ (valid for a singular G too), z = Λ^-½Vᵀc on
    /// the range of G, and rest = yy − ‖z‖² (clamped at 0, for statistics that are not quite consistent).
    /// </summary>
    public static SquareRoot FromGram(double[] gram, double[] cross, double yy)
    {
        int k = cross.Length;
        var g = Matrix<double>.Build.Dense(k, k, (i, j) => 0.5 * (gram[i * k + j] + gram[j * k + i]));
        var evd = g.Evd(Symmetricity.Symmetric);
        double top = evd.EigenValues.Max(e => e.Real);
        var s = new double[k * k];
        var z = new double[k];
        double zz = 0;
        for (int r = 0; r < k; r++)
        {
            double lambda = evd.EigenValues[r].Real;
            if (!(lambda > top * 1e-15)) continue;
            var v = evd.EigenVectors.Column(r);
            double root = Math.Sqrt(lambda);
            for (int j = 0; j < k; j++) s[r * k + j] = root * v[j];
            double vc = 0;
            for (int j = 0; j < k; j++) vc += v[j] * cross[j];
            z[r] = vc / root;
            zz += z[r] * z[r];
        }
        return new SquareRoot(s, k, k, z, Math.Max(0, yy - zz));
    }

    /// <summary>The same root restricted to the columns <paramref name="keep"/>: G and c restrict with them, z and rest stay.</summary>
    public SquareRoot Keep(int[] keep)
    {
        var s = new double[Rows * keep.Length];
        for (int i = 0; i < Rows; i++)
            for (int c = 0; c < keep.Length; c++) s[i * keep.Length + c] = this[i, keep[c]];
        return new SquareRoot(s, Rows, keep.Length, Z, Rest);
    }

    /// <summary>u = z − Sw.</summary>
    public void Residual(ReadOnlySpan<double> w, Span<double> u)
    {
        for (int i = 0; i < Rows; i++)
        {
            var row = S.AsSpan(i * Columns, Columns);
            double v = Z[i];
            for (int j = 0; j < Columns; j++) v -= row[j] * w[j];
            u[i] = v;
        }
    }

    /// <summary>‖z − Sw‖².</summary>
    public double ResidualSquare(ReadOnlySpan<double> w)
    {
        Span<double> u = Rows <= 256 ? stackalloc double[Rows] : new double[Rows];
        Residual(w, u);
        double s = 0;
        foreach (double v in u) s += v * v;
        return s;
    }

    /// <summary>Sᵀ(z − Sw) = c − Gw: the correlation of each feature with the residual, computed from the residual.</summary>
    public void Correlation(ReadOnlySpan<double> w, Span<double> result)
    {
        Span<double> u = Rows <= 256 ? stackalloc double[Rows] : new double[Rows];
        Residual(w, u);
        result[..Columns].Clear();
        for (int i = 0; i < Rows; i++)
        {
            var row = S.AsSpan(i * Columns, Columns);
            for (int j = 0; j < Columns; j++) result[j] += row[j] * u[i];
        }
    }
}
