using BenchmarkDotNet.Attributes;
using Regviz.Core;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Sparsity;
using Regviz.Core.Solvers;

namespace Regviz.Benchmarks;

/// <summary>The closed-form 2-D solvers of the sparsity experiment: 1,000 random losses per call, so solves/s = 1000 / mean.</summary>
public class SparsityBenchmarks
{
    private PlaneQuadratic[] _losses = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new SplitMix64(1);
        _losses = Enumerable.Range(0, 1000).Select(_ => PlaneQuadratic.Random(rng, 1)).ToArray();
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public double L1Ball() => Sum(q => PlaneSolvers.PolygonBall(q, diamond: true, 1));

    [Benchmark(OperationsPerInvoke = 1000)]
    public double LInfBall() => Sum(q => PlaneSolvers.PolygonBall(q, diamond: false, 1));

    [Benchmark(OperationsPerInvoke = 1000)]
    public double L2Ball() => Sum(q => PlaneSolvers.L2Ball(q, 1));

    [Benchmark(OperationsPerInvoke = 1000)]
    public double ElasticNetBall() => Sum(q => PlaneSolvers.ElasticNetBall(q, 0.5, 1));

    [Benchmark(OperationsPerInvoke = 1000)]
    public double PenalisedL1() => Sum(q => PlaneSolvers.PenalisedElasticNet(q, 1, 1));

    [Benchmark(OperationsPerInvoke = 1000)]
    public double PenalisedLInf() => Sum(q => PlaneSolvers.PenalisedLInf(q, 1));

    [Benchmark]
    public long Experiment100k() => SparsityExperiment.Run([new L1Penalty(), new L2Penalty(), new LInfPenalty()], 100_000, 1, Form.Constrained(1)).Sum(r => r.Sparse);

    private double Sum(Func<PlaneQuadratic, (double X, double Y)> solve)
    {
        double s = 0;
        foreach (var q in _losses) s += solve(q).X;
        return s;
    }
}
