using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Penalties;

/// <summary>
/// A folded concave penalty (MCP, SCAD): P(w) = Σ q(|w_j|) with q rising from q(0) = 0 with slope 1 (the lasso's
/// kink, so zeros are exact), bending down, and flat from |w| = γλ on, so large weights are not shrunk. The shape
/// depends on λ: a penalty is made at λ = 1 and the problem takes it at its own λ (the internal <c>At</c>), so no caller
/// gives a λ that the solver would replace. What the two share lives here: the value as a
/// sum over coordinates, the exact level sets traced through each coordinate's share of the level, the ray radius
/// by bisection, λ_max, and the solver (the global search in the plane, coordinate descent along the path beyond).
/// A subclass gives q, its inverse, its derivatives and its exact scalar prox.
/// </summary>
public abstract class FoldedConcavePenalty : Penalty
{
    /// <summary>γ, declared once for both (one flag): each penalty has its own default and lower bound.</summary>
    public static PenaltyParameterSpec GammaParameter { get; } = new("gamma", "γ", ParameterRange.Above(1), null,
        _ => "γ of mcp (> 1, default 3) and scad (> 2, default 3.7), as in ncvreg: where the penalty stops rising, |w| = γλ", "γ");

    /// <param name="gamma">γ, already checked by the subclass against its own condition.</param>
    /// <param name="lambda">The λ the shape is taken at, &gt; 0.</param>
    /// <param name="top">The largest value of q, reached at γλ.</param>
    private protected FoldedConcavePenalty(double gamma, double lambda, Func<double, double, double> top)
    {
        if (!(lambda > 0) || !double.IsFinite(lambda))
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "a folded concave penalty is taken at a finite λ > 0");
        Gamma = gamma;
        Lambda = lambda;
        Flat = gamma * lambda;
        Top = top(gamma, lambda);
    }

    /// <summary>γ: the penalty stops rising at |w| = γλ.</summary>
    public double Gamma { get; }

    /// <summary>The λ the shape is taken at (read it as <see cref="ShapedAt"/>).</summary>
    private protected double Lambda { get; }

    /// <summary>γλ, where q stops rising (∞ when γλ overflows).</summary>
    private protected double Flat { get; }

    /// <summary>The largest value of q, P's most on one coordinate.</summary>
    private protected double Top { get; }

    /// <summary>q(a) for a = |w| ≥ 0.</summary>
    private protected abstract double Coordinate(double a);

    /// <summary>q⁻¹(u): the first a ≥ 0 with q(a) = u, for 0 ≤ u ≤ Top (q⁻¹(Top) = γλ).</summary>
    private protected abstract double Inverse(double u);

    /// <summary>The same penalty with the same γ, taken at <paramref name="lambda"/>.</summary>
    private protected abstract Penalty WithLambda(double lambda);

    /// <inheritdoc/>
    public override IReadOnlyList<PenaltyParameter> Parameters => [GammaParameter.With(Gamma)];
    /// <inheritdoc/>
    public override bool IsConvex => false;
    /// <summary>There is no norm whose ball bounds the weights, so <c>--radius</c> is refused.</summary>
    public override bool HasConstrainedForm => false;
    /// <inheritdoc/>
    public override double KinkAtZero => 1;
    /// <summary>Level sets with the lasso's corners on the axes (its slope at 0), not a ball: the shape depends on λ.</summary>
    public override ShapeWords Shape { get; } = ShapeWords.CornersOnAxes("level set");
    /// <inheritdoc/>
    public override double? ShapedAt => Lambda;
    /// <inheritdoc/>
    internal override Penalty At(double lambda) => lambda > 0 && lambda != Lambda ? WithLambda(lambda) : this;

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> w)
    {
        double s = 0;
        foreach (double x in w) s += Coordinate(Math.Abs(x));
        return s;
    }

    /// <summary>There is no norm to bound (<see cref="HasConstrainedForm"/> is false); figures rank levels by P itself.</summary>
    public override double Norm(ReadOnlySpan<double> w) => Value(w);
    /// <inheritdoc/>
    public override double ValueAtNorm(double radius) => radius;

    /// <summary>The lasso's: the slope of P at 0 is 1, as for |w|.</summary>
    public override double? LambdaMax(ReadOnlySpan<double> gradientAtZero) => MaxAbs(gradientAtZero);

    /// <summary>
    /// The first r with P(r·(cos, sin)) ≥ level, by bisection to the last bit (P is continuous and non-decreasing
    /// along rays). A level the ray never reaches gives the r where P stops rising along it: finite, so callers check
    /// P at the answer when that matters.
    /// </summary>
    public override double RadiusAlong(double cos, double sin, double level)
    {
        if (!(level > 0)) return 0;
        double small = Math.Min(cos != 0 ? Math.Abs(cos) : double.PositiveInfinity, sin != 0 ? Math.Abs(sin) : double.PositiveInfinity);
        double hi = Math.Min(Flat / small, double.MaxValue);
        if (Value([hi * cos, hi * sin]) <= level) return hi;
        double lo = 0;
        while (true)
        {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) return hi;
            if (Value([mid * cos, mid * sin]) < level) lo = mid; else hi = mid;
        }
    }

    /// <summary>
    /// The level set, traced exactly through the share u of the level that w₁ takes: w₁ = q⁻¹(u), w₂ = q⁻¹(level − u).
    /// Below Top it is one closed curve. At Top the four axis rays |w_j| ≥ γλ belong to it too. Between Top and 2·Top
    /// it is four pieces, one per quadrant, each ending in a horizontal and a vertical ray (once one coordinate is
    /// past γλ only the other can still change P). At 2·Top it is the region where both |w_j| ≥ γλ, drawn as its
    /// boundary. Rays are drawn out to |w_j| = <paramref name="reach"/>.
    /// </summary>
    public override IReadOnlyList<IReadOnlyList<(double X, double Y)>> LevelSetLines(double level, double reach) =>
        TraceLevelSet(level, reach, 256);

    /// <summary>
    /// The closed curve for levels up to Top; above it, where the level set runs off to infinity, its bounded parts
    /// in turn (what sizes a view; draw <see cref="LevelSetLines"/>).
    /// </summary>
    public override IReadOnlyList<(double X, double Y)> LevelSet(double level, int pointsPerQuadrant = 256)
    {
        var all = TraceLevelSet(level, 0, pointsPerQuadrant).SelectMany(l => l).ToList();
        if (all.Count > 0 && all[^1] != all[0]) all.Add(all[0]);
        return all;
    }

    /// <summary>From −1.25γλ to 1.25γλ, up to the largest value, 2·Top (both coordinates flat).</summary>
    public override (double HalfWidth, double TopLevel) NormView => (1.25 * Flat, 2 * Top);

    /// <summary>
    /// The plane: the global search. More parameters: coordinate descent with the exact threshold, following λ down
    /// from λ_max as ncvreg does (a local optimum).
    /// </summary>
    internal override (double[] Weights, SolveMethod Method) SolveLeastSquares(QuadraticLoss q, double mu, double[]? warm = null) =>
        q.Dimension == 2 ? base.SolveLeastSquares(q, mu, warm) : SeparableCoordinateDescent.AlongPath(q, this, mu);

    private List<IReadOnlyList<(double X, double Y)>> TraceLevelSet(double level, double reach, int pointsPerQuadrant)
    {
        // a level within rounding of Top or 2·Top (a sum of q's, or k/10 of 2·Top) is that level: the rays belong to it
        if (Math.Abs(level - Top) <= 1e-12 * Top) level = Top;
        if (Math.Abs(level - 2 * Top) <= 1e-12 * Top) level = 2 * Top;
        if (!(level > 0) || level > 2 * Top) return [];
        bool rays = reach > Flat;
        // the arc in the first quadrant as u runs down from hi to lo, denser near both ends where it bends hardest
        List<(double X, double Y)> Arc(double hi, double lo)
        {
            var arc = new List<(double, double)>(pointsPerQuadrant + 1);
            for (int i = 0; i <= pointsPerQuadrant; i++)
            {
                double s = 0.5 + 0.5 * Math.Cos(Math.PI * i / pointsPerQuadrant);
                double u = i == 0 ? hi : i == pointsPerQuadrant ? lo : lo + (hi - lo) * s;
                arc.Add((Inverse(u), Inverse(Math.Max(0, level - u))));
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
        if (level <= Top)
        {
            var arc = Arc(level, 0);
            arc[^1] = (0, arc[0].X); // exactly on the axis, the same distance out as the first point
            var loop = new List<(double X, double Y)>(4 * pointsPerQuadrant + 1);
            for (int q = 0; q < 4; q++)
                for (int i = 0; i < pointsPerQuadrant; i++) loop.Add(Turn(arc[i], q));
            loop.Add(loop[0]);
            lines.Add(loop);
            if (level == Top && rays)
                for (int q = 0; q < 4; q++) lines.Add([Turn((Flat, 0), q), Turn((reach, 0), q)]);
            return lines;
        }
        var piece = level < 2 * Top ? Arc(Top, level - Top) : [(Flat, Flat)];
        if (rays)
        {
            piece.Insert(0, (reach, piece[0].Y));
            piece.Add((piece[^1].X, reach));
        }
        for (int q = 0; q < 4; q++) lines.Add(piece.Select(p => Turn(p, q)).ToArray());
        return lines;
    }
}
