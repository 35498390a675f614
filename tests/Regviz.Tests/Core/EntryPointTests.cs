using CsCheck;
using Regviz.Core.Paths;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>
/// An elastic-net path's points where a coefficient enters or leaves 0 (#24), against references computed here from
/// the statistics alone: with a diagonal Gram matrix every coefficient is on its own and enters at λ_j = 2|c_j|/α; in
/// general, on the piece of the path with active set A and signs σ, w_A(λ) solves (2G_AA + 2λ(1−α)I)·w_A = 2c_A − λασ_A
/// (the stationarity of D + λ(α‖w‖₁ + (1−α)‖w‖²), D = wᵀGw − 2cᵀw + yy), and a zero coefficient enters where
/// |2(G_jA·w_A(λ) − c_j)| = λα. Both are solved here (Gaussian elimination, bisection), not by regviz's solvers.
/// </summary>
public class EntryPointTests
{
    private static QuadraticLoss Loss(double[] gram, double[] cross, double yy) =>
        new(gram, cross, yy, 1, 50, [.. Enumerable.Range(1, cross.Length).Select(j => $"x{j}")]);

    private static readonly Gen<(double[] D, double[] C, double Alpha, int Count)> Diagonal =
        Gen.Select(Gen.Int[2, 6], Gen.Double[0.1, 0.95], Gen.Int[8, 60], Gen.ULong).Select((k, alpha, count, seed) =>
        {
            var r = new Random((int)(seed % int.MaxValue));
            return (Enumerable.Range(0, k).Select(_ => 0.2 + 3 * r.NextDouble()).ToArray(),
                    Enumerable.Range(0, k).Select(_ => (r.NextDouble() * 2 - 1) * Math.Pow(10, r.NextDouble() * 2 - 1)).ToArray(), alpha, count);
        });

    [Fact]
    public void With_a_diagonal_gram_each_coefficient_enters_at_twice_its_cross_product_over_alpha()
    {
        Diagonal.Sample(t =>
        {
            int k = t.D.Length;
            var gram = new double[k * k];
            for (int j = 0; j < k; j++) gram[j * k + j] = t.D[j];
            var loss = Loss(gram, t.C, t.C.Select((c, j) => c * c / t.D[j]).Sum() + 1);
            var path = RegularisationPaths.LogGrid(loss, new ElasticNetPenalty(t.Alpha), t.Count);
            double first = path.LambdaMax, last = path.Points[^1].Lambda;
            for (int j = 0; j < k; j++)
            {
                double expected = 2 * Math.Abs(t.C[j]) / t.Alpha;
                if (expected >= first * (1 - 1e-12) || expected <= last) continue; // enters at λ_max, or below the grid
                Assert.Contains(path.EntryLambdas, l => Math.Abs(l - expected) <= 1e-9 * expected);
                var at = path.Points.Single(p => Math.Abs(p.Lambda - expected) <= 1e-9 * expected);
                Assert.Equal(0, at.Weights[j]);
                Assert.True(at.Certificate is { Certified: true });
            }
            // nothing else is inserted: every entry λ is some coefficient's
            Assert.All(path.EntryLambdas, l => Assert.Contains(t.C, c => Math.Abs(2 * Math.Abs(c) / t.Alpha - l) <= 1e-9 * l));
        }, iter: 60);
    }

