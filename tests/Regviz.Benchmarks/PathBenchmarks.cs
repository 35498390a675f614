using BenchmarkDotNet.Attributes;
using Regviz.Core;
using Regviz.Core.Data;
using Regviz.Core.Paths;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Benchmarks;

/// <summary>
/// Paths and solves on n = 100,000 rows × 10 features. The Gram matrix is formed once (its own benchmark);
/// after that nothing depends on n.
/// </summary>
[MemoryDiagnoser]
public class PathBenchmarks
{
    private Dataset _data = null!;
    private QuadraticLoss _loss = null!;
    private ProblemSpec _lasso = null!, _elasticNet = null!, _ridge = null!;

    [GlobalSetup]
    public void Setup()
    {
        const int n = 100_000, k = 10;
        var rng = new SplitMix64(42);
        var cols = Enumerable.Range(0, k).Select(_ => new double[n]).ToArray();
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double common = rng.NextGaussian(), yi = 0;
            for (int j = 0; j < k; j++)
            {
                cols[j][i] = 0.5 * common + rng.NextGaussian();
                yi += (j % 3 == 0 ? 0 : j - 4.5) * cols[j][i];
            }
            y[i] = yi + rng.NextGaussian();
        }
        _data = new Dataset(Enumerable.Range(1, k).Select(j => $"x{j}").ToArray(), cols, y, "y");
        _loss = QuadraticLoss.FromDataset(_data, LossKind.Mse, true);
        // problems with their Gram matrix already formed: the path benchmarks then measure the path alone
        _lasso = new ProblemSpec(_data, LossKind.Mse, true, new L1Penalty(), Form.Penalised(0));
        _elasticNet = new ProblemSpec(_data, LossKind.Mse, true, new ElasticNetPenalty(0.5), Form.Penalised(0));
        _ridge = new ProblemSpec(_data, LossKind.Mse, true, new L2Penalty(), Form.Penalised(0));
    }

    [Benchmark]
    public QuadraticLoss GramMatrix() => QuadraticLoss.FromDataset(_data, LossKind.Mse, true);

    [Benchmark]
    public double[] OneLassoSolve() => Regularised.Solve(_loss, new L1Penalty(), Form.Penalised(0.05)).Weights;

    [Benchmark]
    public RegularisationPath LassoPath100() => RegularisationPaths.LogGrid(_lasso.Loss, _lasso.Penalty);

    [Benchmark]
    public RegularisationPath ElasticNetPath100() => RegularisationPaths.LogGrid(_elasticNet.Loss, _elasticNet.Penalty);

    [Benchmark]
    public RegularisationPath RidgePath100() => RegularisationPaths.LogGrid(_ridge.Loss, _ridge.Penalty);
}
