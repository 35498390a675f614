using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Penalties;

/// <summary>
/// SCAD, the smoothly clipped absolute deviation penalty (Fan &amp; Li 2001): p(w) = λ|w| for |w| ≤ λ,
/// (2γλ|w| − w² − λ²)/(2(γ − 1)) for λ &lt; |w| ≤ γλ, and λ²(γ + 1)/2 beyond. The lasso near 0 (exact zeros), then
/// a quadratic that bends down to flat at γλ, so large weights are not shrunk. The objective is
/// D(w) + Σ p(w_j) = D(w) + λ·P(w), P(w) = Σ p(w_j)/λ, which the problem takes at its λ (made at λ = 1). Not
/// convex: the global optimum in the plane, coordinate descent (a local optimum, as in R's ncvreg) in more dimensions.
/// </summary>
public sealed class ScadPenalty : FoldedConcavePenalty
{
    /// <summary>Fan and Li's γ = 3.7, ncvreg's default for SCAD.</summary>
    public const double DefaultGamma = 3.7;

    /// <summary>Its catalogue entry.</summary>
    public static PenaltyKind Kind { get; } = new("scad", "Σ p(w_j)/λ with p = λ|w| up to λ, (2γλ|w| − w² − λ²)/(2(γ−1)) up to γλ, then λ²(γ+1)/2", [GammaParameter],
        a => new ScadPenalty(a.ValueOrDefault(GammaParameter)));

    /// <param name="gamma">γ &gt; 2 (ncvreg's condition), or null for <see cref="DefaultGamma"/>.</param>
    public ScadPenalty(double? gamma = null) : this(Checked(gamma ?? DefaultGamma), 1) { }

    /// <summary>The shape at <paramref name="lambda"/> &gt; 0, made only by <see cref="WithLambda"/>.</summary>
    private ScadPenalty(double gamma, double lambda) : base(gamma, lambda, static (g, l) => l * (g + 1) / 2)
    {
        Bend = (Gamma - 1) * lambda;
    }

    private static double Checked(double g) => g > 2 && double.IsFinite(g)
        ? g : throw new ProblemArgumentException("gamma", $"{g} must be a finite number > 2 for scad (as in ncvreg)");

    /// <summary>(γ − 1)λ: the quadratic piece of P is Top − (γλ − |w|)²/(2(γ − 1)λ), with curvature −1/((γ − 1)λ).</summary>
    private double Bend { get; }

    /// <inheritdoc/>
    public override string Name => "scad";
    /// <inheritdoc/>
    public override string Title => "SCAD";

    private protected override Penalty WithLambda(double lambda) => new ScadPenalty(Gamma, lambda);

    /// <summary>
    /// p(a)/λ for a = |w| ≥ 0: a up to λ; then (2γλa − a² − λ²)/(2(γ − 1)λ), written as Top − d²/(2(γ − 1)λ) with
    /// d = γλ − a (no λ², which overflows long before λ does); then Top.
    /// </summary>
    private protected override double Coordinate(double a)
    {
        if (a <= Lambda) return a;
        if (a >= Flat) return Top;
        double d = Flat - a;
        return Top - 0.5 * d * (d / Bend);
    }

    /// <inheritdoc/>
    public override (double First, double Second) Derivatives(double w)
    {
        double a = Math.Abs(w);
        if (a <= Lambda) return (Math.Sign(w), 0);
        return a < Flat ? (Math.Sign(w) * (Flat - a) / Bend, -1 / Bend) : (0, 0);
    }

    /// <summary>
    /// argmin_x h(x) = ½(x − v)² + t·P(x), exactly, for every t ≥ 0 (a = |v|; the minimiser has the sign of v).
    /// h has curvature 1 on [0, λ] and beyond γλ, 1 − t/((γ − 1)λ) on the quadratic piece, and P′ is continuous.
    /// <list type="bullet">
    /// <item>t &lt; (γ − 1)λ: h is convex and the minimiser is SCAD's threshold for curvature 1/t: 0 for a ≤ t;
    /// a − t for t &lt; a ≤ λ + t; (a − tγ/(γ − 1))/(1 − t/((γ − 1)λ)) for λ + t &lt; a ≤ γλ; v beyond (with t = λ,
    /// Fan and Li's ((γ − 1)a − γλ)/(γ − 2)).</item>
    /// <item>t ≥ (γ − 1)λ: the quadratic piece is concave (or straight), so its minimum is at one of its ends, which
    /// belong to the other pieces: the candidates are the first piece's clamp(a − t, 0, λ) and the flat part's
    /// max(a, γλ); the lower h wins, a tie going to the smaller |x|.</item>
    /// </list>
    /// </summary>
    public override double ScalarProx(double v, double t)
    {
        double a = Math.Abs(v);
        if (t == 0 || a == 0) return v;
        if (!double.IsFinite(t)) return 0.0;
        if (t < Bend)
        {
            if (a <= t) return 0.0;
            if (a <= Lambda + t) return Math.CopySign(a - t, v);
            if (a <= Flat) return Math.CopySign(Math.Min(a, (a - t * (Gamma / (Gamma - 1))) / (1 - t / Bend)), v);
            return v;
        }
        double first = Math.Clamp(a - t, 0, Lambda), flat = Math.Max(a, Flat);
        double hFirst = 0.5 * (first - a) * (first - a) + t * first;
        double hFlat = 0.5 * (flat - a) * (flat - a) + t * Top;
        return hFlat < hFirst ? Math.CopySign(flat, v) : first == 0 ? 0.0 : Math.CopySign(first, v);
    }

    /// <summary>q⁻¹(u) = u up to λ, and γλ − √(2(γ − 1)λ·(Top − u)) on the quadratic piece.</summary>
    private protected override double Inverse(double u) =>
        u <= Lambda ? u : u >= Top ? Flat : Math.Max(Lambda, Flat - Math.Sqrt(2 * Bend) * Math.Sqrt(Top - u));

    /// <inheritdoc/>
    public override string PlaneFormula(Func<double, string> number) =>
        $"Σ q(wⱼ), q(w) = |w| to {number(Lambda)}, {number(Top)} − ({number(Flat)} − |w|)²/{number(2 * Bend)} to {number(Flat)}, then {number(Top)}";
}
