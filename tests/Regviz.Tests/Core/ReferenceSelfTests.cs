using System.Globalization;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>
/// The lasso reference checked against answers it did not produce: closed forms, a case solved by hand, the
/// subgradient conditions recomputed from the data, and random competitors. Other tests trust it only because of these.
/// </summary>
public class ReferenceSelfTests : ScratchFolder
{
    [Theory]
    [InlineData(false, 0.3)]
    [InlineData(false, 1.7)]
    [InlineData(true, 0.3)]
    [InlineData(true, 1.7)]
    public void Orthonormal_design_is_soft_thresholding_at_half_lambda(bool intercept, double lambda)
    {
        // XcᵀXc/n = I makes J = wᵀw − 2cᵀw + λ‖w‖₁ + const separate per feature: w_j = sign(c_j)·max(0, |c_j| − λ/2)
        int n = 40, k = 6;
        var x = OrthonormalColumns(seed: 11, n, k, orthogonalToOnes: intercept);
        var rng = new NormalSampler(12);
        double[] beta = [2, -1, 0.5, 0, 0.1, -3];
        var y = x.Select(row => row.Zip(beta, (a, b) => a * b).Sum() + 0.3 * rng.Next() + (intercept ? 5 : 0)).ToArray();
        double yMean = intercept ? y.Average() : 0;
        var expected = new double[k];
        for (int j = 0; j < k; j++)
        {
            double c = 0;
            for (int i = 0; i < n; i++) c += x[i][j] * (y[i] - yMean);
            c /= n;
            expected[j] = Math.Sign(c) * Math.Max(0, Math.Abs(c) - lambda / 2);
        }
        Assert.Contains(expected, v => v == 0); // the λ values are chosen so some, not all, features are cut
        Assert.Contains(expected, v => v != 0);

        var w = LassoReference.Solve(x, y, lambda, intercept);
        for (int j = 0; j < k; j++)
        {
            if (expected[j] == 0) Assert.Equal(0.0, w[j]); // exact zeros
            else Assert.Equal(expected[j], w[j], 1e-12);
        }
    }

