using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Tests.Support;

/// <summary>
/// Subgradient (KKT) conditions of J = D + λP written out from the definitions, independently of the solvers:
/// 0 ∈ ∇D(w) + λ∂P(w). Each returns the worst violation, scaled by ‖∇D(0)‖∞ so it reads as a relative error.
/// </summary>
internal static class Optimality
{
    public static double Violation(QuadraticLoss q, Penalty penalty, double lambda, double[] w)
    {
        int k = w.Length;
        var grad = new double[k];
        q.Gradient(w, grad);
        var grad0 = new double[k];
        q.Gradient(new double[k], grad0);
        double scale = Math.Max(1e-300, grad0.Max(Math.Abs));
        double worst = penalty switch
        {
            L1Penalty => L1(grad, lambda, 1, w, 0),
            ElasticNetPenalty e => L1(grad, lambda, e.Alpha, w, 1 - e.Alpha),
            L2Penalty => Enumerable.Range(0, k).Max(j => Math.Abs(grad[j] + lambda * 2 * w[j])),
            LpPenalty lp when lp.P > 1 => Enumerable.Range(0, k).Max(j =>
                Math.Abs(grad[j] + lambda * lp.P * Math.Pow(Math.Abs(w[j]), lp.P - 1) * Math.Sign(w[j]))),
            LInfPenalty => LInf(grad, lambda, w),
            // any other penalty (one registered later): its own derivative and kink, which PenaltyCalculusTests check
            // against its value, so that this stays independent of the solvers and their certificate
            _ when penalty.IsSeparable && penalty.IsConvex => Separable(grad, lambda, penalty, w),
            _ => throw new NotSupportedException(penalty.GetType().Name),
        };
        return worst / scale;
    }

    /// <summary>Σ p(w_j): on the support p′(w_j) balances the gradient; at 0 the gradient fits in [−λh, λh], h the kink.</summary>
    private static double Separable(double[] grad, double lambda, Penalty penalty, double[] w) =>
        Enumerable.Range(0, w.Length).Max(j => w[j] != 0
            ? Math.Abs(grad[j] + lambda * penalty.Derivatives(w[j]).First)
            : Math.Max(0, Math.Abs(grad[j]) - lambda * penalty.KinkAtZero));

    /// <summary>α·∂|w| + (1−α)·2w: on the support the equation holds, off it the residual fits in [−λα, λα].</summary>
    private static double L1(double[] grad, double lambda, double alpha, double[] w, double ridge)
    {
        double worst = 0;
        for (int j = 0; j < w.Length; j++)
        {
            double smooth = grad[j] + lambda * ridge * 2 * w[j];
            double v = w[j] != 0
                ? Math.Abs(smooth + lambda * alpha * Math.Sign(w[j]))
                : Math.Max(0, Math.Abs(smooth) - lambda * alpha);
            worst = Math.Max(worst, v);
        }
        return worst;
    }

    /// <summary>
    /// ∂‖w‖∞ at w ≠ 0 is the convex hull of {sign(w_j)e_j : |w_j| = max}: g = −∇D/λ must vanish off the
    /// maximal set, agree in sign on it, and have ‖g‖₁ = 1. At w = 0 it is the L1 unit ball.
    /// </summary>
    private static double LInf(double[] grad, double lambda, double[] w)
    {
        var g = grad.Select(v => -v / lambda).ToArray();
        double m = w.Max(Math.Abs);
        if (m == 0) return lambda * Math.Max(0, g.Sum(Math.Abs) - 1);
        double worst = 0, l1 = 0;
        for (int j = 0; j < w.Length; j++)
        {
            bool atMax = Math.Abs(w[j]) >= m * (1 - 1e-12);
            if (!atMax) worst = Math.Max(worst, Math.Abs(g[j]));
            else
            {
                if (g[j] * Math.Sign(w[j]) < 0) worst = Math.Max(worst, Math.Abs(g[j]));
                l1 += Math.Abs(g[j]);
            }
        }
        worst = Math.Max(worst, Math.Abs(l1 - 1));
        return lambda * worst;
    }
}
