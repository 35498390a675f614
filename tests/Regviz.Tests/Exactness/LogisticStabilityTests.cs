using CsCheck;
using Regviz.Core;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Exactness;

/// <summary>
/// The logistic loss on hard data (#31): separable classes at λ down to 1e-16 (the objective against a
/// cancellation-free formula written here), columns offset by up to 1e8 with an intercept and scaled by 2^-24 (each
/// against the same problem without the offset or the scale, which the transformation maps exactly), and the
/// unregularised fit on separable classes with an intercept refused with one clear error.
/// </summary>
public class LogisticStabilityTests
{
    private static readonly Gen<Dataset> Overlapping = Gen.Int[0, 1_000_000].Select(seed => Classes(seed, separable: false));
    private static readonly Gen<Dataset> Separable = Gen.Int[0, 1_000_000].Select(seed => Classes(seed, separable: true));

    [Fact]
    public void Separable_classes_at_tiny_lambda_report_the_objective_of_their_weights()
    {
        Gen.Select(Separable, Gen.Int[6, 16], Gen.Int[0, 2]).Sample((data, exponent, kind) =>
        {
            Penalty penalty = kind switch { 0 => new L1Penalty(), 1 => new ElasticNetPenalty(0.5), _ => new LInfPenalty() };
            double lambda = Math.Pow(10, -exponent);
            var s = new ProblemSpec(data, LossKind.Logistic, false, penalty, Form.Penalised(lambda)).Solve();
            // (1/n)Σ log(1 + e^(−m_i)), m_i = ±z_i by the label: no term is a difference of large numbers
            double d = 0;
            for (int i = 0; i < data.Rows; i++)
            {
                double z = data.Columns[0][i] * s.Weights[0] + data.Columns[1][i] * s.Weights[1];
                double m = data.Target[i] == 1 ? z : -z;
                d += m > 0 ? Log1p(Math.Exp(-m)) : -m + Log1p(Math.Exp(m));
            }
            d /= data.Rows;
            double j = d + lambda * penalty.Value(s.Weights);
            Assert.True(Math.Abs(s.Objective - j) <= 1e-12 * j, $"λ = {lambda}: J {s.Objective} against {j}");
        }, iter: 40, threads: 1);
    }

    /// <summary>log(1 + x) to a few ulps for tiny x (Goldberg): Math.Log(1 + x) keeps only the digits of x that survive 1 + x.</summary>
    private static double Log1p(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * (x / (u - 1));
    }

    [Fact]
    public void Offsets_up_to_1e8_with_an_intercept_give_the_weights_of_the_centred_data()
    {
        Gen.Select(Overlapping, Gen.Int[2, 8], Gen.Double[0, 0.05]).Sample((data, exponent, lambda) =>
        {
            double offset = Math.Pow(10, exponent);
            var shifted = data.Columns.Select(c => c.Select(v => v + offset).ToArray()).ToArray();
            // shifted − offset is exact (Sterbenz), so this is the same data moved by exactly offset: same weights
            var back = shifted.Select(c => c.Select(v => v - offset).ToArray()).ToArray();
            var far = new ProblemSpec(new Dataset(data.FeatureNames, shifted, data.Target, "y"), LossKind.Logistic, true, new L1Penalty(), Form.Penalised(lambda)).Solve();
            var near = new ProblemSpec(new Dataset(data.FeatureNames, back, data.Target, "y"), LossKind.Logistic, true, new L1Penalty(), Form.Penalised(lambda)).Solve();
            Assert.True(near.Certificate.Certified, $"{near.Certificate}");
            double top = near.Weights.Max(Math.Abs);
            for (int j = 0; j < 2; j++)
                Assert.True(Math.Abs(far.Weights[j] - near.Weights[j]) <= 1e-9 * top, $"offset 1e{exponent}: w{j + 1} {far.Weights[j]} vs {near.Weights[j]} ({far.Certificate})");
            Assert.True(far.Certificate.Certified, $"offset 1e{exponent}: {far.Certificate}");
        }, iter: 40, threads: 1);
    }

