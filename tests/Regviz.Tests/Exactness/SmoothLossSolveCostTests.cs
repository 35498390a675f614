using CsCheck;
using Regviz.Core;
using Regviz.Core.Data;
using Regviz.Core.Models;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Exactness;

/// <summary>
/// What a convex penalty outside the elastic-net family (linf, lp with p &gt; 1) costs on a loss that is not least
/// squares, counted in gradients of D rather than timed: a logistic loss on nearly separable classes is ill-conditioned
/// near its optimum, and proximal gradient run to its end took all 200,000 of its steps there (one linf solve on the
/// built-in data at λ = 0.001; a constrained solve, one such solve per bisection step, took 30–80 s). The answers must
/// stay those of the long run: J no higher than 200,000 plain proximal-gradient steps reach, and certified.
/// </summary>
public class SmoothLossSolveCostTests
{
    /// <summary>D with its gradients counted; everything else passed through.</summary>
    private sealed class Counted(ISmoothLoss inner) : ISmoothLoss
    {
        public long Gradients;
        public int Dimension => inner.Dimension;
        public IReadOnlyList<string> FeatureNames => inner.FeatureNames;
        public bool IsConvex => inner.IsConvex;
        public double Value(ReadOnlySpan<double> w) => inner.Value(w);
        public void Gradient(ReadOnlySpan<double> w, Span<double> result) { Gradients++; inner.Gradient(w, result); }
        public void Hessian(ReadOnlySpan<double> w, Span<double> result) => inner.Hessian(w, result);
        public double InterceptFor(ReadOnlySpan<double> w) => inner.InterceptFor(w);
    }

    /// <summary>Binary labels from a steep logistic model, so the classes nearly separate and D's valley is long.</summary>
    private static Dataset Steep(ulong seed, int n, int k, double steepness)
    {
        var rng = new SplitMix64(seed);
        var cols = Enumerable.Range(0, k).Select(_ => new double[n]).ToArray();
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double z = 0;
            for (int j = 0; j < k; j++) z += steepness * (j + 1) / k * (cols[j][i] = rng.NextGaussian());
            y[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
        }
        y[0] = 1 - y[1]; // both classes
        return new Dataset([.. Enumerable.Range(1, k).Select(j => $"x{j}")], cols, y, "y");
    }

    /// <summary>
    /// Every registered convex penalty the general route solves (outside the elastic-net family, whose proximal Newton
    /// finishes on its own), at the catalogue tests' sample values: linf, lp at p = 3 and 6, the toy Huber, whatever is
    /// registered later.
    /// </summary>
    private static readonly Penalty[] Penalties =
        [.. Catalogue.CataloguePenalties.All().Select(e => e.Penalty).Where(p => p.IsConvex && p.ElasticNetAlpha is null)];

    private static double J(ISmoothLoss loss, Penalty penalty, double lambda, double[] w) => loss.Value(w) + lambda * penalty.Value(w);

    [Fact]
    public void The_built_in_logistic_problem_is_solved_in_few_gradients()
    {
        var loss = new Counted(new ModelLoss(BuiltInDataset.CreateBinary(), new LinearModel(), LossKind.Logistic, intercept: false));
        var linf = PenaltyCatalogue.Create("linf")!;
        var s = Regularised.Solve(loss, linf, Form.Penalised(0.001));
        Assert.True(s.Certificate.Certified);
        Assert.True(loss.Gradients <= 20_000, $"{loss.Gradients} gradients for one penalised solve");
        loss.Gradients = 0;
        var c = Regularised.Solve(loss, linf, Form.Constrained(0.05));
        Assert.True(c.Certificate.Certified);
        // a bisection on the multiplier, a solve per step
        Assert.True(loss.Gradients <= 400_000, $"{loss.Gradients} gradients for one constrained solve");
    }

    [Fact]
    public void Ill_conditioned_logistic_problems_cost_little_and_lose_nothing()
    {
        Gen.Select(Gen.ULong, Gen.Int[20, 50], Gen.Int[2, 4], Gen.Double[2, 12], Gen.Int[0, Penalties.Length - 1], Gen.Double[-4, -1])
            .Sample((seed, n, k, steepness, p, logLambda) =>
            {
                var inner = new ModelLoss(Steep(seed, n, k, steepness), new LinearModel(), LossKind.Logistic, intercept: false);
                var loss = new Counted(inner);
                var penalty = Penalties[p];
                double lambda = Math.Pow(10, logLambda);
                Solution s;
                try { s = Regularised.Solve(loss, penalty, Form.Penalised(lambda)); }
                catch (ProblemArgumentException) { return; } // separable classes under a penalty that lets w run off: refused, not solved
                Assert.True(loss.Gradients <= 50_000, $"{penalty.Name} λ = {lambda:G3}: {loss.Gradients} gradients");
                Assert.True(s.Certificate.Certified, $"{penalty.Name} λ = {lambda:G3}: not certified (KKT {s.Certificate.Kkt:G3})");
                // the long way, as the solver went before: 200,000 accelerated proximal-gradient steps from 0
                var longRun = GeneralProximalGradient.Minimise(inner, penalty.At(lambda), lambda, new double[k], accelerate: true);
                double jShort = J(inner, penalty, lambda, s.Weights), jLong = J(inner, penalty, lambda, longRun);
                Assert.True(jShort <= jLong + 1e-12 * Math.Max(1, Math.Abs(jLong)), $"{penalty.Name} λ = {lambda:G3}: J = {jShort:R} against {jLong:R} the long way");
            }, iter: 15);
    }
}
