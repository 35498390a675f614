using Regviz.Core.Problems;
using Regviz.Core.Solvers;

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
    public override string Name => "elasticnet";
    public override string Title => "Elastic net";
    public override IReadOnlyList<PenaltyParameter> Parameters => [new("alpha", "α", Alpha)];
    public override double? ElasticNetAlpha => Alpha;
    public override double KinkAtZero => Alpha;

    public override double Value(ReadOnlySpan<double> w)
    {
        double a = 0, q = 0;
        foreach (double x in w) { a += Math.Abs(x); q += x * x; }
        return Alpha * a + (1 - Alpha) * q;
    }

    public override double Norm(ReadOnlySpan<double> w) => Value(w);
    public override double ValueAtNorm(double radius) => radius;
    public override double ScalarProx(double v, double t) => SoftThreshold(v, t * Alpha) * (1.0 / (1.0 + 2.0 * t * (1 - Alpha)));
    public override (double First, double Second) Derivatives(double w) => (Alpha * Math.Sign(w) + 2 * (1 - Alpha) * w, 2 * (1 - Alpha));
    public override double? LambdaMax(ReadOnlySpan<double> gradientAtZero) => Alpha > 0 ? MaxAbs(gradientAtZero) / Alpha : null;

    /// <summary>Solves α·r·(|cos|+|sin|) + (1−α)·r² = level for r ≥ 0, in the cancellation-free form.</summary>
    public override double RadiusAlong(double cos, double sin, double level)
    {
        double b = Alpha * (Math.Abs(cos) + Math.Abs(sin));
        double a = 1 - Alpha;
        if (a == 0) return level / b;
        return 2 * level / (b + Math.Sqrt(b * b + 4 * a * level));
    }

    public override string PlaneFormula(Func<double, string> number) => $"{number(Alpha)}·Σ|w| + {number(1 - Alpha)}·Σw²";

    internal override (double[] Weights, SolveMethod Method) SolveLeastSquares(QuadraticLoss q, double mu, double[]? warm = null) =>
        ElasticNet.SolveLeastSquares(q, mu, Alpha, warm);
}
