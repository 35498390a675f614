using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Penalties;

/// <summary>
/// A penalty P(w) as docs/conventions.md defines it, and everything solvers, certificates, paths and figures ask
/// of it: its value, the norm N(w) of the constrained form, its proximal operator, its optimality conditions, λ_max,
/// the exact boundary of its level sets in the plane, and which exact solver fits it. A new penalty is one file
/// deriving from this plus one line in <see cref="PenaltyCatalogue"/>; nothing else switches on penalty types.
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

    /// <summary>
    /// The q of the norm N(w) = ‖w‖_q that the constrained form bounds (1, 2, ∞ or lp's p), or null when N is not a
    /// q-norm (elastic net bounds P itself). The exact ball solvers work from the shape of the ball.
    /// </summary>
    public virtual double? BallExponent => null;

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
    /// of λ) return themselves rescaled so that their term is λ·P(w); the others are the same at every λ.
    /// </summary>
    public virtual Penalty At(double lambda) => this;

    /// <summary>
    /// The λ this penalty's shape is taken at, for penalties whose shape depends on λ (MCP, SCAD; taken at λ = 1 until
    /// <see cref="At"/> says otherwise), so that a figure of P alone can say which λ it shows; null for the others.
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
                : Math.Max(0, Math.Abs(g[j]) - lambda * KinkAtZero);
            worst = Math.Max(worst, v);
        }
        return double.IsNaN(worst) ? double.PositiveInfinity : worst;
    }

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

    /// <summary>
    /// The level set of a separable P(w) = q(w₁) + q(w₂) whose q rises from q(0) = 0 to its largest value
    /// <paramref name="top"/> at |w| = <paramref name="flat"/> and stays there (MCP, SCAD), traced exactly through
    /// the share u of the level that w₁ takes: w₁ = q⁻¹(u), w₂ = q⁻¹(level − u), with <paramref name="inverse"/> the
    /// first |w| at which q reaches u (q⁻¹(top) = flat). Below top it is one closed curve. At top the four axis rays
    /// |w_j| ≥ flat belong to it too. Between top and 2·top it is four pieces, one per quadrant, each ending in a
    /// horizontal and a vertical ray (once one coordinate is past flat only the other can still change P). At 2·top it
    /// is the region where both |w_j| ≥ flat, drawn as its boundary. Rays are drawn out to |w_j| = reach.
    /// </summary>
    protected static IReadOnlyList<IReadOnlyList<(double X, double Y)>> FlatTopLevelSet(
        double level, double reach, double top, double flat, Func<double, double> inverse, int pointsPerQuadrant = 256)
    {
        // a level within rounding of top or 2·top (a sum of q's, or k/10 of 2·top) is that level: the rays belong to it
        if (Math.Abs(level - top) <= 1e-12 * top) level = top;
        if (Math.Abs(level - 2 * top) <= 1e-12 * top) level = 2 * top;
        if (!(level > 0) || level > 2 * top) return [];
        bool rays = reach > flat;
        // the arc in the first quadrant as u runs down from hi to lo, denser near both ends where it bends hardest
        List<(double X, double Y)> Arc(double hi, double lo)
        {
            var arc = new List<(double, double)>(pointsPerQuadrant + 1);
            for (int i = 0; i <= pointsPerQuadrant; i++)
            {
                double s = 0.5 + 0.5 * Math.Cos(Math.PI * i / pointsPerQuadrant);
                double u = i == 0 ? hi : i == pointsPerQuadrant ? lo : lo + (hi - lo) * s;
                arc.Add((inverse(u), inverse(Math.Max(0, level - u))));
            }
            return arc;
        }
        static (double, double) Turn((double X, double Y) p, int quarter) => quarter switch
        {
            0 => p,
            1 => (-p.Y, p.X),
            2 => (-p.X, -p.Y),
            _ => (p.Y, -p.X),
        };
        var lines = new List<IReadOnlyList<(double X, double Y)>>();
        if (level <= top)
        {
            var arc = Arc(level, 0);
            arc[^1] = (0, arc[0].X); // exactly on the axis, the same distance out as the first point
            var loop = new List<(double X, double Y)>(4 * pointsPerQuadrant + 1);
            for (int q = 0; q < 4; q++)
                for (int i = 0; i < pointsPerQuadrant; i++) loop.Add(Turn(arc[i], q));
            loop.Add(loop[0]);
            lines.Add(loop);
            if (level == top && rays)
                for (int q = 0; q < 4; q++) lines.Add([Turn((flat, 0), q), Turn((reach, 0), q)]);
            return lines;
        }
        var piece = level < 2 * top ? Arc(top, level - top) : [(flat, flat)];
        if (rays)
        {
            piece.Insert(0, (reach, piece[0].Y));
            piece.Add((piece[^1].X, reach));
        }
        for (int q = 0; q < 4; q++) lines.Add(piece.Select(p => Turn(p, q)).ToArray());
        return lines;
    }

    /// <summary>
    /// For a penalty that is continuous and non-decreasing along rays and stops rising once every non-zero coordinate
    /// is past <paramref name="flat"/>: the first r with P(r·(cos, sin)) ≥ level, by bisection to the last bit. A level
    /// the ray never reaches gives the r where P stops rising along it (finite; callers check P there when it matters).
    /// </summary>
    protected double RadiusByBisection(double cos, double sin, double level, double flat)
    {
        if (!(level > 0)) return 0;
        double small = Math.Min(cos != 0 ? Math.Abs(cos) : double.PositiveInfinity, sin != 0 ? Math.Abs(sin) : double.PositiveInfinity);
        double hi = Math.Min(flat / small, double.MaxValue);
        if (Value([hi * cos, hi * sin]) <= level) return hi;
        double lo = 0;
        while (true)
        {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) return hi;
            if (Value([mid * cos, mid * sin]) < level) lo = mid; else hi = mid;
        }
    }

    /// <summary>The lines of a level set one after the other, closed: a polygon that spans the same part of the plane.</summary>
    protected static IReadOnlyList<(double X, double Y)> Joined(IReadOnlyList<IReadOnlyList<(double X, double Y)>> lines)
    {
        var all = lines.SelectMany(l => l).ToList();
        if (all.Count > 0 && all[^1] != all[0]) all.Add(all[0]);
        return all;
    }

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
