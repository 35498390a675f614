using CsCheck;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Tests.Support;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Exactness;

/// <summary>
/// --standardize with an intercept on columns whose mean is up to 1e10 times their spread (#31): the columns were
/// divided by their scale before the intercept centred them, which lost the spread's digits. The reference centres
/// and scales in fractions (the mean exactly; the scale is the population standard deviation rounded to a double,
/// the one number both sides define the same way) and solves the elastic net exactly on the answer's signs.
/// </summary>
public class StandardizeOffsetsTests
{
    [Fact]
    public void Standardized_fits_with_an_intercept_keep_their_digits_at_any_offset()
    {
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[0, 10], Gen.Int[0, 2], Gen.Double[0.01, 0.3]).Sample((seed, exponent, kind, ratio) =>
        {
            var random = new Random(seed);
            int n = 12, k = 3;
            double offset = Math.Pow(10, exponent);
            var columns = Enumerable.Range(0, k).Select(j => Enumerable.Range(0, n).Select(_ => offset * (j + 1) + Math.Round(random.NextDouble() * 4 - 2, 2)).ToArray()).ToArray();
            var y = Enumerable.Range(0, n).Select(i => 0.5 * (columns[0][i] - offset) - 0.25 * (columns[2][i] - 3 * offset) + Math.Round(random.NextDouble(), 2)).ToArray();
            var data = new Dataset(["x1", "x2", "x3"], columns, y, "y");
            double alpha = kind switch { 0 => 0, 1 => 1, _ => 0.5 };
            Penalty penalty = kind switch { 0 => new L2Penalty(), 1 => new L1Penalty(), _ => new ElasticNetPenalty(0.5) };
            var scaling = Standardization.Of(data, centre: true);
            var scaled = new ProblemSpec(scaling.Apply(data), LossKind.Mse, true, penalty, Form.Penalised(1));
            double lambda = ratio * (scaled.Penalty.LambdaMax(Gradient0(scaled)) ?? 1);
            var s = new ProblemSpec(scaling.Apply(data), LossKind.Mse, true, penalty, Form.Penalised(lambda)).Solve();
            var w = scaling.ToOriginal(s.Weights);

            // the reference: exact centring, division by the double scale, then the exact sign-fixed solve
            var x = columns.Select(col =>
            {
                var exact = col.Select(Rational.From).ToArray();
                var mean = exact.Aggregate(Rational.Zero, (a, b) => a + b) / Rational.From(n);
                return exact.Select(v => v - mean).ToArray();
            }).ToArray();
            var scales = x.Select(col => Math.Sqrt(col.Aggregate(Rational.Zero, (a, v) => a + v * v).ToDouble() / n)).ToArray();
            var xs = x.Select((col, j) => col.Select(v => v / Rational.From(scales[j])).ToArray()).ToArray();
            var ty = y.Select(Rational.From).ToArray();
            var ymean = ty.Aggregate(Rational.Zero, (a, b) => a + b) / Rational.From(n);
            var reference = FlatProblemsTests.ExactElasticNet(xs, ty.Select(v => v - ymean).ToArray(), alpha, lambda, s.Weights);
            Assert.NotNull(reference);
            var original = reference!.Select((v, j) => v / scales[j]).ToArray();
            double top = original.Max(Math.Abs);
            for (int j = 0; j < k; j++)
                Assert.True(Math.Abs(w[j] - original[j]) <= 1e-9 * top, $"offset 1e{exponent}, α {alpha}: w{j + 1} {w[j]} vs exact {original[j]} ({s.Certificate})");
        }, iter: 60, threads: 1);
    }

    private static double[] Gradient0(ProblemSpec spec)
    {
        var g = new double[spec.Loss.Dimension];
        spec.Loss.Gradient(new double[spec.Loss.Dimension], g);
        return g;
    }
}
