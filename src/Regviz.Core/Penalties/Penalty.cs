using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Penalties;

/// <summary>
/// A penalty P(w) as docs/conventions.md defines it, and everything solvers, certificates, paths and figures ask
/// of it: its value, the norm N(w) of the constrained form, its proximal operator, its optimality conditions, λ_max,
/// the exact boundary of its level sets in the plane and its shape in words, and which exact solver fits it. What
/// only some penalties can do is an opt-in interface: <see cref="IExactOnPlane"/> (a closed-form optimum in the
/// plane) and <see cref="IHasUnitBall"/> (a unit ball in 3-D). A new penalty is one file deriving from this plus one
/// line in <see cref="PenaltyCatalogue"/>; nothing else switches on penalty types.
/// </summary>
public abstract class Penalty
{
    /// <summary>The short name that identifies the penalty in file names and JSON ("l1", "elasticnet", …).</summary>
    public abstract string Name { get; }

    /// <summary>The textbook name a reader knows ("L1 (lasso)").</summary>
    public abstract string Title { get; }

    /// <summary>Its parameters (α, p, γ): what JSON records, file names and titles tell apart.</summary>
    public virtual IReadOnlyList<PenaltyParameter> Parameters => [];

    /// <summary>Whether J = D + λP is convex for a convex D, i.e. whether KKT conditions certify the optimum.</summary>
    public virtual bool IsConvex => true;

    /// <summary>Whether P(w) = Σ p(w_j): then coordinate descent, the scalar prox and per-coordinate conditions apply.</summary>
    public virtual bool IsSeparable => true;

    /// <summary>Whether minimising D subject to N(w) ≤ t is defined for this penalty.</summary>
    public virtual bool HasConstrainedForm => true;

    /// <summary>P(w).</summary>
    public abstract double Value(ReadOnlySpan<double> w);

    /// <summary>N(w), the norm the constrained form bounds (for elasticnet, P itself).</summary>
    public abstract double Norm(ReadOnlySpan<double> w);

    /// <summary>The penalty value of the ball N(w) = radius, so that a constrained figure can draw that contour.</summary>
    public abstract double ValueAtNorm(double radius);

    /// <summary>prox_{tP}(v) = argmin_x ½‖x − v‖² + t·P(x), written into <paramref name="result"/>.</summary>
    public virtual void Prox(ReadOnlySpan<double> v, double t, Span<double> result)
    {
        for (int j = 0; j < v.Length; j++) result[j] = ScalarProx(v[j], t);
    }

    /// <summary>For a separable penalty: argmin_x ½(x − v)² + t·p(x), exactly.</summary>
    public virtual double ScalarProx(double v, double t) =>
        throw new NotSupportedException($"{Name} is not a sum over coordinates");

    /// <summary>
    /// For a separable penalty: p′(w) and p″(w) at w ≠ 0, where every penalty here is smooth (what Newton polishing,
    /// certificates and subgradient descent use).
    /// </summary>
    public virtual (double First, double Second) Derivatives(double w) =>
        throw new NotSupportedException($"{Name} is not a sum over coordinates");

    /// <summary>For a separable penalty: ∂p(0) = [−h, h]; h = 0 where p is smooth at 0, ∞ at a cusp (lp, p &lt; 1).</summary>
    public virtual double KinkAtZero => 0;

    /// <summary>
    /// α when this penalty is α‖w‖₁ + (1−α)‖w‖² (l1: 1, l2: 0, elastic net: its α, lp with p = 1 or 2 likewise),
    /// else null: the family the coordinate-descent and proximal-Newton solvers handle exactly.
    /// </summary>
    public virtual double? ElasticNetAlpha => null;

    /// <summary>
    /// The penalty as it applies at λ. Penalties whose shape depends on λ (MCP and SCAD flatten beyond a multiple
    /// of λ) return themselves rescaled so that their term is λ·P(w); the others are the same at every λ. Internal:
    /// the λ is the problem's (<see cref="Problems.ProblemSpec"/>, the solvers, paths and sweeps take the penalty at
    /// it), so a caller cannot make a penalty at one λ and solve it at another.
    /// </summary>
    internal virtual Penalty At(double lambda) => this;

