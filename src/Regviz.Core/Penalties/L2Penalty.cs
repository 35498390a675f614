namespace Regviz.Core.Penalties;

/// <summary>P(w) = Σw_j² (squared, as ridge and the article use it); the constrained form bounds √Σw_j².</summary>
public sealed class L2Penalty : Penalty
{
    public override NormKind Kind => NormKind.L2;
    public override double? ElasticNetAlpha => 0;

    public override double Value(ReadOnlySpan<double> w)
    {
        double s = 0;
        foreach (double x in w) s += x * x;
        return s;
    }

    public override double Norm(ReadOnlySpan<double> w) => Math.Sqrt(Value(w));
    public override double ValueAtNorm(double radius) => radius * radius;

    public override void Prox(ReadOnlySpan<double> v, double t, Span<double> result)
    {
        double f = 1.0 / (1.0 + 2.0 * t);
        for (int j = 0; j < v.Length; j++) result[j] = v[j] * f;
    }

    public override double RadiusAlong(double cos, double sin, double level) => Math.Sqrt(level);
}
