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
    public const int Rows = 60;
    public const ulong Seed = 20240611;

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
}
