namespace Regviz.Core.Certificates;

/// <summary>
/// How far an answer is from optimal, measured from the data rather than taken from the solver's word.
/// <see cref="Kkt"/> is the largest violation of the optimality (KKT / subgradient) conditions, relative to
/// ‖∇D(0)‖∞ (λ_max for l1), so it reads the same on any scale of data. For the constrained form
/// <see cref="NormGap"/> is N(w) − t and <see cref="Multiplier"/> the λ that goes with w: λ ≥ 0, and λ &gt; 0
/// only when the constraint is active.
/// </summary>
public sealed record Certificate(double Kkt, bool Certified, double? NormGap = null, double? Multiplier = null)
{
    /// <summary>The threshold behind <see cref="Certified"/>: the promise of 1e-9 in docs/conventions.md.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>How close N(w) must be to t when the constraint binds, relative to t.</summary>
    public const double NormTolerance = 1e-11;

    /// <summary>For a non-convex problem the same conditions only certify a stationary point.</summary>
    public bool StationaryOnly { get; init; }
}
