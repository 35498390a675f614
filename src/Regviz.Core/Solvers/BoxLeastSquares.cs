using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// minimise ‖z − Sw‖² subject to |w_j| ≤ m: least squares in a box, the linf ball's own problem. A primal active-set
/// method (Lawson and Hanson's, for two-sided bounds): the coordinates at a bound are held there, the free ones are
/// the exact least-squares fit of what the held ones leave (through the SVD of S's free columns, so accuracy follows
/// X, not XᵀX); a fit that leaves the box is walked back to the first bound it crosses, and a held coordinate whose
/// gradient points into the box is freed. Every step lowers the objective, so the method ends, at the exact optimum.
/// </summary>
internal static class BoxLeastSquares
{
    public static double[] Solve(QuadraticLoss q, double m, double[]? warm = null)
    {
        int k = q.Dimension;
        var w = new double[k];
        var atBound = new bool[k];
        for (int j = 0; j < k; j++)
        {
            double v = warm is null ? 0 : Math.Clamp(warm[j], -m, m);
            atBound[j] = Math.Abs(v) == m;
            w[j] = v;
        }
        for (int iteration = 0; iteration < 20 * k + 50; iteration++)
        {
            var free = Enumerable.Range(0, k).Where(j => !atBound[j]).ToList();
            var fit = free.Count > 0 ? FitFree(q, free, w) : [];
            bool inside = true;
            double step = 1;
            int hit = -1;
            for (int i = 0; i < free.Count; i++)
            {
                double target = fit[i];
                if (Math.Abs(target) <= m) continue;
                inside = false;
                // the fraction of the way from w_j to the fit at which |w_j| reaches m
                double bound = Math.CopySign(m, target);
                double t = (bound - w[free[i]]) / (target - w[free[i]]);
                if (t < step) { step = Math.Max(0, t); hit = free[i]; }
            }
            if (!inside)
            {
                for (int i = 0; i < free.Count; i++) w[free[i]] += step * (fit[i] - w[free[i]]);
                w[hit] = Math.CopySign(m, fit[free.IndexOf(hit)]);
                atBound[hit] = true;
                foreach (int j in free) if (Math.Abs(w[j]) >= m) { w[j] = Math.CopySign(m, w[j]); atBound[j] = true; }
                continue;
            }
            for (int i = 0; i < free.Count; i++) w[free[i]] = fit[i];

            // a held coordinate stays held while the correlation r_j pushes it outwards: s_j·r_j ≥ 0
            var r = new double[k];
            q.Root.Correlation(w, r);
            int release = -1;
            double worst = -1e-14 * Math.Max(1e-300, r.Max(Math.Abs));
            for (int j = 0; j < k; j++)
            {
                if (!atBound[j]) continue;
                double push = Math.Sign(w[j]) * r[j];
                if (push < worst) { worst = push; release = j; }
            }
            if (release < 0) return w;
            atBound[release] = false;
        }
        return w;
    }

    /// <summary>The free coordinates' exact least-squares fit to z − S_B·w_B (the held coordinates' share taken out).</summary>
    internal static double[] FitFree(QuadraticLoss q, IReadOnlyList<int> free, double[] w)
    {
        var root = q.Root;
        var held = new double[q.Dimension];
        for (int j = 0; j < held.Length; j++) held[j] = free.Contains(j) ? 0 : w[j];
        var target = Vector<double>.Build.Dense(root.Rows);
        var u = new double[root.Rows];
        root.Residual(held, u);
        for (int i = 0; i < root.Rows; i++) target[i] = u[i];
        return ActiveSystem.LeastSquares(q, free, target);
    }
}
