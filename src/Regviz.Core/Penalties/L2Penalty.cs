using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Penalties;

/// <summary>P(w) = Σw_j² (squared, as ridge and the article use it); the constrained form bounds √Σw_j².</summary>
public sealed class L2Penalty : Penalty, IExactOnPlane, IHasUnitBall
{
    /// <summary>Its catalogue entry.</summary>
    public static PenaltyKind Kind { get; } = new("l2", "Σw²", [], _ => new L2Penalty());

    /// <inheritdoc/>
    public override string Name => "l2";
    /// <inheritdoc/>
    public override string Title => "L2 (ridge)";
    /// <inheritdoc/>
    public override double? ElasticNetAlpha => 0;

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> w)
    {
        double s = 0;
        foreach (double x in w) s += x * x;
        return s;
    }

    /// <inheritdoc/>
    public override double Norm(ReadOnlySpan<double> w) => Math.Sqrt(Value(w));
    /// <inheritdoc/>
    public override double ValueAtNorm(double radius) => radius * radius;
    /// <inheritdoc/>
    public override double ScalarProx(double v, double t) => v * (1.0 / (1.0 + 2.0 * t));
    /// <inheritdoc/>
    public override (double First, double Second) Derivatives(double w) => (2 * w, 2);
    /// <inheritdoc/>
    public override double RadiusAlong(double cos, double sin, double level) => Math.Sqrt(level);
    /// <inheritdoc/>
    public override string PlaneFormula(Func<double, string> number) => "w₁² + w₂²";
    /// <inheritdoc/>
    public override ShapeWords Shape { get; } = ShapeWords.Smooth("circle");

    /// <inheritdoc/>
    public (double X, double Y)? Penalised(PlaneQuadratic q, double lambda) => PlaneSolvers.PenalisedElasticNet(q, lambda, 0);
    /// <inheritdoc/>
    public (double X, double Y)? InBall(PlaneQuadratic q, double radius) => PlaneSolvers.L2Ball(q, radius);
    /// <summary>1/‖d‖₂: P ≤ 1 is ‖w‖₂ ≤ 1.</summary>
    public double UnitRadius(ReadOnlySpan<double> direction) => 1 / Norm(direction);
    /// <inheritdoc/>
    public bool IsBox => false;

    internal override (double[] Weights, SolveMethod Method) SolveLeastSquares(QuadraticLoss q, double mu, double[]? warm = null) =>
        ElasticNet.SolveLeastSquares(q, mu, 0, warm);

    /// <summary>The secular equation of the round ball.</summary>
    internal override Solution? SolveInBall(QuadraticLoss q, double radius, double[] ols) => ConstrainedSolver.L2Ball(q, this, radius);
}
