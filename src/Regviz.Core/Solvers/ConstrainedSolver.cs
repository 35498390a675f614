using MathNet.Numerics.RootFinding;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// minimise D(w) subject to N(w) ≤ t. If the least-squares optimum is inside the ball it is the answer
/// (λ = 0). Otherwise, for convex penalties, the optimum is the penalised one at the μ where N(w(μ)) = t,
/// found by <see cref="MultiplierSearch"/> to machine precision (for l1 the last step
/// is exact, since w is affine in μ while the active set holds). For lp with p &lt; 1 in the plane the
/// ball's boundary is searched directly, quadrant by quadrant, because the penalised form cannot reach
/// every boundary point of a non-convex ball.
/// </summary>
internal static class ConstrainedSolver
{
    public static Solution Solve(QuadraticLoss q, Penalty penalty, double radius)
    {
        RegularisationForm.CheckRadius(radius);
        ConstrainedForms.Check(penalty);
        var ols = UnregularisedSolver.Solve(q);
        if (penalty.Norm(ols) <= radius)
            return Solution.Create(q, penalty, ols, 0, radius, SolveMethod.LeastSquaresInsideBall);

        // a ball with a method of its own (l1's exact path, l2's secular equation, linf's box, lp < 1's boundary search)
        if (penalty.SolveInBall(q, radius, ols) is { } own)
            return own;

        // with many least-squares fits (collinear columns, more features than rows) the ball can hold the path's
        // unregularised end although it missed the minimum-norm fit: below 1e-15 of the multiplier that zeroes w the
        // penalised optimum is that end (to the certificate's rounding: it counts such a multiplier as 0), and the
        // search stops there instead of solving ever smaller multipliers
        double floor = UnregularisedSolver.IsUnique(q) ? 1e-300 : 1e-15 * 2 * q.Cross.Max(Math.Abs);
        double muStar = MultiplierSearch.Smallest(mu => penalty.Norm(Optimizer.SolveNormalised(q, penalty, mu).Weights), radius, floor: floor);
        var (w, method) = Optimizer.SolveNormalised(q, penalty, muStar);
        var bisected = Solution.Create(q, penalty, w, q.LambdaOf(muStar), radius, method, bisected: true);
        return penalty.FinishInBall(q, w, radius, method) ?? bisected;
    }

    /// <summary>
    /// The l1 ball (<see cref="Penalty.SolveInBall"/> of l1 and lp at p = 1): read off the exact lasso path, or null
    /// for the bisection, which <see cref="FinishL1"/> then makes exact.
    /// </summary>
    internal static Solution? L1Ball(QuadraticLoss q, Penalty penalty, double radius) => OnExactPath(q, penalty, radius);

    /// <summary>
    /// After the bisection in the l1 ball: the exact multiplier on the support <paramref name="w"/> found, when its
    /// point is certified; null keeps the bisected one.
    /// </summary>
    internal static Solution? FinishL1(QuadraticLoss q, Penalty penalty, double[] w, double radius, SolveMethod method) =>
        ExactL1(q, w, radius) is { } exact
        && Solution.Create(q, penalty, exact.W, q.LambdaOf(exact.Mu), radius, method, bisected: true) is { Certificate.Certified: true } finished
            ? finished : null;

    /// <summary>The l2 ball: the secular equation's roots, the first certified one (else the one nearest to it).</summary>
    internal static Solution L2Ball(QuadraticLoss q, Penalty penalty, double radius)
    {
        Solution? closest = null;
        foreach (var (mu, wr) in RidgeBall.Solve(q, radius))
        {
            var candidate = Solution.Create(q, penalty, wr, q.LambdaOf(mu), radius, SolveMethod.RidgeBallSecular);
            if (candidate.Certificate.Certified) return candidate;
            if (closest is null || candidate.Certificate.Kkt < closest.Certificate.Kkt) closest = candidate;
        }
        return closest!;
    }

