using CsCheck;
using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Exactness;

/// <summary>
/// The logistic loss with identical columns and a ridge term that tends to nothing (α → 1): J is strictly convex and
/// symmetric in the copies, so its one optimum gives them equal weights, and on that subspace (one variable per group)
/// the curvature is the data's, not 2λ(1 − α). The test writes the merged problem out itself, with cancellation-free
/// terms, and bounds the distance to its optimum by its own residual over its own curvature.
/// </summary>
public class LogisticDuplicateColumnsTests
{
    private static readonly double[] Alphas = [0.5, 1 - 1e-6, 1 - 1e-9, 1 - 1e-12];

    [Fact]
    public void Identical_columns_under_the_logistic_loss_get_the_unique_equal_split_certified()
    {
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[1, 2], Gen.Int[2, 3], Gen.Int[0, Alphas.Length - 1], Gen.Double[1e-3, 0.3]).Sample((seed, distinct, copies, a, ratio) =>
        {
            var random = new Random(seed);
            int n = 30 + random.Next(30);
            double Gauss() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var blocks = Enumerable.Range(0, distinct).Select(_ => Enumerable.Range(0, n).Select(_ => Math.Round(Gauss(), 3)).ToArray()).ToList();
            var score = Enumerable.Range(0, n).Select(i => blocks.Sum(b => b[i])).ToArray();
            var y = score.Select(s => random.NextDouble() < 1 / (1 + Math.Exp(-2 * s)) ? 1.0 : 0.0).ToArray();
            y[Array.IndexOf(score, score.Max())] = 0; // overlapping for sure: a finite optimum
            y[Array.IndexOf(score, score.Min())] = 1;
            // block 0 is copied: columns in the order [block 0 × copies, the others]
            var sizes = Enumerable.Range(0, distinct).Select(b => b == 0 ? copies : 1).ToArray();
            var columns = blocks.SelectMany((b, i) => Enumerable.Repeat(b, sizes[i]).Select(c => (double[])c.Clone())).ToArray();
            var data = new Dataset(columns.Select((_, j) => $"x{j + 1}").ToArray(), columns, y, "y");
            double alpha = Alphas[a];
            double lambdaMax = columns.Max(c => Math.Abs(c.Zip(y, (x, l) => x * (0.5 - l)).Sum() / n)) / Math.Max(alpha, 1e-3);
            double lambda = ratio * lambdaMax;

            var s = new ProblemSpec(data, LossKind.Logistic, false, new ElasticNetPenalty(alpha), Form.Penalised(lambda)).Solve();
            for (int j = 1; j < copies; j++) Assert.Equal(s.Weights[0], s.Weights[j]);
            var v = Enumerable.Range(0, distinct).Select(b => s.Weights[b == 0 ? 0 : copies + b - 1]).ToArray();
            var (residual, curvature) = Merged(blocks, sizes, y, alpha, lambda, v);
            double scale = Math.Max(v.Max(Math.Abs), 1e-3);
            // the curvature varies along the segment to the optimum: a factor 2 of room for it
            Assert.True(2 * residual / curvature <= 1e-9 * scale, $"merged residual {residual} over curvature {curvature} (α = 1 − {1 - alpha:g2}), w = {string.Join(", ", s.Weights)}");
            Assert.True(s.Certificate.Certified, $"α = 1 − {1 - alpha:g2}: {s.Certificate}");
        }, iter: 40, threads: 1);
    }

    /// <summary>
    /// The merged problem J(v) = (1/n)Σ[softplus(z) − yz] + λΣ_b g_b(α|v_b| + (1 − α)v_b²), z = Σ_b g_b v_b x_b: the
    /// least subgradient's norm at v and the smallest eigenvalue of its Hessian there.
    /// </summary>
    private static (double Residual, double Curvature) Merged(List<double[]> blocks, int[] sizes, double[] y, double alpha, double lambda, double[] v)
    {
        int n = y.Length, m = blocks.Count;
        var grad = new double[m];
        var hess = Matrix<double>.Build.Dense(m, m);
        for (int i = 0; i < n; i++)
        {
            double z = 0;
            for (int b = 0; b < m; b++) z += sizes[b] * v[b] * blocks[b][i];
            // σ(z) − y without cancellation: −σ(−z) for y = 1
            double p = z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
            double q = z >= 0 ? Math.Exp(-z) / (1 + Math.Exp(-z)) : 1 / (1 + Math.Exp(z));
            double pull = y[i] == 1 ? -q : p;
            for (int b = 0; b < m; b++)
            {
                grad[b] += pull * sizes[b] * blocks[b][i] / n;
                for (int c = 0; c < m; c++) hess[b, c] += p * q * sizes[b] * blocks[b][i] * sizes[c] * blocks[c][i] / n;
            }
        }
        double residual = 0;
        for (int b = 0; b < m; b++)
        {
            double smooth = grad[b] + lambda * sizes[b] * 2 * (1 - alpha) * v[b], kink = lambda * sizes[b] * alpha;
            double r = v[b] != 0 ? smooth + kink * Math.Sign(v[b]) : Math.Max(0, Math.Abs(smooth) - kink);
            residual += r * r;
            hess[b, b] += lambda * sizes[b] * 2 * (1 - alpha);
        }
        return (Math.Sqrt(residual), hess.Evd(Symmetricity.Symmetric).EigenValues.Min(e => e.Real));
    }
}
