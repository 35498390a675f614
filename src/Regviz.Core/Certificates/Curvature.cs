using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Problems;

namespace Regviz.Core.Certificates;

/// <summary>
/// The curvature least squares guarantees: D = scale·‖z − Sw‖² + const has Hessian 2·scale·SᵀS, so D is strongly
/// convex with modulus 2·scale·σ_min(S)², on the whole space and, larger, on the subspace where identical columns
/// have equal weights (σ_min of S restricted to it). Computed once per loss. σ_min is lowered by the SVD's own
/// rounding (k·ε·σ_max), so that a modulus made of rounding is 0 rather than a false promise.
/// </summary>
internal static class Curvature
{
    /// <summary>Above this many weights no SVD is made for a certificate; the weights then carry no bound.</summary>
    public const int MaxDimension = 400;

    /// <summary>The moduli of D (0 where there is none) and the identical-column groups the second one is for.</summary>
    /// <param name="Floor">min over w of ‖z − Sw‖² (the part of z outside S's range), or null where not computed.</param>
    /// <param name="Top">The largest curvature, 2·scale·σ_max(S)², or 0 where not computed.</param>
    public sealed record Moduli(double Whole, double OnGroups, int[][] Groups, double? Floor = null, double Top = 0);

    private static readonly ConditionalWeakTable<QuadraticLoss, Moduli> Cache = new();
    private static readonly Moduli None = new(0, 0, []);

    /// <summary>D's moduli: least squares from its square root, other losses none (their curvature can vanish).</summary>
    public static Moduli Of(ISmoothLoss loss) => loss switch
    {
        QuadraticLoss q when q.Dimension <= MaxDimension => Cache.GetValue(q, Compute),
        // no modulus from the data, but the groups where a ridge term's equal split may be used
        ModelLoss { Identical.Length: > 0 } m when m.Dimension <= MaxDimension => new Moduli(0, 0, m.Identical),
        _ => None,
    };

    private static Moduli Compute(QuadraticLoss q)
    {
        var root = q.Root;
        var s = Matrix<double>.Build.Dense(root.Rows, root.Columns, (i, j) => root[i, j]);
        double whole = 2 * q.Scale * Square(SmallestSingularValue(s));
        double floor = Outside(s, root.Z);
        double top = 2 * q.Scale * Square(s.L2Norm());
        if (q.Identical.Length == 0) return new Moduli(whole, whole, [], floor, top);
        // an orthonormal basis of {w : equal weights within each group}: 1/√k on a group's columns
        var grouped = new HashSet<int>(q.Identical.SelectMany(g => g));
        var basis = q.Identical.Select(g => g).Concat(Enumerable.Range(0, q.Dimension).Where(j => !grouped.Contains(j)).Select(j => new[] { j })).ToArray();
        var b = Matrix<double>.Build.Dense(q.Dimension, basis.Length);
        for (int c = 0; c < basis.Length; c++)
            foreach (int j in basis[c]) b[j, c] = 1 / Math.Sqrt(basis[c].Length);
        double onGroups = 2 * q.Scale * Square(SmallestSingularValue(s * b));
        return new Moduli(whole, Math.Max(whole, onGroups), q.Identical, floor, top);
    }

    /// <summary>
    /// ‖z − UUᵀz‖² over the numerical range of S (singular values above its rounding), formed from the difference:
    /// where collinear columns leave part of z unexplained, min D is above scale·rest, and a duality gap's budget
    /// built on rest alone would be loose by that part over λ.
    /// </summary>
    private static double Outside(Matrix<double> s, double[] z)
    {
        var svd = s.Svd(computeVectors: true);
        double top = svd.S.Count > 0 ? svd.S.Maximum() : 0;
        var residual = Vector<double>.Build.DenseOfArray((double[])z.Clone());
        for (int i = 0; i < svd.S.Count; i++)
        {
            if (!(svd.S[i] > 8 * s.ColumnCount * Math.Pow(2, -52) * top)) continue;
            var u = svd.U.Column(i);
            residual -= u * u.DotProduct(residual);
        }
        return residual.DotProduct(residual);
    }

    /// <summary>σ_min of a matrix (0 with fewer rows than columns), less what the SVD's rounding could account for.</summary>
    private static double SmallestSingularValue(Matrix<double> m)
    {
        if (m.RowCount < m.ColumnCount) return 0;
        var sv = m.Svd(computeVectors: false).S;
        double top = sv.Maximum(), bottom = sv.Minimum();
        return Math.Max(0, bottom - 8 * m.ColumnCount * Math.Pow(2, -52) * top);
    }

    private static double Square(double x) => x * x;
}
