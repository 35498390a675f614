namespace Regviz.Core.Penalties;

/// <summary>P(w) = Σ|w_j|: the diamond.</summary>
public sealed class L1Penalty : Penalty
{
    public override NormKind Kind => NormKind.L1;
    public override double? ElasticNetAlpha => 1;

    public override double Value(ReadOnlySpan<double> w)
    {
        double s = 0;
        foreach (double x in w) s += Math.Abs(x);
        return s;
    }

    public override double Norm(ReadOnlySpan<double> w) => Value(w);
    public override double ValueAtNorm(double radius) => radius;

    public override void Prox(ReadOnlySpan<double> v, double t, Span<double> result)
    {
        for (int j = 0; j < v.Length; j++) result[j] = SoftThreshold(v[j], t);
    }

    public override double RadiusAlong(double cos, double sin, double level) =>
        level / (Math.Abs(cos) + Math.Abs(sin));

    /// <summary>The exact diamond: four corners, no sampling.</summary>
    public override IReadOnlyList<(double X, double Y)> LevelSet(double level, int pointsPerQuadrant = 256) =>
        [(level, 0), (0, level), (-level, 0), (0, -level), (level, 0)];
}