    /// <summary>
    /// The λ this penalty's shape is taken at, for penalties whose shape depends on λ (MCP, SCAD: λ = 1 as made, the
    /// problem's λ in <see cref="Problems.ProblemSpec.Penalty"/>), so that a figure of P alone can say which λ it
    /// shows; null for the others.
    /// </summary>
    public virtual double? ShapedAt => null;

    /// <summary>
    /// The smallest λ at which w = 0 is optimal, from g = ∇D(0) (0 ∈ g + λ∂P(0)), or null when no finite λ gives
    /// exactly 0 (l2, lp with p ≠ 1).
    /// </summary>
    public virtual double? LambdaMax(ReadOnlySpan<double> gradientAtZero) => null;

    /// <summary>
    /// The largest violation of 0 ∈ g + λ∂P(w) with g = ∇D(w), in the units of g. The default is the separable
    /// one: per coordinate, the distance from −g_j to λ∂p(w_j).
    /// </summary>
    public virtual double Violation(ReadOnlySpan<double> g, ReadOnlySpan<double> w, double lambda)
    {
        double worst = 0;
        for (int j = 0; j < w.Length; j++)
        {
            double v = w[j] != 0
                ? Math.Abs(g[j] + lambda * Derivatives(w[j]).First)
                : Math.Max(0, Math.Abs(g[j]) - lambda * RoundedKinkAtZero);
            worst = Math.Max(worst, v);
        }
        return double.IsNaN(worst) ? double.PositiveInfinity : worst;
    }

    /// <summary>
    /// h in [−h, h] = the subgradients of p at every real that rounds to 0. <see cref="KinkAtZero"/> except where p is
    /// smooth at 0 but steep just off it (lp with p slightly above 1), where a weight too small for a double is 0.
    /// </summary>
    internal virtual double RoundedKinkAtZero => KinkAtZero;

    /// <summary>
    /// The Fenchel–Young gap of λP at w against s = −g: λP(w) + (λP)*(s) − ⟨s, w⟩ ≥ 0, zero exactly when −g ∈ λ∂P(w);
    /// summed with D's own (zero at the dual point ∇D(w)) it is the duality gap of J = D + λP. Where (λP)* is infinite
    /// (a norm, against an s beyond its kink) the conjugate is taken over |v_j| ≤ r, r the largest |v| whose term is at
    /// most <paramref name="budget"/>: the optimum's P is at most the budget, so the bound on J* stays valid.
    /// Null where it is not written out (non-convex penalties, λ = 0).
    /// </summary>
    internal virtual double? FenchelGap(ReadOnlySpan<double> g, ReadOnlySpan<double> w, double lambda, double budget)
    {
        if (!IsConvex || !IsSeparable || !(lambda > 0)) return null;
        double reach = budget >= 0 ? RadiusAlong(1, 0, budget) : 0;
        double sum = 0, size = 0;
        for (int j = 0; j < w.Length; j++)
        {
            double s = -g[j], x = ConjugatePoint(s, lambda);
            if (double.IsNaN(x)) return null;
            x = Math.Clamp(x, -reach, reach);
            if (double.IsInfinity(x)) return double.PositiveInfinity;
            // h(w) − h(x) − s(w − x) with h = λp and x where h* is attained: every term is small near the optimum
            double hw = lambda * Term(w[j]), hx = lambda * Term(x);
            sum += hw - hx - s * (w[j] - x);
            size += hw + hx + Math.Abs(s * w[j]) + Math.Abs(s * x);
        }
        return double.IsNaN(sum) ? null : RoundedUp(sum, size);
    }

