using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Solvers;

namespace Regviz.Core.Problems;

/// <summary>
/// Everything that defines one regularised problem, as the options give it: data, loss, intercept, penalty
/// and either λ (penalised form) or a radius (constrained form). The Gram statistics are formed once, here.
/// </summary>
public sealed class ProblemSpec
{
    public ProblemSpec(Dataset data, LossKind loss, bool intercept, Penalty penalty, double? lambda, double? radius)
    {
        if (lambda is not null && radius is not null)
            throw new InputException("--lambda and --radius cannot be used together (penalised or constrained form: pick one)");
        Data = data;
        LossKind = loss;
        Intercept = intercept;
        Penalty = penalty;
        Lambda = lambda;
        Radius = radius;
        Loss = QuadraticLoss.FromDataset(data, loss, intercept);
    }

    public Dataset Data { get; }
    public LossKind LossKind { get; }
    public bool Intercept { get; }
    public Penalty Penalty { get; }
    public double? Lambda { get; }
    public double? Radius { get; }
    public QuadraticLoss Loss { get; }
    public IReadOnlyList<string> FeatureNames => Data.FeatureNames;

    public Solution Solve() => Radius is { } t
        ? Optimizer.Constrained(Loss, Penalty, t)
        : Optimizer.Penalised(Loss, Penalty, Lambda ?? 0);
}
