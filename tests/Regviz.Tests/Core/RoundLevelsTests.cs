using CsCheck;
using Regviz.Core.Scenes;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>
/// The rounding of thin contour levels ends and stays within its reach for any level and reach, including a reach
/// below the level's own rounding (a level of 1e6 within 1e-12), where the search for a step once never ended.
/// </summary>
public class RoundLevelsTests
{
    [Fact]
    public void A_level_moves_at_most_its_reach_and_the_search_ends_at_every_scale()
    {
        Gen.Select(Gen.Double[-1, 1], Gen.Int[-300, 300], Gen.Double[0.01, 1], Gen.Int[-320, 300]).Sample((mantissa, exponent, r, reachExponent) =>
        {
            double value = mantissa * Math.Pow(10, exponent), reach = r * Math.Pow(10, reachExponent);
            if (!(reach > 0) || !double.IsFinite(value)) return;
            double rounded = RoundLevels.Roundest(value, reach);
            Assert.True(double.IsFinite(rounded), $"{value} within {reach}: {rounded}");
            // the decimal it is read back as may sit an ulp of the result away from the exact multiple
            Assert.True(Math.Abs(rounded - value) <= reach + 2 * Ulp(value), $"{value} within {reach} moved to {rounded}");
        }, iter: 20000);
    }

    [Theory]
    [InlineData(1e6, 1e-12)]
    [InlineData(3948.123, 1e-20)]
    [InlineData(-7.615, 1e-300)]
    public void A_reach_below_the_levels_rounding_leaves_it_within_its_rounding(double value, double reach) =>
        Assert.True(Math.Abs(RoundLevels.Roundest(value, reach) - value) <= 2 * Ulp(value));

    private static double Ulp(double v) => Math.BitIncrement(Math.Abs(v)) - Math.Abs(v);
}
