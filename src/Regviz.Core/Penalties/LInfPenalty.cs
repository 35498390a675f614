using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Penalties;

/// <summary>P(w) = max_j |w_j|: the square, whose corners sit off the axes, so it favours |w1| = |w2|.</summary>
public sealed class LInfPenalty : Penalty, IExactOnPlane, IHasUnitBall
{
    /// <summary>Its catalogue entry.</summary>
    public static PenaltyKind Kind { get; } = new("linf", "max|w|", [], _ => new LInfPenalty());

    /// <inheritdoc/>
    public override string Name => "linf";
    /// <inheritdoc/>
    public override string Title => "L∞";
    /// <inheritdoc/>
    public override bool IsSeparable => false;

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> w)
    {
        double m = 0;
        foreach (double x in w) m = Math.Max(m, Math.Abs(x));
        return m;
    }

    /// <inheritdoc/>
    public override double Norm(ReadOnlySpan<double> w) => Value(w);
    /// <inheritdoc/>
    public override double ValueAtNorm(double radius) => radius;

    /// <summary>Moreau: prox_{t‖·‖∞}(v) = v − Π_{‖·‖₁ ≤ t}(v).</summary>
    public override void Prox(ReadOnlySpan<double> v, double t, Span<double> result)
    {
        Span<double> proj = v.Length <= 64 ? stackalloc double[v.Length] : new double[v.Length];
        ProjectOntoL1Ball(v, t, proj);
        for (int j = 0; j < v.Length; j++) result[j] = v[j] - proj[j];
    }

    /// <summary>Euclidean projection onto {x : ‖x‖₁ ≤ radius} by sorting (Duchi et al. 2008).</summary>
    public static void ProjectOntoL1Ball(ReadOnlySpan<double> v, double radius, Span<double> result)
    {
        double l1 = 0;
        foreach (double x in v) l1 += Math.Abs(x);
        if (l1 <= radius)
        {
            v.CopyTo(result);
            return;
        }
        var u = new double[v.Length];
        for (int j = 0; j < v.Length; j++) u[j] = Math.Abs(v[j]);
        Array.Sort(u);
        Array.Reverse(u);
        double cumulative = 0, theta = 0;
        for (int j = 0; j < u.Length; j++)
        {
            cumulative += u[j];
            double candidate = (cumulative - radius) / (j + 1);
            // the first candidate always qualifies (u₀ − (u₀ − r) = r > 0); with r below u₀'s last digit the
            // comparison rounds to equality, which once returned the projection v itself and so a zero prox
            if (j == 0 || u[j] > candidate) theta = candidate;
        }
        for (int j = 0; j < v.Length; j++) result[j] = SoftThreshold(v[j], theta);
    }

    /// <inheritdoc/>
    public override double RadiusAlong(double cos, double sin, double level) =>
        level / Math.Max(Math.Abs(cos), Math.Abs(sin));

    /// <inheritdoc/>
    public override IReadOnlyList<(double X, double Y)> LevelSet(double level, int pointsPerQuadrant = 256) =>
        [(level, 0), (level, level), (-level, level), (-level, -level), (level, -level), (level, 0)];

    /// <inheritdoc/>
    public override string PlaneFormula(Func<double, string> number) => "max(|w₁|, |w₂|)";

    /// <summary>The square: its corners are off the axes, so it pulls towards equal magnitudes, and an optimum on an axis sits on a flat side.</summary>
    public override ShapeWords Shape { get; } = new("square", "corners on the diagonals |w₁| = |w₂|",
        "their corners lie on the diagonals |w₁| = |w₂|, so an optimum is pulled towards equal magnitudes, not towards zeros", null);

    /// <inheritdoc/>
    public (double X, double Y)? Penalised(PlaneQuadratic q, double lambda) => PlaneSolvers.PenalisedLInf(q, lambda);
    /// <summary>The square is a polygon: the optimum is at a vertex or inside an edge.</summary>
    public (double X, double Y)? InBall(PlaneQuadratic q, double radius) => PlaneSolvers.PolygonBall(q, diamond: false, radius);
    /// <summary>1/‖d‖∞: the norm is homogeneous.</summary>
    public double UnitRadius(ReadOnlySpan<double> direction) => 1 / Norm(direction);
    /// <summary>The cube.</summary>
    public bool IsBox => true;

    /// <summary>0 ∈ g + λ∂‖·‖∞(0) = g + λ·(unit l1 ball) needs λ ≥ ‖g‖₁.</summary>
    public override double? LambdaMax(ReadOnlySpan<double> gradientAtZero)
    {
        double s = 0;
        foreach (double v in gradientAtZero) s += Math.Abs(v);
        return s;
    }

    /// <summary>
    /// ∂max|w_j| at w ≠ 0 is {Σ θ_j s_j e_j : θ ≥ 0, Σθ = 1} over the coordinates M at the maximum; at 0 it is the
    /// unit l1 ball. So: g_j = 0 off M, −s_j g_j ≥ 0 on M, and Σ_M −s_j g_j = λ.
    /// </summary>
    public override double Violation(ReadOnlySpan<double> g, ReadOnlySpan<double> w, double lambda)
    {
        double m = 0;
        foreach (double v in w) m = Math.Max(m, Math.Abs(v));
        if (m == 0)
        {
            double l1 = 0;
            foreach (double v in g) l1 += Math.Abs(v);
            return Math.Max(0, l1 - lambda);
        }
        double worst = 0, sum = 0;
        for (int j = 0; j < w.Length; j++)
        {
            // tied at the maximum to rounding: the solvers set them equal, other callers may not
            if (Math.Abs(w[j]) >= m * (1 - 1e-12))
            {
                double theta = -Math.Sign(w[j]) * g[j];
                worst = Math.Max(worst, -theta);
                sum += theta;
            }
            else worst = Math.Max(worst, Math.Abs(g[j]));
        }
        worst = Math.Max(worst, Math.Abs(sum - lambda));
        return double.IsNaN(worst) ? double.PositiveInfinity : worst;
    }

    /// <summary>Linear in the tied maximum m once the tied set and signs are fixed.</summary>
    internal override bool IsQuadraticOnStructure => true;

    /// <summary>λ‖w‖∞ + ⟨g, w⟩ + r·max(0, ‖g‖₁ − λ): the conjugate of λ‖·‖∞ over the box ‖v‖∞ ≤ r, r the budget.</summary>
    internal override double? FenchelGap(ReadOnlySpan<double> g, ReadOnlySpan<double> w, double lambda, double budget)
    {
        if (!(lambda > 0)) return null;
        double inner = 0, l1 = 0, size = 0;
        for (int j = 0; j < w.Length; j++) { inner += g[j] * w[j]; l1 += Math.Abs(g[j]); size += Math.Abs(g[j] * w[j]); }
        double excess = Math.Max(0, l1 - lambda);
        double gap = lambda * Value(w) + inner + (excess > 0 ? Math.Max(0, budget) * excess : 0);
        return double.IsNaN(gap) ? null : RoundedUp(gap, size + lambda * Value(w));
    }

    /// <summary>
    /// ‖ξ‖₂ for the least ξ ∈ g + λ∂‖w‖∞: at 0, g less its projection onto the l1 ball of radius λ; elsewhere g off
    /// the set M at the maximum and, on M, λ times the distance of (−s_j g_j/λ) from the unit simplex.
    /// </summary>
    internal override double? LeastSubgradient(ReadOnlySpan<double> g, ReadOnlySpan<double> w, double lambda, int[][] groups)
    {
        double m = Value(w), sum = 0;
        if (m == 0)
        {
            var proj = new double[g.Length];
            ProjectOntoL1Ball(g, lambda, proj);
            for (int j = 0; j < g.Length; j++) sum += (g[j] - proj[j]) * (g[j] - proj[j]);
            return Math.Sqrt(sum);
        }
        var onMax = new List<double>();
        for (int j = 0; j < w.Length; j++)
        {
            if (Math.Abs(w[j]) >= m * (1 - 1e-12)) onMax.Add(-Math.Sign(w[j]) * g[j]);
            else sum += g[j] * g[j];
        }
        if (!(lambda > 0)) return Math.Sqrt(sum + onMax.Sum(u => u * u));
        // projection of u/λ onto {θ ≥ 0, Σθ = 1}: θ = max(u/λ − τ, 0) with τ from the sorted values
        var u = onMax.Select(v => v / lambda).OrderByDescending(v => v).ToArray();
        double cumulative = 0, tau = 0;
        for (int i = 0; i < u.Length; i++)
        {
            cumulative += u[i];
            double candidate = (cumulative - 1) / (i + 1);
            if (i == 0 || u[i] > candidate) tau = candidate;
        }
        foreach (double v in u) { double d = v - Math.Max(v - tau, 0); sum += lambda * lambda * d * d; }
        return double.IsNaN(sum) ? null : Math.Sqrt(sum);
    }

    /// <summary>The coordinates at the maximum share it equally (sign(0) = 0, so gradient descent never settles).</summary>
    public override void Subgradient(ReadOnlySpan<double> w, Span<double> result)
    {
        double m = 0;
        foreach (double v in w) m = Math.Max(m, Math.Abs(v));
        int count = 0;
        for (int j = 0; j < w.Length; j++) if (m > 0 && Math.Abs(w[j]) == m) count++;
        for (int j = 0; j < w.Length; j++) result[j] = m > 0 && Math.Abs(w[j]) == m ? Math.Sign(w[j]) / (double)count : 0;
    }

    internal override (double[] Weights, SolveMethod Method) SolveLeastSquares(QuadraticLoss q, double mu, double[]? warm = null) =>
        (LInfSolver.Solve(q, mu), SolveMethod.BoxLeastSquares);

    internal override ReducedStructure? Structure(double[] w, double lambda) => ReducedStructure.TiedAtMaximum(w, lambda);

    /// <summary>Least squares in the box.</summary>
    internal override Solution? SolveInBall(QuadraticLoss q, double radius, double[] ols) => ConstrainedSolver.LInfBall(q, this, radius, ols);
}