    [Fact]
    public void Features_scaled_by_2_to_the_minus_24_at_lambda_0_are_fitted_not_refused()
    {
        Overlapping.Sample(data =>
        {
            double scale = Math.Pow(2, -24); // exact: the weights scale by 2^24 exactly
            var small = new Dataset(data.FeatureNames, data.Columns.Select(c => c.Select(v => v * scale).ToArray()).ToArray(), data.Target, "y");
            var s = new ProblemSpec(small, LossKind.Logistic, true, new L2Penalty(), Form.Penalised(0)).Solve();
            var reference = new ProblemSpec(data, LossKind.Logistic, true, new L2Penalty(), Form.Penalised(0)).Solve();
            for (int j = 0; j < 2; j++)
                Assert.True(Math.Abs(s.Weights[j] * scale - reference.Weights[j]) <= 1e-9 * reference.Weights.Max(Math.Abs), $"w{j + 1}: {s.Weights[j] * scale} vs {reference.Weights[j]}");
        }, iter: 30, threads: 1);
    }

    [Fact]
    public void Separable_classes_with_an_intercept_at_lambda_0_are_refused_with_an_error() => Separable.Sample(RefusedAsSeparable, iter: 20, threads: 1);

    /// <summary>CI's draw of 2026-12-07: the Newton model's curvature underflowed as w ran off, its subproblem divided
    /// by about 0 and the exact finish met NaN (an ArithmeticException, not the error).</summary>
    [Fact]
    public void Separable_classes_whose_intercept_search_once_swung_are_refused_with_an_error() => RefusedAsSeparable(Classes(948511, separable: true));

    private static void RefusedAsSeparable(Dataset data)
    {
        foreach (Penalty penalty in new Penalty[] { new L2Penalty(), new ElasticNetPenalty(0.5) })
        {
            var e = Assert.Throws<ProblemArgumentException>(() => new ProblemSpec(data, LossKind.Logistic, true, penalty, Form.Penalised(0)).Solve());
            Assert.Contains("separable", e.Message);
        }
    }

    [Fact]
    public void An_inactive_linf_or_lp_ball_returns_the_unregularised_fit_at_once()
    {
        Gen.Select(Overlapping, Gen.Int[0, 1], Gen.Double[1.05, 4]).Sample((data, kind, factor) =>
        {
            Penalty penalty = kind == 0 ? new LInfPenalty() : new LpPenalty(1.5);
            var free = new ProblemSpec(data, LossKind.Logistic, false, penalty, Form.Penalised(0)).Solve();
            double radius = factor * penalty.Norm(free.Weights);
            Regviz.Core.Solvers.MultiplierSearch.Steps = 0;
            var s = new ProblemSpec(data, LossKind.Logistic, false, penalty, Form.Constrained(radius)).Solve();
            // no multiplier search at all (it was a solve per λ/4 down to 1e-300, about 500 solves: 6 minutes)
            Assert.Equal(0, Regviz.Core.Solvers.MultiplierSearch.Steps);
            Assert.Equal(0, s.Lambda);
            for (int j = 0; j < 2; j++) Assert.Equal(free.Weights[j], s.Weights[j], 1e-12);
            Assert.True(s.Certificate.Certified, $"{s.Certificate}");
        }, iter: 10, threads: 1);
    }

    /// <summary>Two Gaussian features; labels by the sign of a score (separable) or drawn from σ(score) with the extreme rows flipped (overlapping for sure).</summary>
    internal static Dataset Classes(int seed, bool separable)
    {
        var random = new Random(seed);
        int n = 30 + random.Next(30);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var x1 = Enumerable.Range(0, n).Select(_ => Math.Round(Gauss(), 3)).ToArray();
        var x2 = Enumerable.Range(0, n).Select(_ => Math.Round(Gauss(), 3)).ToArray();
        var score = Enumerable.Range(0, n).Select(i => x1[i] + 0.5 * x2[i]).ToArray();
        var y = score.Select(s => separable ? (s > 0 ? 1.0 : 0.0) : (random.NextDouble() < 1 / (1 + Math.Exp(-s)) ? 1.0 : 0.0)).ToArray();
        if (separable && (y.All(v => v == 1) || y.All(v => v == 0))) y[0] = 1 - y[0];
        if (!separable)
        {
            int top = Array.IndexOf(score, score.Max()), bottom = Array.IndexOf(score, score.Min());
            y[top] = 0;
            y[bottom] = 1;
            if (separable is false && y.Distinct().Count() == 1) y[0] = 1 - y[0];
        }
        return new Dataset(["x1", "x2"], [x1, x2], y, "y");
    }
}
