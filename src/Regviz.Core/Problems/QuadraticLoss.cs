using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Data;

namespace Regviz.Core.Problems;

/// <summary>
/// A least-squares data term reduced to its sufficient statistics, formed once in O(n·k²):
/// D(w) = scale·(wᵀGw − 2cᵀw + yy), with G = XᵀX/n, c = Xᵀy/n, yy = yᵀy/n (all centred when the
/// intercept is fitted, which profiles b out exactly: b = ȳ − x̄ᵀw). scale is 1 for mse and n for sse.
/// Everything downstream (solvers, grids, paths) costs nothing more in n.
/// <para>
/// Beside G it keeps a square root: S (p×k) and z with G = SᵀS, c = Sᵀz and D/scale = ‖z − Sw‖² + rest (from the
/// QR factorisation of the centred [X y]). G squares the condition number of X; S does not, so values, gradients and
/// the exact active-set solves made from S stay accurate on designs where G has lost every digit of its smallest
/// eigenvalues, and D near its minimum is a sum of squares rather than a difference of large numbers.
/// </para>
/// </summary>
public sealed class QuadraticLoss : ISmoothLoss
{
    /// <summary>D from its statistics: G (row-major k×k), c, yᵀy/n, the scale of D and the row count.</summary>
    public QuadraticLoss(double[] gram, double[] cross, double yy, double scale, int rows,
        IReadOnlyList<string> featureNames, double[]? featureMeans = null, double targetMean = 0)
        : this(gram, cross, yy, scale, rows, featureNames, featureMeans, targetMean, null)
    {
    }

    internal QuadraticLoss(double[] gram, double[] cross, double yy, double scale, int rows,
        IReadOnlyList<string> featureNames, double[]? featureMeans, double targetMean, SquareRoot? root)
    {
        int k = cross.Length;
        if (gram.Length != k * k) throw new ArgumentException("gram must be k×k");
        Gram = gram;
        Cross = cross;
        YY = yy;
        Scale = scale;
        Rows = rows;
        FeatureNames = featureNames;
        FeatureMeans = featureMeans;
        TargetMean = targetMean;
        // from data the root comes with the statistics; statistics alone (a Newton model, a test) get one from G
        // only if something asks, since most such models are solved by coordinate descent and never need it
        _root = root is not null ? new Lazy<SquareRoot>(root) : new Lazy<SquareRoot>(() => SquareRoot.FromGram(gram, cross, yy));
    }

    private readonly Lazy<SquareRoot> _root;

    /// <summary>S, z and rest with G = SᵀS, c = Sᵀz, yy = ‖z‖² + rest.</summary>
    internal SquareRoot Root => _root.Value;

    /// <summary>G, row-major k×k.</summary>
    public double[] Gram { get; }
    /// <summary>c = Xᵀy/n.</summary>
    public double[] Cross { get; }
    /// <summary>yᵀy/n of the (centred) target.</summary>
    public double YY { get; }
    /// <summary>s in D = s·(wᵀGw − 2cᵀw + yᵀy/n): 1 for mse, n for sse.</summary>
    public double Scale { get; }
    /// <summary>n, the number of rows.</summary>
    public int Rows { get; }

    /// <summary>
    /// μ = λ/s: the least-squares solvers minimise the normalised F(w) = wᵀGw − 2cᵀw + μP(w), whose minimiser is that
    /// of D + λP. The one place λ becomes μ (and <see cref="LambdaOf"/> the one place back).
    /// </summary>
    internal double Mu(double lambda) => lambda / Scale;

    /// <summary>λ = μ·s, the inverse of <see cref="Mu"/>.</summary>
    internal double LambdaOf(double mu) => mu * Scale;
    /// <summary>k, the number of weights.</summary>
    public int Dimension => Cross.Length;
    /// <summary>The weights' names.</summary>
    public IReadOnlyList<string> FeatureNames { get; }
    /// <summary>x̄ when an intercept is fitted, else null.</summary>
    public double[]? FeatureMeans { get; }
    /// <summary>ȳ, when the intercept was profiled out by centring (0 otherwise).</summary>
    public double TargetMean { get; }
    /// <summary>Whether the columns and target were centred for an unpenalised intercept.</summary>
    public bool HasIntercept => FeatureMeans is not null;

    /// <summary>
    /// Groups of two or more columns that are identical in the data, bit for bit (after centring): J is symmetric in
    /// them, so where J is strictly convex its one optimum gives them equal weights. Empty without data.
    /// </summary>
    internal int[][] Identical { get; init; } = [];

