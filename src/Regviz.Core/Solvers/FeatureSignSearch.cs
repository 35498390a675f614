using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// The exact finish for lasso and elastic net when coordinate descent cannot reach it (ill-conditioned or
/// collinear designs, where it crawls): the feature-sign search of Lee, Battle, Raina and Ng (2007) on
/// F(w) = wᵀ(G + bI)w − 2cᵀw + 2a‖w‖₁. With an active set A and signs s, the minimiser of the sign-fixed
/// quadratic solves (G_AA + bI)x = c_A − a·s_A; a discrete line search from w towards x, stopping at every sign
/// change, lowers F strictly, so no support is visited twice and the search ends, at a point whose KKT
/// conditions hold: active |r_j − a·s_j| tiny and inactive |r_j| ≤ a with r = c − (G + bI)w. Where the active
/// columns are collinear the sign-fixed quadratic is unbounded along its null space; the step then follows
/// that direction to the first coefficient that reaches zero, as LARS does.
/// </summary>
internal static class FeatureSignSearch
{
    public static double[] Solve(QuadraticLoss q, double a, double b, double[] start)
    {
        int k = q.Dimension;
        var w = (double[])start.Clone();
        var sign = w.Select(v => (double)Math.Sign(v)).ToArray();
        var active = Enumerable.Range(0, k).Where(j => w[j] != 0).ToList();
        // room for rounding only: residuals are sums of k products of size ‖c‖∞ or a
        double slack = 1e-13 * Math.Max(a, q.Cross.Max(Math.Abs));
        bool activeSolved = false;
        for (int iteration = 0; iteration < 50 * k + 100; iteration++)
        {
            if (!activeSolved)
            {
                activeSolved = Step(q, a, b, w, active, sign);
                continue;
            }
            var r = Residual(q, b, w);
            int enter = -1;
            double worst = a + slack;
            for (int j = 0; j < k; j++)
                if (w[j] == 0 && Math.Abs(r[j]) > worst) { worst = Math.Abs(r[j]); enter = j; }
            if (enter < 0) return w;
            sign[enter] = Math.Sign(r[enter]);
            if (!active.Contains(enter)) active.Add(enter);
            activeSolved = false;
        }
        return w;
    }

    /// <summary>One feature-sign step; true when it reached the sign-fixed minimiser (the active conditions hold).</summary>
    private static bool Step(QuadraticLoss q, double a, double b, double[] w, List<int> active, double[] sign)
    {
        if (active.Count == 0) return true;
        var (x, unbounded) = ActiveSystem.Solve(q, active, b, a, active.Select(j => sign[j]).ToArray());
        double before = Objective(q, a, b, w);
        bool full = false;
        double[]? best = null;
        if (x is not null)
        {
            if (active.Select((j, i) => Math.Sign(x[i]) == sign[j]).All(ok => ok))
            {
                best = Place(w, active, x);
                full = true;
            }
            else best = LineSearch(q, a, b, w, active, x, before);
        }
        else if (unbounded is not null)
        {
            best = AlongNullSpace(w, active, unbounded, sign);
            if (best is not null && !(Objective(q, a, b, best) <= before)) best = null;
        }
        best ??= CoordinateStep(q, a, b, w, active);
        Array.Copy(best, w, w.Length);
        active.RemoveAll(j => w[j] == 0);
        foreach (int j in active) sign[j] = Math.Sign(w[j]);
        return full;
    }

    /// <summary>The lowest F among x and the points on the segment w → x where a coefficient changes sign (set exactly to 0 there).</summary>
    private static double[]? LineSearch(QuadraticLoss q, double a, double b, double[] w, List<int> active, double[] x, double before)
    {
        var target = Place(w, active, x);
        var candidates = new List<double[]> { target };
        for (int i = 0; i < active.Count; i++)
        {
            int j = active[i];
            if (w[j] == 0 || Math.Sign(x[i]) == Math.Sign(w[j])) continue;
            double t = w[j] / (w[j] - x[i]);
            var p = new double[w.Length];
            for (int m = 0; m < w.Length; m++) p[m] = w[m] + t * (target[m] - w[m]);
            p[j] = 0;
            candidates.Add(p);
        }
        var chosen = candidates.MinBy(p => Objective(q, a, b, p))!;
        return Objective(q, a, b, chosen) < before ? chosen : null;
    }

    /// <summary>Along a null direction d of the active block (F falls linearly there) to the first active coefficient that reaches 0.</summary>
    private static double[]? AlongNullSpace(double[] w, List<int> active, double[] d, double[] sign)
    {
        double step = double.PositiveInfinity;
        int hit = -1;
        for (int i = 0; i < active.Count; i++)
        {
            int j = active[i];
            if (w[j] != 0 && w[j] * d[i] < 0 && -w[j] / d[i] < step) { step = -w[j] / d[i]; hit = j; }
        }
        if (hit < 0) return null;
        var p = (double[])w.Clone();
        for (int i = 0; i < active.Count; i++)
        {
            int j = active[i];
            double v = w[j] + step * d[i];
            // a coefficient that would cross its sign stops at 0 instead
            p[j] = Math.Sign(v) == -sign[j] ? 0 : v;
        }
        p[hit] = 0;
        return p;
    }

    /// <summary>
    /// The exact minimiser along the coordinate that violates its condition most: always lowers F, so the search
    /// makes progress even where the sign-fixed step cannot (rounding at a degenerate support).
    /// </summary>
    private static double[] CoordinateStep(QuadraticLoss q, double a, double b, double[] w, List<int> active)
    {
        var r = Residual(q, b, w);
        int pick = -1;
        double worst = 0;
        for (int j = 0; j < w.Length; j++)
        {
            double v = Violation(r[j], w[j], a);
            if (v > worst) { worst = v; pick = j; }
        }
        var p = (double[])w.Clone();
        if (pick < 0) return p;
        double h = q.G(pick, pick) + b;
        p[pick] = Penalties.Penalty.SoftThreshold(r[pick] + h * w[pick], a) / h;
        return p;
    }

    private static double[] Place(double[] w, List<int> active, double[] x)
    {
        var p = (double[])w.Clone();
        for (int i = 0; i < active.Count; i++) p[active[i]] = x[i];
        return p;
    }

    /// <summary>How far coordinate j is from its condition: r_j = a·sign(w_j) where w_j ≠ 0, |r_j| ≤ a where w_j = 0.</summary>
    internal static double Violation(double r, double w, double a) =>
        w != 0 ? Math.Abs(r - a * Math.Sign(w)) : Math.Max(0, Math.Abs(r) - a);

    /// <summary>r = c − (G + bI)w, from the residual z − Sw so that it stays accurate on ill-conditioned designs.</summary>
    internal static double[] Residual(QuadraticLoss q, double b, double[] w)
    {
        var r = new double[w.Length];
        q.Root.Correlation(w, r);
        for (int j = 0; j < w.Length; j++) r[j] -= b * w[j];
        return r;
    }

    private static double Objective(QuadraticLoss q, double a, double b, double[] w)
    {
        double l1 = 0, l2 = 0;
        foreach (double v in w) { l1 += Math.Abs(v); l2 += v * v; }
        return q.Root.ResidualSquare(w) + b * l2 + 2 * a * l1;
    }
}
