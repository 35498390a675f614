using Regviz.Core.Data;
using Regviz.Core.Problems;
using Xunit;

namespace Regviz.Tests.Exactness;

/// <summary>
/// docs/exactness.md: a certificate reads ∇D from the data only where the QR root is not enough (cond(X) past 1e6) and
/// the reading is affordable (at most 500,000 cells).
/// </summary>
public sealed class DataReadingGateTests
{
    private static Dataset Design(int n, double copy, int seed, int k = 3)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, k).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray()).ToArray();
        // the last column a copy of the first, off by `copy`: cond(X) grows as 1/copy
        for (int i = 0; i < n; i++) x[k - 1][i] = x[0][i] + copy * x[k - 1][i];
        var y = Enumerable.Range(0, n).Select(i => x[0][i] - 2 * x[1][i] + 0.1 * random.NextDouble()).ToArray();
        return new Dataset([.. Enumerable.Range(1, k).Select(j => $"x{j}")], x, y, "y");
    }

    [Theory]
    [InlineData(1.0, false)]     // independent columns: cond(X) a few
    [InlineData(1e-3, false)]    // cond about 1e3
    [InlineData(1e-8, true)]     // cond about 1e8
    [InlineData(1e-12, true)]
    public void The_data_are_read_where_the_root_is_not_enough(double copy, bool read)
    {
        var q = QuadraticLoss.FromDataset(Design(200, copy, 7), LossKind.Mse, intercept: true);
        Assert.Equal(read, q.DataGradientRounding([1, 1, 1]) is not null);
    }

    [Fact]
    public void Past_the_cell_budget_the_root_is_used_however_ill_conditioned()
    {
        int n = (int)(CentredData.MostCells / 3) + 1;
        var q = QuadraticLoss.FromDataset(Design(n, 1e-12, 8), LossKind.Mse, intercept: true);
        Assert.Null(q.DataGradientRounding([1, 1, 1]));
    }
}
