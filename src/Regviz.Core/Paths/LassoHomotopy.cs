using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Core.Solvers;

namespace Regviz.Core.Paths;

/// <summary>
/// The exact lasso path (LARS with the lasso modification; Efron et al. 2004, Osborne et al. 2000). With
/// γ = λ/(2·scale) the optimality conditions are r = c − Gw, r_A = γ·s_A on the active set A and |r_j| ≤ γ
/// off it. While A and s hold, w_A(γ) = G_AA⁻¹(c_A − γ·s_A) is affine in γ, so the path is piecewise linear and
/// each piece ends at the first of two events: an inactive |r_j| reaches γ (j enters) or an active w_j reaches
/// 0 (j leaves). The knots are those event points, from λ_max (w = 0) down to λ = 0.
/// <para>
/// Each knot is solved afresh from the data's square root (not stepped to) and its KKT conditions checked; on
/// ill-conditioned or collinear designs, where a computed event can be off by rounding, a knot that fails is
/// repaired by the exact <see cref="FeatureSignSearch"/> at its γ and the walk goes on from the repaired active set.
/// </para>
/// </summary>
internal static class LassoHomotopy
{
    public static IReadOnlyList<PathPoint> Knots(QuadraticLoss q)
    {
        int k = q.Dimension;
        var c = q.Cross;
        double gamma = c.Max(Math.Abs);
        var knots = new List<PathPoint> { new(q.LambdaOf(2 * gamma), new double[k]) };
        if (gamma == 0) return knots;

        var active = new List<int>();
        var sign = new double[k];
        var w = new double[k];
        double tiny = 1e-14 * gamma;
        double reference = gamma;
        // every feature tied at an event enters together: one left out would sit at |r_j| = γ with a step of 0 to
        // its own event, which the walk skips, so it never entered (orthogonal ±1 designs)
        var entering = Enumerable.Range(0, k).Where(j => Math.Abs(c[j]) >= gamma * (1 - Ties)).ToList();

        // the path has at most a few times k knots; rounding can make a near-tie re-enter, so allow for churn
        for (int step = 0; step < 20 * k + 20 && gamma > 0; step++)
        {
            foreach (int j in entering)
            {
                active.Add(j);
                sign[j] = Math.Sign(c[j] - q.GramRow(j, w));
            }
            // direction: dw_A/d(−γ) = G_AA⁻¹ s_A
            // Cholesky of G_AA is fast and right on most data; the square root takes over where it breaks down
            var signs = active.Select(j => sign[j]).ToArray();
            var d = Dense.SolveSubset(q, active, 0, signs) is { } fast && fast.All(double.IsFinite) ? fast : ActiveSystem.Direction(q, active, signs);
            if (d is null) break; // active columns are collinear: the least-squares end of the path is not unique (n < k)

            var enters = new double[k];
            var leaves = new double[k];
            Array.Fill(enters, double.PositiveInfinity);
            Array.Fill(leaves, double.PositiveInfinity);
            for (int j = 0; j < k; j++)
            {
                if (active.Contains(j)) continue;
                double r = c[j] - q.GramRow(j, w);
                double a = 0;
                for (int t = 0; t < active.Count; t++) a += q.G(j, active[t]) * d[t];
                foreach (double delta in new[] { (gamma - r) / (1 - a), (gamma + r) / (1 + a) })
                    if (delta > tiny) enters[j] = Math.Min(enters[j], delta);
            }
            for (int t = 0; t < active.Count; t++)
            {
                double delta = -w[active[t]] / d[t];
                if (delta > tiny) leaves[active[t]] = delta;
            }
            double step1 = Math.Min(gamma, Math.Min(enters.Min(), leaves.Min())); // γ: to the end of the path
            double within = step1 + Ties * reference;
            var leaving = Enumerable.Range(0, k).Where(j => leaves[j] <= within).ToList();
            // where a coefficient leaves, the walk turns there; a feature entering at the same event waits for the
            // next step, which finds it at the new γ with a step of 0 and enters it there (the tie below)
            entering = leaving.Count > 0 ? [] : Enumerable.Range(0, k).Where(j => enters[j] <= within).ToList();

            gamma = Math.Max(0, gamma - step1);
            foreach (int j in leaving) active.Remove(j);
            // re-solve at the knot instead of stepping, so rounding does not accumulate along the path
            Resolve(q, gamma, active, sign, w, fast: true);
            if (gamma > 0 && !Holds(q, gamma, w, reference)) Resolve(q, gamma, active, sign, w, fast: false);
            if (gamma > 0 && !Holds(q, gamma, w, reference))
            {
                var repaired = FeatureSignSearch.Solve(q, gamma, 0, w);
                Array.Copy(repaired, w, k);
                active = Enumerable.Range(0, k).Where(j => w[j] != 0).ToList();
                foreach (int j in active) sign[j] = Math.Sign(w[j]);
                entering = [];
            }
            else if (gamma > 0 && leaving.Count > 0)
            {
                // features tied at |r_j| = γ at this knot enter on the next step, however small their own step
                // (not those that just left: their |r_j| is γ by definition, and they leave because their sign would flip)
                entering = Enumerable.Range(0, k).Where(j => !active.Contains(j) && !leaving.Contains(j) && Math.Abs(c[j] - q.GramRow(j, w)) >= gamma * (1 - Ties)).ToList();
            }
            // the walk goes on from w; the knot keeps the digits the root lost, from the data (a clone: Refine may return w)
            knots.Add(new PathPoint(q.LambdaOf(2 * gamma), (double[])DataRefinement.Refine(q, gamma, 0, w).Clone()));
        }
        // the last knot is checked like every other: at γ = 0 it is the least-squares fit, whose residual correlations vanish
        if (knots.Count > 1 && knots[^1].Lambda == 0 && !Holds(q, 0, knots[^1].Weights, reference))
            knots[^1] = new PathPoint(0, FeatureSignSearch.Solve(q, 0, 0, knots[^1].Weights));
        return knots;
    }

