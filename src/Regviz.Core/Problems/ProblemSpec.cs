using Regviz.Core.Data;
using Regviz.Core.Models;
using Regviz.Core.Penalties;
using Regviz.Core.Solvers;

namespace Regviz.Core.Problems;

/// <summary>
/// Everything that defines one regularised problem: data, model, loss, intercept, penalty and either λ (penalised
/// form) or a radius (constrained form). The data term is reduced once, here: to the least-squares statistics
/// for a squared loss on a linear model, to a row-by-row <see cref="ModelLoss"/> otherwise.
/// </summary>
public sealed class ProblemSpec
{
    public ProblemSpec(Dataset data, LossKind loss, bool intercept, Penalty penalty, double? lambda, double? radius, IModel? model = null)
    {
        RegularisationForm.Check(lambda, radius);
        Data = data;
        LossKind = loss;
        Intercept = intercept;
        Lambda = lambda;
        Radius = radius;
        Model = model ?? new LinearModel();
        Form = radius is { } t ? Form.Constrained(t) : Form.Penalised(lambda ?? 0);
        // the penalty as it applies at this λ (MCP and SCAD change shape with λ): what the figure draws and certifies
        Penalty = lambda is { } l ? penalty.At(l) : penalty;
        Loss = Model.IsLinear && loss != LossKind.Logistic
            ? QuadraticLoss.FromDataset(data, loss, intercept)
            : new ModelLoss(data, Model, loss, intercept);
    }

    public Dataset Data { get; }
    public LossKind LossKind { get; }
    public IModel Model { get; }
    public bool Intercept { get; }
    public Penalty Penalty { get; }
    public double? Lambda { get; }
    public double? Radius { get; }
    public Form Form { get; }
    public ISmoothLoss Loss { get; }

    /// <summary>The least-squares statistics when the problem is least squares on a linear model (the exact, fast path).</summary>
    public QuadraticLoss? Quadratic => Loss as QuadraticLoss;

    /// <summary>Parameter names: the feature names for a linear model, the model's own otherwise.</summary>
    public IReadOnlyList<string> FeatureNames => Loss.FeatureNames;

    /// <summary>Whether the data term is least squares on a linear model.</summary>
    public bool IsLeastSquares => Quadratic is not null;

    public Solution Solve() => Regularised.Solve(Loss, Penalty, Form);

    /// <summary>The unregularised optimum (λ = 0), or null where it does not exist (separable classes).</summary>
    public double[]? Unregularised() =>
        Quadratic is { } q ? UnregularisedSolver.Solve(q) : GeneralOptimizer.Unregularised(Loss, Penalty);
}
