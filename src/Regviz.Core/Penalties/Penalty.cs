namespace Regviz.Core.Penalties;

/// <summary>
/// A penalty P(w) as docs/conventions.md defines it, with what solvers and figures need from it: its value, the
/// norm N(w) of the constrained form, its proximal operator, and the exact boundary of its level sets in
/// the plane.
/// </summary>
public abstract class Penalty
{
    public abstract NormKind Kind { get; }

    /// <summary>Whether J = D + λP is convex for a convex D, i.e. whether KKT conditions certify the optimum.</summary>
    public virtual bool IsConvex => true;

    /// <summary>P(w).</summary>
    public abstract double Value(ReadOnlySpan<double> w);

    /// <summary>N(w), the norm bounded by <c>--radius</c> (for elasticnet, P itself).</summary>
    public abstract double Norm(ReadOnlySpan<double> w);

    /// <summary>The penalty value of the ball N(w) = radius, so that a constrained figure can draw that contour.</summary>
    public abstract double ValueAtNorm(double radius);

    /// <summary>prox_{tP}(v) = argmin_x ½‖x − v‖² + t·P(x), written into <paramref name="result"/>.</summary>
    public abstract void Prox(ReadOnlySpan<double> v, double t, Span<double> result);

    /// <summary>
    /// α when this penalty is α‖w‖₁ + (1−α)‖w‖² (l1: 1, l2: 0, elastic net: its α, lp with p = 1 or 2 likewise),
    /// else null: the family the coordinate-descent and proximal-Newton solvers handle exactly.
    /// </summary>
    public virtual double? ElasticNetAlpha => null;

    /// <summary>A short description for titles and tables, e.g. "elasticnet (α = 0.5)".</summary>
    public virtual string Describe() => Kind.Name();

    /// <summary>
    /// The distance r along the unit direction (cos φ, sin φ) at which P reaches <paramref name="level"/>. Every
    /// penalty here is increasing along rays from the origin, so this is unique.
    /// </summary>
    public abstract double RadiusAlong(double cos, double sin, double level);

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

    private static (double Sin, double Cos) AxisExactSinCos(double phi, int quadrant, int i) =>
        i != 0 ? Math.SinCos(phi) : quadrant switch
        {
            0 => (0.0, 1.0),
            1 => (1.0, 0.0),
            2 => (0.0, -1.0),
            _ => (-1.0, 0.0),
        };

    public static Penalty Create(NormKind kind, double alpha = 0.5, double p = 0.5) => kind switch
    {
        NormKind.L1 => new L1Penalty(),
        NormKind.L2 => new L2Penalty(),
        NormKind.ElasticNet => new ElasticNetPenalty(alpha),
        NormKind.Lp => new LpPenalty(p),
        NormKind.LInf => new LInfPenalty(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>sign(v)·max(|v| − t, 0); exactly 0 inside the threshold, which is where sparsity comes from.</summary>
    public static double SoftThreshold(double v, double t) =>
        v > t ? v - t : v < -t ? v + t : 0.0;
}