    /// <summary>
    /// ‖ξ‖₂ for the least ξ ∈ g + λ∂P(w), over blocks of coordinates whose weights are equal (singletons outside
    /// <paramref name="groups"/>): a block's component is the sum of its coordinates' over √k, and at a zero the
    /// kinks of its k coordinates add up. The separable one here; null where it is not written out.
    /// </summary>
    internal virtual double? LeastSubgradient(ReadOnlySpan<double> g, ReadOnlySpan<double> w, double lambda, int[][] groups)
    {
        if (!IsSeparable) return null;
        var grouped = new bool[w.Length];
        double sum = 0;
        foreach (var group in groups)
        {
            double gs = 0, fs = 0;
            foreach (int j in group) { grouped[j] = true; gs += g[j]; fs += w[j] != 0 ? Derivatives(w[j]).First : 0; }
            double part = w[group[0]] != 0 ? gs + lambda * fs : Math.Max(0, Math.Abs(gs) - group.Length * lambda * RoundedKinkAtZero);
            sum += part * part / group.Length;
        }
        for (int j = 0; j < w.Length; j++)
        {
            if (grouped[j]) continue;
            double part = w[j] != 0 ? g[j] + lambda * Derivatives(w[j]).First : Math.Max(0, Math.Abs(g[j]) - lambda * RoundedKinkAtZero);
            sum += part * part;
        }
        return double.IsNaN(sum) ? null : Math.Sqrt(sum);
    }

    /// <summary>Whether P is quadratic (or linear) once its structure is fixed (<see cref="Structure"/>), so that a Newton step there is exact.</summary>
    internal virtual bool IsQuadraticOnStructure => ElasticNetAlpha is not null;

    /// <summary>A computed gap, raised by what rounding its terms (of total size <paramref name="size"/>) could have hidden.</summary>
    private protected static double RoundedUp(double gap, double size) => Math.Max(0, gap) + 4 * Math.Pow(2, -52) * size;

    /// <summary>
    /// argmax_x s·x − λp(x), where (λp)*(s) is attained: ±∞ where it is not (|s| beyond a norm's kink), NaN where it
    /// is not written out. The elastic-net family here; lp overrides it.
    /// </summary>
    internal virtual double ConjugatePoint(double s, double lambda)
    {
        if (ElasticNetAlpha is not { } a) return double.NaN;
        double t = Math.Max(0, Math.Abs(s) - lambda * a);
        if (t == 0) return 0;
        return a == 1 ? Math.CopySign(double.PositiveInfinity, s) : Math.CopySign(t / (2 * lambda * (1 - a)), s);
    }

