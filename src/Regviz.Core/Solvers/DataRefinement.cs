using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Certificates;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// The last digits of a least-squares lasso or elastic-net answer, won back from the data itself. Every solver works on
/// the QR square root S, which is the data only to its rounding: at cond(X) = 1e10 the root's optimum is 1e-9
/// (relative) from the data's, and the certificate, which takes ∇D from the centred data in double-double, then reads
/// KKT 2e-9 at an answer the solver had finished exactly (CsCheck seed dEPicAf9-yk3 of LassoOnHardDesignsTests).
/// Iterative refinement closes that gap: on the answer's support and signs, the residual r of the optimality conditions
/// is taken from the data (the certificate's own gradient), the step δ = H_A⁻¹r is solved on the root (accurate enough
/// for a correction, as in mixed-precision refinement), and w_A − δ is kept only while it holds every sign and lowers
/// the largest violation. Zeros stay zeros: a support that is wrong is the solvers' to repair, not this step's.
/// </summary>
internal static class DataRefinement
{
    /// <summary>Rounds of refinement: each gains about what cond(X)·ε leaves, so two or three reach the data's rounding.</summary>
    private const int Rounds = 3;

    /// <summary>
    /// <paramref name="w"/> refined as the minimiser of wᵀGw − 2cᵀw + 2a‖w‖₁ + b‖w‖² posed by the data (the
    /// normalised units of <see cref="CoordinateDescentSolver"/>), or <paramref name="w"/> itself where nothing improves
    /// or the step does not apply: no data kept (a given loss), too wide for a certificate, or groups of identical and
    /// nearly identical columns, whose own finishes (<see cref="EqualSplit"/>, <see cref="NearColumnsFinish"/>) solve a
    /// flat valley that a step here would move along.
    /// </summary>
    public static double[] Refine(QuadraticLoss q, double a, double b, double[] w)
    {
        if (q.Centred is null || q.Dimension > Curvature.MaxDimension || q.Identical.Length > 0 || q.Near is not null) return w;
        var active = Enumerable.Range(0, w.Length).Where(j => w[j] != 0).ToArray();
        if (active.Length == 0) return w;
        var best = w;
        var (worst, residual) = Conditions(q, a, b, best);
        // a residual within the rounding of the gradient it is read from has nothing left to give (most answers: one
        // pass through the data, no factorisation)
        if (q.DataGradientRounding(w) is { } rounding && worst <= rounding.Max() / (2 * q.Scale)) return w;
        // H_A/(2·scale) = S_AᵀS_A + bI = MᵀM with M = [S_A; √b·I]: factored once, through S so that its conditioning
        // is the data's, not its square; a flat direction on the support is not this step's to resolve
        var svd = ActiveSystem.Columns(q, active, b).Svd(computeVectors: true);
        if (!(svd.S.Minimum() > svd.S.Maximum() * Math.Max(q.Root.Rows, active.Length) * 1e-15)) return w;
        for (int round = 0; round < Rounds && worst > 0; round++)
        {
            var r = Vector<double>.Build.Dense(active.Select(j => residual[j]).ToArray());
            // δ = VΣ⁻²Vᵀr
            var delta = svd.VT.TransposeThisAndMultiply((svd.VT * r).PointwiseDivide(svd.S.PointwiseMultiply(svd.S)));
            if (!delta.All(double.IsFinite)) break;
            var next = (double[])best.Clone();
            for (int t = 0; t < active.Length; t++) next[active[t]] -= delta[t];
            if (active.Any(j => Math.Sign(next[j]) != Math.Sign(best[j]))) break;
            var (after, nextResidual) = Conditions(q, a, b, next);
            if (!(after < worst)) break;
            (best, worst, residual) = (next, after, nextResidual);
        }
        return best;
    }

    /// <summary>
    /// The largest violation of the optimality conditions at w and, per coordinate, the gradient of the sign-fixed
    /// objective (Gw − c) + a·sign(w) + b·w, with Gw − c = ∇D(w)/(2·scale) from the data.
    /// </summary>
    private static (double Worst, double[] Residual) Conditions(QuadraticLoss q, double a, double b, double[] w)
    {
        var g = new double[w.Length];
        q.DataGradient(w, g);
        double worst = 0;
        for (int j = 0; j < w.Length; j++)
        {
            g[j] /= 2 * q.Scale;
            worst = Math.Max(worst, FeatureSignSearch.Violation(-g[j] - b * w[j], w[j], a));
            g[j] += a * Math.Sign(w[j]) + b * w[j];
        }
        return (worst, g);
    }
}
