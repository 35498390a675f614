using CsCheck;
using Regviz.Core;
using Regviz.Core.Penalties;
using Xunit;

namespace Regviz.Tests.Catalogue;

/// <summary>
/// What every registered penalty declares about itself, checked against its value P(w), the one thing a penalty
/// cannot get wrong by definition: its derivative, kink, proximal operator, level-set radius and declared parameter
/// ranges. The solver tests lean on these (a new penalty's optimality is checked through its derivative), so a wrong
/// derivative fails here, by name.
/// </summary>
public class PenaltyCalculusTests
{
    public static TheoryData<string> Separable => CataloguePenalties.Labels(p => p.IsSeparable);
    public static TheoryData<string> Every => CataloguePenalties.Labels(_ => true);
    public static TheoryData<string> Kinds => [.. PenaltyCatalogue.Names];

    private static double Term(Penalty p, double x) => p.Value([x]);

    [Theory]
    [MemberData(nameof(Separable))]
    public void Derivative_is_the_slope_of_the_value(string label)
    {
        var p = CataloguePenalties.Get(label);
        Gen.Double[0.01, 20].Select(Gen.Bool).Sample((a, negative) =>
        {
            double w = negative ? -a : a, h = 1e-6 * a;
            double left = (Term(p, w) - Term(p, w - h)) / h, right = (Term(p, w + h) - Term(p, w)) / h;
            // a breakpoint of p′ (MCP's γλ, Huber's δ) between w ± h: the one-sided slopes differ there; skip it
            if (Math.Abs(left - right) > 1e-4 * (1 + Math.Abs(left))) return;
            double first = p.Derivatives(w).First;
            Assert.True(Math.Abs(first - 0.5 * (left + right)) <= 1e-5 * (1 + Math.Abs(first)), $"{label}: p′({w:R}) = {first:R}, slope {0.5 * (left + right):R}");
        }, iter: 300);
    }

    [Theory]
    [MemberData(nameof(Separable))]
    public void Kink_at_zero_is_the_slope_leaving_zero(string label)
    {
        var p = CataloguePenalties.Get(label);
        Assert.Equal(0.0, Term(p, 0));
        double slope = Term(p, 1e-14) / 1e-14; // p(ε)/ε = p′(0⁺) + O(ε^(q−1)) for a smooth p ~ |w|^q, q > 1
        // a cusp (lp, p < 1) has an infinite kink and a slope that grows without bound as w → 0
        if (double.IsPositiveInfinity(p.KinkAtZero)) Assert.True(slope > 1e3, $"{label}: slope {slope:R} at 0⁺ for an infinite kink");
        else Assert.True(Math.Abs(slope - p.KinkAtZero) <= 1e-6 * (1 + p.KinkAtZero), $"{label}: kink {p.KinkAtZero:R}, slope {slope:R} at 0⁺");
    }

    [Theory]
    [MemberData(nameof(Separable))]
    public void Scalar_prox_is_the_global_minimiser(string label)
    {
        var p = CataloguePenalties.Get(label);
        Gen.Select(Gen.Double[-6, 6], Gen.Double[0.01, 4]).Sample((v, t) =>
        {
            double H(double x) => 0.5 * (x - v) * (x - v) + t * Term(p, x);
            double x = p.ScalarProx(v, t), best = H(x);
            // the minimiser lies between 0 and v: a fine grid there, and both ends, must not beat it
            for (int i = 0; i <= 4000; i++)
            {
                double y = v * i / 4000.0;
                Assert.True(best <= H(y) + 1e-12 * (1 + Math.Abs(best)), $"{label}: prox({v:R}, {t:R}) = {x:R} with h = {best:R}, but h({y:R}) = {H(y):R}");
            }
        }, iter: 60);
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Radius_along_a_ray_reaches_the_level(string label)
    {
        var p = CataloguePenalties.Get(label);
        var (halfWidth, top) = p.NormView;
        Gen.Select(Gen.Double[0, 2 * Math.PI], Gen.Double[0.05, 1]).Sample((phi, share) =>
        {
            double level = share * top, r = p.RadiusAlong(Math.Cos(phi), Math.Sin(phi), level);
            double v = p.Value([r * Math.Cos(phi), r * Math.Sin(phi)]);
            // a penalty that stops rising (MCP, SCAD) may never reach the level along this ray: then r is where it
            // went flat, and farther out is no higher
            if (v < level && v == p.Value([2 * r * Math.Cos(phi), 2 * r * Math.Sin(phi)]) && !p.IsConvex) return;
            Assert.True(Math.Abs(v - level) <= 1e-9 * level, $"{label}: P = {v:R} at the radius of level {level:R}, φ = {phi:R}");
        }, iter: 100);
        Assert.True(halfWidth > 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Declared_ranges_are_kept(string name)
    {
        var kind = PenaltyCatalogue.Find(name)!;
        foreach (var spec in kind.Parameters)
        {
            var range = spec.Range;
            double[] outside = [range.MinIncluded ? Math.BitDecrement(range.Min) : range.Min, range.MaxIncluded ? Math.BitIncrement(range.Max) : range.Max, double.NaN];
            foreach (double v in outside.Where(double.IsFinite).Append(double.NaN))
            {
                var e = Assert.Throws<ProblemArgumentException>(() => kind.Create(PenaltyArguments.None.With(spec.Name, v)));
                Assert.Equal(spec.Name, e.ParamName);
            }
            // every sample the catalogue tests use is accepted, and the penalty reports the value it was given
            Assert.NotEmpty(CataloguePenalties.Samples(spec));
            foreach (double v in CataloguePenalties.Samples(spec))
            {
                Penalty made;
                try { made = kind.Create(PenaltyArguments.None.With(spec.Name, v)); }
                catch (ProblemArgumentException e) when (e.ParamName == spec.Name) { continue; } // a narrower range of this penalty's own
                Assert.Equal(v, Assert.Single(made.Parameters, a => a.Name == spec.Name).Value);
            }
        }
        Assert.Equal(name, kind.Create(PenaltyArguments.None).Name);
    }
}
