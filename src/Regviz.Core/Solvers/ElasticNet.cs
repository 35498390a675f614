using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>The α‖w‖₁ + (1−α)‖w‖² family under least squares: ridge in closed form, the rest by coordinate descent.</summary>
internal static class ElasticNet
{
    /// <summary>From <paramref name="warm"/> when given (a neighbouring point of a path). μ is in the normalised units; coordinate descent takes (a, b) = (μα/2, μ(1−α)), converted here only.</summary>
    public static (double[] Weights, SolveMethod Method) SolveLeastSquares(QuadraticLoss q, double mu, double alpha, double[]? warm = null) =>
        alpha == 0
            ? (Finish(q, RidgeSolver.Solve(q, mu), mu, alpha), SolveMethod.RidgeClosedForm)
            : (Finish(q, CoordinateDescentSolver.Solve(q, mu * alpha / 2, mu * (1 - alpha), warm), mu, alpha), SolveMethod.CoordinateDescent);

    /// <summary>
    /// The nearly flat directions a ridge term leaves (identical and nearly identical columns) solved exactly, then the
    /// last digits taken from the data (<see cref="DataRefinement"/>).
    /// </summary>
    private static double[] Finish(QuadraticLoss q, double[] w, double mu, double alpha) =>
        DataRefinement.Refine(q, mu * alpha / 2, mu * (1 - alpha), NearColumnsFinish.Finish(q, EqualSplit.Finish(q, w, mu, alpha), mu, alpha));
}
