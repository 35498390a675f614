using CsCheck;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Tests.Support;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Exactness;

/// <summary>
/// Nearly flat but strictly convex problems (#31): identical columns with a tiny ridge term (α → 1), and a given loss
/// whose A is nearly singular. Each answer is compared with the exact optimum in rational arithmetic, found from the
/// data alone: the sign-fixed stationary system solved exactly and every optimality condition checked exactly, so
/// the reference is proven optimal, and unique because J is strictly convex.
/// </summary>
public class FlatProblemsTests
{
    private static readonly double[] Alphas = [1 - 1e-12, 1 - 1e-9, 0.999, 0.5];

    private static readonly Gen<(Dataset Data, double Alpha, double Lambda)> DuplicateGroups =
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[2, 4], Gen.Int[2, 3], Gen.Int[0, Alphas.Length - 1], Gen.Double[1e-4, 0.2])
            .Select((seed, distinct, copies, a, ratio) =>
            {
                var random = new Random(seed);
                int n = 8 + random.Next(8);
                var columns = new List<double[]>();
                for (int j = 0; j < distinct; j++) columns.Add(Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 8 - 4, 3)).ToArray());
                int copied = random.Next(distinct);
                for (int c = 1; c < copies; c++) columns.Insert(random.Next(columns.Count + 1), (double[])columns[copied].Clone());
                var y = Enumerable.Range(0, n).Select(i => columns.Sum(col => col[i]) + Math.Round(random.NextDouble() - 0.5, 3)).ToArray();
                var data = new Dataset(columns.Select((_, j) => $"x{j + 1}").ToArray(), columns.ToArray(), y, "y");
                double lambdaMax = columns.Max(col => Math.Abs(2.0 / n * col.Zip(y).Sum(z => z.First * z.Second)));
                return (data, Alphas[a], ratio * lambdaMax);
            });

    [Fact]
    public void Identical_columns_with_a_tiny_ridge_term_reach_the_unique_optimum_certified()
    {
        DuplicateGroups.Sample(c =>
        {
            var spec = new ProblemSpec(c.Data, LossKind.Mse, false, new ElasticNetPenalty(c.Alpha), Form.Penalised(c.Lambda));
            var s = spec.Solve();
            var exact = ExactElasticNet(c.Data, c.Alpha, c.Lambda, s.Weights);
            Assert.NotNull(exact); // the answer's signs were the optimum's: the exact conditions hold there
            double scale = exact!.Max(Math.Abs);
            Assert.True(s.Certificate.Certified, $"α = {c.Alpha}, λ = {c.Lambda}: {s.Certificate}");
            for (int j = 0; j < exact.Length; j++)
                Assert.True(Math.Abs(s.Weights[j] - exact[j]) <= 1e-9 * scale, $"w{j + 1} = {s.Weights[j]} against exact {exact[j]} (α = {c.Alpha})");
            Assert.True(s.Certificate.WeightBound is { } b && b <= 1e-9 * scale, $"{s.Certificate}");
        }, iter: 60, threads: 1);
    }

    [Fact]
    public void An_answer_off_the_equal_split_is_not_certified()
    {
        // the case: three identical columns, α = 1 − 1e-12; moving weight between identical columns leaves the
        // KKT residual at rounding but J's curvature there is 2λ(1−α), so the weights carry no 1e-9 bound
        var random = new Random(31);
        var shared = Enumerable.Range(0, 12).Select(_ => Math.Round(random.NextDouble() * 4 - 2, 3)).ToArray();
        var other = Enumerable.Range(0, 12).Select(_ => Math.Round(random.NextDouble() * 4 - 2, 3)).ToArray();
        var y = Enumerable.Range(0, 12).Select(i => 2 * shared[i] + other[i] + Math.Round(random.NextDouble() - 0.5, 3)).ToArray();
        var data = new Dataset(["x1", "x2", "x3", "x4"], [shared, other, (double[])shared.Clone(), (double[])shared.Clone()], y, "y");
        var spec = new ProblemSpec(data, LossKind.Mse, false, new ElasticNetPenalty(Alphas[0]), Form.Penalised(0.01));
        var s = spec.Solve();
        var group = ((QuadraticLoss)spec.Loss).Identical[0];
        var moved = (double[])s.Weights.Clone();
        moved[group[0]] += 1e-3;
        moved[group[1]] -= 1e-3;
        var certificate = Regviz.Core.Certificates.OptimalityCheck.Penalised(spec.Loss, spec.Penalty, moved, 0.01);
        Assert.True(certificate.Kkt <= 1e-9, $"{certificate}"); // the residual cannot tell
        Assert.False(certificate.Certified, $"{certificate}");
    }

    [Fact]
    public void A_given_loss_with_a_nearly_singular_hessian_keeps_its_digits()
    {
        Gen.Select(Gen.Double[0.5, 4], Gen.Double[0.5, 4], Gen.Int[4, 12], Gen.Double[-3, 3], Gen.Double[-3, 3]).Sample((a, d, digits, cx, cy) =>
        {
            double b = Math.Sqrt(a * d) * (1 - Math.Pow(10, -digits));
            var data = GivenQuadratic.AsData(cx, cy, a, b, d);
            double lambda = 0.1;
            var s = new ProblemSpec(data, LossKind.Sse, false, new L2Penalty(), Form.Penalised(lambda)).Solve();
            // (A + λI)w = A·c exactly, from the numbers as given
            var (ra, rb, rd, rl) = (Rational.From(a), Rational.From(b), Rational.From(d), Rational.From(lambda));
            var rhs = new[] { ra * Rational.From(cx) + rb * Rational.From(cy), rb * Rational.From(cx) + rd * Rational.From(cy) };
            var w = Rational.Solve(new[,] { { ra + rl, rb }, { rb, rd + rl } }, rhs);
            double scale = Math.Max(Math.Abs(w[0].ToDouble()), Math.Abs(w[1].ToDouble()));
            for (int j = 0; j < 2; j++)
                Assert.True(Math.Abs(s.Weights[j] - w[j].ToDouble()) <= 1e-9 * scale, $"b = √(ad)(1 − 1e-{digits}): w{j + 1} {s.Weights[j]} vs exact {w[j].ToDouble()}");
        }, iter: 60, threads: 1);
    }

    /// <summary>
    /// The exact elastic-net optimum with the signs of <paramref name="guess"/>: (2/n)X_AᵀX_A w + 2λ(1−α)w =
    /// (2/n)X_Aᵀy − λασ on the support, solved in fractions; null unless every sign and every zero's condition
    /// |(2/n)x_jᵀ(y − Xw)| ≤ λα then holds exactly.
    /// </summary>
    internal static double[]? ExactElasticNet(Dataset data, double alpha, double lambda, double[] guess) =>
        ExactElasticNet(data.Columns.Select(col => col.Select(Rational.From).ToArray()).ToArray(), data.Target.Select(Rational.From).ToArray(), alpha, lambda, guess);

    /// <summary>
    /// The same on columns and target given as fractions (centred or scaled by the caller, exactly); the data term is
    /// the mean of squares, or with <paramref name="sum"/> their sum (D = ‖y − Xw‖², sse).
    /// </summary>
    internal static double[]? ExactElasticNet(Rational[][] x, Rational[] y, double alpha, double lambda, double[] guess, bool sum = false)
    {
        int n = y.Length, k = x.Length;
        var (ra, rl, two, rn) = (Rational.From(alpha), Rational.From(lambda), Rational.From(2), Rational.From(sum ? 1 : n));
        var one = Rational.From(1);
        var active = Enumerable.Range(0, k).Where(j => guess[j] != 0).ToArray();
        Rational Dot(Rational[] u, Rational[] v) { var s = Rational.Zero; for (int i = 0; i < n; i++) s += u[i] * v[i]; return s; }
        var m = new Rational[active.Length, active.Length];
        var rhs = new Rational[active.Length];
        for (int p = 0; p < active.Length; p++)
        {
            for (int q = 0; q < active.Length; q++)
                m[p, q] = two / rn * Dot(x[active[p]], x[active[q]]) + (p == q ? two * rl * (one - ra) : Rational.Zero);
            rhs[p] = two / rn * Dot(x[active[p]], y) - rl * ra * Rational.From(Math.Sign(guess[active[p]]));
        }
        var wa = active.Length > 0 ? Rational.Solve(m, rhs) : [];
        var w = Enumerable.Repeat(Rational.Zero, k).ToArray();
        for (int p = 0; p < active.Length; p++)
        {
            if (wa[p].Sign != Math.Sign(guess[active[p]])) return null;
            w[active[p]] = wa[p];
        }
        var residual = Enumerable.Range(0, n).Select(i => { var r = y[i]; for (int j = 0; j < k; j++) r -= x[j][i] * w[j]; return r; }).ToArray();
        for (int j = 0; j < k; j++)
            if (guess[j] == 0 && (two / rn * Dot(x[j], residual)).Abs() > rl * ra) return null;
        return w.Select(v => v.ToDouble()).ToArray();
    }
}
