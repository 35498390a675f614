using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// Newton steps on the support of an answer for a loss given as A and c (<see cref="GivenLoss"/>), its residual
/// taken from A and c exactly. The solvers work on the rounded rows, whose optimum differs from the given one by
/// 1e-16·‖A‖‖c‖/λ: a large part of an answer along A's nearly flat direction. Each step with the exact residual
/// removes that, while the step's own rounding (from A in double) shrinks with the residual.
/// </summary>
internal static class GivenRefinement
{
    private const int Steps = 4;

    /// <summary><paramref name="s"/> with its nonzero weights refined, when the result is certified or lowers the measured violation; else <paramref name="s"/>.</summary>
    public static Solution Refine(QuadraticLoss q, Penalty penalty, double lambda, Solution s)
    {
        if (q.Given is not { } given || !penalty.IsSeparable || s.Radius is not null) return s;
        var support = Enumerable.Range(0, 2).Where(j => s.Weights[j] != 0).ToArray();
        if (support.Length == 0) return s;
        double curvature = 2 * q.Scale / q.Rows; // ∇²D = 2(scale/n)·A
        var w = (double[])s.Weights.Clone();
        for (int step = 0; step < Steps; step++)
        {
            int m = support.Length;
            var r = new double[m];
            var h = new double[m, m];
            for (int p = 0; p < m; p++)
            {
                var (first, second) = penalty.Derivatives(w[support[p]]);
                r[p] = Residual(given, curvature, penalty, lambda, w, support[p], first);
                for (int k = 0; k < m; k++) h[p, k] = curvature * given.Entry(support[p], support[k]) + (p == k ? lambda * second : 0);
            }
            var delta = Solve(h, r);
            if (delta is null) break;
            var next = (double[])w.Clone();
            for (int p = 0; p < m; p++) next[support[p]] -= delta[p];
            // a step that changes a sign leaves the piece of J the support describes: not a refinement
            if (support.Any(j => !double.IsFinite(next[j]) || Math.Sign(next[j]) != Math.Sign(w[j]))) break;
            bool moved = support.Any(j => next[j] != w[j]);
            w = next;
            if (!moved) break;
        }
        var refined = Solution.Create(q, penalty, w, lambda, null, s.Method, s.MultiplierBisected);
        // the steps' residual is finer than the certificate's rounded one, which reads both answers at its rounding
        return refined.Certificate.Certified || refined.Certificate.Kkt <= s.Certificate.Kkt ? refined : s;
    }

    /// <summary>
    /// ∂J/∂w_j in twice the working precision: at a weight much smaller than c (along A's flat direction, or a lasso
    /// weight about to enter) ∇D_j and λP'(w_j) nearly cancel, and their rounded sum would fix w_j only to
    /// ulp(λ)/A_jj. The elastic net's λα·sign(w_j) is added exactly; its ridge part and other penalties' derivative
    /// are proportional to w_j, or rounded relative to what they add.
    /// </summary>
    private static double Residual(GivenLoss given, double curvature, Penalty penalty, double lambda, double[] w, int j, double first)
    {
        var sum = new ExactSum();
        given.AddRow(ref sum, j, w, curvature);
        if (penalty.ElasticNetAlpha is { } alpha)
        {
            sum.AddProduct(lambda, alpha * Math.Sign(w[j]));
            sum.AddProduct(lambda, 2 * (1 - alpha) * w[j]);
        }
        else sum.AddProduct(lambda, first);
        return sum.Value;
    }

    /// <summary>h·x = r for a 1×1 or 2×2 h (symmetric), the determinant with one rounding (Kahan); null if singular or not positive.</summary>
    private static double[]? Solve(double[,] h, double[] r)
    {
        if (r.Length == 1) return h[0, 0] > 0 ? [r[0] / h[0, 0]] : null;
        double bb = h[0, 1] * h[0, 1];
        double det = Math.FusedMultiplyAdd(h[0, 0], h[1, 1], -bb) - Math.FusedMultiplyAdd(h[0, 1], h[0, 1], -bb);
        if (!(det > 0 && h[0, 0] > 0)) return null;
        return [(h[1, 1] * r[0] - h[0, 1] * r[1]) / det, (h[0, 0] * r[1] - h[0, 1] * r[0]) / det];
    }
}
