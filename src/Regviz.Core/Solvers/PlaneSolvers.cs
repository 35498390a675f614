using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// Exact optima of a <see cref="PlaneQuadratic"/> under each penalty, by case analysis rather than iteration:
/// every candidate structure (which coordinates are zero, which signs, which face of the ball) has a closed
/// form, and the best valid candidate is the optimum. Corners come out as exact zeros by construction.
/// </summary>
internal static class PlaneSolvers
{
    /// <summary>min D subject to N(w) ≤ t for l1 (<paramref name="diamond"/>) and linf: the ball is a polygon, so the optimum is at a vertex or inside an edge.</summary>
    public static (double X, double Y) PolygonBall(PlaneQuadratic q, bool diamond, double t)
    {
        bool inside = diamond ? Math.Abs(q.M1) + Math.Abs(q.M2) <= t : Math.Max(Math.Abs(q.M1), Math.Abs(q.M2)) <= t;
        if (inside) return (q.M1, q.M2);
        ReadOnlySpan<(double X, double Y)> v = diamond
            ? [(t, 0), (0, t), (-t, 0), (0, -t)]
            : [(t, t), (-t, t), (-t, -t), (t, -t)];
        (double X, double Y) best = default;
        double bestValue = double.PositiveInfinity;
        for (int e = 0; e < 4; e++)
        {
            var p = v[e];
            var r = v[(e + 1) % 4];
            double dx = r.X - p.X, dy = r.Y - p.Y;
            // D(p + s·d) = a·s² + b·s + const on s ∈ [0, 1]
            double ax = p.X - q.M1, ay = p.Y - q.M2;
            double a = q.A11 * dx * dx + 2 * q.A12 * dx * dy + q.A22 * dy * dy;
            double b = 2 * (q.A11 * ax * dx + q.A12 * (ax * dy + ay * dx) + q.A22 * ay * dy);
            double s = Math.Clamp(-b / (2 * a), 0, 1);
            // the endpoints are taken from the vertex list itself, so a corner is exactly (t, 0) and not (t, 1e-17)
            (double X, double Y) w = s == 0 ? p : s == 1 ? r : (p.X + s * dx, p.Y + s * dy);
            double value = q.Value(w.X, w.Y);
            if (value < bestValue) { bestValue = value; best = w; }
        }
        return best;
    }

    /// <summary>min D subject to ‖w‖₂ ≤ t: the trust-region problem, w = (A + μI)⁻¹Am with ‖w‖ = t; Newton on 1/‖w(μ)‖ − 1/t (Moré–Sorensen).</summary>
    public static (double X, double Y) L2Ball(PlaneQuadratic q, double t)
    {
        if (q.M1 * q.M1 + q.M2 * q.M2 <= t * t) return (q.M1, q.M2);
        double c1 = q.C1, c2 = q.C2, mu = 0;
        for (int it = 0; it < 100; it++)
        {
            var (x, y) = Solve2(q.A11 + mu, q.A12, q.A22 + mu, c1, c2);
            double norm = Math.Sqrt(x * x + y * y);
            // φ(μ) = 1/‖w‖ − 1/t is nearly linear in μ; φ'(μ) = wᵀ(A + μI)⁻¹w / ‖w‖³
            var (zx, zy) = Solve2(q.A11 + mu, q.A12, q.A22 + mu, x, y);
            double phi = 1 / norm - 1 / t, slope = (x * zx + y * zy) / (norm * norm * norm);
            double next = Math.Max(mu - phi / slope, 0);
            if (Math.Abs(next - mu) <= 1e-15 * Math.Max(1, mu)) { mu = next; break; }
            mu = next;
        }
        var w = Solve2(q.A11 + mu, q.A12, q.A22 + mu, c1, c2);
        double scale = t / Math.Sqrt(w.X * w.X + w.Y * w.Y); // land exactly on the sphere
        return (w.X * scale, w.Y * scale);
    }