    /// <summary>The linf ball is a box: its optimum is exact least squares in the box, its multiplier the box's pull.</summary>
    internal static Solution LInfBall(QuadraticLoss q, Penalty penalty, double radius, double[] ols)
    {
        var boxed = BoxLeastSquares.Solve(q, radius, ols);
        return Solution.Create(q, penalty, boxed, Math.Max(0, 2 * q.Scale * LInfSolver.Pull(q, boxed, radius)), radius, SolveMethod.BoxLeastSquaresBall);
    }

    /// <summary>The non-convex lp ball (p &lt; 1), in the plane only: its boundary searched quadrant by quadrant.</summary>
    internal static Solution NonConvexLpBall(QuadraticLoss q, Penalty penalty, double p, double radius)
    {
        if (q.Dimension != 2)
            throw new ProblemArgumentException("radius", words => $"lp with p < 1 in constrained form needs exactly two parameters (pick them with {words.Name("features")})");
        var wb = BoundarySearch(q, p, radius);
        return Solution.Create(q, penalty, wb, EquivalentLambda(q, p, wb), radius, SolveMethod.BallBoundarySearch);
    }

    /// <summary>
    /// The l1 ball read off the exact lasso path: w(λ) is affine between knots with fixed signs, so ‖w(λ)‖₁ is too,
    /// and ‖w(λ)‖₁ = t has its exact solution on the one segment that crosses t (‖w‖₁ does not decrease as λ falls).
    /// Null when the knots do not reach t or the point misses its certificate; bisection takes over then.
    /// </summary>
    private static Solution? OnExactPath(QuadraticLoss q, Penalty penalty, double radius)
    {
        var knots = Paths.LassoHomotopy.Knots(q);
        for (int i = 1; i < knots.Count; i++)
        {
            double n0 = penalty.Norm(knots[i - 1].Weights), n1 = penalty.Norm(knots[i].Weights);
            if (!(n0 <= radius && radius <= n1) || n1 == n0) continue;
            double f = (radius - n0) / (n1 - n0);
            double lambda = knots[i - 1].Lambda + f * (knots[i].Lambda - knots[i - 1].Lambda);
            // on this segment itself: a repaired knot can share its λ with the next, so looking λ up could pick another
            var (w0, w1) = (knots[i - 1].Weights, knots[i].Weights);
            var w = w0.Select((v, j) => v + f * (w1[j] - v)).ToArray();
            var solution = Solution.Create(q, penalty, w, lambda, radius, SolveMethod.LassoPathSegment);
            if (solution.Certificate.Certified && Math.Abs(solution.Certificate.NormGap!.Value) <= Certificates.Certificate.NormTolerance * radius)
                return solution;
            // a knot lost to rounding: solve at this λ exactly, then put the multiplier on that support's segment
            var exact = FeatureSignSearch.Solve(q, q.Mu(lambda) / 2, 0, w);
            if (ExactL1(q, exact, radius) is not { } adjusted) return null;
            solution = Solution.Create(q, penalty, adjusted.W, q.LambdaOf(adjusted.Mu), radius, SolveMethod.LassoPathSegmentRepaired);
            return solution.Certificate.Certified ? solution : null;
        }
        return null;
    }

