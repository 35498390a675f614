using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// The last digits for penalties that are smooth once their structure is known: with the zero coordinates of
/// lp held at zero, or the coordinates tied at the maximum of linf moving together as one variable m, the
/// objective is a smooth function of a few reduced variables u (w = P·u), and Newton on u converges
/// quadratically where proximal gradient crawls. Where the reduced Hessian is not positive definite (lp with
/// p &lt; 1 far from a minimum) the step falls back to a scaled gradient step. The polished point is kept only if
/// it lowers J and keeps the structure it assumed.
/// </summary>
internal static class ReducedNewton
{
    /// <param name="groups">Coordinates that move as one (identical columns whose equal split is the optimum's); w equal within each.</param>
    public static double[] Polish(ISmoothLoss loss, Penalty penalty, double lambda, double[] w, int[][]? groups = null)
    {
        int k = w.Length;
        if (penalty.Structure(w, lambda) is not { } structure) return w;
        var (p, pen) = (structure.Map, structure.Penalty);
        if (groups is { Length: > 0 })
        {
            // merged variables v: the structure's own variables are m·v, and so is the penalty's part (chain rule)
            var merged = Certificates.NewtonDistance.Merge(p, groups);
            var m = Certificates.NewtonDistance.Pseudo(p) * merged;
            var inner = pen;
            pen = v => inner(m * v) is var (value, g, h) ? (value, m.TransposeThisAndMultiply(g), m.TransposeThisAndMultiply(h * m)) : default;
            p = merged;
        }
        var u0 = p.TransposeThisAndMultiply(Vector<double>.Build.Dense(w)); // P has orthogonal columns up to scale
        var scale = p.TransposeThisAndMultiply(p).Diagonal();
        var u = u0.PointwiseDivide(scale);
        double J(Vector<double> v) => loss.Value((p * v).ToArray()) + pen(v).Value;
        double current = J(u);
        var g = new double[k];
        var h = new double[k * k];
        for (int it = 0; it < 100; it++)
        {
            var wv = (p * u).ToArray();
            loss.Gradient(wv, g);
            loss.Hessian(wv, h);
            var (_, pg, ph) = pen(u);
            var grad = p.TransposeThisAndMultiply(Vector<double>.Build.Dense(g)) + pg;
            var hess = p.TransposeThisAndMultiply(Matrix<double>.Build.Dense(k, k, (i, j) => h[i * k + j]) * p) + ph;
            // not positive definite (a non-convex penalty's curvature): a gradient step, scaled by ‖H‖₁, which bounds its spectrum
            var step = CholeskyFactor.Of(hess) is { } chol ? chol.Solve(-grad) : -grad / Math.Max(hess.L1Norm(), 1e-300);
            // a λ near the top of double (1e300) overflows λ·p″ and the step: nothing left to polish, w stands
            if (!step.All(double.IsFinite)) break;
            double t = 1;
            Vector<double> trial = u + step;
            // stay in the structure: no support coordinate crosses zero, m stays positive
            while (t > 1e-10 && trial.Zip(u).Any(z => Math.Sign(z.First) != Math.Sign(z.Second))) { t /= 2; trial = u + t * step; }
            double value = J(trial);
            bool resolvable = -grad.DotProduct(step) > 1e-13 * Math.Max(1, Math.Abs(current));
            while (resolvable && value > current && t > 1e-10) { t /= 2; trial = u + t * step; value = J(trial); }
            if (resolvable && value > current) break;
            // settled when every coordinate has stopped moving relative to its own size: a test against the largest
            // would stop early on columns scaled by 1e±6, whose small coordinates still had digits to gain
            bool settled = trial.Zip(u).All(z => Math.Abs(z.First - z.Second) <= 1e-15 * Math.Abs(z.Second));
            u = trial;
            current = Math.Min(current, value);
            if (settled) break;
        }
        var polished = (p * u).ToArray();
        double before = loss.Value(w) + lambda * penalty.Value(w), after = loss.Value(polished) + lambda * penalty.Value(polished);
        // at a minimum J is flat to rounding: a polished point that is "worse" by a few ulps of J is the better answer
        // (its gradient is the one that vanishes), and refusing it kept points 1e-9 from stationary
        return after <= before + 1e-14 * Math.Max(1, Math.Abs(before)) ? polished : w;
    }
}
