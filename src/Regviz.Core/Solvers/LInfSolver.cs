using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// minimise wᵀGw − 2cᵀw + μ·max_j|w_j|. FISTA finds the structure: the set M of coordinates at the maximum
/// |w_j| = m (with signs s) and the free rest F. With the structure fixed the KKT conditions are linear in
/// (w_F, m, ν_M): (Gw − c)_F = 0, (Gw − c)_j + s_j·ν_j = 0 on M, Σν = μ/2, with w_M = m·s_M and ν = (μ/2)·θ the
/// multipliers in the units of the gradient (so the system stays well scaled as μ → 0, where it tends to least
/// squares). The solve is accepted when ν ≥ 0, m &gt; 0 and |w_F| ≤ m, which certifies the global optimum (the
/// problem is convex).
/// </summary>
public static class LInfSolver
{
    public static double[] Solve(QuadraticLoss q, double mu)
    {
        int k = q.Dimension;
        // w = 0 exactly when 2c lies in μ times the subdifferential at 0, the L1 ball: ‖c‖₁ ≤ μ/2
        if (q.Cross.Sum(Math.Abs) <= mu / 2) return new double[k];

        var start = UnregularisedSolver.Solve(q);
        var approx = GeneralProximalGradient.Minimise(q, new LInfPenalty(), mu * q.Scale, start, accelerate: true, Lipschitz(q));
        double m = approx.Max(Math.Abs);
        for (double tol = 1e-3; tol >= 1e-12; tol /= 10)
        {
            var max = Enumerable.Range(0, k).Where(j => Math.Abs(approx[j]) >= m * (1 - tol)).ToArray();
            if (TryStructure(q, mu, max, approx) is { } exact) return exact;
        }
        return approx;
    }

    /// <summary>∇D = 2·scale·(Gw − c) is Lipschitz with constant 2·scale·λ_max(G).</summary>
    internal static double Lipschitz(QuadraticLoss q) => 2 * q.Scale * Dense.MaxEigenvalue(q);

    private static double[]? TryStructure(QuadraticLoss q, double mu, int[] max, double[] approx)
    {
        int k = q.Dimension;
        var free = Enumerable.Range(0, k).Except(max).ToArray();
        var sign = new double[k];
        foreach (int j in max) sign[j] = Math.Sign(approx[j]) == 0 ? 1 : Math.Sign(approx[j]);
        int nf = free.Length, nm = max.Length, size = nf + 1 + nm;
        // unknowns: [w_F..., m, ν_M...]; rows: F, then M, then Σν = μ/2
        var a = Matrix<double>.Build.Dense(size, size);
        var b = Vector<double>.Build.Dense(size);
        var rows = free.Concat(max).ToArray();
        for (int r = 0; r < rows.Length; r++)
        {
            int j = rows[r];
            for (int f = 0; f < nf; f++) a[r, f] = q.G(j, free[f]);
            double gs = 0;
            foreach (int i in max) gs += q.G(j, i) * sign[i];
            a[r, nf] = gs;
            if (r >= nf) a[r, nf + 1 + (r - nf)] = sign[j];
            b[r] = q.Cross[j];
        }
        for (int t = 0; t < nm; t++) a[size - 1, nf + 1 + t] = 1;
        b[size - 1] = mu / 2;

        Vector<double> u;
        try { u = a.LU().Solve(b); }
        catch (Exception) { return null; }
        if (u.Any(v => !double.IsFinite(v))) return null;

        double m = u[nf];
        if (!(m > 0)) return null;
        for (int t = 0; t < nm; t++) if (u[nf + 1 + t] < -1e-12 * (mu / 2)) return null;
        var w = new double[k];
        for (int f = 0; f < nf; f++)
        {
            if (Math.Abs(u[f]) > m * (1 + 1e-12)) return null;
            w[free[f]] = u[f];
        }
        foreach (int j in max) w[j] = m * sign[j];
        return w;
    }
}
