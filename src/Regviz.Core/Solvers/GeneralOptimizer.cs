using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// Optima for data terms that are not least squares on a linear model (logistic loss, non-linear models).
/// Convex problems: proximal Newton for l1, elastic net and l2 (exact zeros), accelerated proximal gradient
/// for linf and lp with p &gt; 1. Non-convex ones (a non-linear model, or lp with p &lt; 1): the global search of
/// the plane, each candidate polished by the same local methods.
/// </summary>
internal static class GeneralOptimizer
{
    public static Solution Penalised(ISmoothLoss loss, Penalty penalty, double lambda)
    {
        RegularisationForm.CheckLambda(lambda);
        penalty = penalty.At(lambda);
        var (w, method) = Solve(loss, penalty, lambda);
        return Solution.Create(loss, penalty, w, lambda, null, method);
    }

    public static Solution Constrained(ISmoothLoss loss, Penalty penalty, double radius)
    {
        RegularisationForm.CheckRadius(radius);
        ConstrainedForms.Check(penalty);
        if (!loss.IsConvex || !penalty.IsConvex)
            throw new ProblemArgumentException("radius", words => $"the constrained form needs a convex problem here (a linear model and a convex penalty); use {words.Name("lambda")}");
        // a ball that holds the unregularised optimum does not bind: λ = 0, found in one solve (the search below
        // would divide λ by 4 down to 1e-300, a solve at each step: 6 minutes on 50 rows)
        if (Unregularised(loss, penalty) is { } free && penalty.Norm(free) <= radius)
            return Solution.Create(loss, penalty, free, 0, radius, Method(penalty));
        double hi = MultiplierSearch.Smallest(l => penalty.Norm(Solve(loss, penalty, l).Weights), radius, start: 1e-3);
        var (w, method) = Solve(loss, penalty, hi);
        return Solution.Create(loss, penalty, w, hi, radius, method, bisected: true);
    }

    /// <param name="penalty">Already taken at λ (<see cref="Penalty.At"/>).</param>
    /// <param name="warm">Where a convex problem's local method starts (a neighbouring point of a path); 0 otherwise.</param>
    public static (double[] Weights, SolveMethod Method) Solve(ISmoothLoss loss, Penalty penalty, double lambda, double[]? warm = null)
    {
        if (loss.IsConvex && penalty.IsConvex)
        {
            var w = EqualSplit(loss, penalty, lambda, Local(loss, penalty, lambda, warm ?? new double[loss.Dimension]));
            if (lambda == 0 && RanAway(loss, w))
                throw new ProblemArgumentException("lambda", "0", "the classes are separable, so the unregularised logistic optimum is at infinity; use λ > 0");
            return (w, Method(penalty));
        }
        return (PlaneOptimum(loss, penalty, lambda, out var escaped) ?? BeyondTheBox(loss, penalty, lambda, escaped) ?? throw new ProblemArgumentException("lambda", lambda.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                $"J = D + λP has no minimum here: it keeps falling as w runs off past the search box "
                + $"(to w = ({Text(escaped[0])}, {Text(escaped[1])}) and on), as it does for a tanh neuron that turns linear under mcp or scad; try another λ or penalty"),
            SolveMethod.PlaneSearchPolish);
    }

    /// <summary>
    /// The global search of the plane, or null when its best point ran away from the search box (past twice its
    /// size, still going down): then J has no minimum, only an infimum at infinity, and <paramref name="escaped"/> is
    /// where the search stopped following it.
    /// </summary>
    private static double[]? PlaneOptimum(ISmoothLoss loss, Penalty penalty, double lambda, out double[] escaped)
    {
        var box = Box(loss, penalty, lambda);
        escaped = PlaneSearch.Solve(loss, penalty, lambda, start => Local(loss, penalty, lambda, start, box), box);
        return Math.Abs(escaped[0]) > 2 * box.Item1 || Math.Abs(escaped[1]) > 2 * box.Item2 ? null : escaped;
    }

