using System.Globalization;

namespace Regviz.Core;

/// <summary>
/// The one statement of what λ and the radius may be: the CLI checks it before any work, the solvers check
/// it again for callers of the library, and both say it in the same words.
/// </summary>
public static class RegularisationForm
{
    /// <summary>Either λ (penalised form) or a radius (constrained form), never both; each within its range.</summary>
    public static void Check(double? lambda, double? radius)
    {
        if (lambda is not null && radius is not null)
            throw new ProblemArgumentException(null, words => $"{words.Name("lambda")} and {words.Name("radius")} cannot be used together (penalised or constrained form: pick one)");
        if (lambda is { } l) CheckLambda(l);
        if (radius is { } t) CheckRadius(t);
    }

    /// <summary>Refuses a λ that is not finite and ≥ 0.</summary>
    public static void CheckLambda(double lambda)
    {
        if (!double.IsFinite(lambda) || lambda < 0)
            throw new ProblemArgumentException("lambda", $"{RoundTrip(lambda)} is not allowed (a finite number ≥ 0 is required)");
    }

    /// <summary>Refuses a radius that is not finite and &gt; 0.</summary>
    public static void CheckRadius(double radius)
    {
        if (!double.IsFinite(radius) || radius <= 0)
            throw new ProblemArgumentException("radius", $"{RoundTrip(radius)} is not allowed (a finite number > 0 is required)");
    }

    /// <summary>Round-trip form, invariant culture: what messages and JSON show, so a value can be pasted back.</summary>
    public static string RoundTrip(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
