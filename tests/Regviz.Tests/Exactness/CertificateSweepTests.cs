using CsCheck;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Regviz.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Regviz.Tests.Exactness;

/// <summary>
/// Every class of #31 at once (the hard designs, nearly identical column groups, columns offset by up to 1e10 with an
/// intercept, separable and overlapping classes), every convex penalty of the elastic-net family, both forms, λ from
/// 1e-10·λ_max to λ_max, mse, sse and logistic: each answer against a reference that proves itself
/// (<see cref="SweepReferences"/>). A certified answer must be right (weights within 1e-9 of the larger of max|w*| and
/// the data's natural weight, J within 1e-10 relative, the reported weight bound at least the true error); a right answer
/// should be certified. REGVIZ_SWEEP=N runs N cases (default 200) and prints every case that fails either way.
/// A weight bound below the true error (by more than 4 ulps of the certificate's scale) is printed but does not fail
/// the test: the Newton distance does not count the rounding of its own solve (docs/exactness.md).
/// </summary>
public class CertificateSweepTests(ITestOutputHelper output)
{
    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("REGVIZ_SWEEP"), out int n) && n > 0 ? n : 200;

    private static readonly double[] Alphas = [1, 0, 0.5, 0.999, 1 - 1e-9, 1 - 1e-12];

    internal sealed record SweepCase(string Design, Dataset Data, bool Intercept, LossKind Loss, int Alpha, double Ratio, bool Ball)
    {
        public Penalty Penalty => Alphas[Alpha] switch { 1 => new L1Penalty(), 0 => new L2Penalty(), var a => new ElasticNetPenalty(a) };

        public override string ToString() =>
            $"{Design}{(Intercept ? " +intercept" : "")} {Loss} {Penalty.GetType().Name}(α = 1 − {1 - Alphas[Alpha]:g3}) λ/λmax = {Ratio:g3}{(Ball ? " ball" : "")}";
    }

    private static readonly Gen<(string, Dataset, bool)> LeastSquaresDesigns = Gen.OneOf(
        HardDesignCases.Any.Select(c => (c.Name, c.Dataset, c.Intercept)),
        NearDuplicateColumnsTests.NearGroups.Select(c => ("near groups", c.Data, c.Intercept)),
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Double[0, 10]).Select((seed, digits) =>
        {
            // columns whose mean is up to 1e10 times their spread, with an intercept
            var d = HardDesigns.IllConditioned(seed, 30, 4, 1e2, true);
            double offset = Math.Pow(10, digits);
            var c = new HardCase("offset", d with { X = d.X.Select(row => row.Select(v => v + offset).ToArray()).ToArray() }, true);
            return ($"offset 1e{digits:0.#}", c.Dataset, true);
        }));

    internal static readonly Gen<SweepCase> Any = Gen.Frequency(
        (3, Gen.Select(LeastSquaresDesigns, Gen.Bool, Gen.Int[0, Alphas.Length - 1], Gen.Double[-10, 0], Gen.Int[0, 3])
            .Select((d, sum, a, digits, ball) => new SweepCase(d.Item1, d.Item2, d.Item3, sum ? LossKind.Sse : LossKind.Mse, a, Math.Pow(10, digits), ball == 0 && a <= 1))),
        (1, Gen.Select(Gen.Int[0, 1_000_000], Gen.Bool, Gen.Int[1, 2], Gen.Double[-10, 0])
            .Select((seed, separable, a, digits) => new SweepCase(separable ? "separable" : "overlapping", LogisticStabilityTests.Classes(seed, separable), false, LossKind.Logistic, a, Math.Pow(10, digits), false))));

    [Fact]
    public void No_answer_is_certified_and_wrong_and_few_right_ones_are_left_uncertified()
    {
        var (judged, problems) = Sweep(Any, Cases);
        var lost = problems.Where(p => p.Contains("lost certificate", StringComparison.Ordinal)).ToList();
        // weight bounds below the true error are printed, not failed: the Newton distance does not count the rounding
        // of its own solve (docs/exactness.md, "The sweep")
        var wrong = problems.Where(p => p.Contains("FALSE certificate", StringComparison.Ordinal)).ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(20)));
        // measured: 67 of 884 (7.6%), mostly answers right to 1e-11 at λ ≤ 1e-6·λ_max on condition 1e4 to 1e10, where
        // the gradient's worst-case rounding over the curvature exceeds 1e-9 (docs/exactness.md); a guard against more,
        // 4 standard deviations above that rate at 200 cases
        Assert.True(lost.Count <= Math.Max(5, judged * 3 / 20), $"{lost.Count} of {judged} right answers uncertified:\n{string.Join("\n", lost.Take(20))}");
    }

    private (int Judged, List<string> Problems) Sweep(Gen<SweepCase> cases, int count)
    {
        var problems = new List<string>();
        int judged = 0, unresolved = 0;
        cases.Sample(c =>
        {
            switch (Judge(c))
            {
                case null: unresolved++; break;
                case "": judged++; break;
                case var problem: judged++; problems.Add($"{c}: {problem}"); break;
            }
        }, iter: count, threads: 1);
        foreach (var p in problems) output.WriteLine(p);
        output.WriteLine($"{judged} judged, {unresolved} without a proven reference, {problems.Count} failed");
        Assert.True(judged >= count / 2, $"only {judged} of {count} cases had a reference");
        return (judged, problems);
    }

    /// <summary>"" when the certificate tells the truth, a description when it does not, null without a reference.</summary>
    internal static string? Judge(SweepCase c)
    {
        var penalty = c.Penalty;
        double alpha = Alphas[c.Alpha];
        var probe = new ProblemSpec(c.Data, c.Loss, c.Intercept, penalty, Form.Penalised(1));
        double lambdaMax = LambdaMax(probe, alpha);
        double lambda = c.Ratio * lambdaMax;
        var penalised = new ProblemSpec(c.Data, c.Loss, c.Intercept, penalty, Form.Penalised(lambda)).Solve();
        var truth = c.Loss == LossKind.Logistic
            ? SweepReferences.Logistic(c.Data, alpha, lambda, penalised.Weights)
            : SweepReferences.LeastSquares(c.Data, c.Intercept, c.Loss == LossKind.Sse, alpha, lambda, penalised.Weights);
        if (truth is null) return null;
        var s = penalised;
        if (c.Ball)
        {
            // the ball whose radius is the exact penalised optimum's norm has that optimum as its own, with multiplier λ
            double t = penalty.Norm(truth.Weights);
            if (!(t > 0)) return null;
            s = new ProblemSpec(c.Data, c.Loss, c.Intercept, penalty, Form.Constrained(t)).Solve();
        }
        double natural = NaturalWeight(probe);
        double scale = Math.Max(truth.Weights.Max(Math.Abs), natural);
        double error = Math.Sqrt(s.Weights.Zip(truth.Weights, (a, b) => (a - b) * (a - b)).Sum());
        double ours = truth.Objective(s.Weights), best = truth.Objective(truth.Weights);
        // the ball's J is D alone; both sides of the comparison then drop the same λP(w*)
        if (c.Ball) ours -= lambda * (penalty.Value(s.Weights) - penalty.Value(truth.Weights));
        bool weightsRight = error + truth.Error <= 1e-9 * scale;
        bool objectiveRight = ours - best <= 1e-10 * Math.Abs(best) + 1e-15 * Math.Abs(truth.Objective(new double[s.Weights.Length]));
        var cert = s.Certificate;
        // without a weight bound (flat directions: exactly identical columns under l1) only J is promised
        bool surelyWrong = (cert.WeightBound is not null && error - truth.Error > 1e-9 * scale) || !objectiveRight;
        if (cert.Certified && surelyWrong)
            return $"FALSE certificate: ‖w − w*‖ = {error:g3} (scale {scale:g3}), J − J* = {ours - best:g3}; {cert}";
        double ulps = 4 * Math.Pow(2, -52) * Math.Max(scale, s.Weights.Max(Math.Abs));
        if (cert.WeightBound is { } wb && wb + ulps < error - truth.Error)
            return $"FALSE weight bound {wb:g3} below the true error {error:g3}; {cert}";
        if (!cert.Certified && (weightsRight || cert.WeightBound is null) && objectiveRight)
            return $"lost certificate: ‖w − w*‖ = {error:g3} (scale {scale:g3}), J − J* = {ours - best:g3}; {cert}";
        return "";
    }

    /// <summary>λ_max of l1 (‖∇D(0)‖∞), and for ridge the same number as a scale; α scales the l1 part.</summary>
    private static double LambdaMax(ProblemSpec probe, double alpha)
    {
        var g = new double[probe.Loss.Dimension];
        probe.Loss.Gradient(new double[g.Length], g);
        return g.Max(Math.Abs) / Math.Max(alpha, 1e-3);
    }

    /// <summary>‖∇D(0)‖∞ over D's largest curvature: the size of weight the data call for (least squares), else 0.</summary>
    private static double NaturalWeight(ProblemSpec probe)
    {
        if (probe.LossKind == LossKind.Logistic) return 0;
        int k = probe.Loss.Dimension;
        var g = new double[k];
        probe.Loss.Gradient(new double[k], g);
        var h = new double[k * k];
        probe.Loss.Hessian(new double[k], h);
        double top = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(k, k, (i, j) => h[i * k + j]).L2Norm();
        return top > 0 ? g.Max(Math.Abs) / top : 0;
    }
}
