using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Core.Solvers;

namespace Regviz.Core.Paths;

/// <summary>A regularisation path on a log grid of λ, with its exact knots when the penalty is l1.</summary>
public sealed record RegularisationPath(double LambdaMax, IReadOnlyList<PathPoint> Points, IReadOnlyList<PathPoint>? Knots);

/// <summary>
/// glmnet's conventions: <c>count</c> values of λ log-spaced from λ_max down to <c>ratio</c>·λ_max. λ_max is
/// the smallest λ with w = 0 for l1, elastic net and linf; penalties that never reach exactly 0 (l2, lp) use
/// glmnet's ridge convention, λ_max of the lasso divided by 0.001. Each solve starts from the previous
/// optimum, so the whole path costs little more than one solve; l1 is read off the exact homotopy knots.
/// </summary>
public static class GridPath
{
    public static RegularisationPath Compute(QuadraticLoss q, Penalty penalty, int count = 100, double ratio = 1e-4)
    {
        if (count < 2 || count > 10_000) throw new InputException($"--count: {count} is outside 2..10000");
        if (!(ratio > 0 && ratio < 1)) throw new InputException($"--ratio: {ratio} must be in (0, 1)");
        double lassoMax = 2 * q.Scale * q.Cross.Max(Math.Abs);
        if (lassoMax == 0)
            throw new InputException("the path is empty: the target is uncorrelated with every feature (λ_max = 0, so w = 0 for every λ)");
        double lambdaMax = PathSampler.LambdaMax(q, penalty) ?? lassoMax / 0.001;
        var lambdas = Enumerable.Range(0, count).Select(i => lambdaMax * Math.Pow(ratio, (double)i / (count - 1))).ToArray();

        if (penalty is L1Penalty or LpPenalty { P: 1 })
        {
            var knots = LassoHomotopy.Knots(q);
            return new RegularisationPath(lambdaMax, lambdas.Select(l => new PathPoint(l, LassoHomotopy.At(knots, l))).ToArray(), knots);
        }

        var points = new PathPoint[count];
        double[]? warm = null;
        for (int i = 0; i < count; i++)
        {
            double mu = lambdas[i] / q.Scale;
            var w = penalty is ElasticNetPenalty e
                ? CoordinateDescentSolver.Solve(q, mu * e.Alpha / 2, mu * (1 - e.Alpha), warm)
                : Optimizer.SolveNormalised(q, penalty, mu).Weights;
            points[i] = new PathPoint(lambdas[i], w);
            warm = w;
        }
        return new RegularisationPath(lambdaMax, points, null);
    }
}
