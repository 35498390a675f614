using CsCheck;
using Regviz.Core.Problems;
using Xunit;

namespace Regviz.Tests.Exactness;

/// <summary>
/// The square root S, z, rest of a least-squares term reproduces the data's own statistics: SᵀS = XᵀX/n,
/// Sᵀz = Xᵀy/n and ‖z‖² + rest = yᵀy/n (all centred with an intercept), recomputed here from the raw columns.
/// </summary>
public class SquareRootTests
{
    [Fact]
    public void Square_root_reproduces_the_Gram_statistics_on_every_hard_design()
    {
        HardDesignCases.Any.Sample(c =>
        {
            var q = QuadraticLoss.FromDataset(c.Dataset, LossKind.Mse, c.Intercept);
            var d = c.Data;
            int n = d.Rows, k = d.Features;
            double[] Column(int j)
            {
                var v = d.X.Select(row => row[j]).ToArray();
                double mean = c.Intercept ? v.Average() : 0;
                return v.Select(x => x - mean).ToArray();
            }
            var cols = Enumerable.Range(0, k).Select(Column).ToArray();
            double yMean = c.Intercept ? d.Y.Average() : 0;
            var y = d.Y.Select(v => v - yMean).ToArray();
            double scale = cols.Max(col => col.Max(Math.Abs)) * Math.Max(1, y.Max(Math.Abs));
            var root = q.Root;
            for (int a = 0; a < k; a++)
            {
                double cross = cols[a].Zip(y, (u, v) => u * v).Sum() / n;
                double sz = Enumerable.Range(0, root.Rows).Sum(i => root[i, a] * root.Z[i]);
                Assert.True(Math.Abs(sz - cross) <= 1e-12 * scale * scale, $"{c}: (Sᵀz)_{a} = {sz}, c = {cross}");
                for (int b = 0; b < k; b++)
                {
                    double gram = cols[a].Zip(cols[b], (u, v) => u * v).Sum() / n;
                    double ss = Enumerable.Range(0, root.Rows).Sum(i => root[i, a] * root[i, b]);
                    Assert.True(Math.Abs(ss - gram) <= 1e-12 * scale * scale, $"{c}: (SᵀS)_{a}{b} = {ss}, G = {gram}");
                }
            }
            double yy = y.Sum(v => v * v) / n;
            Assert.Equal(yy, root.Z.Sum(v => v * v) + root.Rest, 1e-12 * Math.Max(1, yy));
        }, iter: 40, threads: 1);
    }
}
