using Regviz.Core;
using Regviz.Core.Data;
using Regviz.Core.Problems;

namespace Regviz.Tests.Support;

/// <summary>Problems with known structure, built independently of the code under test.</summary>
internal static class Problems
{
    /// <summary>Random design: n rows, k features, correlated through a shared factor; y with a sparse truth plus noise.</summary>
    public static Dataset Random(ulong seed, int n, int k, double correlation = 0.5)
    {
        var rng = new SplitMix64(seed);
        var cols = new double[k][];
        for (int j = 0; j < k; j++) cols[j] = new double[n];
        var y = new double[n];
        var beta = new double[k];
        for (int j = 0; j < k; j++) beta[j] = j % 3 == 0 ? 0 : 4 * (rng.NextDouble() - 0.5);
        for (int i = 0; i < n; i++)
        {
            double common = rng.NextGaussian();
            double yi = 0;
            for (int j = 0; j < k; j++)
            {
                double x = correlation * common + Math.Sqrt(1 - correlation * correlation) * rng.NextGaussian();
                x *= 0.5 + j % 4; // unequal scales
                cols[j][i] = x;
                yi += beta[j] * x;
            }
            y[i] = yi + 0.7 * rng.NextGaussian();
        }
        return new Dataset(Enumerable.Range(1, k).Select(j => $"x{j}").ToArray(), cols, y, "y");
    }

    /// <summary>An orthonormal design in our scaling: G = XᵀX/n = I, so c = Xᵀy/n is given directly.</summary>
    public static QuadraticLoss Orthonormal(params double[] c)
    {
        int k = c.Length;
        var g = new double[k * k];
        for (int j = 0; j < k; j++) g[j * k + j] = 1;
        double yy = c.Sum(v => v * v) + 1; // any value ≥ ‖c‖² is a valid yᵀy/n
        return new QuadraticLoss(g, c, yy, 1, 100, Enumerable.Range(1, k).Select(j => $"x{j}").ToArray());
    }

    /// <summary>Rows of X realising G = I exactly: X = √n·I stacked (n = k), so XᵀX/n = I and c = Xᵀy/n = y/√n.</summary>
    public static Dataset OrthonormalRows(double[] c)
    {
        int k = c.Length;
        double root = Math.Sqrt(k);
        var cols = new double[k][];
        for (int j = 0; j < k; j++)
        {
            cols[j] = new double[k];
            cols[j][j] = root;
        }
        var y = c.Select(v => v * root).ToArray();
        return new Dataset(Enumerable.Range(1, k).Select(j => $"x{j}").ToArray(), cols, y, "y");
    }
}
