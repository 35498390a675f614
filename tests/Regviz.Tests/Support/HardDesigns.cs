using System.Globalization;
using System.Text;
using MathNet.Numerics.LinearAlgebra;

namespace Regviz.Tests.Support;

/// <summary>
/// A raw regression data set: X is row-major, <c>X[i][j]</c> = row i, feature j (n rows of k values), y has n values.
/// Nothing is centred or scaled; <see cref="Beta"/> is the sparse truth y was drawn from (for information only).
/// </summary>
internal sealed record HardData(double[][] X, double[] Y, double[] Beta)
{
    public int Rows => Y.Length;
    public int Features => Beta.Length;
}

/// <summary>
/// Deterministic N(0, 1) draws from <see cref="System.Random"/>(seed) by Box–Muller. System.Random with a seed is
/// stable across runs and platforms (the seeded legacy algorithm), so the designs below are reproducible.
/// </summary>
internal sealed class NormalSampler(int seed)
{
    private readonly Random _rng = new(seed);
    private double? _spare;

    public double NextUniform() => _rng.NextDouble();

    public double Next()
    {
        if (_spare is { } s)
        {
            _spare = null;
            return s;
        }
        // 1 − U lies in (0, 1], so the log is finite
        double u1 = 1 - _rng.NextDouble(), u2 = _rng.NextDouble();
        double r = Math.Sqrt(-2 * Math.Log(u1));
        _spare = r * Math.Sin(2 * Math.PI * u2);
        return r * Math.Cos(2 * Math.PI * u2);
    }
}

/// <summary>Seeded generators of regression data that are hard for solvers: ill-conditioned, rank-deficient, badly scaled.</summary>
internal static class HardDesigns
{
    /// <summary>Added to y so that fitting without an intercept is visibly different from fitting with one.</summary>
    public const double Offset = 2.0;

    /// <summary>
    /// X = U·diag(s)·Vᵀ·√n with random orthonormal U, V and s log-spaced from 1 down to 1/<paramref name="condition"/>,
    /// so XᵀX/n has condition number condition². For k &gt; n, U is n×n and V is k×n (rank n).
    /// y = Xβ + 0.5·N(0, 1) (+ <see cref="Offset"/> when <paramref name="intercept"/>), β with ⌈k/3⌉ non-zeros in U(−3, 3).
    /// </summary>
    public static HardData IllConditioned(int seed, int n, int k, double condition, bool intercept)
    {
        var rng = new NormalSampler(seed);
        int m = Math.Min(n, k);
        var u = Orthonormal(rng, n, m);
        var v = Orthonormal(rng, k, m);
        var s = new double[m];
        for (int i = 0; i < m; i++) s[i] = m == 1 ? 1 : Math.Pow(condition, -(double)i / (m - 1));
        var x = u * Matrix<double>.Build.DiagonalOfDiagonalArray(s) * v.Transpose() * Math.Sqrt(n);
        return WithResponse(rng, x.ToRowArrays(), SparseBeta(rng, k, 1), intercept ? Offset : 0);
    }

    /// <summary>
    /// Gaussian columns, of which the last ⌊k/3⌋ copy earlier ones: bit-for-bit when <paramref name="exact"/>
    /// (a rank-deficient design), else times (1 + 1e-9·N(0, 1)) elementwise (full rank, condition ~1e9).
    /// β is sparse on the originals and the copies alike, so both kinds are in play.
    /// </summary>
    public static HardData Duplicated(int seed, int n, int k, bool exact)
    {
        var rng = new NormalSampler(seed);
        int copies = k / 3, originals = k - copies;
        var x = Rows(n, k);
        for (int j = 0; j < originals; j++)
            for (int i = 0; i < n; i++) x[i][j] = rng.Next();
        for (int c = 0; c < copies; c++)
        {
            int j = originals + c, src = c % originals;
            for (int i = 0; i < n; i++) x[i][j] = exact ? x[i][src] : x[i][src] * (1 + 1e-9 * rng.Next());
        }
        return WithResponse(rng, x, SparseBeta(rng, k, 1), Offset);
    }

    /// <summary>Gaussian columns multiplied by 1e-6, 1, 1e6 in turn; β scaled inversely so every column can matter.</summary>
    public static HardData Scaled(int seed, int n, int k)
    {
        double[] factors = [1e-6, 1, 1e6];
        var rng = new NormalSampler(seed);
        var x = Rows(n, k);
        for (int j = 0; j < k; j++)
            for (int i = 0; i < n; i++) x[i][j] = rng.Next() * factors[j % 3];
        var beta = SparseBeta(rng, k, 1);
        for (int j = 0; j < k; j++) beta[j] /= factors[j % 3];
        return WithResponse(rng, x, beta, Offset);
    }

    /// <summary>
    /// Writes the data as the CLI reads it with <c>--data</c>: a header row x1,…,xk,y (y last, the CLI's default
    /// target), comma-separated, invariant culture, "R" so every double reads back bit-for-bit.
    /// </summary>
    public static void WriteCsv(HardData data, string path)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', Enumerable.Range(1, data.Features).Select(j => "x" + j.ToString(CultureInfo.InvariantCulture)));
        sb.Append(",y\n");
        for (int i = 0; i < data.Rows; i++)
        {
            foreach (double v in data.X[i]) sb.Append(v.ToString("R", CultureInfo.InvariantCulture)).Append(',');
            sb.Append(data.Y[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        File.WriteAllText(path, sb.ToString());
    }

    /// <summary>Q of the QR of a Gaussian rows×cols matrix: orthonormal columns, Haar-distributed.</summary>
    private static Matrix<double> Orthonormal(NormalSampler rng, int rows, int cols)
    {
        var g = Matrix<double>.Build.Dense(rows, cols);
        for (int j = 0; j < cols; j++)
            for (int i = 0; i < rows; i++) g[i, j] = rng.Next();
        return g.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Q;
    }

    private static double[] SparseBeta(NormalSampler rng, int k, double scale)
    {
        var beta = new double[k];
        int nonZero = (k + 2) / 3;
        // a partial Fisher–Yates shuffle picks which ⌈k/3⌉ features carry signal
        var order = Enumerable.Range(0, k).ToArray();
        for (int t = 0; t < nonZero; t++)
        {
            int r = t + (int)(rng.NextUniform() * (k - t));
            (order[t], order[r]) = (order[r], order[t]);
            beta[order[t]] = scale * (6 * rng.NextUniform() - 3);
        }
        return beta;
    }

    private static HardData WithResponse(NormalSampler rng, double[][] x, double[] beta, double offset)
    {
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double s = offset + 0.5 * rng.Next();
            for (int j = 0; j < beta.Length; j++) s += x[i][j] * beta[j];
            y[i] = s;
        }
        return new HardData(x, y, beta);
    }

    private static double[][] Rows(int n, int k)
    {
        var x = new double[n][];
        for (int i = 0; i < n; i++) x[i] = new double[k];
        return x;
    }
}
