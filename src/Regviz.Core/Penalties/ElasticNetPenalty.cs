namespace Regviz.Core.Penalties;

/// <summary>P(w) = α Σ|w_j| + (1−α) Σw_j²: rounded diamond with corners that stay sharp for α &gt; 0.</summary>
public sealed class ElasticNetPenalty : Penalty
{
    public ElasticNetPenalty(double alpha)
    {
        if (!(alpha >= 0 && alpha <= 1))
            throw new ProblemArgumentException("alpha", $"{alpha} is outside [0, 1]");
        Alpha = alpha;
    }

    public double Alpha { get; }
    public override NormKind Kind => NormKind.ElasticNet;
    public override double? ElasticNetAlpha => Alpha;
    public override string Describe() => FormattableString.Invariant($"elasticnet (α = {Alpha:G6})");

    public override double Value(ReadOnlySpan<double> w)
    {
        double a = 0, q = 0;
        foreach (double x in w) { a += Math.Abs(x); q += x * x; }
        return Alpha * a + (1 - Alpha) * q;
    }

    public override double Norm(ReadOnlySpan<double> w) => Value(w);
    public override double ValueAtNorm(double radius) => radius;

    public override void Prox(ReadOnlySpan<double> v, double t, Span<double> result)
    {
        double f = 1.0 / (1.0 + 2.0 * t * (1 - Alpha));
        for (int j = 0; j < v.Length; j++) result[j] = SoftThreshold(v[j], t * Alpha) * f;
    }

    /// <summary>Solves α·r·(|cos|+|sin|) + (1−α)·r² = level for r ≥ 0, in the cancellation-free form.</summary>
    public override double RadiusAlong(double cos, double sin, double level)
    {
        double b = Alpha * (Math.Abs(cos) + Math.Abs(sin));
        double a = 1 - Alpha;
        if (a == 0) return level / b;
        return 2 * level / (b + Math.Sqrt(b * b + 4 * a * level));
    }
}