    /// <summary>
    /// Identical columns under a ridge term (logistic loss): J is convex and symmetric in them and strictly convex, so
    /// its one optimum splits their weight equally. Averaging w over each group cannot raise J; Newton on the merged
    /// variables then finishes where proximal Newton stopped anywhere along a valley whose curvature is 2λ(1 − α).
    /// </summary>
    private static double[] EqualSplit(ISmoothLoss loss, Penalty penalty, double lambda, double[] w)
    {
        if (loss is not ModelLoss { Identical.Length: > 0 } m || !(lambda > 0) || penalty.ElasticNetAlpha is not (< 1) || !w.All(double.IsFinite)) return w;
        var even = (double[])w.Clone();
        foreach (var group in m.Identical)
        {
            double mean = group.Average(j => w[j]);
            foreach (int j in group) even[j] = mean;
        }
        return ReducedNewton.Polish(loss, penalty, lambda, even, m.Identical);
    }

    private static SolveMethod Method(Penalty penalty) =>
        penalty.ElasticNetAlpha is null ? SolveMethod.ProximalGradientNewton : SolveMethod.ProximalNewton;

    /// <summary>
    /// Where the plane search's best point left its box: followed on without the box, it is the answer if it settles
    /// at a stationary point (a decaying exponential whose optimum lies at w = (68.7, −0.43) is such a case); only a
    /// point that keeps running, not stationary, means J has no minimum.
    /// </summary>
    private static double[]? BeyondTheBox(ISmoothLoss loss, Penalty penalty, double lambda, double[] escaped)
    {
        var w = Local(loss, penalty, lambda, escaped);
        return w.All(double.IsFinite) && Certificates.OptimalityCheck.Penalised(loss, penalty, w, lambda).Kkt <= Certificates.Certificate.Tolerance ? w : null;
    }

    private static string Text(double v) => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The unregularised optimum (λ = 0), or null where it does not exist (separable classes, or a non-convex J that runs away).</summary>
    public static double[]? Unregularised(ISmoothLoss loss, Penalty penalty)
    {
        if (!(loss.IsConvex && penalty.IsConvex)) return PlaneOptimum(loss, penalty, 0, out _);
        var w = Local(loss, penalty, 0, new double[loss.Dimension]);
        return RanAway(loss, w) ? null : w;
    }

    /// <summary>
    /// A convex problem outside the elastic-net family (linf, lp with p &gt; 1): accelerated proximal gradient only has
    /// to find the structure (which weights are 0 or tied at the largest magnitude), and Newton on that structure
    /// finishes. So the steps run in rounds of growing length (100, 400, … to 200,000 in all), each round's point
    /// polished, until a polished point meets the optimality conditions to 1e-12 of ‖∇D(0)‖∞. Run to the end first,
    /// the steps crawl where D is ill-conditioned: a logistic loss on nearly separable classes took all 200,000 steps
    /// (1.6 s for linf at λ = 0.001 on the built-in data) and a constrained solve, one such solve per bisection step,
    /// 30 to 80 s.
    /// </summary>
    private static double[] Convex(ISmoothLoss loss, Penalty penalty, double lambda, double[] start, double reference)
    {
        const int allSteps = 200_000;
        var g = new double[loss.Dimension];
        var w = start;
        for (int round = 100, taken = 0; ; taken += round, round *= 4)
        {
            w = GeneralProximalGradient.Minimise(loss, penalty, lambda, w, accelerate: true, maxIterations: Math.Min(round, allSteps - taken));
            var polished = ReducedNewton.Polish(loss, penalty, lambda, w);
            loss.Gradient(polished, g);
            if (taken + round >= allSteps || penalty.Violation(g, polished, lambda) <= 1e-12 * reference) return polished;
        }
    }

