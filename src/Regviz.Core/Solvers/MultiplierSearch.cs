namespace Regviz.Core.Solvers;

/// <summary>
/// The constrained form's multiplier: for a convex penalty the norm of the penalised optimum falls as the
/// multiplier grows, so the smallest multiplier whose optimum lies inside the ball is bracketed by powers of 4
/// and then bisected (geometrically, since multipliers span many decades) until the bracket is one ulp wide.
/// </summary>
internal static class MultiplierSearch
{
    /// <summary>How many penalised solves the searches on this thread have made: the work a search costs, which tests bound by count.</summary>
    [ThreadStatic]
    internal static long Steps;

    /// <summary>
    /// The smallest m &gt; 0 with <paramref name="normAt"/>(m) ≤ <paramref name="radius"/>, to machine precision; or
    /// <paramref name="floor"/> when even that is inside the ball, i.e. the constraint does not bind (the unregularised
    /// end of the path is inside the ball although the least-squares fit the caller tried first was not, as with the
    /// minimum-l1 fit among many when features outnumber rows). The floor bounds the work as well as the answer.
    /// </summary>
    public static double Smallest(Func<double, double> normAt, double radius, double start = 1, double floor = 1e-300)
    {
        var counted = normAt;
        normAt = m => { Steps++; return counted(m); };
        double hi = start;
        for (int i = 0; i < 600 && normAt(hi) > radius; i++) hi *= 4;
        double lo = hi;
        for (int i = 0; i < 600 && normAt(lo) <= radius; i++)
        {
            if (lo / 4 < floor) return Math.Min(hi, floor);
            lo /= 4;
        }
        for (int i = 0; i < 400 && hi > lo * (1 + 4e-16); i++)
        {
            double mid = Math.Sqrt(lo * hi);
            if (mid <= lo || mid >= hi) break;
            if (normAt(mid) > radius) lo = mid; else hi = mid;
        }
        return hi;
    }
}
