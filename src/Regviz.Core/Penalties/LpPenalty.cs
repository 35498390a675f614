using MathNet.Numerics.RootFinding;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Penalties;

/// <summary>P(w) = Σ|w_j|^p; for p &lt; 1 the ball is a star with cusps on the axes and J is not convex.</summary>
public sealed class LpPenalty : Penalty, IExactOnPlane, IHasUnitBall
{
    /// <summary>Above this |w|^p overflows for any |w| > 1 (p = 1e200 made NaN and exit 70); it is L∞ long before.</summary>
    public const double MaxP = 100;

    /// <summary>p, declared.</summary>
    public static PenaltyParameterSpec PParameter { get; } = new("p", "p", new ParameterRange(0, MaxP, MinIncluded: false), 0.5,
        _ => "Exponent 0 < p ≤ 100 of the lp penalty (non-convex for p < 1)", "exponent");

    /// <summary>Its catalogue entry.</summary>
    public static PenaltyKind Kind { get; } = new("lp", "Σ|w|^p", [PParameter], a => new LpPenalty(a.Value(PParameter)));

    /// <summary>Σ|w_j|^<paramref name="p"/> for 0 &lt; p ≤ 100.</summary>
    public LpPenalty(double p)
    {
        if (!(p > 0) || !double.IsFinite(p))
            throw new ProblemArgumentException("p", $"{p} must be a finite number > 0");
        if (p > MaxP)
            throw new ProblemArgumentException("p", words => $"{p} is above {MaxP} (use {words.Name("norm", "linf")}, the limit as p grows)");
        P = p;
    }

    /// <summary>The exponent p.</summary>
    public double P { get; }
    /// <inheritdoc/>
    public override string Name => "lp";
    /// <inheritdoc/>
    public override string Title => "Lp";
    /// <inheritdoc/>
    public override IReadOnlyList<PenaltyParameter> Parameters => [PParameter.With(P)];
    /// <inheritdoc/>
    public override bool IsConvex => P >= 1;
    /// <inheritdoc/>
    public override double? ElasticNetAlpha => P switch { 1 => 1, 2 => 0, _ => null };

    /// <summary>p = 1 has the l1 kink; p &lt; 1 a cusp whose subdifferential is the whole line; p &gt; 1 is smooth at 0.</summary>
    public override double KinkAtZero => P == 1 ? 1 : P < 1 ? double.PositiveInfinity : 0;

    /// <summary>
    /// p·ω^(p−1), ω the smallest positive double: the derivative at the largest weight that still rounds to 0. For p
    /// just above 1 it is most of p (0.48 at p = 1.001), so a coordinate whose exact optimum is 1e-400 is right at 0.
    /// </summary>
    internal override double RoundedKinkAtZero => P > 1 ? P * Math.Pow(double.Epsilon, P - 1) : KinkAtZero;

