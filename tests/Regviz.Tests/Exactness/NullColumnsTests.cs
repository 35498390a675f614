using CsCheck;
using Regviz.Core;
using Regviz.Core.Data;
using Regviz.Core.Models;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Tests.Support;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Exactness;

/// <summary>
/// An all-zero column (a constant one with an intercept) leaves D unchanged whatever its weight, so for λ &gt; 0 every
/// penalty smallest only at 0 holds that weight at exactly 0, uniquely, and the rest is the problem without the
/// column. Checked against that reduced problem, and for the elastic-net family against the exact optimum in
/// fractions (whose zero-column condition |x_jᵀr| ≤ λα holds exactly, x_j being 0). Where the weight is not unique
/// (λ = 0, linf, a ball that does not bind) the problem is refused, naming the column.
/// </summary>
public class NullColumnsTests
{
    private static readonly Func<Penalty>[] Penalties =
        [() => new L1Penalty(), () => new L2Penalty(), () => new ElasticNetPenalty(0.7), () => new LpPenalty(1.5), () => new LpPenalty(0.5), () => new McpPenalty(), () => new ScadPenalty()];

    private static readonly Gen<(Dataset Full, Dataset Reduced, int At, bool Intercept)> WithNullColumn =
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[2, 4], Gen.Bool, Gen.Double[-1e3, 1e3])
            .Select((seed, k, intercept, level) =>
            {
                var random = new Random(seed);
                int n = 10 + random.Next(10);
                var columns = Enumerable.Range(0, k).Select(_ => Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 4 - 2, 3)).ToArray()).ToList();
                var y = Enumerable.Range(0, n).Select(i => columns.Select((c, j) => c[i] * (j + 1) * (j % 2 == 0 ? 1 : -1)).Sum() + Math.Round(random.NextDouble() - 0.5, 3)).ToArray();
                var names = Enumerable.Range(1, k).Select(j => $"x{j}").ToList();
                var reduced = new Dataset(names.ToArray(), columns.ToArray(), y, "y");
                int at = random.Next(k + 1);
                columns.Insert(at, Enumerable.Repeat(intercept ? Math.Round(level, 2) : 0.0, n).ToArray());
                names.Insert(at, "null");
                return (new Dataset(names.ToArray(), columns.ToArray(), y, "y"), reduced, at, intercept);
            });

    [Fact]
    public void A_null_column_gets_weight_exactly_zero_and_the_rest_is_the_reduced_problem()
    {
        Gen.Select(WithNullColumn, Gen.Int[0, Penalties.Length - 1], Gen.Double[1e-3, 0.5]).Sample((c, p, ratio) =>
        {
            var reducedSpec = new ProblemSpec(c.Reduced, LossKind.Mse, c.Intercept, Penalties[p](), Form.Penalised(1));
            double lambda = ratio * Regviz.Core.Certificates.OptimalityCheck.Reference(reducedSpec.Loss);
            var full = new ProblemSpec(c.Full, LossKind.Mse, c.Intercept, Penalties[p](), Form.Penalised(lambda)).Solve();
            var reduced = new ProblemSpec(c.Reduced, LossKind.Mse, c.Intercept, Penalties[p](), Form.Penalised(lambda)).Solve();
            Assert.Equal(0.0, full.Weights[c.At]);
            // the same problem, though not the same bits: the reduced one is solved from its own square root
            var rest = full.Weights.Where((_, j) => j != c.At).ToArray();
            double size = reduced.Weights.Max(Math.Abs);
            for (int j = 0; j < rest.Length; j++)
                Assert.True(Math.Abs(rest[j] - reduced.Weights[j]) <= 1e-9 * size, $"{Penalties[p]().Name}: {string.Join(", ", rest)} against {string.Join(", ", reduced.Weights)}");
            Assert.True(Math.Abs(reduced.Intercept - full.Intercept) <= 1e-9 * (1 + Math.Abs(reduced.Intercept)));
            Assert.True(full.Certificate.Certified, $"{Penalties[p]().Name}: {full.Certificate}");
            if (Penalties[p]().ElasticNetAlpha is { } alpha)
            {
                var (x, y) = NearDuplicateColumnsTests.ExactlyCentred(c.Full, c.Intercept);
                var exact = FlatProblemsTests.ExactElasticNet(x, y, alpha, lambda, full.Weights);
                Assert.True(exact is not null, $"{Penalties[p]().Name}: not the exact optimum's signs and zeros");
                double scale = exact!.Max(Math.Abs);
                for (int j = 0; j < exact.Length; j++) Assert.True(Math.Abs(full.Weights[j] - exact[j]) <= 1e-9 * scale, $"w{j + 1} {full.Weights[j]} vs {exact[j]}");
            }
        }, iter: 60, threads: 1);
    }

    [Fact]
    public void Where_the_null_columns_weight_is_not_unique_the_problem_is_refused_by_name()
    {
        WithNullColumn.Sample(c =>
        {
            var refusals = new Func<ProblemSpec>[]
            {
                () => new ProblemSpec(c.Full, LossKind.Mse, c.Intercept, new L1Penalty(), Form.Penalised(0)),
                () => new ProblemSpec(c.Full, LossKind.Mse, c.Intercept, new LInfPenalty(), Form.Penalised(0.1)),
                () => new ProblemSpec(c.Full, LossKind.Mse, c.Intercept, new L2Penalty(), Form.Constrained(1e6)),
            };
            foreach (var make in refusals)
            {
                var error = Assert.Throws<ProblemArgumentException>(() => make().Solve());
                Assert.True(error.Message.Contains("'null'") && error.Message.Contains("not unique"), error.Message);
            }
        }, iter: 10, threads: 1);
    }

    [Fact]
    public void An_unpenalised_logistic_fit_does_not_bound_a_null_columns_weight()
    {
        // at λ = 0 any weight on the column is as good: the objective may be certified, the weights may not
        var random = new Random(7);
        var x = Enumerable.Range(0, 40).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        var y = x.Select(v => random.NextDouble() < 1 / (1 + Math.Exp(-2 * v)) ? 1.0 : 0.0).ToArray();
        var data = new Dataset(["x", "null"], [x, new double[40]], y, "y");
        var s = new ProblemSpec(data, LossKind.Logistic, false, new L2Penalty(), Form.Penalised(0)).Solve();
        Assert.Null(s.Certificate.WeightBound);
        var ridged = new ProblemSpec(data, LossKind.Logistic, false, new L2Penalty(), Form.Penalised(1e-3)).Solve();
        Assert.Equal(0.0, ridged.Weights[1]);
        Assert.True(ridged.Certificate.Certified && ridged.Certificate.WeightBound is not null, $"{ridged.Certificate}");
    }
}
