namespace Regviz.Core.Solvers;

/// <summary>
/// A regularised optimum in the user's units: <see cref="Lambda"/> is λ of J = D + λP (for the constrained
/// form, the equivalent multiplier), <see cref="Objective"/> is J (for the constrained form, D).
/// </summary>
public sealed record Solution(
    double[] Weights,
    double Intercept,
    double Lambda,
    double? Radius,
    double Objective,
    double DataTerm,
    double PenaltyValue,
    string Method);
