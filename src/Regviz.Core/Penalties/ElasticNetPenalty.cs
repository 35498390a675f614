using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Penalties;

/// <summary>P(w) = α Σ|w_j| + (1−α) Σw_j²: rounded diamond with corners that stay sharp for α &gt; 0.</summary>
public sealed class ElasticNetPenalty : Penalty, IExactOnPlane, IHasUnitBall
{
    /// <summary>α, declared.</summary>
    public static PenaltyParameterSpec AlphaParameter { get; } = new("alpha", "α", ParameterRange.Closed(0, 1), 0.5,
        words => $"Elastic-net mixing α in [0, 1], the weight of the L1 term (ESL's α weights the ridge term: its α = 0.2 is {words.Name("alpha", "0.8")})",
        "mixing weight");

    /// <summary>Its catalogue entry.</summary>
    public static PenaltyKind Kind { get; } = new("elasticnet", "αΣ|w| + (1−α)Σw²", [AlphaParameter], a => new ElasticNetPenalty(a.Value(AlphaParameter)));

    /// <summary>The elastic net with mixing <paramref name="alpha"/> in [0, 1] (1: l1, 0: squared l2).</summary>
    public ElasticNetPenalty(double alpha)
    {
        Alpha = AlphaParameter.Checked(alpha);
    }

    /// <summary>α, the weight of the l1 part.</summary>
    public double Alpha { get; }
    /// <inheritdoc/>
    public override string Name => "elasticnet";
    /// <inheritdoc/>
    public override string Title => "Elastic net";
    /// <inheritdoc/>
    public override IReadOnlyList<PenaltyParameter> Parameters => [AlphaParameter.With(Alpha)];
    /// <inheritdoc/>
    public override double? ElasticNetAlpha => Alpha;
    /// <inheritdoc/>
    public override double KinkAtZero => Alpha;

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> w)
    {
        double a = 0, q = 0;
        foreach (double x in w) { a += Math.Abs(x); q += x * x; }
        return Alpha * a + (1 - Alpha) * q;
    }

    /// <inheritdoc/>
    public override double Norm(ReadOnlySpan<double> w) => Value(w);
    /// <inheritdoc/>
    public override double ValueAtNorm(double radius) => radius;
    /// <inheritdoc/>
    public override double ScalarProx(double v, double t) => SoftThreshold(v, t * Alpha) * (1.0 / (1.0 + 2.0 * t * (1 - Alpha)));
    /// <inheritdoc/>
    public override (double First, double Second) Derivatives(double w) => (Alpha * Math.Sign(w) + 2 * (1 - Alpha) * w, 2 * (1 - Alpha));
    /// <inheritdoc/>
    public override double? LambdaMax(ReadOnlySpan<double> gradientAtZero) => Alpha > 0 ? MaxAbs(gradientAtZero) / Alpha : null;

    /// <summary>Solves α·r·(|cos|+|sin|) + (1−α)·r² = level for r ≥ 0, in the cancellation-free form.</summary>
    public override double RadiusAlong(double cos, double sin, double level)
    {
        double b = Alpha * (Math.Abs(cos) + Math.Abs(sin));
        double a = 1 - Alpha;
        if (a == 0) return level / b;
        return 2 * level / (b + Math.Sqrt(b * b + 4 * a * level));
    }

    /// <inheritdoc/>
    public override string PlaneFormula(Func<double, string> number) => $"{number(Alpha)}·Σ|w| + {number(1 - Alpha)}·Σw²";

    /// <summary>l1's diamond at α = 1, l2's circle at 0, a diamond with rounded sides but sharp corners between.</summary>
    public override ShapeWords Shape => Alpha == 0 ? ShapeWords.Smooth("circle") : ShapeWords.CornersOnAxes(Alpha == 1 ? "diamond" : "rounded diamond");

    /// <inheritdoc/>
    public (double X, double Y)? Penalised(PlaneQuadratic q, double lambda) => PlaneSolvers.PenalisedElasticNet(q, lambda, Alpha);
    /// <summary>The penalised closed form at the λ whose optimum lies on the ball P = radius.</summary>
    public (double X, double Y)? InBall(PlaneQuadratic q, double radius) => PlaneSolvers.ElasticNetBall(q, Alpha, radius);

    /// <summary>Solves α·r·‖d‖₁ + (1−α)·r²·‖d‖² = 1 in the cancellation-free form.</summary>
    public double UnitRadius(ReadOnlySpan<double> direction)
    {
        double a = 0, b = 0;
        foreach (double x in direction) a += Math.Abs(x);
        foreach (double x in direction) b += x * x;
        return 2 / (Alpha * a + Math.Sqrt(Alpha * Alpha * a * a + 4 * (1 - Alpha) * b));
    }
    /// <inheritdoc/>
    public bool IsBox => false;

    internal override (double[] Weights, SolveMethod Method) SolveLeastSquares(QuadraticLoss q, double mu, double[]? warm = null) =>
        ElasticNet.SolveLeastSquares(q, mu, Alpha, warm);
}
