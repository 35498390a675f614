using Regviz.Core.Certificates;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// A regularised optimum in the user's units: <see cref="Lambda"/> is λ of J = D + λP (for the constrained
/// form, the equivalent multiplier), <see cref="Objective"/> is J (for the constrained form, D), and
/// <see cref="Certificate"/> says how far from optimal it was measured to be.
/// </summary>
public sealed record Solution(
    double[] Weights,
    double Intercept,
    double Lambda,
    double? Radius,
    double Objective,
    double DataTerm,
    double PenaltyValue,
    SolveMethod Method,
    bool MultiplierBisected,
    Certificate Certificate)
{
    /// <summary>The method in words; a method that did not reach its certificate does not get to call itself exact.</summary>
    public string MethodDescription => Method.Describe(MultiplierBisected, Certificate.Certified);

    /// <summary>Everything a solution reports, computed from the problem at w; the certificate is checked here, once for every solver.</summary>
    internal static Solution Create(ISmoothLoss loss, Penalty penalty, double[] w, double lambda, double? radius, SolveMethod method, bool bisected = false)
    {
        double data = loss.Value(w), pen = penalty.Value(w);
        var certificate = radius is { } t
            ? OptimalityCheck.Constrained(loss, penalty, w, lambda, t)
            : OptimalityCheck.Penalised(loss, penalty, w, lambda);
        return new Solution(w, loss.InterceptFor(w), lambda, radius, radius is null ? data + lambda * pen : data, data, pen, method, bisected, certificate);
    }
}