    /// <summary>
    /// The local method from <paramref name="start"/>: proximal Newton for the elastic-net family, else proximal
    /// gradient and Newton on the structure it found. A non-convex problem takes its (unaccelerated) proximal steps in
    /// rounds of 1,000 (at most 30), each followed by Newton, until the optimality conditions hold to 1e-12 of ‖∇D(0)‖∞ (absolute
    /// where that is 0, as for a tanh neuron, flat at the origin), a round no longer lowers J, or w has left twice
    /// the search <paramref name="box"/>: plain proximal gradient only has to find the structure, and it crawls along
    /// the curved valleys of a non-linear model (tens of thousands of steps a start, where Newton needs a handful) and
    /// down slopes that never end (w1·tanh(w2·x) with w1 → ∞, w1·w2 fixed, tends to a linear fit, and MCP or SCAD
    /// stop charging for w1 on the way).
    /// </summary>
    private static double[] Local(ISmoothLoss loss, Penalty penalty, double lambda, double[] start, (double W1, double W2)? box = null)
    {
        if (penalty.ElasticNetAlpha is { } a) return ProximalNewton.Solve(loss, lambda, a, start);
        double reference = Certificates.OptimalityCheck.Reference(loss) is var r && r > 0 ? r : 1;
        if (loss.IsConvex && penalty.IsConvex) return Convex(loss, penalty, lambda, start, reference);
        var g = new double[loss.Dimension];
        double J(double[] v) => loss.Value(v) + lambda * penalty.Value(v);
        var w = start;
        double value = J(w);
        for (int round = 0; round < 30; round++)
        {
            w = ReducedNewton.Polish(loss, penalty, lambda, GeneralProximalGradient.Minimise(loss, penalty, lambda, w, accelerate: false, maxIterations: 1_000));
            loss.Gradient(w, g);
            if (penalty.Violation(g, w, lambda) <= 1e-12 * reference) break;
            double next = J(w);
            if (!(next < value - 1e-13 * Math.Max(1, Math.Abs(value)))) break;
            if (box is { } b && (Math.Abs(w[0]) > 2 * b.W1 || Math.Abs(w[1]) > 2 * b.W2)) break;
            value = next;
        }
        return w;
    }

    /// <summary>
    /// Where the optimum must lie: J(w*) ≤ J(0) bounds P(w*) ≤ D(0)/λ, and so each |w_j| by the radius at which P
    /// reaches that level on its axis, if it does (MCP and SCAD stop rising: a level above their top bounds nothing);
    /// the data bound what a model can use.
    /// </summary>
    private static (double, double) Box(ISmoothLoss loss, Penalty penalty, double lambda)
    {
        var data = loss is ModelLoss m ? m.SearchBox() : (10.0, 10.0);
        if (lambda <= 0) return data;
        double level = loss.Value(new double[loss.Dimension]) / lambda;
        double r = penalty.RadiusAlong(1, 0, level);
        if (!(penalty.Value([r, 0]) >= level * (1 - 1e-12))) return data;
        return (Math.Min(r, data.Item1), Math.Min(r, data.Item2));
    }

    /// <summary>
    /// Separable classes: the logistic loss can be driven towards its infimum 0 but never reaches it, so the
    /// unregularised iterates run away. Proven by w itself separating the classes (or by iterates that left the
    /// doubles), never by the size of w: features scaled by 1e-7 have weights of 1e7 at a true optimum.
    /// </summary>
    private static bool RanAway(ISmoothLoss loss, double[] w)
    {
        if (w.Any(v => !double.IsFinite(v)) || !double.IsFinite(loss.Value(w))) return true;
        if (loss is not ModelLoss m) return false;
        if (m.Separates(w)) return true;
        // an answer that did not settle may have run off in a direction that does not separate (the profiled
        // intercept breaks down first): a slightly ridged fit, which always exists, is then the witness to ask
        var zero = new double[w.Length];
        var penalty = new Penalties.L2Penalty();
        if (Certificates.OptimalityCheck.Penalised(loss, penalty, w, 0).Kkt <= Certificates.Certificate.Tolerance) return false;
        var ridged = ProximalNewton.Solve(loss, 1e-8 * Certificates.OptimalityCheck.Reference(loss), 0, zero);
        return m.Separates(ridged);
    }
}