    /// <summary>Events this close (relative to λ_max) are one event: ties on designs like orthogonal ±1 columns.</summary>
    private const double Ties = 1e-12;

    /// <summary>w_A = G_AA⁻¹(c_A − γ·s_A), by Cholesky of G_AA (fast) or through the data's square root; w = 0 off A.</summary>
    private static void Resolve(QuadraticLoss q, double gamma, List<int> active, double[] sign, double[] w, bool fast)
    {
        Array.Clear(w);
        if (active.Count == 0) return;
        var x = fast
            ? Dense.SolveSubset(q, active, 0, active.Select(j => q.Cross[j] - gamma * sign[j]).ToArray())
            : ActiveSystem.Solve(q, active, 0, gamma, active.Select(j => sign[j]).ToArray()).Solution;
        if (x is null) return; // collinear active set: the check that follows repairs the knot
        for (int t = 0; t < active.Count; t++) w[active[t]] = x[t];
    }

    /// <summary>The knot's KKT conditions, to a margin well inside the certificate's 1e-9.</summary>
    private static bool Holds(QuadraticLoss q, double gamma, double[] w, double reference)
    {
        var r = FeatureSignSearch.Residual(q, 0, w);
        for (int j = 0; j < w.Length; j++)
            if (FeatureSignSearch.Violation(r[j], w[j], gamma) > 1e-12 * reference) return false;
        return true;
    }

    /// <summary>The path at any λ: linear interpolation between the two knots around it (exact, the path is piecewise linear).</summary>
    public static double[] At(IReadOnlyList<PathPoint> knots, double lambda)
    {
        if (lambda >= knots[0].Lambda) return (double[])knots[0].Weights.Clone();
        for (int i = 1; i < knots.Count; i++)
        {
            if (lambda < knots[i].Lambda) continue;
            var (a, b) = (knots[i - 1], knots[i]);
            double t = (a.Lambda - lambda) / (a.Lambda - b.Lambda);
            return a.Weights.Select((v, j) => v + t * (b.Weights[j] - v)).ToArray();
        }
        return (double[])knots[^1].Weights.Clone();
    }
}
