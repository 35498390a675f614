using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Penalties;

/// <summary>P(w) = max_j |w_j|: the square, whose corners sit off the axes, so it favours |w1| = |w2|.</summary>
public sealed class LInfPenalty : Penalty
{
    /// <inheritdoc/>
    public override string Name => "linf";
    /// <inheritdoc/>
    public override string Title => "L∞";
    /// <inheritdoc/>
    public override bool IsSeparable => false;
    /// <inheritdoc/>
    public override double? BallExponent => double.PositiveInfinity;

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
}
