using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// Least squares with a ridge term (α &lt; 1) on data with identical columns. J is then strictly convex but nearly flat
/// across each group, where coordinate descent stops anywhere along a valley whose KKT residual is rounding; yet J is
/// symmetric in the group, so its one optimum splits the group's weight equally. The groups are merged into one
/// variable each (the average of a w is no worse than w, J being convex and symmetric) and the sign-fixed problem on
/// the merged variables is solved exactly, its support repaired as in feature-sign search.
/// </summary>
internal static class EqualSplit
{
    /// <summary>The optimum from <paramref name="w"/>, with equal weights within every group of identical columns.</summary>
    public static double[] Finish(QuadraticLoss q, double[] w, double mu, double alpha)
    {
        if (q.Identical.Length == 0 || !(mu > 0) || !(alpha < 1)) return w;
        var blocks = Blocks(q);
        var v = blocks.Select(b => b.Average(j => w[j])).ToArray();
        var best = Expand(blocks, v, q.Dimension);
        double bestValue = Objective(q, best, mu, alpha);
        for (int round = 0; round < 2 * blocks.Length + 2; round++)
        {
            var next = SignFixedStep(q, blocks, v, mu, alpha);
            if (next is null) break;
            var candidate = Expand(blocks, next, q.Dimension);
            double value = Objective(q, candidate, mu, alpha);
            if (!(value <= bestValue)) break;
            bool same = next.AsSpan().SequenceEqual(v);
            (v, best, bestValue) = (next, candidate, value);
            if (same) break;
        }
        return best;
    }

    /// <summary>
    /// One feature-sign step on the merged variables: the zero block that most violates its condition joins with the
    /// sign of its pull; the sign-fixed stationary point is solved; the step is cut back to the first sign change.
    /// </summary>
    private static double[]? SignFixedStep(QuadraticLoss q, int[][] blocks, double[] v, double mu, double alpha)
    {
        int m = blocks.Length;
        var w = Expand(blocks, v, q.Dimension);
        var corr = new double[q.Dimension];
        q.Root.Correlation(w, corr); // c − Gw
        var sign = v.Select(x => (double)Math.Sign(x)).ToArray();
        int worst = -1;
        double worstExcess = 0;
        for (int b = 0; b < m; b++)
        {
            if (v[b] != 0) continue;
            double pull = blocks[b].Sum(j => corr[j]), excess = Math.Abs(pull) - mu * alpha * blocks[b].Length / 2;
            if (excess > worstExcess) (worst, worstExcess) = (b, excess);
        }
        if (worst >= 0) sign[worst] = Math.Sign(blocks[worst].Sum(j => corr[j]));
        var active = Enumerable.Range(0, m).Where(b => sign[b] != 0).ToArray();
        if (active.Length == 0) return v;
        // [(SB)ᵀ(SB) + μ(1−α)K] u = Bᵀc − (μα/2)Kσ on the active blocks, K = the blocks' sizes
        var sb = Matrix<double>.Build.Dense(q.Root.Rows, active.Length, (i, a) => blocks[active[a]].Sum(j => q.Root[i, j]));
        var lhs = sb.TransposeThisAndMultiply(sb);
        var rhs = Vector<double>.Build.Dense(active.Length);
        for (int a = 0; a < active.Length; a++)
        {
            int size = blocks[active[a]].Length;
            lhs[a, a] += mu * (1 - alpha) * size;
            rhs[a] = blocks[active[a]].Sum(j => q.Cross[j]) - mu * alpha / 2 * size * sign[active[a]];
        }
        var svd = lhs.Svd();
        var u = svd.Solve(rhs);
        u += svd.Solve(rhs - lhs * u); // one refinement: the last digits on a nearly singular block
        var target = new double[m];
        for (int a = 0; a < active.Length; a++) target[active[a]] = u[a];
        // walk from v towards the target, stopping where the first sign would change (the objective falls all the way)
        double t = 1;
        for (int b = 0; b < m; b++)
            if (target[b] != 0 && Math.Sign(target[b]) != sign[b] && v[b] != 0)
                t = Math.Min(t, v[b] / (v[b] - target[b]));
        var next = new double[m];
        for (int b = 0; b < m; b++)
        {
            next[b] = v[b] + t * (target[b] - v[b]);
            if (sign[b] == 0 || Math.Sign(next[b]) != sign[b]) next[b] = 0;
        }
        return next.All(double.IsFinite) ? next : null;
    }

    /// <summary>The groups of identical columns and every other column on its own.</summary>
    private static int[][] Blocks(QuadraticLoss q)
    {
        var grouped = q.Identical.SelectMany(g => g).ToHashSet();
        return q.Identical.Concat(Enumerable.Range(0, q.Dimension).Where(j => !grouped.Contains(j)).Select(j => new[] { j })).ToArray();
    }

    private static double[] Expand(int[][] blocks, double[] v, int k)
    {
        var w = new double[k];
        for (int b = 0; b < blocks.Length; b++)
            foreach (int j in blocks[b]) w[j] = v[b];
        return w;
    }

    /// <summary>The normalised objective ‖z − Sw‖² + μP(w) (J/scale less a constant).</summary>
    private static double Objective(QuadraticLoss q, double[] w, double mu, double alpha)
    {
        double l1 = 0, l2 = 0;
        foreach (double x in w) { l1 += Math.Abs(x); l2 += x * x; }
        return q.Root.ResidualSquare(w) + mu * (alpha * l1 + (1 - alpha) * l2);
    }
}
