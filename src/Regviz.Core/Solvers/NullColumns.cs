using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// Least squares with all-zero columns (constant ones, with an intercept). D does not depend on their weights, so
/// J's optimum holds each at the minimum of the penalty along it: exactly 0, and uniquely, for every separable
/// penalty here (each term is smallest only at 0) when λ &gt; 0. The problem is solved without those columns and
/// their weights put back as 0; the certificate is the full problem's. Refused where the weight is not unique:
/// λ = 0 (any weight fits as well), linf (it charges nothing below the largest weight), and a ball that does not
/// bind (the same as λ = 0).
/// </summary>
internal static class NullColumns
{
    public static Solution Solve(QuadraticLoss q, int[] nulls, Penalty penalty, Form form)
    {
        var keep = Enumerable.Range(0, q.Dimension).Except(nulls).ToArray();
        string name = Describe(q, nulls);
        if (!penalty.IsSeparable)
            throw new ProblemArgumentException("norm", penalty.Name,
                $"{name}, and {penalty.Name} charges nothing for a weight below the largest, so that weight is not unique; drop the column");
        if (form is PenalisedForm { Lambda: 0 })
            throw new ProblemArgumentException("lambda", "0", $"{name}: at λ = 0 any weight on it fits as well, so the optimum is not unique; use λ > 0 or drop the column");
        if (keep.Length == 0)
            return Finish(q, penalty, form, new double[q.Dimension], form is PenalisedForm p ? p.Lambda : 0, SolveMethod.LeastSquares, false);
        var reduced = Regularised.Solve(q.Keep(keep), penalty, form);
        if (form is ConstrainedForm && reduced.Lambda == 0)
            throw new ProblemArgumentException("radius", $"{name}, and the ball does not bind at this radius, so that weight is not unique; use a smaller radius or drop the column");
        return Finish(q, penalty, form, Expand(reduced.Weights, keep, q.Dimension), reduced.Lambda, reduced.Method, reduced.MultiplierBisected);
    }

    /// <summary>The weights at λ (paths): the reduced problem's, zeros put back; null where the columns are refused.</summary>
    public static double[] WeightsAt(QuadraticLoss q, int[] nulls, Penalty penalty, double lambda, double[]? warm)
    {
        var keep = Enumerable.Range(0, q.Dimension).Except(nulls).ToArray();
        if (keep.Length == 0) return new double[q.Dimension];
        return Expand(Regularised.WeightsAt(q.Keep(keep), penalty, lambda, warm is null ? null : keep.Select(j => warm[j]).ToArray()), keep, q.Dimension);
    }

    private static Solution Finish(QuadraticLoss q, Penalty penalty, Form form, double[] w, double lambda, SolveMethod method, bool bisected) =>
        form is ConstrainedForm c
            ? Solution.Create(q, penalty, w, lambda, c.Radius, method, bisected)
            : Solution.Create(q, penalty.At(lambda), w, lambda, null, method);

    private static double[] Expand(double[] reduced, int[] keep, int k)
    {
        var w = new double[k];
        for (int c = 0; c < keep.Length; c++) w[keep[c]] = reduced[c];
        return w;
    }

    private static string Describe(QuadraticLoss q, int[] nulls) =>
        $"column '{q.FeatureNames[nulls[0]]}' is {(q.HasIntercept ? "constant" : "all zero")}"
        + (nulls.Length > 1 ? $" ({nulls.Length - 1} more like it)" : "");
}
