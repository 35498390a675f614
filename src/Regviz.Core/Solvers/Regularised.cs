using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// The one entry point for a regularised optimum: any data term, any penalty, either form, λ and t in the
/// user's units (the least-squares kernels convert to their own units inside, and are internal). The result
/// carries the method that found it and a certificate of how optimal it was measured to be.
/// </summary>
/// <example><code>
/// var loss = QuadraticLoss.FromDataset(BuiltInDataset.Create(), LossKind.Mse, intercept: false);
/// var s = Regularised.Solve(loss, new L1Penalty(), Form.Penalised(0.5));
/// // s.Weights[1] == 0 exactly; s.Certificate.Certified
/// </code></example>
public static class Regularised
{
    /// <summary>The certified optimum of <paramref name="loss"/> with <paramref name="penalty"/> in <paramref name="form"/>.</summary>
    public static Solution Solve(ISmoothLoss loss, Penalty penalty, Form form)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(penalty);
        return (loss, form) switch
        {
            (QuadraticLoss q, _) when q.NullColumns is { Length: > 0 } nulls => NullColumns.Solve(q, nulls, penalty, form),
            (QuadraticLoss q, PenalisedForm p) => GivenRefinement.Refine(q, penalty, p.Lambda, Optimizer.Penalised(q, penalty, p.Lambda)),
            (QuadraticLoss q, ConstrainedForm c) => Optimizer.Constrained(q, penalty, c.Radius),
            (_, PenalisedForm p) => GeneralOptimizer.Penalised(loss, penalty, p.Lambda),
            (_, ConstrainedForm c) => GeneralOptimizer.Constrained(loss, penalty, c.Radius),
            _ => throw new ArgumentNullException(nameof(form)),
        };
    }

    /// <summary>The weights alone at λ (no certificate): what paths ask for at each of their points.</summary>
    internal static double[] WeightsAt(ISmoothLoss loss, Penalty penalty, double lambda, double[]? warm = null) =>
        loss is QuadraticLoss { NullColumns: { Length: > 0 } nulls } n ? NullColumns.WeightsAt(n, nulls, penalty, lambda, warm)
        : loss is QuadraticLoss q
            ? Optimizer.SolveNormalised(q, penalty.At(lambda), q.Mu(lambda), warm).Weights
            : GeneralOptimizer.Solve(loss, penalty.At(lambda), lambda, warm).Weights;
}
