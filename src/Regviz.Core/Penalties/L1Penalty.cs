using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Penalties;

/// <summary>P(w) = Σ|w_j|: the diamond.</summary>
public sealed class L1Penalty : Penalty, IExactOnPlane, IHasUnitBall
{
    /// <summary>Its catalogue entry.</summary>
    public static PenaltyKind Kind { get; } = new("l1", "Σ|w|", [], _ => new L1Penalty());

    /// <inheritdoc/>
    public override string Name => "l1";
    /// <inheritdoc/>
    public override string Title => "L1 (lasso)";
    /// <inheritdoc/>
    public override double? ElasticNetAlpha => 1;
    /// <inheritdoc/>
    public override double KinkAtZero => 1;

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> w)
    {
        double s = 0;
        foreach (double x in w) s += Math.Abs(x);
        return s;
    }

    /// <inheritdoc/>
    public override double Norm(ReadOnlySpan<double> w) => Value(w);
    /// <inheritdoc/>
    public override double ValueAtNorm(double radius) => radius;
    /// <inheritdoc/>
    public override double ScalarProx(double v, double t) => SoftThreshold(v, t);
    /// <inheritdoc/>
    public override (double First, double Second) Derivatives(double w) => (Math.Sign(w), 0);
    /// <inheritdoc/>
    public override double? LambdaMax(ReadOnlySpan<double> gradientAtZero) => MaxAbs(gradientAtZero);

    /// <inheritdoc/>
    public override double RadiusAlong(double cos, double sin, double level) =>
        level / (Math.Abs(cos) + Math.Abs(sin));

    /// <inheritdoc/>
    public override string PlaneFormula(Func<double, string> number) => "|w₁| + |w₂|";
    /// <inheritdoc/>
    public override ShapeWords Shape { get; } = ShapeWords.CornersOnAxes("diamond");

    /// <inheritdoc/>
    public (double X, double Y)? Penalised(PlaneQuadratic q, double lambda) => PlaneSolvers.PenalisedElasticNet(q, lambda, 1);
    /// <summary>The diamond is a polygon: the optimum is at a vertex or inside an edge.</summary>
    public (double X, double Y)? InBall(PlaneQuadratic q, double radius) => PlaneSolvers.PolygonBall(q, diamond: true, radius);
    /// <summary>1/‖d‖₁: the norm is homogeneous.</summary>
    public double UnitRadius(ReadOnlySpan<double> direction) => 1 / Norm(direction);
    /// <inheritdoc/>
    public bool IsBox => false;

    /// <summary>The exact diamond: four corners, no sampling.</summary>
    public override IReadOnlyList<(double X, double Y)> LevelSet(double level, int pointsPerQuadrant = 256) =>
        [(level, 0), (0, level), (-level, 0), (0, -level), (level, 0)];

    internal override (double[] Weights, SolveMethod Method) SolveLeastSquares(QuadraticLoss q, double mu, double[]? warm = null) =>
        ElasticNet.SolveLeastSquares(q, mu, 1, warm);

    /// <summary>Read off the exact lasso path.</summary>
    internal override Solution? SolveInBall(QuadraticLoss q, double radius, double[] ols) => ConstrainedSolver.L1Ball(q, this, radius);
    /// <summary>The exact multiplier on the support the bisection found.</summary>
    internal override Solution? FinishInBall(QuadraticLoss q, double[] w, double radius, SolveMethod method) => ConstrainedSolver.FinishL1(q, this, w, radius, method);
}
