using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// The exact finish of the elastic net and the lasso on data with nearly identical columns: columns that differ (and
/// a ridge term, α &lt; 1) make J strictly convex, so its optimum is unique, but along a group's differences its
/// curvature is the differences squared plus the ridge term, 1e-14 of the rest at α = 1 − 1e-12, where a Cholesky on
/// G (accepted on its signs alone) or coordinate descent stops anywhere along the valley. Feature-sign search on
/// <see cref="DifferenceSystem"/> instead: each sign-fixed stationary point is solved by refinement against a residual
/// carried in twice the precision, the step cut back to the first sign change, the most violated zero let in; the
/// answer is kept only when its signs and every zero's condition hold.
/// </summary>
internal static class NearColumnsFinish
{
    /// <summary>
    /// The optimum from <paramref name="w"/> where the data have near-identical groups; else <paramref name="w"/>. The
    /// lasso too (α = 1, b = 0): coordinate descent left a near copy 1e-7 of weight the optimum does not give it, an
    /// error J cannot show (4e-16) and the certificate refused (CsCheck seed 0anq0_PPDmy7 of LassoOnHardDesignsTests).
    /// </summary>
    public static double[] Finish(QuadraticLoss q, double[] w, double mu, double alpha)
    {
        if (q.Near is not { } near || !(mu > 0) || !(alpha <= 1)) return w;
        double a = mu * alpha / 2, b = mu * (1 - alpha);
        var current = (double[])w.Clone();
        bool stationary = false; // current is the stationary point of its signs (not the start, nor a walk's stop)
        for (int round = 0; round < 4 * q.Dimension + 8; round++)
        {
            var signs = current.Select(x => (double)Math.Sign(x)).ToArray();
            var (worst, pull) = WorstZero(near, current, a, b, stationary);
            if (worst >= 0) signs[worst] = Math.Sign(pull);
            if (signs.All(x => x == 0)) return new double[q.Dimension]; // no zero's condition fails at w = 0
            var system = DifferenceSystem.On(near, signs, a, b);
            if (system is null) return w;
            var target = Stationary(system, current, q.Dimension);
            if (target is null) return w;
            if (system.SignsHold(target))
            {
                (current, stationary) = (target, true);
                if (WorstZero(near, current, a, b, true).Index < 0) return current;
                continue; // the next round lets the most violated zero in
            }
            // walk towards the target to the first sign change; J falls all the way (convex), and that coordinate leaves
            double t = 1;
            int leaving = -1;
            for (int j = 0; j < q.Dimension; j++)
                if (current[j] != 0 && Math.Sign(target[j]) != Math.Sign(current[j]) && current[j] / (current[j] - target[j]) < t)
                    (t, leaving) = (current[j] / (current[j] - target[j]), j);
            var next = new double[q.Dimension];
            for (int j = 0; j < q.Dimension; j++)
                next[j] = signs[j] == 0 || j == leaving ? 0 : current[j] + t * (target[j] - current[j]);
            for (int j = 0; j < q.Dimension; j++)
                if (Math.Sign(next[j]) != signs[j]) next[j] = 0;
            (current, stationary) = (next, false);
        }
        return w;
    }

    /// <summary>
    /// ‖w − w*‖ and J(w) − J* where w's structure (support and signs) is the optimum's: the Newton step in the
    /// difference variables from a residual in twice the precision, with every rounding it carries added; null when
    /// the step leaves the structure or a zero's condition fails where it lands.
    /// </summary>
    public static (double Distance, double Drop)? Distance(QuadraticLoss q, ReadOnlySpan<double> w, double mu, double alpha)
    {
        if (q.Near is not { } near || !(mu > 0) || !(alpha < 1)) return null;
        double a = mu * alpha / 2, b = mu * (1 - alpha);
        var signs = w.ToArray().Select(x => (double)Math.Sign(x)).ToArray();
        var system = DifferenceSystem.On(near, signs, a, b);
        if (system is null) return null;
        var v = system.VariablesOf(w);
        var there = system.WeightsOf(v, w.Length);
        double represent = 0; // w and T·v differ by the rounding of each group's total
        for (int j = 0; j < w.Length; j++) represent += (w[j] - there[j]) * (w[j] - there[j]);
        var r = system.Residual(v);
        var pull = system.Pull(v, r, there);
        var step = system.Solve(pull);
        double error = system.SolveBound(system.PullRounding(v, r, pull, there)) * 2 + 4e-16 * step.Sum(Math.Abs);
        var landed = v.Zip(step, (x, d) => x + d).ToArray();
        var moved = system.WeightsOf(landed, w.Length);
        if (!system.SignsHold(moved)) return null;
        if (WorstZero(near, moved, a, b, true, system.Residual(landed)).Index >= 0) return null;
        double dv = Math.Sqrt(step.Sum(x => x * x));
        double distance = system.Spread * (dv + error) + Math.Sqrt(represent) + 2.3e-16 * Math.Sqrt(w.ToArray().Sum(x => x * x));
        double drop = q.Scale * Math.Sqrt(pull.Sum(x => x * x)) * 1.01 * (dv + error);
        return (distance, drop);
    }