    /// <summary>p(x), one coordinate's term.</summary>
    private protected double Term(double x) => Value(System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref x, 1));

    /// <summary>A subgradient of P, the one plain gradient descent uses (0 at a kink, so it never settles there).</summary>
    public virtual void Subgradient(ReadOnlySpan<double> w, Span<double> result)
    {
        for (int j = 0; j < w.Length; j++) result[j] = w[j] == 0 ? 0 : Derivatives(w[j]).First;
    }

    /// <summary>
    /// The distance r along the unit direction (cos φ, sin φ) at which P reaches <paramref name="level"/>. Every
    /// penalty here is non-decreasing along rays from the origin, so the first such r is unique.
    /// </summary>
    public abstract double RadiusAlong(double cos, double sin, double level);

    /// <summary>
    /// The level set {w ∈ ℝ² : P(w) = level} as the lines a figure draws. For every penalty whose level sets are closed
    /// curves this is <see cref="LevelSet"/>, one line. Penalties that stop rising (MCP, SCAD) have level sets with
    /// rays and pieces that run off to infinity; those are drawn out to |w_j| = <paramref name="reach"/> (0: only
    /// their bounded part, which is what sizes a view).
    /// </summary>
    public virtual IReadOnlyList<IReadOnlyList<(double X, double Y)>> LevelSetLines(double level, double reach) => [LevelSet(level)];

    /// <summary>
    /// The `norm` figure without <c>--range</c>: the half-width of the square view around the origin and the largest
    /// level drawn (levels are evenly spaced up to it). By default the unit ball, P = 1, in ±1.25.
    /// </summary>
    public virtual (double HalfWidth, double TopLevel) NormView => (1.25, 1.0);

    /// <summary>P(w₁, w₂) written out for a figure's legend, numbers formatted by <paramref name="number"/>.</summary>
    public abstract string PlaneFormula(Func<double, string> number);

    /// <summary>
    /// Its level sets in words for a figure's alt text and caption: their shape, where their corners are, what that
    /// means for zeros (<see cref="ShapeWords.CornersOnAxes"/> and its siblings say the common cases).
    /// </summary>
    public abstract ShapeWords Shape { get; }

    /// <summary>
    /// The closed level set {w ∈ ℝ² : P(w) = level}, counter-clockwise from the positive w1 axis, with the
    /// four axis points included exactly (the corners and cusps that make the point of the figure).
    /// </summary>
    public virtual IReadOnlyList<(double X, double Y)> LevelSet(double level, int pointsPerQuadrant = 256)
    {
        var pts = new List<(double, double)>(4 * pointsPerQuadrant + 1);
        for (int q = 0; q < 4; q++)
        {
            for (int i = 0; i < pointsPerQuadrant; i++)
            {
                // cluster samples near the axes, where lp curves bend hardest
                double s = (double)i / pointsPerQuadrant;
                double phi = q * Math.PI / 2 + (Math.PI / 2) * (0.5 - 0.5 * Math.Cos(Math.PI * s));
                var (sin, cos) = AxisExactSinCos(phi, q, i);
                double r = RadiusAlong(cos, sin, level);
                pts.Add((r * cos, r * sin));
            }
        }
        pts.Add(pts[0]);
        return pts;
    }

    /// <summary>
    /// minimise F(w) = wᵀGw − 2cᵀw + μP(w) (the normalised least-squares objective, μ = λ/scale, μ &gt; 0) by the
    /// method that fits this penalty. The default: for a convex penalty, accelerated proximal gradient polished by
    /// Newton on its structure; for a non-convex separable one, the global search of the plane (a local optimum
    /// from several starts in more dimensions).
    /// </summary>
    internal virtual (double[] Weights, SolveMethod Method) SolveLeastSquares(QuadraticLoss q, double mu, double[]? warm = null) =>
        IsConvex
            ? (ConvexPenaltySolver.Solve(q, this, mu), SolveMethod.FistaNewton)
            : q.Dimension == 2
                ? (NonConvexPlaneSolver.GlobalInPlane(q, this, mu), SolveMethod.PlaneSearchNewton)
                : (NonConvexPlaneSolver.BestOfStarts(q, this, mu), SolveMethod.LocalFromStarts);

    /// <summary>
    /// minimise D(w) subject to N(w) ≤ <paramref name="radius"/> by a method that fits this penalty's ball, once the
    /// least-squares fit <paramref name="ols"/> is known to lie outside it; null leaves it to the general method, a
    /// bisection on the multiplier of the penalised form.
    /// </summary>
    internal virtual Solution? SolveInBall(QuadraticLoss q, double radius, double[] ols) => null;

    /// <summary>
    /// After that bisection: an exact finish from the optimum <paramref name="w"/> it found (its support), or null to
    /// keep the bisected point.
    /// </summary>
    internal virtual Solution? FinishInBall(QuadraticLoss q, double[] w, double radius, SolveMethod method) => null;

    /// <summary>
    /// For Newton polishing: the coordinates that move (and how), given the structure of w. The default, for
    /// separable penalties, holds zeros at zero and lets the support move freely.
    /// </summary>
    internal virtual ReducedStructure? Structure(double[] w, double lambda) => ReducedStructure.OnSupport(this, w, lambda);

    private static (double Sin, double Cos) AxisExactSinCos(double phi, int quadrant, int i) =>
        i != 0 ? Math.SinCos(phi) : quadrant switch
        {
            0 => (0.0, 1.0),
            1 => (1.0, 0.0),
            2 => (0.0, -1.0),
            _ => (-1.0, 0.0),
        };

    /// <summary>sign(v)·max(|v| − t, 0); exactly 0 inside the threshold, which is where sparsity comes from.</summary>
    public static double SoftThreshold(double v, double t) =>
        v > t ? v - t : v < -t ? v + t : 0.0;

    /// <summary>‖g‖∞, λ_max of the lasso.</summary>
    protected static double MaxAbs(ReadOnlySpan<double> g)
    {
        double m = 0;
        foreach (double v in g) m = Math.Max(m, Math.Abs(v));
        return m;
    }
}

/// <summary>One parameter of a penalty: its name in JSON and file names, its symbol in titles, its value.</summary>
public sealed record PenaltyParameter(string Name, string Symbol, double Value);
