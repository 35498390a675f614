using Regviz.Core.Certificates;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;

namespace Regviz.Core.Paths;

/// <summary>One point of a regularisation path: λ, the optimum there, and (once checked) its certificate.</summary>
public sealed record PathPoint(double Lambda, double[] Weights)
{
    /// <summary>The optimality certificate of this point, once checked.</summary>
    public Certificate? Certificate { get; init; }

    /// <summary>This point with its optimality conditions checked against the problem (the penalty taken at this λ).</summary>
    public PathPoint Certified(ISmoothLoss loss, Penalty penalty) =>
        this with { Certificate = OptimalityCheck.Penalised(loss, penalty.At(Lambda), Weights, Lambda) };
}