    /// <summary>The stationary point of the sign-fixed problem, by refinement from <paramref name="from"/>.</summary>
    private static double[]? Stationary(DifferenceSystem system, double[] from, int k)
    {
        var v = system.VariablesOf(from);
        for (int iteration = 0; iteration < 12; iteration++)
        {
            var w = system.WeightsOf(v, k);
            var step = system.Solve(system.Pull(v, system.Residual(v), w));
            if (!step.All(double.IsFinite)) return null;
            double size = 0, scale = 0;
            for (int q = 0; q < v.Length; q++) { v[q] += step[q]; size = Math.Max(size, Math.Abs(step[q])); scale = Math.Max(scale, Math.Abs(v[q])); }
            if (size <= 1e-17 * scale) break;
        }
        return system.WeightsOf(v, k);
    }

    /// <summary>
    /// The zero coordinate whose condition |x_jᵀr/n| ≤ a fails most, with its pull; (−1, 0) when all hold. At a
    /// <paramref name="stationary"/> point of its signs, a zero with an active column m in its group is judged against
    /// m: there x_mᵀr/n = a·σ_m + b·w_m, so x_jᵀr/n = a·σ_m + b·w_m + (x_j − x_m)ᵀr/n and its excess over a is formed
    /// from the last two terms alone (elsewhere that identity fails, and the excess is formed directly). Formed
    /// as |x_jᵀr/n| − a it kept only about 1e-16 of a, and a tolerance of 1e-13 of a on top, while those two terms,
    /// which decide whether a near copy joins its group, are 1e-11 of a and less as α → 1: a copy was left at 0 where the
    /// optimum gives it a thousandth of the group's weight (CsCheck seed dJ5cs5HDBdr1 of NearDuplicateColumnsTests).
    /// </summary>
    private static (int Index, double Pull) WorstZero(NearColumns near, double[] w, double a, double b, bool stationary, (double Hi, double Lo)[]? residual = null)
    {
        residual ??= Residual(near, w);
        int worst = -1;
        double worstPull = 0, worstExcess = 0;
        for (int j = 0; j < w.Length; j++)
        {
            if (w[j] != 0) continue;
            int m = stationary ? near.Groups.FirstOrDefault(g => g.Contains(j))?.FirstOrDefault(i => w[i] != 0, -1) ?? -1 : -1;
            double pull, excess;
            if (m < 0)
            {
                pull = DifferenceSystem.Correlation(near.Columns[j], near.ColumnMeans[j], residual);
                excess = Math.Abs(pull) - a * (1 + 1e-13);
            }
            else
            {
                double sign = Math.Sign(w[m]), ridge = b * w[m], difference = Correlation(near, j, m, residual), t = ridge + difference;
                pull = sign * a + t;
                // |a·σ_m + t| − a, without adding t to a
                excess = (sign * t >= -a ? sign * t : -sign * t - 2 * a) - 1e-13 * (Math.Abs(ridge) + Math.Abs(difference));
            }
            if (excess > worstExcess) (worst, worstPull, worstExcess) = (j, pull, excess);
        }
        return (worst, worstPull);
    }

    /// <summary>(x_j − x_m)ᵀr/n on the centred columns, in one sum carried in twice the precision: rounded once, to its own size.</summary>
    private static double Correlation(NearColumns near, int j, int m, (double Hi, double Lo)[] r)
    {
        var s = new ExactSum();
        var total = new ExactSum();
        double[] xj = near.Columns[j], xm = near.Columns[m];
        for (int i = 0; i < r.Length; i++)
        {
            s.AddProduct(xj[i], r[i].Hi);
            s.AddProduct(xj[i], r[i].Lo);
            s.AddProduct(-xm[i], r[i].Hi);
            s.AddProduct(-xm[i], r[i].Lo);
            total.Add(r[i].Hi);
            total.Add(r[i].Lo);
        }
        var (th, tl) = total.Pair;
        foreach (var (mean, side) in new[] { (near.ColumnMeans[j], -1.0), (near.ColumnMeans[m], 1.0) })
        {
            s.AddProduct(side * mean.Hi, th);
            s.AddProduct(side * mean.Hi, tl);
            s.AddProduct(side * mean.Lo, th);
        }
        return s.Value / r.Length;
    }

    /// <summary>The residual of w on the raw columns, in twice the precision.</summary>
    private static (double Hi, double Lo)[] Residual(NearColumns near, double[] w)
    {
        var r = new (double, double)[near.Rows];
        var offset = new ExactSum();
        offset.Add(-near.TargetMean.Hi);
        offset.Add(-near.TargetMean.Lo);
        for (int j = 0; j < w.Length; j++) { offset.AddProduct(w[j], near.ColumnMeans[j].Hi); offset.AddProduct(w[j], near.ColumnMeans[j].Lo); }
        var (oh, ol) = offset.Pair;
        for (int i = 0; i < near.Rows; i++)
        {
            var s = new ExactSum();
            s.Add(near.Target[i]);
            s.Add(oh);
            s.Add(ol);
            for (int j = 0; j < w.Length; j++) if (w[j] != 0) s.AddProduct(-w[j], near.Columns[j][i]);
            r[i] = s.Pair;
        }
        return r;
    }
}
