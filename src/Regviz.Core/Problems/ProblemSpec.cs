using Regviz.Core.Data;
using Regviz.Core.Models;
using Regviz.Core.Penalties;
using Regviz.Core.Solvers;

namespace Regviz.Core.Problems;

/// <summary>
/// Everything that defines one regularised problem: data, model, loss, intercept, penalty and the <see cref="Solvers.Form"/>:
/// λ (penalised) or a radius (constrained). The data term is reduced once, here: to the least-squares statistics
/// for a squared loss on a linear model, to a row-by-row <see cref="ModelLoss"/> otherwise.
/// </summary>
public sealed class ProblemSpec
{
    /// <summary>
    /// A problem: <paramref name="data"/> under <paramref name="loss"/> (and <paramref name="model"/>, linear by default),
    /// <paramref name="penalty"/>, solved in <paramref name="form"/> (<c>Form.Penalised(λ)</c> or <c>Form.Constrained(t)</c>;
    /// a problem only read along a path, whose points give their own λ, may take <c>Form.Penalised(0)</c>).
    /// </summary>
    public ProblemSpec(Dataset data, LossKind loss, bool intercept, Penalty penalty, Form form, IModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        Data = data;
        LossKind = loss;
        Intercept = intercept;
        Model = model ?? new LinearModel();
        Form = form;
        // the penalty as it applies at this λ (MCP and SCAD change shape with λ): what the figure draws and certifies
        Penalty = form is PenalisedForm p ? penalty.At(p.Lambda) : penalty;
        Loss = Model.IsLinear && loss != LossKind.Logistic
            ? QuadraticLoss.FromDataset(data, loss, intercept)
            : new ModelLoss(data, Model, loss, intercept);
    }

    /// <summary>The data.</summary>
    public Dataset Data { get; }
    /// <summary>The data term.</summary>
    public LossKind LossKind { get; }
    /// <summary>The model f(x; w).</summary>
    public IModel Model { get; }
    /// <summary>Whether an unpenalised intercept is fitted.</summary>
    public bool Intercept { get; }
    /// <summary>The penalty, as it applies at this problem's λ.</summary>
    public Penalty Penalty { get; }
    /// <summary>The form this problem is solved in.</summary>
    public Form Form { get; }
    /// <summary>The data term D, reduced once.</summary>
    public ISmoothLoss Loss { get; }

    /// <summary>The least-squares statistics when the problem is least squares on a linear model (the exact, fast path).</summary>
    public QuadraticLoss? Quadratic => Loss as QuadraticLoss;

    /// <summary>Parameter names: the feature names for a linear model, the model's own otherwise.</summary>
    public IReadOnlyList<string> FeatureNames => Loss.FeatureNames;

    /// <summary>Whether the data term is least squares on a linear model.</summary>
    public bool IsLeastSquares => Quadratic is not null;

    /// <summary>The certified optimum, through <see cref="Regularised.Solve"/>.</summary>
    public Solution Solve() => Regularised.Solve(Loss, Penalty, Form);

    /// <summary>The unregularised optimum (λ = 0), or null where it does not exist (separable classes).</summary>
    public double[]? Unregularised() =>
        Quadratic is { } q ? UnregularisedSolver.Solve(q) : GeneralOptimizer.Unregularised(Loss, Penalty);
}
