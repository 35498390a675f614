namespace Regviz.Core.Solvers;

/// <summary>Which algorithm produced a <see cref="Solution"/>; <see cref="SolveMethods.Describe"/> says it in words.</summary>
public enum SolveMethod
{
    /// <summary>λ = 0: least squares through the QR square root and an SVD (the minimum-norm fit when it is not unique).</summary>
    LeastSquares,
    /// <summary>Ridge in closed form through the SVD of the square root.</summary>
    RidgeClosedForm,
    /// <summary>Coordinate descent, finished by an exact solve on the active set (feature-sign search where it stalls).</summary>
    CoordinateDescent,
    /// <summary>Accelerated proximal gradient, then Newton on the penalty's structure (lp with p &gt; 1).</summary>
    FistaNewton,
    /// <summary>Least squares with a non-convex penalty in the plane: every candidate structure, polished by Newton; global.</summary>
    PlaneSearchNewton,
    /// <summary>Least squares with a non-convex penalty in more dimensions: the best of several local searches.</summary>
    LocalFromStarts,
    /// <summary>linf: the optimum's box bound found by bisection, then least squares in that box, exactly.</summary>
    BoxLeastSquares,
    /// <summary>Other losses, elastic-net family: proximal Newton with coordinate-descent subproblems.</summary>
    ProximalNewton,
    /// <summary>Other losses, other convex penalties: accelerated proximal gradient, then Newton on the structure.</summary>
    ProximalGradientNewton,
    /// <summary>Non-convex problems beyond least squares: grid search of the plane, every local minimum polished; global.</summary>
    PlaneSearchPolish,
    /// <summary>Constrained form: the least-squares fit already lies inside the ball (λ = 0).</summary>
    LeastSquaresInsideBall,
    /// <summary>Constrained form of a non-convex ball (lp, p &lt; 1): search along its boundary.</summary>
    BallBoundarySearch,
    /// <summary>Constrained l2: closed form on the SVD, the multiplier from the secular equation.</summary>
    RidgeBallSecular,
    /// <summary>Constrained linf: least squares in the box (active set).</summary>
    BoxLeastSquaresBall,
    /// <summary>Constrained l1: read off the exact lasso path, on the segment where ‖w‖₁ = t.</summary>
    LassoPathSegment,
    /// <summary>Constrained l1: the exact path's segment, after a knot lost to rounding was re-solved by feature-sign search.</summary>
    LassoPathSegmentRepaired,
    /// <summary>A non-convex separable penalty in more dimensions: coordinate descent followed down from λ_max with warm starts (ncvreg's local optimum).</summary>
    CoordinateDescentPath,
}

/// <summary>What can be said of a <see cref="SolveMethod"/>.</summary>
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
