using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// minimise wᵀGw − 2cᵀw + μP(w) for a separable non-convex penalty (lp with p &lt; 1, MCP, SCAD). In the plane the
/// global optimum is found by exhausting the candidates: the origin, the exact 1-D optimum on each axis (a scaled
/// scalar prox), and every local minimum of a grid search inside each quadrant polished by Newton. With more
/// parameters: monotone proximal gradient from several starts, each polished on its support (a local optimum; the
/// best of the starts is returned).
/// </summary>
internal static class NonConvexPlaneSolver
{
    private const int GridPerAxis = 241;

    /// <summary>F(w) = wᵀGw − 2cᵀw + μP(w), the normalised objective every candidate is ranked by.</summary>
    internal static double Objective(QuadraticLoss q, Penalty penalty, double mu, ReadOnlySpan<double> w) =>
        q.Quadratic(w) + mu * penalty.Value(w);

    public static double[] GlobalInPlane(QuadraticLoss q, Penalty penalty, double mu)
    {
        var candidates = new List<double[]> { new double[2] };
        for (int j = 0; j < 2; j++)
        {
            // on axis j the problem is G_jj(x − c_j/G_jj)² + μ|x|^p + const: a scaled scalar prox
            var w = new double[2];
            w[j] = penalty.ScalarProx(q.Cross[j] / q.G(j, j), mu / (2 * q.G(j, j)));
            candidates.Add(w);
        }
        foreach (var start in QuadrantGridMinima(q, penalty, mu))
        {
            var polished = ReducedNewton.Polish(q, penalty, q.LambdaOf(mu), start);
            if (polished[0] != 0 && polished[1] != 0) candidates.Add(polished);
        }
        return candidates.MinBy(w => Objective(q, penalty, mu, w))!;
    }

    /// <summary>
    /// Every grid point strictly inside a quadrant that is no higher than its eight neighbours, over a box
    /// that must contain the optimum: F(w*) ≤ F(0) = 0 puts w* inside the ellipse wᵀGw − 2cᵀw ≤ 0.
    /// </summary>
    private static IEnumerable<double[]> QuadrantGridMinima(QuadraticLoss q, Penalty penalty, double mu)
    {
        var centre = UnregularisedSolver.Solve(q);
        var g = Dense.Gram(q);
        // a singular G (two identical columns) has no bounded ellipse to search: the other candidates cover it
        if (!(g.Determinant() > 0)) yield break;
        var inv = g.Inverse();
        double rho = Math.Max(0, Vector<double>.Build.Dense(q.Cross) * (inv * Vector<double>.Build.Dense(q.Cross)));
        double hx = Math.Sqrt(rho * inv[0, 0]), hy = Math.Sqrt(rho * inv[1, 1]);
        if (!double.IsFinite(hx) || !double.IsFinite(hy) || hx == 0 || hy == 0) yield break;

        double x0 = centre[0] - hx, dx = 2 * hx / (GridPerAxis - 1);
        double y0 = centre[1] - hy, dy = 2 * hy / (GridPerAxis - 1);
        var f = new double[GridPerAxis, GridPerAxis];
        Span<double> w = stackalloc double[2];
        for (int i = 0; i < GridPerAxis; i++)
            for (int j = 0; j < GridPerAxis; j++)
            {
                w[0] = x0 + i * dx; w[1] = y0 + j * dy;
                f[i, j] = Objective(q, penalty, mu, w);
            }
        for (int i = 1; i < GridPerAxis - 1; i++)
            for (int j = 1; j < GridPerAxis - 1; j++)
            {
                double x = x0 + i * dx, y = y0 + j * dy;
                if (x == 0 || y == 0) continue;
                bool minimum = true;
                for (int di = -1; di <= 1 && minimum; di++)
                    for (int dj = -1; dj <= 1; dj++)
                    {
                        if ((di != 0 || dj != 0) && f[i + di, j + dj] < f[i, j]) { minimum = false; break; }
                    }
                // a neighbour across an axis belongs to another quadrant's basin; Newton sorts that out
                if (minimum) yield return [x, y];
            }
    }

    public static double[] BestOfStarts(QuadraticLoss q, Penalty penalty, double mu)
    {
        var starts = new List<double[]>
        {
            new double[q.Dimension],
            UnregularisedSolver.Solve(q),
            CoordinateDescentSolver.Solve(q, mu / 2, 0),
        };
        return starts
            .Select(s => ReducedNewton.Polish(q, penalty, q.LambdaOf(mu), GeneralProximalGradient.Minimise(q, penalty, q.LambdaOf(mu), s, accelerate: false, LInfSolver.Lipschitz(q))))
            .MinBy(w => Objective(q, penalty, mu, w))!;
    }
}