    /// <summary>
    /// min D + λ(α‖w‖₁ + (1−α)‖w‖²) (α = 1: lasso) by its nine sign patterns: with the signs s fixed the optimum
    /// solves (A_SS + λ(1−α)I) w_S = (Am)_S − (λα/2)s_S; the best sign-consistent candidate is the optimum.
    /// </summary>
    public static (double X, double Y) PenalisedElasticNet(PlaneQuadratic q, double lambda, double alpha)
    {
        double ridge = lambda * (1 - alpha), h = lambda * alpha / 2;
        (double X, double Y) best = (0, 0);
        double bestValue = q.Value(0, 0);
        double J(double x, double y) => q.Value(x, y) + lambda * (alpha * (Math.Abs(x) + Math.Abs(y)) + (1 - alpha) * (x * x + y * y));
        foreach (int s1 in (ReadOnlySpan<int>)[-1, 0, 1])
            foreach (int s2 in (ReadOnlySpan<int>)[-1, 0, 1])
            {
                if (s1 == 0 && s2 == 0) continue;
                double x = 0, y = 0;
                if (s1 != 0 && s2 != 0) (x, y) = Solve2(q.A11 + ridge, q.A12, q.A22 + ridge, q.C1 - h * s1, q.C2 - h * s2);
                else if (s1 != 0) x = (q.C1 - h * s1) / (q.A11 + ridge);
                else y = (q.C2 - h * s2) / (q.A22 + ridge);
                if (Math.Sign(x) != s1 || Math.Sign(y) != s2) continue;
                double value = J(x, y);
                if (value < bestValue) { bestValue = value; best = (x, y); }
            }
        return best;
    }

    /// <summary>
    /// min D + λ·max(|w1|, |w2|): candidates w = 0; one coordinate strictly larger (then J is smooth:
    /// w = m − (λ/2)·s·A⁻¹e_j); or |w1| = |w2| (w = x·(1, σ): a scalar soft-threshold).
    /// </summary>
    public static (double X, double Y) PenalisedLInf(PlaneQuadratic q, double lambda)
    {
        (double X, double Y) best = (0, 0);
        double bestValue = q.Value(0, 0);
        double J(double x, double y) => q.Value(x, y) + lambda * Math.Max(Math.Abs(x), Math.Abs(y));
        void Consider(double x, double y)
        {
            double value = J(x, y);
            if (value < bestValue) { bestValue = value; best = (x, y); }
        }
        foreach (int s in (ReadOnlySpan<int>)[-1, 1])
        {
            var (x1, y1) = Solve2(q.A11, q.A12, q.A22, q.C1 - lambda / 2 * s, q.C2);
            if (Math.Sign(x1) == s && Math.Abs(x1) > Math.Abs(y1)) Consider(x1, y1);
            var (x2, y2) = Solve2(q.A11, q.A12, q.A22, q.C1, q.C2 - lambda / 2 * s);
            if (Math.Sign(y2) == s && Math.Abs(y2) > Math.Abs(x2)) Consider(x2, y2);
            // diagonal w = x(1, σ)
            double uau = q.A11 + 2 * s * q.A12 + q.A22, uc = q.C1 + s * q.C2;
            double xd = Penalty.SoftThreshold(uc, lambda / 2) / uau;
            Consider(xd, s * xd);
        }
        return best;
    }

    /// <summary>min D subject to P(w) ≤ t for the elastic net: the penalised closed form at the λ <see cref="Solvers.MultiplierSearch"/> finds.</summary>
    public static (double X, double Y) ElasticNetBall(PlaneQuadratic q, double alpha, double t)
    {
        var pen = new ElasticNetPenalty(alpha);
        if (pen.Value([q.M1, q.M2]) <= t) return (q.M1, q.M2);
        double lambda = Solvers.MultiplierSearch.Smallest(l => pen.Value(Pair(PenalisedElasticNet(q, l, alpha))), t);
        return PenalisedElasticNet(q, lambda, alpha);
    }

    private static double[] Pair((double X, double Y) w) => [w.X, w.Y];

    /// <summary>[[a, b], [b, d]]·(x, y) = (e, f) by Cramer's rule (the matrix is positive definite here).</summary>
    private static (double X, double Y) Solve2(double a, double b, double d, double e, double f)
    {
        double det = a * d - b * b;
        return ((d * e - b * f) / det, (a * f - b * e) / det);
    }
}
