namespace Regviz.Core.Solvers;

/// <summary>Which algorithm produced a <see cref="Solution"/>; <see cref="SolveMethods.Describe"/> says it in words.</summary>
public enum SolveMethod
{
    LeastSquares,
    RidgeClosedForm,
    CoordinateDescent,
    FistaNewton,
    PlaneSearchNewton,
    LocalFromStarts,
    BoxLeastSquares,
    ProximalNewton,
    ProximalGradientNewton,
    PlaneSearchPolish,
    LeastSquaresInsideBall,
    BallBoundarySearch,
    RidgeBallSecular,
    BoxLeastSquaresBall,
    LassoPathSegment,
    LassoPathSegmentRepaired,
    CoordinateDescentPath,
}

public static class SolveMethods
{
    /// <summary>
    /// The method in words, as tables and JSON show it: with ", multiplier by bisection" when the constrained form
    /// found its multiplier that way, and without the word "exact" and with "(not certified)" when the
    /// certificate failed.
    /// </summary>
    public static string Describe(this SolveMethod m, bool bisected = false, bool certified = true)
    {
        string text = m switch
        {
            SolveMethod.LeastSquares => "least squares (QR + SVD)",
            SolveMethod.RidgeClosedForm => "closed form (QR + SVD)",
            SolveMethod.CoordinateDescent => "coordinate descent + exact active-set finish",
            SolveMethod.FistaNewton => "FISTA + Newton",
            SolveMethod.PlaneSearchNewton => "global search over the plane + Newton",
            SolveMethod.LocalFromStarts => "proximal gradient from 3 starts + Newton (local)",
            SolveMethod.BoxLeastSquares => "least squares in a box + exact structure",
            SolveMethod.ProximalNewton => "proximal Newton (coordinate-descent subproblems)",
            SolveMethod.ProximalGradientNewton => "accelerated proximal gradient + Newton on the structure",
            SolveMethod.PlaneSearchPolish => "global search over the plane + local polish",
            SolveMethod.LeastSquaresInsideBall => "least squares (inside the ball)",
            SolveMethod.BallBoundarySearch => "search along the ball's boundary",
            SolveMethod.RidgeBallSecular => "closed form (SVD), multiplier from the secular equation",
            SolveMethod.BoxLeastSquaresBall => "least squares in the box (active set)",
            SolveMethod.LassoPathSegment => "exact lasso path, multiplier on its segment",
            SolveMethod.LassoPathSegmentRepaired => "exact lasso path + feature-sign search, multiplier on its segment",
            SolveMethod.CoordinateDescentPath => "coordinate descent with exact univariate thresholds, λ followed down from λ_max + Newton (local, as ncvreg)",
            _ => throw new ArgumentOutOfRangeException(nameof(m)),
        };
        if (bisected) text += ", multiplier by bisection";
        return certified ? text : text.Replace("exact ", "", StringComparison.Ordinal) + " (not certified)";
    }
}
