using Regviz.Core.Data;
using Regviz.Core.Models;
using Regviz.Core.Penalties;
using Regviz.Core.Solvers;

namespace Regviz.Core.Problems;

/// <summary>
/// Everything that defines one regularised problem, as the options give it: data, model, loss, intercept,
/// penalty and either λ (penalised form) or a radius (constrained form). The data term is reduced once, here:
/// to Gram statistics for least squares on a linear model, to a row-by-row <see cref="ModelLoss"/> otherwise.
/// </summary>
public sealed class ProblemSpec
{
    public ProblemSpec(Dataset data, LossKind loss, bool intercept, Penalty penalty, double? lambda, double? radius, ModelKind model = ModelKind.Linear)
    {
        RegularisationForm.Check(lambda, radius);
        Data = data;
        LossKind = loss;
        Intercept = intercept;
        Penalty = penalty;
        Lambda = lambda;
        Radius = radius;
        Model = model;
        Loss = model == ModelKind.Linear && loss != LossKind.Logistic
            ? QuadraticLoss.FromDataset(data, loss, intercept)
            : new ModelLoss(data, ModelKinds.Create(model), loss, intercept);
    }

    public Dataset Data { get; }
    public LossKind LossKind { get; }
    public ModelKind Model { get; }
    public bool Intercept { get; }
    public Penalty Penalty { get; }
    public double? Lambda { get; }
    public double? Radius { get; }
    public ISmoothLoss Loss { get; }

    /// <summary>The least-squares statistics when the problem is least squares on a linear model (the exact, fast path).</summary>
    public QuadraticLoss? Quadratic => Loss as QuadraticLoss;

    /// <summary>Parameter names: the feature names for a linear model, the model's own otherwise.</summary>
    public IReadOnlyList<string> FeatureNames => Loss.FeatureNames;

    /// <summary>"least squares" for a linear model under a squared loss; otherwise what the unregularised fit is called.</summary>
    public bool IsLeastSquares => Quadratic is not null;

    public Solution Solve() => (Quadratic, Radius) switch
    {
        ({ } q, { } t) => Optimizer.Constrained(q, Penalty, t),
        ({ } q, null) => Optimizer.Penalised(q, Penalty, Lambda ?? 0),
        (null, { } t) => GeneralOptimizer.Constrained(Loss, Penalty, t),
        (null, null) => GeneralOptimizer.Penalised(Loss, Penalty, Lambda ?? 0),
    };

    /// <summary>The unregularised optimum (λ = 0), or null where it does not exist (separable classes).</summary>
    public double[]? Unregularised()
    {
        if (Quadratic is { } q) return UnregularisedSolver.Solve(q);
        try { return GeneralOptimizer.Solve(Loss, Penalty, 0).Weights; }
        catch (ProblemArgumentException) { return null; }
    }

    /// <summary>The optimum at another λ, same problem otherwise (for paths).</summary>
    public double[] WeightsAt(double lambda) => Quadratic is { } q
        ? Optimizer.SolveNormalised(q, Penalty, lambda / q.Scale).Weights
        : GeneralOptimizer.Solve(Loss, Penalty, lambda).Weights;
}
