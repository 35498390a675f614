using System.Globalization;
using CsCheck;
using Regviz.Cli.Explore;
using Xunit;

namespace Regviz.Tests.Motion;

/// <summary>
/// The frame page's numbers read in one notation (#25: "2.61316E-05" was on the page): written out from 1e-4 to below
/// 1e6, m × 10ᵏ beyond, six significant digits either way, read back here to the number they name.
/// </summary>
public class FrameNumberTests
{
    [Fact]
    public void Every_number_is_written_out_or_as_a_power_of_ten_and_reads_back_to_six_digits()
    {
        var magnitude = Gen.Int[-300, 300].Select(Gen.Double[1, 10], Gen.Bool, (e, m, negative) => (negative ? -1 : 1) * m * Math.Pow(10, e));
        magnitude.Where(double.IsFinite).Sample(v =>
        {
            string text = FrameWords.Number(v);
            Assert.DoesNotContain("E", text);
            Assert.DoesNotContain("e", text);
            double read = Read(text);
            Assert.True(Math.Abs(read - v) <= 5.000001e-6 * Math.Abs(v), $"{v:R} written {text}, read back {read:R}");
            bool plain = Math.Abs(v) >= 9.999995e-5 && Math.Abs(v) < 999999.5; // what rounds to six digits within [1e-4, 1e6)
            Assert.Equal(plain, !text.Contains('×'));
        }, iter: 2000);
        Assert.Equal("0", FrameWords.Number(0));
    }

    /// <summary>"2.61316 × 10⁻⁵" or "0.5" back to a double, parsed here from the characters themselves.</summary>
    private static double Read(string text)
    {
        var parts = text.Split(" × 10");
        double mantissa = double.Parse(parts[0], CultureInfo.InvariantCulture);
        if (parts.Length == 1) return mantissa;
        string digits = string.Concat(parts[1].Select(c => c == '⁻' ? '-' : (char)('0' + "⁰¹²³⁴⁵⁶⁷⁸⁹".IndexOf(c))));
        return mantissa * Math.Pow(10, int.Parse(digits, CultureInfo.InvariantCulture));
    }
}