    /// <summary>Groups of nearly identical columns with the raw data to solve them from, or null where there are none.</summary>
    internal NearColumns? Near { get; init; }

    /// <summary>The centred data in double-double, where D came from data: what a certificate takes ∇D from.</summary>
    internal CentredData? Centred { get; init; }

    /// <summary>
    /// Columns that are all zero (constant, with an intercept): D does not depend on their weights, which every penalty
    /// but linf then holds at exactly 0 for λ &gt; 0 (<see cref="Solvers.NullColumns"/>).
    /// </summary>
    internal int[] NullColumns => Enumerable.Range(0, Dimension).Where(j => Gram[j * Dimension + j] == 0).ToArray();

    /// <summary>D on the columns <paramref name="keep"/> alone (the others' weights held at 0).</summary>
    internal QuadraticLoss Keep(int[] keep)
    {
        int k = Dimension, m = keep.Length;
        var position = new int[k];
        Array.Fill(position, -1);
        for (int c = 0; c < m; c++) position[keep[c]] = c;
        var gram = new double[m * m];
        for (int a = 0; a < m; a++)
            for (int b = 0; b < m; b++) gram[a * m + b] = Gram[keep[a] * k + keep[b]];
        return new QuadraticLoss(gram, keep.Select(j => Cross[j]).ToArray(), YY, Scale, Rows, keep.Select(j => FeatureNames[j]).ToArray(),
            FeatureMeans is null ? null : keep.Select(j => FeatureMeans[j]).ToArray(), TargetMean, Root.Keep(keep))
        {
            Identical = Identical.Select(g => g.Select(j => position[j]).Where(j => j >= 0).ToArray()).Where(g => g.Length > 1).ToArray(),
            Near = Near?.Keep(keep),
            Centred = Centred?.Keep(keep),
        };
    }

    /// <summary>
    /// The loss the user gave as A and c (D = (scale/n)·(w − c)ᵀA(w − c), since G = A/n), or null: its value and
    /// gradient come from A and c exactly, not from the rounded rows. Not kept by <see cref="Keep"/>.
    /// </summary>
    internal GivenLoss? Given { get; init; }

    /// <summary>G_ij.</summary>
    public double G(int i, int j) => Gram[i * Dimension + j];

    /// <inheritdoc/>
    public bool IsConvex => true;

    /// <summary>∇²D = 2·scale·G.</summary>
    public void Hessian(ReadOnlySpan<double> w, Span<double> result)
    {
        for (int i = 0; i < Gram.Length; i++) result[i] = 2 * Scale * Gram[i];
    }

    /// <summary>(Gw)_i, the one product every value and gradient here is made of.</summary>
    public double GramRow(int i, ReadOnlySpan<double> w)
    {
        var row = Gram.AsSpan(i * Dimension, Dimension);
        double s = 0;
        for (int j = 0; j < row.Length; j++) s += row[j] * w[j];
        return s;
    }

    /// <summary>Gw into <paramref name="result"/>.</summary>
    public void MultiplyGram(ReadOnlySpan<double> w, Span<double> result)
    {
        for (int i = 0; i < Dimension; i++) result[i] = GramRow(i, w);
    }

    /// <summary>wᵀGw − 2cᵀw: the part of D/scale that depends on w.</summary>
    public double Quadratic(ReadOnlySpan<double> w)
    {
        double s = 0;
        for (int i = 0; i < Dimension; i++) s += w[i] * (GramRow(i, w) - 2 * Cross[i]);
        return s;
    }

    /// <summary>D(w) = scale·(‖z − Sw‖² + rest): no cancellation near the minimum.</summary>
    public double Value(ReadOnlySpan<double> w) =>
        Given is { } given ? Scale / Rows * given.Value(w) : Scale * (Root.ResidualSquare(w) + Root.Rest);

    /// <summary>∇D(w) = −2·scale·Sᵀ(z − Sw), the residual formed before it is multiplied out.</summary>
    public void Gradient(ReadOnlySpan<double> w, Span<double> result)
    {
        if (Given is { } given)
        {
            given.Gradient(w, 2 * Scale / Rows, result);
            return;
        }
        // at the origin the correlation is c itself, exactly (λ_max and "uncorrelated target" depend on it)
        if (!w.ContainsAnyExcept(0.0)) Cross.CopyTo(result);
        else Root.Correlation(w, result);
        for (int i = 0; i < Dimension; i++) result[i] *= -2 * Scale;
    }

    /// <summary>∇D(w) from the centred data in double-double where D came from data (else as <see cref="Gradient"/>).</summary>
    internal void DataGradient(ReadOnlySpan<double> w, Span<double> result)
    {
        if (Centred is null || !w.ContainsAnyExcept(0.0)) { Gradient(w, result); return; }
        Centred.Correlation(w, -2 * Scale / Rows, result);
    }

