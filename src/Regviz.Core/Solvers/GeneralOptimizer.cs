using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// Optima for data terms that are not least squares on a linear model (logistic loss, non-linear models).
/// Convex problems: proximal Newton for l1, elastic net and l2 (exact zeros), accelerated proximal gradient
/// for linf and lp with p &gt; 1. Non-convex ones (a non-linear model, or lp with p &lt; 1): the global search of
/// the plane, each candidate polished by the same local methods.
/// </summary>
public static class GeneralOptimizer
{
    public static Solution Penalised(ISmoothLoss loss, Penalty penalty, double lambda)
    {
        RegularisationForm.CheckLambda(lambda);
        var (w, method) = Solve(loss, penalty, lambda);
        return Solution.Create(loss, penalty, w, lambda, null, method);
    }

    public static Solution Constrained(ISmoothLoss loss, Penalty penalty, double radius)
    {
        RegularisationForm.CheckRadius(radius);
        if (!loss.IsConvex || !penalty.IsConvex)
            throw new ProblemArgumentException("radius", words => $"the constrained form needs a convex problem here (a linear model and a convex penalty); use {words.Name("lambda")}");
        double hi = MultiplierSearch.Smallest(l => penalty.Norm(Solve(loss, penalty, l).Weights), radius, start: 1e-3);
        var (w, method) = Solve(loss, penalty, hi);
        return Solution.Create(loss, penalty, w, hi, radius, method + ", multiplier by bisection");
    }

    public static (double[] Weights, string Method) Solve(ISmoothLoss loss, Penalty penalty, double lambda)
    {
        int k = loss.Dimension;
        double? alpha = penalty.ElasticNetAlpha;
        double[] Local(double[] start) => alpha is { } a
            ? ProximalNewton.Solve(loss, lambda, a, start)
            : ReducedNewton.Polish(loss, penalty, lambda,
                GeneralProximalGradient.Minimise(loss, penalty, lambda, start, accelerate: loss.IsConvex && penalty.IsConvex));

        if (loss.IsConvex && penalty.IsConvex)
        {
            var w = Local(new double[k]);
            if (lambda == 0 && RanAway(loss, w))
                throw new ProblemArgumentException("lambda", "0", "the classes are separable, so the unregularised logistic optimum is at infinity; use λ > 0");
            return (w, alpha is null ? "accelerated proximal gradient + Newton on the structure" : "proximal Newton (coordinate-descent subproblems)");
        }
        var box = Box(loss, penalty, lambda);
        return (PlaneSearch.Solve(loss, penalty, lambda, Local, box), "global search over the plane + local polish");
    }

    /// <summary>Where the optimum must lie: J(w*) ≤ J(0) bounds P(w*) ≤ D(0)/λ; the data bound what a model can use.</summary>
    private static (double, double) Box(ISmoothLoss loss, Penalty penalty, double lambda)
    {
        var data = loss is ModelLoss m ? m.DataBox() : (10.0, 10.0);
        if (lambda <= 0) return data;
        double r = penalty.RadiusAlong(1, 0, loss.Value(new double[loss.Dimension]) / lambda);
        return (Math.Min(r, data.Item1), Math.Min(r, data.Item2));
    }

    /// <summary>
    /// Separable classes: the logistic loss can be driven towards its infimum 0 but never reaches it, so the
    /// unregularised iterates run away while D collapses towards zero.
    /// </summary>
    private static bool RanAway(ISmoothLoss loss, double[] w) =>
        w.Any(v => !double.IsFinite(v) || Math.Abs(v) > 1e6) || loss.Value(w) < 1e-6;
}
