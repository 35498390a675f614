namespace Regviz.Core.Contours;

/// <summary>
/// Σ_i max(a_i·w1 + β_i, 0) at the nodes w1 = x0 + k·dx of a grid row, in O(rows + nodes): each term is zero on
/// one side of its kink −β/a and linear on the other, so the slopes and offsets of the terms switched on at each
/// node are added into difference arrays and summed once along the row. Equal to the term-by-term sum up to
/// rounding (a node within rounding of a kink gets a term of about zero either way).
/// </summary>
internal static class HingeSums
{
    /// <summary>Adds the sums to <paramref name="total"/>[k], where a = sign·p and β = sign·c.</summary>
    public static void Add(ReadOnlySpan<double> p, ReadOnlySpan<double> c, ReadOnlySpan<double> sign, double x0, double dx, Span<double> total)
    {
        int nodes = total.Length;
        var slope = new double[nodes + 1];
        var offset = new double[nodes + 1];
        for (int i = 0; i < p.Length; i++)
        {
            double a = sign[i] * p[i], beta = sign[i] * c[i];
            if (a == 0)
            {
                offset[0] += Math.Max(beta, 0);
                continue;
            }
            // nodes at or past position t (in steps from x0) lie on the kink's right
            double t = (-beta / a - x0) / dx;
            if (a > 0)
            {
                int from = FirstNodeAfter(t, nodes, strictly: true);
                (slope[from], offset[from]) = (slope[from] + a, offset[from] + beta);
            }
            else
            {
                int to = FirstNodeAfter(t, nodes, strictly: false);
                (slope[0], offset[0]) = (slope[0] + a, offset[0] + beta);
                (slope[to], offset[to]) = (slope[to] - a, offset[to] - beta);
            }
        }
        double sa = 0, sb = 0;
        for (int k = 0; k < nodes; k++)
        {
            (sa, sb) = (sa + slope[k], sb + offset[k]);
            total[k] += Math.Max(sa * (x0 + k * dx) + sb, 0);
        }
    }

    /// <summary>The first node index k with k &gt; t (strictly) or k ≥ t, within [0, nodes].</summary>
    private static int FirstNodeAfter(double t, int nodes, bool strictly)
    {
        if (!(t > -1)) return 0; // also NaN: a kink nowhere near the row
        if (t >= nodes) return nodes;
        double k = strictly ? Math.Floor(t) + 1 : Math.Ceiling(t);
        return (int)Math.Clamp(k, 0, nodes);
    }
}
