using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// minimise D(w) + λ(α‖w‖₁ + (1−α)‖w‖²) for a smooth D (logistic loss, non-linear models): proximal Newton.
/// Each step minimises the quadratic model of D plus the exact penalty with the coordinate-descent solver
/// (so zeros are exact soft-threshold zeros), then backtracks on the true objective. Where the Hessian is
/// not positive definite (non-convex D) it is shifted just enough to be, which keeps every step a descent.
/// </summary>
internal static class ProximalNewton
{
    public static double[] Solve(ISmoothLoss loss, double lambda, double alpha, double[] start)
    {
        int k = loss.Dimension;
        var w = (double[])start.Clone();
        var g = new double[k];
        var h = new double[k * k];
        var penalty = new Penalties.ElasticNetPenalty(alpha); // α = 1 and 0 are l1 and l2 exactly
        double J(ReadOnlySpan<double> v) => loss.Value(v) + lambda * penalty.Value(v);
        double current = J(w);
        for (int it = 0; it < 200; it++)
        {
            loss.Gradient(w, g);
            loss.Hessian(w, h);
            // separable classes at λ = 0 with an intercept: w runs off until the profiled intercept's curvature
            // underflows and the Hessian is NaN; stop there and let the caller see that it ran away
            if (!g.All(double.IsFinite) || !h.All(double.IsFinite)) break;
            Shift(h, k);
            // quadratic model in the solver's form zᵀGz − 2cᵀz + μP(z): G = H/2, c = (Hw − g)/2
            var gram = h.Select(v => v / 2).ToArray();
            var cross = new double[k];
            for (int i = 0; i < k; i++)
            {
                double hw = 0;
                for (int j = 0; j < k; j++) hw += h[i * k + j] * w[j];
                cross[i] = (hw - g[i]) / 2;
            }
            var model = new QuadraticLoss(gram, cross, 0, 1, 1, loss.FeatureNames);
            var z = CoordinateDescentSolver.Solve(model, lambda * alpha / 2, lambda * (1 - alpha), w);
            if (!z.All(double.IsFinite)) break; // the same run-off, one step later: the model's curvature is about 0

            // gᵀd + λ(P(z) − P(w)): the model's predicted change, negative for a descent direction; summed per
            // coordinate, because P(z) − P(w) as a difference of totals loses the last digits to cancellation
            double decrease = 0, gap = 0;
            for (int j = 0; j < k; j++)
            {
                double d = z[j] - w[j];
                decrease += g[j] * d + lambda * (alpha * (Math.Abs(z[j]) - Math.Abs(w[j])) + (1 - alpha) * d * (z[j] + w[j]));
                gap = Math.Max(gap, Math.Abs(d));
            }
            if (gap == 0) break;
            if (decrease >= 0)
            {
                // only rounding is left: the subproblem's answer is the optimum to working precision
                if (gap <= 1e-9 * Math.Max(1, w.Max(Math.Abs))) w = z;
                break;
            }

            double t = 1;
            var trial = z;
            double value = J(trial);
            // near the optimum the predicted decrease falls below the rounding of J itself, where a line search
            // can no longer see progress; the quadratic model is then exact to that order, so take the full step
            bool resolvable = -decrease > 1e-13 * Math.Max(1, Math.Abs(current));
            while (resolvable && !(value <= current + 1e-4 * t * decrease) && t > 1e-12)
            {
                t /= 2;
                trial = w.Select((v, j) => v + t * (z[j] - v)).ToArray();
                value = J(trial);
            }
            if (resolvable && !(value <= current)) break;
            double moved = 0, size = 0;
            for (int j = 0; j < k; j++)
            {
                moved = Math.Max(moved, Math.Abs(trial[j] - w[j]));
                size = Math.Max(size, Math.Abs(trial[j]));
            }
            w = trial;
            current = value;
            if (moved <= 1e-14 * Math.Max(1, size)) break;
        }
        return w;
    }

    /// <summary>Adds τI with τ just large enough that H is positive definite (τ = 0 for a convex D with H ≻ 0).</summary>
    private static void Shift(double[] h, int k)
    {
        var m = Matrix<double>.Build.Dense(k, k, (i, j) => h[i * k + j]);
        var ev = m.Evaluate();
        double min = ev.Min(), max = Math.Max(ev.Max(), 1e-300);
        double tau = min > 1e-10 * max ? 0 : -min + 1e-8 * max;
        for (int i = 0; i < k; i++) h[i * k + i] += tau;
    }

    private static double[] Evaluate(this Matrix<double> m) =>
        m.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).ToArray();
}