    /// <summary>On the active set A with signs s, w_A = G_AA⁻¹(c_A − μs/2) and ‖w‖₁ = sᵀw_A is affine in μ: solve it.</summary>
    private static (double Mu, double[] W)? ExactL1(QuadraticLoss q, double[] w, double radius)
    {
        var active = Enumerable.Range(0, q.Dimension).Where(j => w[j] != 0).ToList();
        if (active.Count == 0) return null;
        var s = active.Select(j => (double)Math.Sign(w[j])).ToArray();
        // through the data's square root: G_AA⁻¹c_A is the least-squares fit on A, G_AA⁻¹s the path's direction
        var gc = ActiveSystem.Solve(q, active, 0, 0, new double[active.Count]).Solution;
        var gs = ActiveSystem.Direction(q, active, s);
        if (gc is null || gs is null) return null;
        double sgc = 0, sgs = 0;
        for (int i = 0; i < s.Length; i++) { sgc += s[i] * gc[i]; sgs += s[i] * gs[i]; }
        double mu = 2 * (sgc - radius) / sgs;
        if (!(mu > 0)) return null;
        var candidate = new double[q.Dimension];
        for (int i = 0; i < active.Count; i++)
        {
            candidate[active[i]] = gc[i] - mu / 2 * gs[i];
            if (Math.Sign(candidate[active[i]]) != s[i]) return null; // the support changed: not this segment
        }
        return (mu, candidate); // the caller's certificate checks the inactive conditions
    }

    /// <summary>
    /// The ball |w1|^p + |w2|^p = t^p, quadrant (s1, s2), is w(θ) = (s1·t·cos^(2/p)θ, s2·t·sin^(2/p)θ). D is
    /// sampled along it and every local minimum refined by a root of dD/dθ; the axis points are candidates too.
    /// </summary>
    private static double[] BoundarySearch(QuadraticLoss q, double p, double t)
    {
        const int samples = 4001;
        double e = 2 / p;
        double[] best = [];
        double bestValue = double.PositiveInfinity;
        var grad = new double[2];
        foreach (var (s1, s2) in new[] { (1.0, 1.0), (-1.0, 1.0), (-1.0, -1.0), (1.0, -1.0) })
        {
            double[] At(double th) =>
            [
                s1 * t * Math.Pow(Math.Max(0, Math.Cos(th)), e),
                s2 * t * Math.Pow(Math.Max(0, Math.Sin(th)), e),
            ];
            double Slope(double th)
            {
                var w = At(th);
                q.Gradient(w, grad);
                double c = Math.Max(0, Math.Cos(th)), s = Math.Max(0, Math.Sin(th));
                double dx = -s1 * t * e * Math.Pow(c, e - 1) * s;
                double dy = s2 * t * e * Math.Pow(s, e - 1) * c;
                return grad[0] * dx + grad[1] * dy;
            }
            var theta = new double[samples];
            var value = new double[samples];
            for (int i = 0; i < samples; i++)
            {
                theta[i] = i == samples - 1 ? Math.PI / 2 : i * (Math.PI / 2) / (samples - 1);
                value[i] = q.Value(At(theta[i]));
            }
            for (int i = 0; i < samples; i++)
            {
                bool left = i == 0 || value[i] <= value[i - 1];
                bool right = i == samples - 1 || value[i] <= value[i + 1];
                if (!left || !right) continue;
                double th = theta[i];
                if (i > 0 && i < samples - 1 && Slope(theta[i - 1]) < 0 && Slope(theta[i + 1]) > 0)
                    th = Brent.FindRoot(Slope, theta[i - 1], theta[i + 1], 1e-15, 200);
                var w = At(th);
                if (i == 0) w[1] = 0;
                if (i == samples - 1) w[0] = 0;
                double v = q.Value(w);
                if (v < bestValue) { bestValue = v; best = w; }
            }
        }
        return best;
    }

    /// <summary>λ from stationarity ∇D = −λ∇P, using only the non-zero coordinates (∇P is infinite at a cusp).</summary>
    private static double EquivalentLambda(QuadraticLoss q, double p, double[] w)
    {
        var grad = new double[2];
        q.Gradient(w, grad);
        double num = 0, den = 0;
        for (int j = 0; j < 2; j++)
        {
            if (w[j] == 0) continue;
            double dp = p * Math.Pow(Math.Abs(w[j]), p - 1) * Math.Sign(w[j]);
            num -= grad[j] * dp;
            den += dp * dp;
        }
        return den > 0 ? Math.Max(0, num / den) : 0;
    }
}
