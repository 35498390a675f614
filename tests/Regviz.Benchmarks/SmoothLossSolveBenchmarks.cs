using BenchmarkDotNet.Attributes;
using Regviz.Core.Data;
using Regviz.Core.Models;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Benchmarks;

/// <summary>
/// A convex penalty outside the elastic-net family on the built-in logistic data (60 rows, nearly separable): one
/// penalised solve at λ = 0.001 and one constrained solve at t = 0.05 (a bisection on the multiplier, a solve per
/// step), as `regviz solve --loss logistic --norm linf` makes them.
/// </summary>
public class SmoothLossSolveBenchmarks
{
    private ModelLoss _loss = null!;
    private Penalty _penalty = null!;

    [Params("linf", "lp")]
    public string Norm { get; set; } = "linf";

    [GlobalSetup]
    public void Setup()
    {
        _loss = new ModelLoss(BuiltInDataset.CreateBinary(), new LinearModel(), LossKind.Logistic, intercept: false);
        _penalty = Norm == "lp" ? PenaltyCatalogue.Create("lp", PenaltyArguments.None.With("p", 3))! : PenaltyCatalogue.Create(Norm)!;
    }

    [Benchmark]
    public Solution Penalised() => Regularised.Solve(_loss, _penalty, Form.Penalised(0.001));

    [Benchmark]
    public Solution Constrained() => Regularised.Solve(_loss, _penalty, Form.Constrained(0.05));
}
