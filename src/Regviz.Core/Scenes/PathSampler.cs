using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Scenes;

/// <summary>
/// The optimum as λ runs from 0 (the unregularised fit) to where it reaches the origin: the smallest such λ for
/// l1, elastic net and linf (known in closed form from the gradient of D at 0), and for l2 and lp, which only
/// approach the origin, over six decades of λ. For least squares with l1 the path is the exact homotopy
/// knots: it is straight between them, so a figure drawn through them has its corners exactly right.
/// </summary>
public static class PathSampler
{
    /// <summary>
    /// The smallest λ at which w = 0 is optimal, or null when no finite λ gives exactly 0: with g = ∇D(0),
    /// 0 ∈ g + λ∂P(0) needs λ ≥ ‖g‖∞ for l1, ‖g‖∞/α for elastic net, ‖g‖₁ for linf.
    /// </summary>
    public static double? LambdaMax(ISmoothLoss loss, Penalty penalty)
    {
        var g = GradientAtZero(loss);
        double inf = g.Max(Math.Abs), one = g.Sum(Math.Abs);
        return penalty switch
        {
            L1Penalty or LpPenalty { P: 1 } => inf,
            ElasticNetPenalty e when e.Alpha > 0 => inf / e.Alpha,
            LInfPenalty => one,
            _ => null,
        };
    }

    public static double[] GradientAtZero(ISmoothLoss loss)
    {
        var g = new double[loss.Dimension];
        loss.Gradient(new double[loss.Dimension], g);
        return g;
    }

    /// <param name="unregularised">The λ = 0 optimum when the caller has it (null: none exists), so it is not solved twice.</param>
    public static IReadOnlyList<PathPoint> Sample(ProblemSpec spec, double[]? unregularised, int count = 120)
    {
        var penalty = spec.Penalty;
        if (spec.Quadratic is { } q && penalty.ElasticNetAlpha == 1)
        {
            var knots = Paths.LassoHomotopy.Knots(q).Reverse().Select(p => p.Certified(q, penalty)).ToList();
            // a walk that stopped short of λ = 0 (collinear active columns, or its step cap) is continued by exact
            // solves on a log grid below its last knot, so the drawn path still reaches the unregularised end
            if (knots[0].Lambda > 0)
            {
                double last = knots[0].Lambda;
                var tail = Enumerable.Range(1, 24).Select(i => last * Math.Pow(10, -i / 3.0))
                    .Select(l => new PathPoint(l, spec.WeightsAt(l)).Certified(q, penalty)).Reverse().ToList();
                if (unregularised is not null) tail.Insert(0, new PathPoint(0, unregularised).Certified(q, penalty));
                knots.InsertRange(0, tail);
            }
            return knots;
        }
        var lambdas = new List<double>();
        if (unregularised is not null) lambdas.Add(0);
        if (LambdaMax(spec.Loss, penalty) is { } max)
        {
            for (int k = 1; k <= count; k++) lambdas.Add(max * k / count);
        }
        else
        {
            double end = 1000 * Math.Max(GradientAtZero(spec.Loss).Max(Math.Abs), 1e-300);
            double start = end * 1e-6;
            for (int k = 0; k < count; k++) lambdas.Add(start * Math.Pow(end / start, (double)k / (count - 1)));
        }
        var points = new PathPoint[lambdas.Count];
        Parallel.For(0, lambdas.Count, k => points[k] = new PathPoint(lambdas[k], lambdas[k] == 0 ? unregularised! : spec.WeightsAt(lambdas[k]))
            .Certified(spec.Loss, penalty));
        return points;
    }
}
