using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// The one entry point for a regularised optimum (λ in the user's units; the kernels it calls take μ = λ/scale and
/// are internal, so no caller can hand them λ by mistake). Solvers work on the normalised objective
/// F(w) = wᵀGw − 2cᵀw + μP(w) with μ = λ/scale, whose minimiser is that of J = D + λP.
/// </summary>
public static class Optimizer
{
    /// <summary>minimise J(w) = D(w) + λP(w).</summary>
    public static Solution Penalised(QuadraticLoss q, Penalty penalty, double lambda)
    {
        RegularisationForm.CheckLambda(lambda);
        double mu = lambda / q.Scale;
        if (mu == 0 && !UnregularisedSolver.IsUnique(q))
            throw new ProblemArgumentException("lambda", "0",
                "the least-squares optimum is not unique (collinear features or fewer rows than features); use λ > 0");
        var (w, method) = SolveNormalised(q, penalty, mu);
        return Solution.Create(q, penalty, w, lambda, null, method);
    }

    /// <summary>minimise D(w) subject to N(w) ≤ radius; the solution carries the equivalent λ.</summary>
    public static Solution Constrained(QuadraticLoss q, Penalty penalty, double radius) =>
        ConstrainedSolver.Solve(q, penalty, radius);

    internal static (double[] Weights, string Method) SolveNormalised(QuadraticLoss q, Penalty penalty, double mu) =>
        mu == 0 ? (UnregularisedSolver.Solve(q), "least squares (QR + SVD)") : penalty switch
        {
            { ElasticNetAlpha: 0 } => (RidgeSolver.Solve(q, mu), "closed form (QR + SVD)"),
            { ElasticNetAlpha: { } a } => (CoordinateDescentSolver.Solve(q, mu * a / 2, mu * (1 - a)),
                "coordinate descent + exact active-set finish"),
            LpPenalty lp => (LpSolver.Solve(q, lp, mu), lp.P > 1 ? "FISTA + Newton"
                : q.Dimension == 2 ? "global search over the plane + Newton" : "proximal gradient from 3 starts + Newton (local)"),
            LInfPenalty => (LInfSolver.Solve(q, mu), "least squares in a box + exact structure"),
            _ => throw new ArgumentOutOfRangeException(nameof(penalty)),
        };
}