    // coarse grids too (3 points and up), where one grid step can hold several changes: a coefficient entering while
    // another leaves, or one entering and leaving again, which the step's ends alone do not show
    private static readonly Gen<(double[] G, double[] C, double YY, double Alpha, int Count)> General =
        Gen.Select(Gen.Int[2, 6], Gen.Int[12, 40], Gen.Double[0.1, 0.95], Gen.OneOf(Gen.Int[3, 9], Gen.Int[10, 80]), Gen.ULong).Select((k, n, alpha, count, seed) =>
        {
            var r = new Random((int)(seed % int.MaxValue));
            var x = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, k).Select(_ => r.NextDouble() * 2 - 1).ToArray()).ToArray();
            // correlated columns, so that coefficients enter late and some leave again
            foreach (var row in x) row[^1] = 0.7 * row[0] + 0.3 * row[^1];
            var beta = Enumerable.Range(0, k).Select(_ => r.NextDouble() * 4 - 2).ToArray();
            var y = x.Select(row => row.Zip(beta, (a, b) => a * b).Sum() + 0.5 * (r.NextDouble() - 0.5)).ToArray();
            var g = new double[k * k];
            var c = new double[k];
            for (int i = 0; i < k; i++)
            {
                c[i] = Enumerable.Range(0, n).Sum(m => x[m][i] * y[m]) / n;
                for (int j = 0; j < k; j++) g[i * k + j] = Enumerable.Range(0, n).Sum(m => x[m][i] * x[m][j]) / n;
            }
            return (g, c, y.Sum(v => v * v) / n, alpha, count);
        });

    [Fact]
    public void Every_entry_point_is_where_the_active_set_closed_form_reaches_the_edge_of_a_zero_coefficient() =>
        General.Sample(t => AssertEntries(t.G, t.C, t.YY, t.Alpha, t.Count), iter: 40);

    [Fact]
    public void A_coefficient_leaving_in_the_grid_step_where_another_enters_has_its_point()
    {
        // found by CsCheck (seed bKaEbEQQ0OV1): w1 is 0 at both ends of the step from λ_max to 0.174, yet it is active
        // from λ_max down to where w2 enters (0.347) and leaves below; the exit, hidden from the step's ends, was missing
        AssertEntries([0.4323142641261007, 0.28938798834696056, 0.28938798834696056, 0.22070328740922474],
            [0.22993078522939503, 0.2064553041995573], 0.24411571610619434, 18d / 19, 10);
    }

    [Fact]
    public void A_grid_of_three_points_still_has_every_entry()
    {
        // found by CsCheck (seed 91spcUXCTlM3): the solve budget was 32 per grid point, 96 here, and the search for
        // the coefficient entering at λ_max itself spent it, so x4's entry in the last step was left out
        AssertEntries([0.36152992491538355, 0.09857052183023178, 0.058187585354549216, 0.20162406955171294, 0.09857052183023178, 0.3617787795434277,
                0.16695900221897783, 0.050922225717616364, 0.058187585354549216, 0.16695900221897783, 0.429589373556628, 0.007213302260835483,
                0.20162406955171294, 0.050922225717616364, 0.007213302260835483, 0.13062748838482938],
            [-0.42530742814837996, -0.5106418245147528, -0.3838218818227968, -0.21387351517720687], 1.0345905485047522, 0.5, 3);
    }

    private static void AssertEntries(double[] g, double[] c, double yy, double alpha, int count)
    {
        int k = c.Length;
        var path = RegularisationPaths.LogGrid(Loss(g, c, yy), new ElasticNetPenalty(alpha), count);
        foreach (double entry in path.EntryLambdas)
        {
            var at = path.Points.Single(p => p.Lambda == entry);
            Assert.True(at.Certificate is { Certified: true }, $"λ = {entry:R} is not certified");
            var active = Enumerable.Range(0, k).Where(j => at.Weights[j] != 0).ToArray();
            var signs = active.Select(j => (double)Math.Sign(at.Weights[j])).ToArray();
            // the weights are the closed form's on this piece
            var w = Piece(g, c, alpha, active, signs, entry);
            for (int i = 0; i < active.Length; i++)
                Assert.True(Math.Abs(w[i] - at.Weights[active[i]]) <= 1e-8 * (1 + Math.Abs(w[i])), $"λ = {entry:R}: w{active[i] + 1} = {at.Weights[active[i]]:R}, closed form {w[i]:R}");
            // some zero coefficient is at the edge: the root of its condition, found here by bisection, is this λ
            var roots = Enumerable.Range(0, k).Where(j => at.Weights[j] == 0)
                .Select(j => Root(l => Edge(g, c, alpha, active, signs, j, l), entry)).Where(r => r is not null).ToArray();
            Assert.True(roots.Any(r => Math.Abs(r!.Value - entry) <= 1e-9 * entry), $"no zero coefficient of the point at λ = {entry:R} reaches its edge there");
        }
        // a change of the zero pattern between two neighbouring points always has an entry point at its zero side
        for (int i = 1; i < path.Points.Count; i++)
        {
            var (a, b) = (path.Points[i - 1], path.Points[i]);
            for (int j = 0; j < k; j++)
            {
                if ((a.Weights[j] == 0) == (b.Weights[j] == 0) || i == 1) continue; // the first coefficient enters at λ_max itself
                double zeroSide = a.Weights[j] == 0 ? a.Lambda : b.Lambda;
                Assert.Contains(zeroSide, path.EntryLambdas);
            }
        }
    }

    /// <summary>w_A(λ) on the piece with active set A and signs σ.</summary>
    private static double[] Piece(double[] g, double[] c, double alpha, int[] active, double[] signs, double lambda)
    {
        int k = c.Length, m = active.Length;
        var a = new double[m, m + 1];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++) a[i, j] = 2 * g[active[i] * k + active[j]] + (i == j ? 2 * lambda * (1 - alpha) : 0);
            a[i, m] = 2 * c[active[i]] - lambda * alpha * signs[i];
        }
        // Gaussian elimination with partial pivoting
        for (int col = 0; col < m; col++)
        {
            int pivot = Enumerable.Range(col, m - col).MaxBy(r => Math.Abs(a[r, col]));
            for (int j = 0; j <= m; j++) (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            for (int r = col + 1; r < m; r++)
            {
                double f = a[r, col] / a[col, col];
                for (int j = col; j <= m; j++) a[r, j] -= f * a[col, j];
            }
        }
        var w = new double[m];
        for (int i = m - 1; i >= 0; i--)
        {
            double s = a[i, m];
            for (int j = i + 1; j < m; j++) s -= a[i, j] * w[j];
            w[i] = s / a[i, i];
        }
        return w;
    }

    /// <summary>|∂D/∂w_j| − λα with w on the piece and w_j = 0: ≤ 0 while 0 is optimal for w_j.</summary>
    private static double Edge(double[] g, double[] c, double alpha, int[] active, double[] signs, int j, double lambda)
    {
        var w = Piece(g, c, alpha, active, signs, lambda);
        double grad = -c[j];
        for (int i = 0; i < active.Length; i++) grad += g[j * c.Length + active[i]] * w[i];
        return Math.Abs(2 * grad) - lambda * alpha;
    }

    /// <summary>The root of <paramref name="f"/> within a millionth of <paramref name="near"/>, by bisection, or null without a sign change there.</summary>
    private static double? Root(Func<double, double> f, double near)
    {
        double lo = near * (1 - 1e-6), hi = near * (1 + 1e-6), flo = f(lo), fhi = f(hi);
        if (Math.Sign(flo) == Math.Sign(fhi)) return null;
        for (int i = 0; i < 200 && hi - lo > 1e-15 * near; i++)
        {
            double mid = (lo + hi) / 2, fm = f(mid);
            if (Math.Sign(fm) == Math.Sign(flo)) (lo, flo) = (mid, fm);
            else hi = mid;
        }
        return (lo + hi) / 2;
    }
}
