using Regviz.Core.Problems;

namespace Regviz.Core.Penalties;

/// <summary>
/// Opt-in: a penalty whose optimum for a quadratic loss in the plane has a closed form (a case analysis over which
/// weights are zero, which signs, which face of the ball), so corners come out as exact zeros by construction. The
/// sparsity experiment asks for it and falls back on the general solver (<see cref="Solvers.Regularised"/>) where a
/// penalty does not implement it or answers null.
/// </summary>
public interface IExactOnPlane
{
    /// <summary>argmin D(w) + λP(w) for <paramref name="q"/> = D, or null where this penalty has no closed form.</summary>
    (double X, double Y)? Penalised(PlaneQuadratic q, double lambda);

    /// <summary>argmin D(w) subject to N(w) ≤ <paramref name="radius"/>, or null where this penalty has no closed form.</summary>
    (double X, double Y)? InBall(PlaneQuadratic q, double radius);
}
