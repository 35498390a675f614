using MathNet.Numerics.LinearAlgebra;

namespace Regviz.Core.Problems;

/// <summary>
/// A square root of a least-squares term: S (p×k, row-major), z (p) and rest ≥ 0 with
/// wᵀGw − 2cᵀw + yy = ‖z − Sw‖² + rest, i.e. G = SᵀS, c = Sᵀz. From data it is the R factor of the QR
/// decomposition of [X y]/√n, whose condition number is that of X, not its square.
/// </summary>
public sealed class SquareRoot
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

    /// <summary>From the (centred) columns x_j and target y: Householder QR of [X y]/√n, padded with zero rows when n ≤ k.</summary>
    public static SquareRoot FromColumns(double[][] columns, double[] y)
    {
        int n = y.Length, k = columns.Length;
        int rows = Math.Max(n, k + 1);
        double root = 1 / Math.Sqrt(n);
        var a = Matrix<double>.Build.Dense(rows, k + 1);
        for (int j = 0; j < k; j++)
            for (int i = 0; i < n; i++) a[i, j] = columns[j][i] * root;
        for (int i = 0; i < n; i++) a[i, k] = y[i] * root;
        var r = a.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).R;
        var s = new double[k * k];
        var z = new double[k];
        for (int i = 0; i < k; i++)
        {
            for (int j = i; j < k; j++) s[i * k + j] = r[i, j];
            z[i] = r[i, k];
        }
        return new SquareRoot(s, k, k, z, r[k, k] * r[k, k]);
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
