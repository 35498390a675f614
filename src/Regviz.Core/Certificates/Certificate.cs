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

    /// <summary>How close J(w) must be to the optimum J*, relative to |J(w)|, wherever a bound on J(w) − J* exists.</summary>
    public const double ObjectiveTolerance = 1e-10;

    /// <summary>
    /// The duality gap J(w) − (a lower bound on J*) from the Fenchel dual at the point the gradient gives (as glmnet and
    /// scikit-learn report it); null where it is not written out (non-convex problems, λ = 0).
    /// </summary>
    public double? DualityGap { get; init; }

    /// <summary><see cref="DualityGap"/> relative to |J(w)|.</summary>
    public double? RelativeGap => DualityGap is { } g ? Relative(g, Objective) : null;

    /// <summary>J(w) itself (D(w) for the constrained form): what the relative numbers are relative to.</summary>
    public double Objective { get; init; }

    /// <summary>
    /// The proven bound on J(w) − J*: the smaller of the duality gap and ‖ξ‖²/(2m) (ξ the least subgradient, m the
    /// modulus of strong convexity); null where neither exists.
    /// </summary>
    public double? ObjectiveBound { get; init; }

    /// <summary>m, the modulus of strong convexity of J (on the subspace of equal weights of identical columns where
    /// that was used); null where J has flat or nearly flat directions, so that no bound on the weights exists.</summary>
    public double? Modulus { get; init; }

    /// <summary>A proven bound on ‖w − w*‖₂, from the gap or from ‖ξ‖/m; null where there is no modulus.</summary>
    public double? WeightBound { get; init; }

    internal static double Relative(double value, double of) =>
        value == 0 ? 0 : of != 0 ? value / Math.Abs(of) : double.PositiveInfinity;
}