    /// <summary>What <see cref="DataGradient"/> can be off by per coordinate where it comes from the data; else null.</summary>
    internal double[]? DataGradientRounding(ReadOnlySpan<double> w) =>
        Centred is not null && w.ContainsAnyExcept(0.0) ? Centred.Rounding(w, -2 * Scale / Rows) : null;

    /// <summary>The fitted intercept b for weights w (0 without <c>--intercept</c>).</summary>
    public double InterceptFor(ReadOnlySpan<double> w)
    {
        if (FeatureMeans is null) return 0;
        double b = TargetMean;
        for (int j = 0; j < w.Length; j++) b -= FeatureMeans[j] * w[j];
        return b;
    }

    /// <summary>D of <paramref name="data"/> under a squared loss on a linear model, centred when <paramref name="intercept"/>; kept both as statistics and as a QR square root of the data.</summary>
    public static QuadraticLoss FromDataset(Dataset data, LossKind loss, bool intercept)
    {
        int n = data.Rows, k = data.Features;
        int needed = intercept ? 2 : 1;
        if (n < needed)
            throw new ProblemArgumentException("data", words => $"{n} row(s) is too few (at least {needed} needed{(intercept ? $" with {words.Name("intercept")}" : "")})");

        var cols = data.Columns;
        var y = data.Target;
        double[]? means = null;
        var meanRest = new double[k];
        double ymean = 0, yRest = 0;
        if (intercept)
        {
            means = new double[k];
            // a constant column's mean is its value, exactly (a rounded sum/n would leave it 1e-17 from zero, not null)
            for (int j = 0; j < k; j++)
                (means[j], meanRest[j]) = cols[j].AsSpan().ContainsAnyExcept(cols[j][0]) ? ExactSum.Mean(cols[j]) : (cols[j][0], 0);
            (ymean, yRest) = ExactSum.Mean(y);
        }

        // centre into fresh arrays (two-pass: exact to rounding, unlike E[x²] − E[x]²), by the mean in twice the
        // working precision: x − m is exact near m, so only the rest is rounded, relative to the centred value. A
        // mean rounded to double shifted each centred column by up to ½ulp of its offset (3e-7 at 1e9), which moved
        // the weights by 3e-9 unseen by any certificate of the centred problem.
        var xc = new double[k][];
        var xLo = new double[k][];
        for (int j = 0; j < k; j++)
        {
            double m = means?[j] ?? 0, rest = meanRest[j];
            var src = cols[j];
            var dst = new double[n];
            var lo = new double[n];
            for (int i = 0; i < n; i++) (dst[i], lo[i]) = CentredData.Centre(src[i], m, rest);
            xc[j] = dst;
            xLo[j] = lo;
        }
        var yc = new double[n];
        var yLo = new double[n];
        for (int i = 0; i < n; i++) (yc[i], yLo[i]) = CentredData.Centre(y[i], ymean, yRest);
        var gram = new double[k * k];
        var cross = new double[k];
        for (int a = 0; a < k; a++)
        {
            for (int b = a; b < k; b++)
            {
                double g = Dot(xc[a], xc[b]) / n;
                gram[a * k + b] = g;
                gram[b * k + a] = g;
            }
            cross[a] = Dot(xc[a], yc) / n;
        }
        double yy = Dot(yc, yc) / n;
        double scale = loss == LossKind.Sse ? n : 1.0;
        // null columns are all equal but not a group to split weight in
        var identical = IdenticalColumns.Of(xc).Select(g => g.Where(j => gram[j * k + j] != 0).ToArray()).Where(g => g.Length > 1).ToArray();
        // the QR overwrites the columns it is given: copies, so that the centred data stay for a certificate that needs them
        var root = SquareRoot.FromColumns([.. xc.Select(c => c.ToArray())], yc.ToArray());
        // a given loss's rows are a rounding of A and c: its gradient comes from A and c (Given), not from them
        bool keepData = (intercept || data.Given is null) && CentredData.Needed(root, n, k);
        return new QuadraticLoss(gram, cross, yy, scale, n, data.FeatureNames, means, ymean, root)
        {
            Identical = identical,
            Near = NearColumns.Find(data, intercept, gram, k),
            Given = intercept ? null : data.Given,
            Centred = keepData ? new CentredData(xc, xLo, yc, yLo, [.. cols.Select(c => c.Max(Math.Abs)), y.Max(Math.Abs)]) : null,
        };
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
