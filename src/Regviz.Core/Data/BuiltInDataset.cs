namespace Regviz.Core.Data;

/// <summary>
/// The dataset used when no <c>--data</c> is given: n = 60 rows of two correlated features (x1, x2) and a
/// target y, drawn from a fixed SplitMix64 stream (seed 20240611) with Box–Muller normals:
/// x1 = z1, x2 = 0.15·z1 + 0.48·z2 (sd ≈ 0.5, correlation ≈ 0.3), y = 1.5·x1 + 0.6·x2 + 0.3·e.
/// The numbers are chosen so that at λ = 0.5 the lasso optimum sits on the w1 axis (a diamond corner) while
/// ridge keeps both weights non-zero — the article's point, visible with the defaults. (The lasso keeps
/// w2 = 0 while s·β2 ≤ (λ/2)(1 − r), with s the variance of x2 left after regressing it on x1 and r that
/// regression's slope: a small-variance x2 gives a wide margin and a least-squares centre well off the axis.)
/// The generator is spelled out here rather than taken from System.Random so the numbers can never drift.
/// </summary>
public static class BuiltInDataset
{
    /// <summary>Rows of every built-in data set.</summary>
    public const int Rows = 60;
    /// <summary>The SplitMix64 seed the built-in data are drawn from, so every machine gets the same numbers.</summary>
    public const ulong Seed = 20240611;

    /// <summary>The default regression data: x1 ~ N(0,1), x2 = 0.15·x1 + 0.48·N(0,1), y = 1.5·x1 + 0.6·x2 + 0.3·N(0,1).</summary>
    public static Dataset Create()
    {
        var rng = new SplitMix64(Seed);
        var x1 = new double[Rows];
        var x2 = new double[Rows];
        var y = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            double z1 = rng.NextGaussian(), z2 = rng.NextGaussian(), e = rng.NextGaussian();
            x1[i] = z1;
            x2[i] = 0.15 * z1 + 0.48 * z2;
            y[i] = 1.5 * x1[i] + 0.6 * x2[i] + 0.3 * e;
        }
        return new Dataset(["x1", "x2"], [x1, x2], y, "y");
    }

    /// <summary>
    /// For <c>--loss logistic</c>: the same x1, x2 and labels y = 1 with probability σ(3·x1 + 1.2·x2 − 0.5)
    /// (a further uniform draw per row from the same stream), else 0.
    /// </summary>
    public static Dataset CreateBinary()
    {
        var d = Create();
        var rng = new SplitMix64(Seed + 1);
        var y = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            double z = 3 * d.Columns[0][i] + 1.2 * d.Columns[1][i] - 0.5;
            y[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
        }
        return new Dataset(d.FeatureNames, d.Columns, y, "y");
    }

    /// <summary>For <c>--model exp</c>: x ~ U(0, 2) and y = 1.5·exp(0.8·x) + 0.3·N(0, 1), one feature "x".</summary>
    public static Dataset CreateExp()
    {
        var rng = new SplitMix64(Seed + 2);
        var x = new double[Rows];
        var y = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            x[i] = 2 * rng.NextDouble();
            y[i] = 1.5 * Math.Exp(0.8 * x[i]) + 0.3 * rng.NextGaussian();
        }
        return new Dataset(["x"], [x], y, "y");
    }
}