    [Theory]
    [InlineData(0.4, 32.0 / 15, 2.0 / 15)]
    [InlineData(1.0, 1.75, 0.0)]
    [InlineData(4.0, 0.0, 0.0)]
    public void Two_features_match_the_hand_solution(double lambda, double w1, double w2)
    {
        // X = [1 0; 0 1; 1 1], y = (3, 1, 2), no intercept, n = 3:
        //   G = XᵀX/n = [2 1; 1 2]/3, c = Xᵀy/n = (5, 3)/3, J = wᵀGw − 2cᵀw + λ‖w‖₁ + const.
        // Both positive: 2Gw − 2c + λ(1, 1) = 0 ⇒ [2 1; 1 2]w = (5 − 1.5λ, 3 − 1.5λ)
        //   ⇒ w1 = (7 − 1.5λ)/3, w2 = (1 − 1.5λ)/3, valid while λ < 2/3 (λ = 0.4: 32/15, 2/15).
        // Only w1: (4/3)w1 = 10/3 − λ ⇒ w1 = 2.5 − 0.75λ; w2 = 0 needs |(2/3)w1 − 2| = 1/3 + λ/2 ≤ λ, i.e. λ ≥ 2/3
        //   (λ = 1: w1 = 1.75). λ_max = 2‖c‖∞ = 10/3, so λ = 4 gives w = 0.
        double[][] x = [[1, 0], [0, 1], [1, 1]];
        double[] y = [3, 1, 2];
        Assert.Equal(10.0 / 3, LassoReference.LambdaMax(x, y, false), 1e-15);
        var w = LassoReference.Solve(x, y, lambda, false);
        Assert.Equal(w1, w[0], 1e-14);
        Assert.Equal(w2, w[1], 1e-14);
        if (w2 == 0) Assert.Equal(0.0, w[1]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Exact_duplicate_columns_share_the_single_column_answer(bool intercept)
    {
        // With x in two identical columns only w1 + w2 matters to the data term and |w1| + |w2| ≥ |w1 + w2|, so the
        // answer is the one-column lasso: w1 + w2 = sign(c)·max(0, |c| − λ/2)/(xcᵀxc/n), c = xcᵀyc/n, same signs.
        int n = 25;
        var rng = new NormalSampler(5);
        var col = Enumerable.Range(0, n).Select(_ => rng.Next()).ToArray();
        var y = col.Select(v => 1.5 * v + 0.4 * rng.Next() + 1).ToArray();
        double xm = intercept ? col.Average() : 0, ym = intercept ? y.Average() : 0;
        double c = 0, s = 0;
        for (int i = 0; i < n; i++) (c, s) = (c + (col[i] - xm) * (y[i] - ym), s + (col[i] - xm) * (col[i] - xm));
        double lambda = 0.5, total = Math.Sign(c) * Math.Max(0, Math.Abs(c / n) - lambda / 2) / (s / n);

        var x = col.Select(v => new[] { v, v }).ToArray();
        var w = LassoReference.Solve(x, y, lambda, intercept);
        Assert.Equal(total, w[0] + w[1], 1e-12);
        Assert.True(w[0] * w[1] >= 0, $"opposite signs {w[0]}, {w[1]}");
    }

    public static TheoryData<string, double, bool> HardCases()
    {
        var data = new TheoryData<string, double, bool>();
        foreach (var name in HardNames)
            foreach (double ratio in new[] { 1e-1, 1e-3, 1e-6 })
                foreach (bool intercept in new[] { true, false })
                    data.Add(name, ratio, intercept);
        return data;
    }

    private static readonly string[] HardNames =
        ["cond1e4", "cond1e8", "wide-cond1e4", "wide-cond1e8", "duplicated-exact", "duplicated-near",
        "duplicated-wide", "scaled"];

    private static HardData Hard(string name, bool intercept) => name switch
    {
        "cond1e4" => HardDesigns.IllConditioned(1, 60, 20, 1e4, intercept),
        "cond1e8" => HardDesigns.IllConditioned(2, 60, 20, 1e8, intercept),
        "wide-cond1e4" => HardDesigns.IllConditioned(3, 25, 50, 1e4, intercept),
        "wide-cond1e8" => HardDesigns.IllConditioned(4, 25, 50, 1e8, intercept),
        "duplicated-exact" => HardDesigns.Duplicated(5, 50, 18, exact: true),
        "duplicated-near" => HardDesigns.Duplicated(6, 50, 18, exact: false),
        "duplicated-wide" => HardDesigns.Duplicated(10, 20, 45, exact: true),
        "scaled" => HardDesigns.Scaled(7, 50, 15),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(HardCases))]
    public void Hard_designs_meet_the_subgradient_conditions(string name, double ratio, bool intercept)
    {
        var d = Hard(name, intercept);
        double lambda = ratio * LassoReference.LambdaMax(d.X, d.Y, intercept);
        var w = LassoReference.Solve(d.X, d.Y, lambda, intercept);
        // recomputed here rather than trusted from Solve's own check
        double kkt = LassoReference.KktViolation(d.X, d.Y, w, lambda, intercept);
        Assert.True(kkt <= 1e-11, $"{name} λ/λmax={ratio}: KKT {kkt:E3}");
        Assert.Contains(w, v => v != 0);
        // a wide design cannot use more centred columns than it has independent rows
        if (name.Contains("wide", StringComparison.Ordinal))
            Assert.True(w.Count(v => v != 0) <= d.Rows, $"{w.Count(v => v != 0)} non-zeros from {d.Rows} rows");
    }

    [Theory]
    [InlineData("cond1e8", 1e-3)]
    [InlineData("wide-cond1e4", 1e-2)]
    [InlineData("duplicated-exact", 1e-2)]
    [InlineData("duplicated-wide", 1e-6)]
    [InlineData("scaled", 1e-1)]
    public void Random_perturbations_never_beat_the_answer(string name, double ratio)
    {
        // J is convex, so the KKT point is a global minimum: no nearby or faraway point may have a lower J
        var d = Hard(name, true);
        double lambda = ratio * LassoReference.LambdaMax(d.X, d.Y, true);
        var w = LassoReference.Solve(d.X, d.Y, lambda, true);
        double best = LassoReference.Objective(d.X, d.Y, w, lambda, true);
        var rng = new NormalSampler(99);
        foreach (double size in new[] { 1e-6, 1e-3, 1e-1 })
            for (int trial = 0; trial < 40; trial++)
            {
                var p = new double[w.Length];
                for (int j = 0; j < w.Length; j++)
                {
                    // relative to each weight's scale (the scaled design spans 1e12), and some steps touch one weight only
                    double scale = Math.Max(Math.Abs(w[j]), 1e-3 * w.Max(Math.Abs));
                    p[j] = trial % 4 == 0 && j != trial % w.Length ? w[j] : w[j] + size * scale * rng.Next();
                }
                double f = LassoReference.Objective(d.X, d.Y, p, lambda, true);
                Assert.True(f >= best - 1e-13 * Math.Abs(best), $"{name}: J {f:R} < {best:R} at size {size}");
            }
    }

    [Fact]
    public void Csv_round_trips_every_value_with_y_last()
    {
        var d = HardDesigns.IllConditioned(8, 5, 3, 1e8, true);
        string path = Path.Combine(Dir, "hard.csv");
        HardDesigns.WriteCsv(d, path);
        var lines = File.ReadAllLines(path);
        Assert.Equal("x1,x2,x3,y", lines[0]);
        Assert.Equal(d.Rows + 1, lines.Length);
        for (int i = 0; i < d.Rows; i++)
        {
            var v = lines[i + 1].Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(d.X[i], v[..3]);
            Assert.Equal(d.Y[i], v[3]);
        }
    }

    [Fact]
    public void Ill_conditioned_design_has_the_condition_asked_for()
    {
        // the generator itself: singular values of X/√n run from 1 to 1/condition
        var d = HardDesigns.IllConditioned(9, 40, 10, 1e4, false);
        var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays(d.X) / Math.Sqrt(40);
        var s = m.Svd(false).S;
        Assert.Equal(1.0, s[0], 1e-12);
        Assert.Equal(1e-4, s[^1], 1e-12);
        Assert.Equal(4, d.Beta.Count(b => b != 0)); // ⌈10/3⌉
    }

    /// <summary>√n times orthonormal columns (QR of a Gaussian matrix), optionally first made orthogonal to 1.</summary>
    private static double[][] OrthonormalColumns(int seed, int n, int k, bool orthogonalToOnes)
    {
        var rng = new NormalSampler(seed);
        var g = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, k, (_, _) => rng.Next());
        if (orthogonalToOnes)
            for (int j = 0; j < k; j++)
            {
                double mean = g.Column(j).Average();
                for (int i = 0; i < n; i++) g[i, j] -= mean;
            }
        var q = g.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Q * Math.Sqrt(n);
        return q.ToRowArrays();
    }
}
