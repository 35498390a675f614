using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Penalties;

/// <summary>
/// MCP, the minimax concave penalty (Zhang 2010): p(w) = λ|w| − w²/(2γ) for |w| ≤ γλ, and γλ²/2 beyond. It starts
/// as the lasso (slope λ at 0, so zeros are exact), bends down at rate 1/γ and is flat from γλ on, so a large weight
/// is not shrunk at all. The objective is D(w) + Σ p(w_j) = D(w) + λ·P(w), P(w) = Σ p(w_j)/λ; P changes shape with
/// λ, so it is taken at λ by <see cref="At"/> (at λ = 1 until then). Not convex: in the plane the global optimum is
/// searched for; in more dimensions coordinate descent with the exact univariate threshold finds a local optimum,
/// as R's ncvreg does.
/// </summary>
public sealed class McpPenalty : Penalty
{
    /// <summary>ncvreg's default γ for MCP.</summary>
    public const double DefaultGamma = 3;

    /// <param name="gamma">γ &gt; 1 (ncvreg's condition), or null for <see cref="DefaultGamma"/>.</param>
    /// <param name="lambda">The λ the shape is taken at, &gt; 0.</param>
    public McpPenalty(double? gamma = null, double lambda = 1)
    {
        double g = gamma ?? DefaultGamma;
        if (!(g > 1) || !double.IsFinite(g))
            throw new ProblemArgumentException("gamma", $"{g} must be a finite number > 1 for mcp (as in ncvreg)");
        if (!(lambda > 0) || !double.IsFinite(lambda))
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "MCP is taken at a finite λ > 0");
        Gamma = g;
        Lambda = lambda;
        Flat = g * lambda;
    }

    /// <summary>γ: the penalty stops rising at |w| = γλ.</summary>
    public double Gamma { get; }

    /// <summary>The λ the shape is taken at.</summary>
    public double Lambda { get; }

    /// <summary>γλ, where p stops rising (∞ when γλ overflows: then P is the lasso's |w| everywhere it can be evaluated).</summary>
    private double Flat { get; }

    /// <summary>The largest value of P on one coordinate, γλ/2 (p = γλ²/2 divided by λ).</summary>
    private double Top => Flat / 2;

    /// <inheritdoc/>
    public override string Name => "mcp";
    /// <inheritdoc/>
    public override string Title => "MCP";
    /// <inheritdoc/>
    public override IReadOnlyList<PenaltyParameter> Parameters => [new("gamma", "γ", Gamma)];
    /// <inheritdoc/>
    public override bool IsConvex => false;
    /// <inheritdoc/>
    public override bool HasConstrainedForm => false;
    /// <inheritdoc/>
    public override double KinkAtZero => 1;
    /// <inheritdoc/>
    public override double? ShapedAt => Lambda;
    /// <inheritdoc/>
    public override Penalty At(double lambda) => lambda > 0 && lambda != Lambda ? new McpPenalty(Gamma, lambda) : this;

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> w)
    {
        double s = 0;
        foreach (double x in w) s += Coordinate(Math.Abs(x));
        return s;
    }

    /// <summary>p(a)/λ for a = |w| ≥ 0: a − a²/(2γλ) up to γλ, then γλ/2.</summary>
    private double Coordinate(double a) => a >= Flat ? Top : a - 0.5 * a * (a / Flat);

    /// <summary>There is no norm to bound (<see cref="HasConstrainedForm"/> is false); figures rank levels by P itself.</summary>
    public override double Norm(ReadOnlySpan<double> w) => Value(w);
    /// <inheritdoc/>
    public override double ValueAtNorm(double radius) => radius;

    /// <inheritdoc/>
    public override (double First, double Second) Derivatives(double w)
    {
        double a = Math.Abs(w);
        return a < Flat ? (Math.Sign(w) * (1 - a / Flat), -1 / Flat) : (0, 0);
    }

    /// <summary>The lasso's: the slope of P at 0 is 1, as for |w|.</summary>
    public override double? LambdaMax(ReadOnlySpan<double> gradientAtZero) => MaxAbs(gradientAtZero);

    /// <summary>
    /// argmin_x h(x) = ½(x − v)² + t·P(x), exactly, for every t ≥ 0 (a = |v|, the minimiser has the sign of v):
    /// <list type="bullet">
    /// <item>t &lt; γλ: h is convex (its curvature is 1 − t/(γλ) &gt; 0 on the bending piece, 1 beyond, and P′ is
    /// continuous), and the minimiser is the firm threshold: 0 for a ≤ t, (a − t)/(1 − t/(γλ)) for t &lt; a ≤ γλ,
    /// and v itself beyond.</item>
    /// <item>t ≥ γλ: h is concave on [0, γλ], so only x = 0 and the flat part's x = max(a, γλ) can win; h(γλ) &gt; h(0)
    /// when a &lt; γλ, and for a ≥ γλ, h(v) = tγλ/2 beats h(0) = a²/2 exactly when a &gt; √(tγλ): a hard threshold.</item>
    /// </list>
    /// A tie goes to 0.
    /// </summary>
    public override double ScalarProx(double v, double t)
    {
        double a = Math.Abs(v);
        if (t == 0 || a == 0) return v;
        if (!double.IsFinite(t)) return 0.0;
        if (t < Flat)
        {
            if (a <= t) return 0.0;
            return a <= Flat ? Math.CopySign(Math.Min(a, (a - t) / (1 - t / Flat)), v) : v;
        }
        return a > Math.Sqrt(t) * Math.Sqrt(Flat) ? v : 0.0;
    }

    /// <summary>
    /// The first r at which P(r·(cos, sin)) reaches <paramref name="level"/>, by bisection (P is continuous and
    /// non-decreasing along the ray). A level the ray never reaches gives the r where P stops rising there, the
    /// start of its flat part: finite, so callers check P at the answer when that matters.
    /// </summary>
    public override double RadiusAlong(double cos, double sin, double level) =>
        RadiusByBisection(cos, sin, level, Flat);

    /// <summary>
    /// The exact level set through u = P's share on w₁ (<see cref="Penalty.FlatTopLevelSet"/>), with q⁻¹(u) =
    /// 2u/(1 + √(1 − 2u/(γλ))), the root of a − a²/(2γλ) = u written without cancellation.
    /// </summary>
    public override IReadOnlyList<IReadOnlyList<(double X, double Y)>> LevelSetLines(double level, double reach) =>
        FlatTopLevelSet(level, reach, Top, Flat, Inverse);

    private double Inverse(double u) => u >= Top ? Flat : 2 * u / (1 + Math.Sqrt(Math.Max(0, 1 - 2 * u / Flat)));

    /// <summary>
    /// The closed curve for levels up to γλ/2; above it, where the level set is four pieces running off to infinity,
    /// their bounded parts in turn (what sizes a view; draw <see cref="LevelSetLines"/>).
    /// </summary>
    public override IReadOnlyList<(double X, double Y)> LevelSet(double level, int pointsPerQuadrant = 256) =>
        Joined(FlatTopLevelSet(level, 0, Top, Flat, Inverse, pointsPerQuadrant));

    /// <summary>From −1.25γλ to 1.25γλ, up to the largest value, γλ (both coordinates flat).</summary>
    public override (double HalfWidth, double TopLevel) NormView => (1.25 * Flat, 2 * Top);

    /// <inheritdoc/>
    public override string PlaneFormula(Func<double, string> number) =>
        $"Σ q(wⱼ), q(w) = |w| − w²/{number(2 * Flat)} to |w| = {number(Flat)}, then {number(Top)}";

    /// <summary>
    /// The plane: the global search. More parameters: coordinate descent with the exact threshold, following λ down
    /// from λ_max as ncvreg does (a local optimum).
    /// </summary>
    internal override (double[] Weights, SolveMethod Method) SolveLeastSquares(QuadraticLoss q, double mu, double[]? warm = null) =>
        q.Dimension == 2 ? base.SolveLeastSquares(q, mu, warm) : SeparableCoordinateDescent.AlongPath(q, this, mu);
}
