using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// Lasso and elastic net: minimise wᵀGw − 2cᵀw + 2a·‖w‖₁ + b·‖w‖² (a = μα/2, b = μ(1−α)).
/// Cyclic coordinate descent on the Gram matrix (each update is a soft-threshold, so zeros are exact),
/// then an exact finish: with the active set A and signs s fixed, the optimum solves
/// (G_AA + bI) w_A = c_A − a·s_A, which is accepted only when the KKT conditions hold for every coordinate.
/// </summary>
internal static class CoordinateDescentSolver
{
    private const int MaxSweeps = 2_000;

    public static double[] Solve(QuadraticLoss q, double a, double b, double[]? start = null)
    {
        int k = q.Dimension;
        var w = start is null ? new double[k] : (double[])start.Clone();
        var gw = new double[k];
        q.MultiplyGram(w, gw);

        for (int sweep = 1; sweep <= MaxSweeps; sweep++)
        {
            double maxDelta = 0, maxW = 0;
            for (int j = 0; j < k; j++)
            {
                double gjj = q.G(j, j);
                double r = q.Cross[j] - (gw[j] - gjj * w[j]);
                double updated = Penalties.Penalty.SoftThreshold(r, a) / (gjj + b);
                double d = updated - w[j];
                if (d != 0)
                {
                    w[j] = updated;
                    for (int i = 0; i < k; i++) gw[i] += d * q.G(i, j);
                    maxDelta = Math.Max(maxDelta, Math.Abs(d));
                }
                maxW = Math.Max(maxW, Math.Abs(w[j]));
            }
            // a model whose curvature underflowed (a logistic fit running off on separable classes) divides by
            // about 0; the caller sees the non-finite answer and stops, where the finish below could not sign it
            if (!double.IsFinite(maxW)) return w;
            bool settled = maxDelta <= 1e-14 * Math.Max(1, maxW);
            if (settled || sweep % 16 == 0)
            {
                if (TryExactFinish(q, a, b, w) is { } exact) return exact;
                if (settled) break;
                q.MultiplyGram(w, gw); // resynchronise Gw, which drifts by rounding over many updates
            }
        }
        return FeatureSignSearch.Solve(q, a, b, w);
    }

    /// <summary>The active-set linear solve, or null when its signs or the KKT conditions do not hold.</summary>
    internal static double[]? TryExactFinish(QuadraticLoss q, double a, double b, double[] approx)
    {
        int k = q.Dimension;
        var active = new List<int>();
        for (int j = 0; j < k; j++) if (approx[j] != 0) active.Add(j);
        var w = new double[k];
        if (active.Count > 0)
        {
            var rhs = active.Select(j => q.Cross[j] - a * Math.Sign(approx[j])).ToArray();
            var x = Dense.SolveSubset(q, active, b, rhs);
            if (x is null) return null;
            for (int i = 0; i < active.Count; i++)
            {
                if (Math.Sign(x[i]) != Math.Sign(approx[active[i]])) return null;
                w[active[i]] = x[i];
            }
        }
        var gw = new double[k];
        q.MultiplyGram(w, gw);
        double cmax = q.Cross.Max(Math.Abs);
        for (int j = 0; j < k; j++)
        {
            if (w[j] != 0) continue;
            // inactive: |c_j − (Gw)_j| ≤ a, with room for rounding only
            if (FeatureSignSearch.Violation(q.Cross[j] - gw[j], 0, a) > 1e-12 * Math.Max(a, cmax)) return null;
        }
        return w;
    }
}
