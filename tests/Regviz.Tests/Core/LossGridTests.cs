using CsCheck;
using Regviz.Core;
using Regviz.Core.Contours;
using Regviz.Core.Data;
using Regviz.Core.Models;
using Regviz.Core.Problems;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>
/// The loss grid of non-quadratic problems (vectorised, parallel, intercept profiled row by row) against D written
/// out here node by node; its progress reports and its cancellation.
/// </summary>
public class LossGridTests
{
    public enum ModelKind { Linear, Exp }

    /// <summary>Random data for a model: two N(0,1)·scale features (linear) or one U(0, 2) feature (exp); 0/1 labels or a noisy exp target.</summary>
    private static Dataset Data(ulong seed, int n, ModelKind model, LossKind loss, double scale)
    {
        var rng = new SplitMix64(seed);
        int k = model == ModelKind.Linear ? 2 : 1;
        var cols = Enumerable.Range(0, k).Select(_ => new double[n]).ToArray();
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < k; j++) cols[j][i] = model == ModelKind.Linear ? scale * rng.NextGaussian() : 2 * rng.NextDouble();
            double signal = model == ModelKind.Linear ? (1.5 * cols[0][i] - cols[1][i]) / scale + 0.3 : 1.5 * Math.Exp(0.8 * cols[0][i]);
            y[i] = loss == LossKind.Logistic
                ? (rng.NextDouble() < 1 / (1 + Math.Exp(-(signal - (model == ModelKind.Exp ? 4 : 0)))) ? 1 : 0)
                : signal + 0.3 * rng.NextGaussian();
        }
        if (loss == LossKind.Logistic) (y[0], y[n - 1]) = (0, 1); // both classes, so an intercept has an optimum
        return new Dataset(Enumerable.Range(1, k).Select(j => $"x{j}").ToArray(), cols, y, "y");
    }

    /// <summary>
    /// D(w1, w2) from the definition in docs/conventions.md, b (with --intercept) by bisection on its optimality
    /// condition; and how much D moves when every prediction f_i + b moves by a relative 1 (Σ|∂ℓ/∂z_i|·(|f_i| + |b|),
    /// first order): where f and b cancel, as the exp model's large predictions do against their intercept, D is only
    /// as exact as the predictions' last digits allow.
    /// </summary>
    private static (double Value, double Sensitivity) Reference(Dataset d, ModelKind model, LossKind loss, bool intercept, double w1, double w2)
    {
        int n = d.Rows;
        var f = new double[n];
        for (int i = 0; i < n; i++)
            f[i] = model == ModelKind.Linear ? d.Columns[0][i] * w1 + d.Columns[1][i] * w2 : w1 * Math.Exp(w2 * d.Columns[0][i]);
        double b = !intercept ? 0
            : loss == LossKind.Logistic ? LogisticIntercept(f, d.Target)
            : Enumerable.Range(0, n).Average(i => d.Target[i] - f[i]);
        double sum = 0, sensitivity = 0;
        for (int i = 0; i < n; i++)
        {
            double z = f[i] + b, y = d.Target[i];
            sum += loss == LossKind.Logistic ? Softplus(y == 1 ? -z : z) : (z - y) * (z - y);
            double slope = loss == LossKind.Logistic ? 1 / (1 + Math.Exp(y == 1 ? z : -z)) : 2 * Math.Abs(z - y);
            sensitivity += slope * (Math.Abs(f[i]) + Math.Abs(b));
        }
        return loss == LossKind.Sse ? (sum, sensitivity) : (sum / n, sensitivity / n);
    }

    private static double Softplus(double z) => z > 0 ? z + Log1p(Math.Exp(-z)) : Log1p(Math.Exp(z));

    /// <summary>log(1 + x) accurate for tiny x too (Goldberg's correction), so that a nearly separated sample, where D is tiny, is compared fairly.</summary>
    private static double Log1p(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * (x / (u - 1));
    }

    /// <summary>
    /// Σ σ(f + b) = Σ y, increasing in b: bisect until the bracket cannot shrink. Written as Σ_{y=0} σ(z) − Σ_{y=1} σ(−z),
    /// each term its own small number: on a nearly separated sample Σ σ(z) − Σ y cancels to rounding, and b (on which D,
    /// about 1e-12 there, depends steeply) would be found to a few digits only.
    /// </summary>
    private static double LogisticIntercept(double[] f, double[] y)
    {
        static double Sigma(double z) => 1 / (1 + Math.Exp(-z));
        double G(double b) => f.Select((v, i) => y[i] == 1 ? -Sigma(-(v + b)) : Sigma(v + b)).Sum();
        double lo = -1, hi = 1;
        while (G(lo) > 0) lo *= 2;
        while (G(hi) < 0) hi *= 2;
        for (int it = 0; it < 200; it++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (G(mid) < 0) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    [Theory]
    [InlineData(ModelKind.Linear, LossKind.Logistic, false)]
    [InlineData(ModelKind.Linear, LossKind.Logistic, true)]
    [InlineData(ModelKind.Exp, LossKind.Logistic, false)]
    [InlineData(ModelKind.Exp, LossKind.Logistic, true)]
    [InlineData(ModelKind.Exp, LossKind.Mse, false)]
    [InlineData(ModelKind.Exp, LossKind.Mse, true)]
    [InlineData(ModelKind.Exp, LossKind.Sse, true)]
    public void GridEqualsTheDefinitionAtEveryCheckedNode(ModelKind model, LossKind loss, bool intercept)
    {
        // rows across blocks and not a multiple of the vector width; more than 128 nodes a row (the exact restart
        // of e^±f); features scaled by 100 put margins past the stepping limit (direct exp)
        var gen = Gen.Select(Gen.ULong, Gen.Int[2, 1200], Gen.Double[-2, 2], Gen.Double[-2, 2], Gen.Double[0.3, 4], Gen.Bool.Select(big => big ? 100.0 : 1.0));
        gen.Sample((seed, n, cx, cy, half, scale) =>
        {
            var data = Data(seed, n, model, loss, model == ModelKind.Linear ? scale : 1);
            var range = new PlaneRange(cx - half, cx + half, cy - half, cy + half);
            var direct = new ModelLoss(data, model == ModelKind.Linear ? new LinearModel() : new ExpModel(), loss, intercept);
            var grid = direct.Grid(range, 140);
            for (int j = 0; j < grid.Nodes; j++)
                for (int i = (7 * j) % 29; i < grid.Nodes; i += 29)
                {
                    var (expected, sensitivity) = Reference(data, model, loss, intercept, grid.X(i), grid.Y(j));
                    // exact to 1e-12 of D, or of what predictions exact to 1e-12 (relative) give
                    double tolerance = 1e-12 * Math.Max(Math.Abs(expected), sensitivity);
                    Assert.True(Math.Abs(grid[i, j] - expected) <= tolerance,
                        $"seed {seed}, n {n}, node ({grid.X(i)}, {grid.Y(j)}): grid {grid[i, j]:R}, definition {expected:R}, sensitivity {sensitivity:G3}");
                    // and D evaluated directly, as the solvers and the reported objective see it (its softplus once
                    // took log(1 + e^−z) as double.LogP1, 1e-5 off for the tiny terms of a nearly separated sample)
                    double value = direct.Value([grid.X(i), grid.Y(j)]);
                    Assert.True(Math.Abs(value - expected) <= tolerance, $"seed {seed}, n {n}, node ({grid.X(i)}, {grid.Y(j)}): D(w) {value:R}, definition {expected:R}");
                }
        }, iter: 6);
    }

    [Fact]
    public void ValueProfilesTheInterceptWherePlainNewtonSwings()
    {
        // seed 12, n 870 of the test above (CI, 2026-12-07): plain Newton on b swung 100 times between b ≈ 17 and 32
        var data = Data(12, 870, ModelKind.Linear, LossKind.Logistic, 100);
        var (expected, sensitivity) = Reference(data, ModelKind.Linear, LossKind.Logistic, true, -0.2925392675283822, -2.431838012914122);
        double value = new ModelLoss(data, new LinearModel(), LossKind.Logistic, true).Value([-0.2925392675283822, -2.431838012914122]);
        Assert.True(Math.Abs(value - expected) <= 1e-12 * Math.Max(Math.Abs(expected), sensitivity), $"D(w) {value:R}, definition {expected:R}");
    }

    [Fact]
    public void ValueProfilesTheInterceptWhereEverySigmaIsSaturated()
    {
        // seed 9EeEqQ4qYMan of the test above: predictions 33 to 2,900, the root 390 from the start; Newton moved b by 1
        // a step and stopped 42 short after 200, D 1.1e-86 where the definition gives 1.3e-104
        var data = Data(2225479779480, 5, ModelKind.Exp, LossKind.Logistic, 1);
        double w1 = 3.8483529806546493, w2 = 3.9041262122583404;
        var (expected, sensitivity) = Reference(data, ModelKind.Exp, LossKind.Logistic, true, w1, w2);
        double value = new ModelLoss(data, new ExpModel(), LossKind.Logistic, true).Value([w1, w2]);
        Assert.True(Math.Abs(value - expected) <= 1e-12 * Math.Max(Math.Abs(expected), sensitivity), $"D(w) {value:R}, definition {expected:R}");
    }

    [Fact]
    public void TheInterceptSearchFindsTheRootFromAnyStart()
    {
        // Σσ(f + b) − Σy is S-shaped wherever the predictions cluster, and Newton from a far start swings across the
        // root of an S for ever (as on arctan); the search must end at the root from every start within 200 steps
        Gen.Select(Gen.ULong, Gen.Int[2, 900], Gen.Double[0.05, 300], Gen.Double[-40, 40], Gen.Double[0.02, 0.98]).Sample((seed, n, spread, away, share) =>
        {
            // predictions from a logistic distribution (heavy tails, as the sums of σ are), the start `away` spreads
            // from the root on either side, where Newton on an S overshoots
            var rng = new SplitMix64(seed);
            var f = Enumerable.Range(0, n).Select(_ => { double u = 0.5e-9 + (1 - 1e-9) * rng.NextDouble(); return spread * Math.Log(u / (1 - u)); }).ToArray();
            var y = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < share ? 1.0 : 0.0).ToArray();
            (y[0], y[n - 1]) = (0, 1);
            double start = LogisticIntercept(f, y) + away * spread;
            static double Sigma(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
            // g(b) and the size of its terms, whose rounding is all that a root can be asked to beat
            (double G, double H, double Size) At(double b)
            {
                double g = 0, h = 0, size = 0;
                for (int i = 0; i < n; i++)
                {
                    double term = y[i] == 1 ? -Sigma(-(f[i] + b)) : Sigma(f[i] + b);
                    (g, h, size) = (g + term, h + Sigma(f[i] + b) * Sigma(-(f[i] + b)), size + Math.Abs(term));
                }
                return (g, h, size);
            }
            var search = new InterceptSearch(start);
            for (int it = 0; it < 200; it++)
            {
                var (g, h, _) = At(search.B);
                if (search.Step(g, h) <= 1e-15 * Math.Max(1, Math.Abs(search.B))) break;
            }
            var end = At(search.B);
            Assert.True(Math.Abs(end.G) <= 1e-13 * Math.Max(1, end.Size), $"from {start:R}: b {search.B:R}, g(b) {end.G:R}, the root by bisection {LogisticIntercept(f, y):R}");
        }, iter: 500);
    }

    private static ModelLoss Logistic(int n, bool intercept) =>
        new(Data(7, n, ModelKind.Linear, LossKind.Logistic, 1), new LinearModel(), LossKind.Logistic, intercept);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ProgressRisesToOneRowByRow(bool intercept)
    {
        var fractions = new List<double>();
        var grid = Logistic(300, intercept).Grid(new PlaneRange(-3, 3, -3, 3), 40, new Recorder(f => fractions.Add(f)));
        Assert.Equal(grid.Nodes, fractions.Count);
        Assert.All(fractions.Zip(fractions.Skip(1)), pair => Assert.True(pair.First < pair.Second));
        Assert.Equal(1.0, fractions[^1]);
    }

    [Fact]
    public void ACancelledTokenStopsTheGrid()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Logistic(300, false).Grid(new PlaneRange(-3, 3, -3, 3), 40, null, cancel.Token));
    }

    [Fact]
    public void CancellingDuringTheGridStopsItBeforeTheEnd()
    {
        using var cancel = new CancellationTokenSource();
        int reports = 0;
        var progress = new Recorder(_ =>
        {
            reports++;
            cancel.Cancel(); // after the first row
        });
        Assert.ThrowsAny<OperationCanceledException>(() => Logistic(3000, true).Grid(new PlaneRange(-3, 3, -3, 3), 400, progress, cancel.Token));
        // rows already under way on other threads may finish; no new row starts, so far fewer than 401 report
        Assert.InRange(reports, 1, 40);
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class Recorder(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
