using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Penalties;

/// <summary>
/// MCP, the minimax concave penalty (Zhang 2010): p(w) = λ|w| − w²/(2γ) for |w| ≤ γλ, and γλ²/2 beyond. It starts
/// as the lasso (slope λ at 0, so zeros are exact), bends down at rate 1/γ and is flat from γλ on, so a large weight
/// is not shrunk at all. The objective is D(w) + Σ p(w_j) = D(w) + λ·P(w), P(w) = Σ p(w_j)/λ; P changes shape with
/// λ, so the problem takes it at its λ (made at λ = 1). Not convex: in the plane the global optimum is
/// searched for; in more dimensions coordinate descent with the exact univariate threshold finds a local optimum,
/// as R's ncvreg does.
/// </summary>
public sealed class McpPenalty : FoldedConcavePenalty
{
    /// <summary>ncvreg's default γ for MCP.</summary>
    public const double DefaultGamma = 3;

    /// <summary>Its catalogue entry.</summary>
    public static PenaltyKind Kind { get; } = new("mcp", "Σ p(w_j)/λ with p = λ|w| − w²/(2γ) up to |w| = γλ, then γλ²/2", [GammaParameter],
        a => new McpPenalty(a.ValueOrDefault(GammaParameter)));

    /// <param name="gamma">γ &gt; 1 (ncvreg's condition), or null for <see cref="DefaultGamma"/>.</param>
    public McpPenalty(double? gamma = null) : this(Checked(gamma ?? DefaultGamma), 1) { }

    /// <summary>The shape at <paramref name="lambda"/> &gt; 0, made only by <see cref="WithLambda"/>.</summary>
    private McpPenalty(double gamma, double lambda) : base(gamma, lambda, static (g, l) => g * l / 2) { }

    private static double Checked(double g) => g > 1 && double.IsFinite(g)
        ? g : throw new ProblemArgumentException("gamma", $"{g} must be a finite number > 1 for mcp (as in ncvreg)");

    /// <inheritdoc/>
    public override string Name => "mcp";
    /// <inheritdoc/>
    public override string Title => "MCP";

    private protected override Penalty WithLambda(double lambda) => new McpPenalty(Gamma, lambda);

    /// <summary>p(a)/λ for a = |w| ≥ 0: a − a²/(2γλ) up to γλ, then γλ/2.</summary>
    private protected override double Coordinate(double a) => a >= Flat ? Top : a - 0.5 * a * (a / Flat);

    /// <inheritdoc/>
    public override (double First, double Second) Derivatives(double w)
    {
        double a = Math.Abs(w);
        return a < Flat ? (Math.Sign(w) * (1 - a / Flat), -1 / Flat) : (0, 0);
    }

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

    /// <summary>q⁻¹(u) = 2u/(1 + √(1 − 2u/(γλ))), the root of a − a²/(2γλ) = u written without cancellation.</summary>
    private protected override double Inverse(double u) => u >= Top ? Flat : 2 * u / (1 + Math.Sqrt(Math.Max(0, 1 - 2 * u / Flat)));

    /// <inheritdoc/>
    public override string PlaneFormula(Func<double, string> number) =>
        $"Σ q(wⱼ), q(w) = |w| − w²/{number(2 * Flat)} to |w| = {number(Flat)}, then {number(Top)}";
}