    /// <summary>argmax_x s·x − λ|x|^p = sign(s)·(|s|/(λp))^(1/(p−1)) for p &gt; 1.</summary>
    internal override double ConjugatePoint(double s, double lambda) =>
        ElasticNetAlpha is not null ? base.ConjugatePoint(s, lambda)
        : P > 1 ? Math.CopySign(Math.Pow(Math.Abs(s) / (lambda * P), 1 / (P - 1)), s)
        : double.NaN;

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> w)
    {
        double s = 0;
        foreach (double x in w) s += Math.Pow(Math.Abs(x), P);
        return s;
    }

    /// <inheritdoc/>
    public override double Norm(ReadOnlySpan<double> w) => Math.Pow(Value(w), 1 / P);
    /// <inheritdoc/>
    public override double ValueAtNorm(double radius) => Math.Pow(radius, P);

    /// <inheritdoc/>
    public override (double First, double Second) Derivatives(double w) =>
        (P * Math.Pow(Math.Abs(w), P - 1) * Math.Sign(w), P * (P - 1) * Math.Pow(Math.Abs(w), P - 2));

    /// <inheritdoc/>
    public override double? LambdaMax(ReadOnlySpan<double> gradientAtZero) => P == 1 ? MaxAbs(gradientAtZero) : null;

    /// <summary>
    /// argmin_x ½(x − v)² + t|x|^p, exactly. The minimiser has the sign of v and |x| ≤ |v|. For p &lt; 1 the
    /// derivative x − a + t·p·x^(p−1) is convex on x &gt; 0, so there is at most one local minimum off zero
    /// (beyond the inflection point), which competes with x = 0.
    /// </summary>
    public override double ScalarProx(double v, double t)
    {
        double a = Math.Abs(v);
        if (a == 0 || t == 0) return v;
        if (P == 1) return SoftThreshold(v, t);
        double Deriv(double x) => x - a + t * P * Math.Pow(x, P - 1);
        double x0;
        if (P > 1)
        {
            x0 = Brent.FindRoot(Deriv, 0, a, 1e-15 * a, 200);
        }
        else
        {
            double inflection = Math.Pow(t * P * (1 - P), 1 / (2 - P));
            if (inflection >= a || Deriv(inflection) >= 0) return 0.0;
            x0 = Brent.FindRoot(Deriv, inflection, a, 1e-15 * a, 200);
            double h0 = 0.5 * a * a;
            double hx = 0.5 * (x0 - a) * (x0 - a) + t * Math.Pow(x0, P);
            if (hx >= h0) return 0.0;
        }
        return Math.CopySign(x0, v);
    }

    /// <inheritdoc/>
    public override double RadiusAlong(double cos, double sin, double level) =>
        Math.Pow(level / (Math.Pow(Math.Abs(cos), P) + Math.Pow(Math.Abs(sin), P)), 1 / P);

    /// <inheritdoc/>
    public override string PlaneFormula(Func<double, string> number) => $"|w₁|{Superscript.Of(number(P))} + |w₂|{Superscript.Of(number(P))}";

    /// <summary>A star with cusps for p &lt; 1, l1's diamond at 1, smooth beyond: rounded towards the circle at 2 and the square as p grows.</summary>
    public override ShapeWords Shape => P < 1 ? ShapeWords.CuspsOnAxes("star-shaped ball")
        : P == 1 ? ShapeWords.CornersOnAxes("diamond")
        : ShapeWords.Smooth(P < 2 ? "rounded diamond" : P == 2 ? "circle" : "rounded square");

    /// <summary>l1's and l2's closed forms at p = 1 and 2; null otherwise.</summary>
    public (double X, double Y)? Penalised(PlaneQuadratic q, double lambda) =>
        ElasticNetAlpha is { } a ? PlaneSolvers.PenalisedElasticNet(q, lambda, a) : null;
    /// <summary>l1's and l2's closed forms at p = 1 and 2; null otherwise.</summary>
    public (double X, double Y)? InBall(PlaneQuadratic q, double radius) => P switch
    {
        1 => PlaneSolvers.PolygonBall(q, diamond: true, radius),
        2 => PlaneSolvers.L2Ball(q, radius),
        _ => null,
    };
    /// <summary>1/‖d‖_p: P ≤ 1 is ‖w‖_p ≤ 1, and the norm is homogeneous.</summary>
    public double UnitRadius(ReadOnlySpan<double> direction) => 1 / Norm(direction);
    /// <inheritdoc/>
    public bool IsBox => false;

    /// <summary>p = 1 and 2 are l1 and l2 exactly; p &gt; 1 is convex and smooth off zero; p &lt; 1 needs the global search.</summary>
    internal override (double[] Weights, SolveMethod Method) SolveLeastSquares(QuadraticLoss q, double mu, double[]? warm = null) =>
        ElasticNetAlpha is { } a ? ElasticNet.SolveLeastSquares(q, mu, a, warm) : base.SolveLeastSquares(q, mu, warm);

    /// <summary>
    /// p &lt; 1: the non-convex ball's boundary, searched in the plane (the penalised form cannot reach all of it);
    /// p = 1 and 2: l1's and l2's methods; otherwise the general bisection.
    /// </summary>
    internal override Solution? SolveInBall(QuadraticLoss q, double radius, double[] ols) =>
        P < 1 ? ConstrainedSolver.NonConvexLpBall(q, this, P, radius)
        : P == 1 ? ConstrainedSolver.L1Ball(q, this, radius)
        : P == 2 ? ConstrainedSolver.L2Ball(q, this, radius)
        : null;
    /// <summary>p = 1: l1's exact finish.</summary>
    internal override Solution? FinishInBall(QuadraticLoss q, double[] w, double radius, SolveMethod method) =>
        P == 1 ? ConstrainedSolver.FinishL1(q, this, w, radius, method) : null;
}
