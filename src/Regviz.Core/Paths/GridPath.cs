using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Core.Solvers;

namespace Regviz.Core.Paths;

/// <summary>A regularisation path on a log grid of λ, with its exact knots when the problem is least squares with l1.</summary>
public sealed record RegularisationPath(double LambdaMax, IReadOnlyList<PathPoint> Points, IReadOnlyList<PathPoint>? Knots);

/// <summary>
/// glmnet's conventions: <c>count</c> values of λ log-spaced from λ_max down to <c>ratio</c>·λ_max. λ_max is
/// the smallest λ with w = 0 for l1, elastic net and linf; penalties that never reach exactly 0 (l2, lp) use
/// glmnet's ridge convention, λ_max of the lasso divided by 0.001. Each solve starts from the previous
/// optimum, so the whole path costs little more than one solve; least-squares l1 is read off the exact knots.
/// </summary>
public static class GridPath
{
    public static RegularisationPath Compute(ProblemSpec spec, int count = 100, double ratio = 1e-4)
    {
        if (count < 2 || count > 10_000) throw new ProblemArgumentException("count", $"{count} is outside 2..10000");
        if (!(ratio > 0 && ratio < 1)) throw new ProblemArgumentException("ratio", $"{ratio} must be in (0, 1)");
        var loss = spec.Loss;
        var penalty = spec.Penalty;
        double lassoMax = PathSampler.GradientAtZero(loss).Max(Math.Abs);
        if (lassoMax == 0)
            throw new ProblemArgumentException(null, "the path is empty: the target is uncorrelated with every feature (λ_max = 0, so w = 0 for every λ)");
        double lambdaMax = PathSampler.LambdaMax(loss, penalty) ?? lassoMax / 0.001;
        var lambdas = Enumerable.Range(0, count).Select(i => lambdaMax * Math.Pow(ratio, (double)i / (count - 1))).ToArray();

        if (spec.Quadratic is { } q && penalty.ElasticNetAlpha == 1)
        {
            var knots = LassoHomotopy.Knots(q).Select(p => p.Certified(loss, penalty)).ToArray();
            var reading = new KnotReader(q, penalty, knots);
            return new RegularisationPath(lambdaMax, lambdas.Select(reading.At).ToArray(), knots);
        }

        double? alpha = penalty.ElasticNetAlpha;
        var points = new PathPoint[count];
        var warm = new double[loss.Dimension];
        for (int i = 0; i < count; i++)
        {
            double l = lambdas[i];
            var w = (spec.Quadratic, alpha) switch
            {
                ({ } quad, { } a) => CoordinateDescentSolver.Solve(quad, l / quad.Scale * a / 2, l / quad.Scale * (1 - a), warm),
                (null, { } a) when loss.IsConvex => ProximalNewton.Solve(loss, l, a, warm),
                _ => spec.WeightsAt(l),
            };
            points[i] = new PathPoint(l, w).Certified(loss, penalty);
            warm = w;
        }
        return new RegularisationPath(lambdaMax, points, null);
    }
}
