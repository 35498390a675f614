using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// Least squares on a linear model, the exact fast path behind <see cref="Regularised"/>. Solvers work on the
/// normalised objective F(w) = wᵀGw − 2cᵀw + μP(w) with μ = λ/scale (<see cref="QuadraticLoss.Mu"/>, the one
/// conversion), whose minimiser is that of J = D + λP.
/// </summary>
internal static class Optimizer
{
    /// <summary>minimise J(w) = D(w) + λP(w).</summary>
    public static Solution Penalised(QuadraticLoss q, Penalty penalty, double lambda)
    {
        RegularisationForm.CheckLambda(lambda);
        penalty = penalty.At(lambda);
        double mu = q.Mu(lambda);
        if (mu == 0 && !UnregularisedSolver.IsUnique(q))
            throw new ProblemArgumentException("lambda", "0",
                "the least-squares optimum is not unique (collinear features or fewer rows than features); use λ > 0");
        var (w, method) = SolveNormalised(q, penalty, mu);
        return Solution.Create(q, penalty, w, lambda, null, method);
    }

    /// <summary>minimise D(w) subject to N(w) ≤ radius; the solution carries the equivalent λ.</summary>
    public static Solution Constrained(QuadraticLoss q, Penalty penalty, double radius) =>
        ConstrainedSolver.Solve(q, penalty, radius);

    /// <param name="penalty">Already taken at λ (<see cref="Penalty.At"/>).</param>
    internal static (double[] Weights, SolveMethod Method) SolveNormalised(QuadraticLoss q, Penalty penalty, double mu, double[]? warm = null) =>
        mu == 0 ? (UnregularisedSolver.Solve(q), SolveMethod.LeastSquares) : penalty.SolveLeastSquares(q, mu, warm);
}
