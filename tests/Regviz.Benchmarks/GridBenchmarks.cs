using BenchmarkDotNet.Attributes;
using Regviz.Core.Contours;
using Regviz.Core.Data;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;

namespace Regviz.Benchmarks;

/// <summary>
/// Grid evaluation of the loss (points/s = 401² / mean for --grid 400; 2001² for 2000) and contour tracing.
/// One-core throughput is the single-row kernel over every row; the parallel figure is what a figure uses.
/// </summary>
[MemoryDiagnoser]
public class GridBenchmarks
{
    private QuadraticLoss _loss = null!;
    private ScalarGrid _grid = null!;
    private double[] _row = null!;
    private readonly PlaneRange _range = new(-2, 2, -2, 2);

    [Params(400, 2000)]
    public int Cells { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _loss = QuadraticLoss.FromDataset(BuiltInDataset.Create(), LossKind.Mse, false);
        _grid = SceneBuilder.LossGrid(_loss, _range, Cells);
        _row = new double[Cells + 1];
    }

    /// <summary>Every row on one core: the kernel's own speed.</summary>
    [Benchmark]
    public double LossGridOneCore()
    {
        double dx = _range.Width / Cells;
        for (int j = 0; j <= Cells; j++)
        {
            double y = _range.Y0 + j * _range.Height / Cells;
            QuadraticRow.Evaluate(_row, _range.X0, dx, _loss.G(0, 0), 2 * _loss.G(0, 1) * y - 2 * _loss.Cross[0], _loss.G(1, 1) * y * y - 2 * _loss.Cross[1] * y + _loss.YY);
        }
        return _row[0];
    }

    [Benchmark]
    public ScalarGrid LossGridAllCores() => SceneBuilder.LossGrid(_loss, _range, Cells);

    [Benchmark]
    public int TraceTenLevels()
    {
        int lines = 0;
        foreach (var level in LevelChooser.Quadratic(_grid.Values.Min(), _grid.Values.Min() + 0.5, _grid.Values.Max(), 10))
            lines += MarchingSquares.Trace(_grid, level).Count;
        return lines;
    }
}
