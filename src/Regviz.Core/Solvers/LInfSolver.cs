using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Certificates;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// minimise wᵀGw − 2cᵀw + μ·max_j|w_j| through its constrained twin: for a bound m the optimum in the box |w_j| ≤ m is
/// exact least squares in a box (<see cref="BoxLeastSquares"/>), and the penalised optimum is the box whose held
/// coordinates pull outwards with total strength ρ(m) = Σ_held s_j·r_j = μ/2 (r = c − Gw). ρ falls as m grows, from ‖c‖₁
/// at 0 to 0 at the least-squares fit, so m is bracketed and bisected until the box's structure (held set, signs, free
/// set) is that of the optimum; on that structure w is affine in m and ρ(m) = μ/2 is solved exactly. No step size, no
/// iteration count that depends on the conditioning: it is exact at λ = 1e-300 as at λ_max, and on scaled columns.
/// </summary>
internal static class LInfSolver
{
    public static double[] Solve(QuadraticLoss q, double mu)
    {
        int k = q.Dimension;
        // w = 0 exactly when 2c lies in μ times the subdifferential at 0, the l1 ball: ‖c‖₁ ≤ μ/2
        if (q.Cross.Sum(Math.Abs) <= mu / 2) return new double[k];

        var w = UnregularisedSolver.Solve(q);
        double lo = 0, hi = w.Max(Math.Abs), m = hi / 2;
        for (int i = 0; i < 300 && hi - lo > 1e-16 * hi; i++)
        {
            w = BoxLeastSquares.Solve(q, m, w);
            var (exact, model) = OnStructure(q, mu, w, m);
            if (exact is not null) return exact;
            if (Pull(q, w, m) > mu / 2) lo = m; else hi = m;
            // the affine model's root is usually the optimum's bound or close to it; every other step bisects,
            // so the bracket halves at least every two steps whatever the model does
            m = i % 2 == 0 && model > lo && model < hi ? model
                : lo == 0 ? hi / 2 : hi > 4 * lo ? Math.Sqrt(lo * hi) : lo + (hi - lo) / 2;
        }
        return BoxLeastSquares.Solve(q, hi, w); // the certificate reports how close this came
    }

    /// <summary>∇D = 2·scale·(Gw − c) is Lipschitz with constant 2·scale·λ_max(G).</summary>
    internal static double Lipschitz(QuadraticLoss q) => 2 * q.Scale * Dense.MaxEigenvalue(q);

    /// <summary>ρ(m) = Σ_held s_j·r_j: half the multiplier of the box at m (the held coordinates are exactly at ±m).</summary>
    internal static double Pull(QuadraticLoss q, double[] w, double m)
    {
        var r = new double[w.Length];
        q.Root.Correlation(w, r);
        double pull = 0;
        for (int j = 0; j < w.Length; j++) if (Math.Abs(w[j]) == m) pull += Math.Sign(w[j]) * r[j];
        return pull;
    }

    /// <summary>
    /// With the held set B (signs s) and free set F of the box at m fixed, w_B = s·m and w_F = a − m·b (two least-squares
    /// fits), so ρ is affine in m: solve ρ(m*) = μ/2 and keep w(m*) if its optimality conditions hold. m* is returned
    /// either way, as the model's guess for the next bound.
    /// </summary>
    private static (double[]? Exact, double Model) OnStructure(QuadraticLoss q, double mu, double[] w, double m)
    {
        int k = q.Dimension;
        var held = Enumerable.Range(0, k).Where(j => Math.Abs(w[j]) == m).ToArray();
        if (held.Length == 0) return (null, double.NaN);
        var free = Enumerable.Range(0, k).Where(j => Math.Abs(w[j]) != m).ToList();
        var root = q.Root;
        var signs = new double[k];
        foreach (int j in held) signs[j] = Math.Sign(w[j]);
        // t1 = S_B·s_B, the data's response to raising m by one
        var t1 = Vector<double>.Build.Dense(root.Rows);
        for (int i = 0; i < root.Rows; i++)
            foreach (int j in held) t1[i] += root[i, j] * signs[j];
        var a = free.Count > 0 ? ActiveSystem.LeastSquares(q, free, Vector<double>.Build.Dense(root.Z)) : [];
        var b = free.Count > 0 ? ActiveSystem.LeastSquares(q, free, t1) : [];
        // u(m) = u0 − m·u1 is the residual z − Sw on this structure
        var w0 = new double[k];
        var w1 = new double[k];
        for (int i = 0; i < free.Count; i++) { w0[free[i]] = a[i]; w1[free[i]] = b[i]; }
        foreach (int j in held) w1[j] = -signs[j];
        var r0 = new double[k];
        root.Correlation(w0, r0);
        // r(m) = Sᵀ(z − S(w0 − m·w1)) = r0 + m·Gw1, with Gw1 = Sᵀ(S·w1) = r0 − Correlation(w0 + w1)
        var r01 = new double[k];
        var shifted = w0.Zip(w1, (x, y) => x + y).ToArray();
        root.Correlation(shifted, r01);
        double rho0 = 0, rho1 = 0;
        foreach (int j in held) { rho0 += signs[j] * r0[j]; rho1 += signs[j] * (r0[j] - r01[j]); }
        if (rho1 == 0) return (null, double.NaN);
        double mStar = (mu / 2 - rho0) / rho1;
        if (!(mStar > 0)) return (null, mStar);
        var candidate = new double[k];
        for (int j = 0; j < k; j++) candidate[j] = w0[j] - mStar * w1[j];
        foreach (int j in held) candidate[j] = signs[j] * mStar;
        if (free.Any(j => Math.Abs(candidate[j]) > mStar)) return (null, mStar);
        return (OptimalityCheck.Penalised(q, new LInfPenalty(), candidate, q.LambdaOf(mu)).Certified ? candidate : null, mStar);
    }
}
