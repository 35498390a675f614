using CsCheck;
using Regviz.Core.Data;
using Regviz.Core.Paths;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Exactness;

/// <summary>
/// Ties in the lasso homotopy (#31): on orthogonal ±1 (Sylvester–Hadamard) columns, G = XᵀX/n = I exactly, so the
/// lasso is soft-thresholding in closed form, w_j(λ) = sign(c_j)·max(|c_j| − λ/2, 0) with c = Xᵀy/n, and features
/// whose |c_j| are equal enter at the same λ. Coefficients drawn from a few magnitudes make ties on purpose.
/// </summary>
public class HomotopyTiesTests
{
    private static readonly Gen<(Dataset Data, double[] C)> TiedDesigns =
        Gen.Select(Gen.Int[0, 1], Gen.Int[0, 1_000_000]).Select((size, seed) =>
        {
            int n = size == 0 ? 4 : 8;
            var random = new Random(seed);
            var h = Sylvester(n);
            int k = 2 + random.Next(n - 1);
            // magnitudes from {1, 2, 3} with random signs: ties at every knot are likely
            var c = Enumerable.Range(0, k).Select(_ => (random.Next(3) + 1.0) * (random.Next(2) == 0 ? -1 : 1)).ToArray();
            var columns = Enumerable.Range(0, k).Select(j => Enumerable.Range(0, n).Select(i => h[i, j]).ToArray()).ToArray();
            var y = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, k).Sum(j => h[i, j] * c[j])).ToArray();
            return (new Dataset(Enumerable.Range(1, k).Select(j => $"x{j}").ToArray(), columns, y, "y"), c);
        });

    [Fact]
    public void Every_tied_feature_enters_and_the_path_ends_at_the_least_squares_fit()
    {
        TiedDesigns.Sample(t =>
        {
            var spec = new ProblemSpec(t.Data, LossKind.Mse, false, new L1Penalty(), Form.Penalised(0));
            var path = RegularisationPaths.LogGrid(spec.Loss, spec.Penalty, count: 20, ratio: 1e-3);
            var expectedKnots = t.C.Select(v => 2 * Math.Abs(v)).Append(0).Distinct().OrderDescending().ToArray();
            var knots = path.Knots!.Select(p => p.Lambda).ToArray();
            Assert.Equal(expectedKnots.Length, knots.Length);
            for (int i = 0; i < knots.Length; i++) Assert.Equal(expectedKnots[i], knots[i], 1e-12 * expectedKnots[0]);
            foreach (var knot in path.Knots!)
                for (int j = 0; j < t.C.Length; j++)
                    Assert.Equal(Threshold(t.C[j], knot.Lambda), knot.Weights[j], 1e-12 * 3);
            for (int j = 0; j < t.C.Length; j++) Assert.Equal(t.C[j], path.Unregularised!.Weights[j], 1e-12 * 3);
        }, iter: 80, threads: 1);
    }

    [Fact]
    public void The_fraction_axis_runs_to_1_and_a_mark_reads_the_right_lambda()
    {
        TiedDesigns.Sample(t =>
        {
            var spec = new ProblemSpec(t.Data, LossKind.Mse, false, new L1Penalty(), Form.Penalised(0));
            var path = RegularisationPaths.LogGrid(spec.Loss, spec.Penalty, count: 20, ratio: 1e-3);
            var scene = new PathScene(path, spec.FeatureNames, spec.Penalty, PathAxis.Fraction, 0.5);
            double full = t.C.Sum(Math.Abs);
            Assert.Equal(1, path.Knots!.Max(scene.X), 12);
            // s(λ) = Σ max(|c_j| − λ/2, 0)/Σ|c_j| is decreasing and piecewise linear: bisect it for s = 0.5
            double lo = 0, hi = 2 * t.C.Max(Math.Abs);
            for (int i = 0; i < 200; i++)
            {
                double mid = (lo + hi) / 2;
                if (t.C.Sum(v => Math.Abs(Threshold(v, mid))) / full > 0.5) lo = mid; else hi = mid;
            }
            Assert.Equal((lo + hi) / 2, scene.LambdaAt(0.5)!.Value, 1e-9);
        }, iter: 80, threads: 1);
    }

    private static double Threshold(double c, double lambda) => Math.Sign(c) * Math.Max(Math.Abs(c) - lambda / 2, 0);

    private static double[,] Sylvester(int n)
    {
        var h = new double[n, n];
        h[0, 0] = 1;
        for (int size = 1; size < n; size *= 2)
            for (int i = 0; i < size; i++)
                for (int j = 0; j < size; j++)
                {
                    h[i, j + size] = h[i, j];
                    h[i + size, j] = h[i, j];
                    h[i + size, j + size] = -h[i, j];
                }
        return h;
    }
}
