using Regviz.Core.Data;

namespace Regviz.Core.Problems;

/// <summary>
/// Groups of nearly identical columns (centred columns within 1e-3 of each other, relative, not all equal bit for
/// bit) and the raw data they came from. Across such a group J's curvature is the columns' tiny difference squared
/// plus the ridge term, so a double-precision Gram or square root has lost the digits that decide the split of the
/// group's weight: those live in the differences x_j − x_a, which the raw columns give to full relative precision.
/// The raw data are kept (by reference) only when such a group exists.
/// </summary>
internal sealed class NearColumns
{
    /// <summary>Columns are grouped when ‖x_j − x_a‖ ≤ Closeness·‖x_a‖ (centred).</summary>
    public const double Closeness = 1e-3;

    private NearColumns(int[][] groups, double[][] columns, double[] target, bool intercept, (double, double)[]? means = null)
    {
        Groups = groups;
        Columns = columns;
        Target = target;
        Intercept = intercept;
        ColumnMeans = means ?? (intercept ? columns.Select(ExactSum.Mean).ToArray() : columns.Select(_ => (0.0, 0.0)).ToArray());
        TargetMean = intercept ? ExactSum.Mean(target) : (0, 0);
    }

    /// <summary>The same on the columns <paramref name="keep"/> (renumbered in that order); null when no group is left.</summary>
    public NearColumns? Keep(int[] keep)
    {
        var groups = Groups.Select(g => g.Select(j => Array.IndexOf(keep, j)).Where(j => j >= 0).ToArray()).Where(g => g.Length > 1).ToArray();
        return groups.Length == 0 ? null : new NearColumns(groups, keep.Select(j => Columns[j]).ToArray(), Target, Intercept, keep.Select(j => ColumnMeans[j]).ToArray());
    }

    /// <summary>Each group in column order; its first column is the anchor the others are measured from.</summary>
    public int[][] Groups { get; }
    public double[][] Columns { get; }
    public double[] Target { get; }
    public bool Intercept { get; }
    /// <summary>Each column's mean as an unevaluated sum hi + lo (0 without an intercept).</summary>
    public (double Hi, double Lo)[] ColumnMeans { get; }
    public (double Hi, double Lo) TargetMean { get; }
    public int Rows => Target.Length;

    /// <summary>The groups of <paramref name="data"/>, found from the centred Gram matrix G (k×k, row-major); null when none has two columns that differ.</summary>
    public static NearColumns? Find(Dataset data, bool intercept, double[] gram, int k)
    {
        if (k > Certificates.Curvature.MaxDimension) return null;
        var anchorOf = new int[k];
        Array.Fill(anchorOf, -1);
        for (int j = 0; j < k; j++)
        {
            double gjj = gram[j * k + j];
            for (int a = 0; a < j && anchorOf[j] < 0; a++)
            {
                if (anchorOf[a] >= 0) continue;
                double gaa = gram[a * k + a], gja = gram[j * k + a];
                // ‖x_j − x_a‖² from G: cancels, but only a closeness of 1e-3 (1e-6 in squares) is asked of it
                if (gaa > 0 && gjj > 0 && gja > 0 && gjj + gaa - 2 * gja <= 4 * Closeness * Closeness * gaa) anchorOf[j] = a;
            }
        }
        var groups = Enumerable.Range(0, k).Where(a => anchorOf[a] < 0)
            .Select(a => new[] { a }.Concat(Enumerable.Range(a + 1, k - a - 1).Where(j => anchorOf[j] == a)).ToArray())
            .Where(g => g.Length > 1).ToArray();
        bool anyDiffer = groups.Any(g => g.Skip(1).Any(j => !data.Columns[j].AsSpan().SequenceEqual(data.Columns[g[0]])));
        return anyDiffer ? new NearColumns(groups, data.Columns, data.Target, intercept) : null;
    }
}
