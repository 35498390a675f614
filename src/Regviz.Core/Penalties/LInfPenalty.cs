namespace Regviz.Core.Penalties;

/// <summary>P(w) = max_j |w_j|: the square, whose corners sit off the axes, so it favours |w1| = |w2|.</summary>
public sealed class LInfPenalty : Penalty
{
    public override NormKind Kind => NormKind.LInf;

    public override double Value(ReadOnlySpan<double> w)
    {
        double m = 0;
        foreach (double x in w) m = Math.Max(m, Math.Abs(x));
        return m;
    }

    public override double Norm(ReadOnlySpan<double> w) => Value(w);
    public override double ValueAtNorm(double radius) => radius;

    /// <summary>Moreau: prox_{t‖·‖∞}(v) = v − Π_{‖·‖₁ ≤ t}(v).</summary>
    public override void Prox(ReadOnlySpan<double> v, double t, Span<double> result)
    {
        Span<double> proj = v.Length <= 64 ? stackalloc double[v.Length] : new double[v.Length];
        ProjectOntoL1Ball(v, t, proj);
        for (int j = 0; j < v.Length; j++) result[j] = v[j] - proj[j];
    }

    /// <summary>Euclidean projection onto {x : ‖x‖₁ ≤ radius} by sorting (Duchi et al. 2008).</summary>
    public static void ProjectOntoL1Ball(ReadOnlySpan<double> v, double radius, Span<double> result)
    {
        double l1 = 0;
        foreach (double x in v) l1 += Math.Abs(x);
        if (l1 <= radius)
        {
            v.CopyTo(result);
            return;
        }
        var u = new double[v.Length];
        for (int j = 0; j < v.Length; j++) u[j] = Math.Abs(v[j]);
        Array.Sort(u);
        Array.Reverse(u);
        double cumulative = 0, theta = 0;
        for (int j = 0; j < u.Length; j++)
        {
            cumulative += u[j];
            double candidate = (cumulative - radius) / (j + 1);
            // the first candidate always qualifies (u₀ − (u₀ − r) = r > 0); with r below u₀'s last digit the
            // comparison rounds to equality, which once returned the projection v itself and so a zero prox
            if (j == 0 || u[j] > candidate) theta = candidate;
        }
        for (int j = 0; j < v.Length; j++) result[j] = SoftThreshold(v[j], theta);
    }

    public override double RadiusAlong(double cos, double sin, double level) =>
        level / Math.Max(Math.Abs(cos), Math.Abs(sin));

    public override IReadOnlyList<(double X, double Y)> LevelSet(double level, int pointsPerQuadrant = 256) =>
        [(level, 0), (level, level), (-level, level), (-level, -level), (level, -level), (level, 0)];
}
