using CsCheck;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Tests.Support;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>
/// A loss given as A and c (--hessian, --centre) with A nearly singular and c on or near its flat direction: there
/// the optimum is a small multiple of c, set by A's smallest eigenvalue, and any rounding of A or c (the two data
/// rows that pose the loss) moves it by a large part of itself. Each answer is compared with the optimum of the
/// numbers as given, found in fractions from A and c alone.
/// </summary>
public class GivenFlatDirectionTests
{
    /// <summary>ridge (α = 0), elastic nets and the lasso (α = 1), as P = α‖w‖₁ + (1 − α)‖w‖².</summary>
    private static readonly double[] Alphas = [0, 0.3, 0.9, 1];

    private static Penalty PenaltyFor(double alpha) => alpha switch { 0 => new L2Penalty(), 1 => new L1Penalty(), _ => new ElasticNetPenalty(alpha) };

    private static readonly Gen<(double A, double B, double D, double Cx, double Cy, int Alpha, double Lambda)> FlatCentres =
        Gen.Select(Gen.Double[0.3, 5], Gen.Double[0.3, 5], Gen.Int[3, 13], Gen.Double[-4, 4], Gen.Int[0, 3], Gen.Int[0, Alphas.Length - 1], Gen.Double[-3, 0.5], Gen.Bool)
            .Select((a, d, digits, t, off, alpha, logLambda, negative) =>
            {
                double b = (negative ? -1 : 1) * Math.Sqrt(a * d) * (1 - Math.Pow(10, -digits));
                // A ≈ uuᵀ with u = (√a, ±√d): the flat direction is (√d, ∓√a), plus a part along u of 0, 1e-14, 1e-10 or 1e-6
                double sa = Math.Sqrt(a), sd = Math.Sqrt(d), sign = negative ? -1 : 1, e = off == 0 ? 0 : t * Math.Pow(10, -18 + 4 * off);
                return (a, b, d, t * sd + e * sa, -sign * t * sa + sign * e * sd, alpha, Math.Pow(10, logLambda));
            });

    [Fact]
    public void The_optimum_along_a_nearly_flat_direction_is_the_given_quadratics()
    {
        FlatCentres.Sample(c =>
        {
            double alpha = Alphas[c.Alpha];
            var s = new ProblemSpec(GivenQuadratic.AsData(c.Cx, c.Cy, c.A, c.B, c.D), LossKind.Sse, false, PenaltyFor(alpha), Form.Penalised(c.Lambda)).Solve();
            var exact = Exact(c.A, c.B, c.D, c.Cx, c.Cy, alpha, c.Lambda, s.Weights);
            string where = $"A = [[{c.A:R}, {c.B:R}], [{c.B:R}, {c.D:R}]], c = ({c.Cx:R}, {c.Cy:R}), α = {alpha}, λ = {c.Lambda:R}: w = ({s.Weights[0]:R}, {s.Weights[1]:R})";
            Assert.True(exact is not null, $"{where} has not the optimum's signs");
            double scale = exact!.Max(Math.Abs);
            for (int j = 0; j < 2; j++)
                Assert.True(Math.Abs(s.Weights[j] - exact[j]) <= 1e-9 * scale, $"{where} against exact ({exact[0]:R}, {exact[1]:R})");
        }, iter: 300);
    }

    /// <summary>
    /// The optimum of (w − c)ᵀA(w − c) + λ(α‖w‖₁ + (1 − α)‖w‖²) with the signs of <paramref name="guess"/>, in fractions:
    /// 2(A + λ(1 − α)I)w = 2Ac − λασ on the support; null unless the signs and every zero's |2(A(w − c))_j| ≤ λα hold exactly.
    /// </summary>
    private static double[]? Exact(double a, double b, double d, double cx, double cy, double alpha, double lambda, double[] guess)
    {
        var m = new[,] { { Rational.From(a), Rational.From(b) }, { Rational.From(b), Rational.From(d) } };
        var c = new[] { Rational.From(cx), Rational.From(cy) };
        var (two, ra, rl) = (Rational.From(2), Rational.From(alpha), Rational.From(lambda));
        var ridge = two * rl * (Rational.From(1) - ra);
        var active = Enumerable.Range(0, 2).Where(j => guess[j] != 0).ToArray();
        var h = new Rational[active.Length, active.Length];
        var rhs = new Rational[active.Length];
        for (int p = 0; p < active.Length; p++)
        {
            for (int q = 0; q < active.Length; q++) h[p, q] = two * m[active[p], active[q]] + (p == q ? ridge : Rational.Zero);
            rhs[p] = two * (m[active[p], 0] * c[0] + m[active[p], 1] * c[1]) - rl * ra * Rational.From(Math.Sign(guess[active[p]]));
        }
        var wa = active.Length > 0 ? Rational.Solve(h, rhs) : [];
        var w = new[] { Rational.Zero, Rational.Zero };
        for (int p = 0; p < active.Length; p++)
        {
            if (wa[p].Sign != Math.Sign(guess[active[p]])) return null;
            w[active[p]] = wa[p];
        }
        for (int j = 0; j < 2; j++)
            if (guess[j] == 0 && (two * (m[j, 0] * (w[0] - c[0]) + m[j, 1] * (w[1] - c[1]))).Abs() > rl * ra) return null;
        return w.Select(v => v.ToDouble()).ToArray();
    }
}
