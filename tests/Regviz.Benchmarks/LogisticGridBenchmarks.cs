using BenchmarkDotNet.Attributes;
using Regviz.Core.Contours;
using Regviz.Core.Data;
using Regviz.Core.Models;
using Regviz.Core.Problems;

namespace Regviz.Benchmarks;

/// <summary>
/// The logistic loss grid on every core: 20,000 rows × 101² nodes (--grid 100), with and without a profiled
/// intercept. Row-nodes/s = 20,000 · 101² / mean; `--grid 400` on 200,000 rows is 80× the work.
/// </summary>
[MemoryDiagnoser]
public class LogisticGridBenchmarks
{
    private ModelLoss _loss = null!;
    private readonly PlaneRange _range = new(-1, 3, -3, 1);

    [Params(false, true)]
    public bool Intercept { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (x1, x2, y) = LogisticCsv.Generate(20_000, 1);
        _loss = new ModelLoss(new Dataset(["x1", "x2"], [x1, x2], y, "y"), new LinearModel(), LossKind.Logistic, Intercept);
    }

    [Benchmark]
    public ScalarGrid LossGrid() => _loss.Grid(_range, 100);
}
