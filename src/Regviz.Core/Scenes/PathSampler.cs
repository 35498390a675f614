using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Scenes;

/// <summary>
/// The optimum as λ runs from 0 (least squares) to where it reaches the origin: the smallest such λ for
/// l1, elastic net and linf (known in closed form from the subgradient at 0), and for l2 and lp, which only
/// approach the origin, until the weights have shrunk to 1% of least squares. For l1 the path is the exact
/// homotopy knots: it is straight between them, so a figure drawn through them has its corners exactly right.
/// </summary>
public static class PathSampler
{
    /// <summary>The smallest λ at which w = 0 is optimal, or null when no finite λ gives exactly 0.</summary>
    public static double? LambdaMax(QuadraticLoss q, Penalty penalty)
    {
        double cInf = q.Cross.Max(Math.Abs), c1 = q.Cross.Sum(Math.Abs);
        return penalty switch
        {
            L1Penalty => 2 * q.Scale * cInf,
            LpPenalty { P: 1 } => 2 * q.Scale * cInf,
            ElasticNetPenalty e when e.Alpha > 0 => 2 * q.Scale * cInf / e.Alpha,
            LInfPenalty => 2 * q.Scale * c1,
            _ => null,
        };
    }

    public static IReadOnlyList<PathPoint> Sample(QuadraticLoss q, Penalty penalty, int count = 120)
    {
        if (penalty is L1Penalty or LpPenalty { P: 1 })
            return Paths.LassoHomotopy.Knots(q).Reverse().ToArray();
        var lambdas = new List<double> { 0 };
        if (LambdaMax(q, penalty) is { } max)
        {
            for (int k = 1; k <= count; k++) lambdas.Add(max * k / count);
        }
        else
        {
            // ridge-like decay: ‖w(λ)‖ ≈ ‖c‖·scale/λ for large λ; go until that is 1% of ‖w_ls‖
            var ls = UnregularisedSolver.Solve(q);
            double end = 100 * q.Scale * Norm(q.Cross) / Math.Max(Norm(ls), 1e-300);
            double start = end * 1e-5;
            for (int k = 0; k < count; k++) lambdas.Add(start * Math.Pow(end / start, (double)k / (count - 1)));
        }
        var points = new PathPoint[lambdas.Count];
        Parallel.For(0, lambdas.Count, k =>
            points[k] = new PathPoint(lambdas[k], Optimizer.SolveNormalised(q, penalty, lambdas[k] / q.Scale).Weights));
        return points;
    }

    private static double Norm(double[] v) => Math.Sqrt(v.Sum(x => x * x));
}
