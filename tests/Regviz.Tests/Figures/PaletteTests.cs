using Regviz.Plotting;
using ScottPlot;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>
/// What docs/styles.md claims about the built-in palettes, computed here from the published formulas: WCAG 2.1
/// contrast ratios against the background, and colour differences (CIE76 ΔE in CIELAB, D65) after simulating
/// protanopia, deuteranopia and tritanopia with the matrices of Machado, Oliveira and Fernandes (2009) at severity 1.
/// </summary>
public class PaletteTests
{
    private static double Linear(byte c)
    {
        double v = c / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
    }

    private static double Luminance(Color c) => 0.2126 * Linear(c.R) + 0.7152 * Linear(c.G) + 0.0722 * Linear(c.B);

    private static double Contrast(Color a, Color b)
    {
        double la = Luminance(a), lb = Luminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static readonly Dictionary<string, double[,]> Vision = new()
    {
        ["normal"] = new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } },
        ["protanopia"] = new[,] { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 }, { -0.003882, -0.048116, 1.051998 } },
        ["deuteranopia"] = new[,] { { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 }, { -0.011820, 0.042940, 0.968881 } },
        ["tritanopia"] = new[,] { { 1.255528, -0.076749, -0.178779 }, { -0.078411, 0.930809, 0.147602 }, { 0.004733, 0.691367, 0.303900 } },
    };

    /// <summary>CIELAB (D65) of a colour as seen with <paramref name="vision"/>.</summary>
    private static (double L, double A, double B) Lab(Color c, string vision)
    {
        var m = Vision[vision];
        double[] rgb = [Linear(c.R), Linear(c.G), Linear(c.B)];
        var v = new double[3];
        for (int i = 0; i < 3; i++) v[i] = Math.Clamp(m[i, 0] * rgb[0] + m[i, 1] * rgb[1] + m[i, 2] * rgb[2], 0, 1);
        double x = 0.4124564 * v[0] + 0.3575761 * v[1] + 0.1804375 * v[2];
        double y = 0.2126729 * v[0] + 0.7151522 * v[1] + 0.0721750 * v[2];
        double z = 0.0193339 * v[0] + 0.1191920 * v[1] + 0.9503041 * v[2];
        static double F(double t) => t > Math.Pow(6.0 / 29, 3) ? Math.Cbrt(t) : t / (3 * Math.Pow(6.0 / 29, 2)) + 4.0 / 29;
        double fx = F(x / 0.95047), fy = F(y), fz = F(z / 1.08883);
        return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    private static double DeltaE(Color a, Color b, string vision)
    {
        var (l1, a1, b1) = Lab(a, vision);
        var (l2, a2, b2) = Lab(b, vision);
        return Math.Sqrt((l1 - l2) * (l1 - l2) + (a1 - a2) * (a1 - a2) + (b1 - b2) * (b1 - b2));
    }

    /// <summary>Colours that differ by less than this are easily confused in thin lines.</summary>
    private const double Distinct = 15;

    public static TheoryData<string> Styles => [.. Theme.Names];

    private static Theme Style(string name) => Theme.Find(name)!;

    [Fact]
    public void Reference_values_of_the_formulas()
    {
        // WCAG's own end points, and the known ratio of #777 on white (4.48, just short of AA)
        Assert.Equal(21, Contrast(Colors.Black, Colors.White), 6);
        Assert.Equal(4.48, Contrast(Color.FromHex("#777777"), Colors.White), 2);
        // a grey looks the same to every viewer; pure red and green, told apart by ΔE ≈ 170 normally, merge for a protanope
        Assert.Equal(0, DeltaE(Color.FromHex("#808080"), Color.FromHex("#808080"), "protanopia"), 9);
        Assert.True(DeltaE(Color.FromHex("#FF0000"), Color.FromHex("#00FF00"), "normal") > 150);
        Assert.True(DeltaE(Color.FromHex("#CC3300"), Color.FromHex("#669900"), "protanopia") < DeltaE(Color.FromHex("#CC3300"), Color.FromHex("#669900"), "normal") / 3);
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public void Text_has_AA_contrast_and_every_line_at_least_3_to_1(string name)
    {
        var t = Style(name);
        // text of every size: WCAG AA asks 4.5:1
        Assert.True(Contrast(t.Foreground, t.Background) >= 4.5, $"{name}: text {Contrast(t.Foreground, t.Background):F2}");
        Assert.True(Contrast(t.Muted, t.Background) >= 4.5, $"{name}: muted {Contrast(t.Muted, t.Background):F2}");
        // lines and markers carry the figure: WCAG 1.4.11 asks 3:1 for graphics
        foreach (var (what, c) in new[] { ("loss", t.Loss), ("penalty", t.Norm), ("path", t.Path), ("trace", t.Trace), ("optimum", t.Optimum) })
            Assert.True(Contrast(c, t.Background) >= 3, $"{name}: {what} {Contrast(c, t.Background):F2}");
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public void Every_kind_of_line_stays_distinct_for_every_viewer_by_colour_or_by_dash(string name)
    {
        var t = Style(name);
        var lines = new (string What, Color Color, LinePattern Dash)[]
        {
            ("loss", t.Loss, t.Dashes.Loss), ("penalty", t.Norm, t.Dashes.Penalty), ("path", t.Path, t.Dashes.Path), ("trace", t.Trace, t.Dashes.Trace),
        };
        foreach (var vision in Vision.Keys)
            for (int i = 0; i < lines.Length; i++)
                for (int j = i + 1; j < lines.Length; j++)
                {
                    double de = DeltaE(lines[i].Color, lines[j].Color, vision);
                    bool dashed = lines[i].Dash.Name != lines[j].Dash.Name;
                    Assert.True(de >= Distinct || dashed, $"{name}, {vision}: {lines[i].What} and {lines[j].What} differ by ΔE {de:F1} and have the same dash");
                }
    }

    [Fact]
    public void Loss_and_penalty_of_the_default_style_are_far_apart_for_every_viewer()
    {
        foreach (var vision in Vision.Keys)
            Assert.True(DeltaE(Theme.Light.Loss, Theme.Light.Norm, vision) > 80, vision);
    }

    [Fact]
    public void Colorblind_style_tells_its_lines_and_its_series_apart_by_colour_alone()
    {
        var t = Theme.Colorblind;
        Color[] lines = [t.Loss, t.Norm, t.Path, t.Trace];
        foreach (var vision in Vision.Keys)
        {
            foreach (var set in new[] { lines, t.Series.ToArray() })
                for (int i = 0; i < set.Length; i++)
                    for (int j = i + 1; j < set.Length; j++)
                        Assert.True(DeltaE(set[i], set[j], vision) >= Distinct, $"{vision}: {set[i]} and {set[j]}");
        }
    }

    [Fact]
    public void Default_series_is_not_colour_blind_safe_which_the_docs_say()
    {
        // Category10's orange and green merge for a protanope: docs/styles.md points readers to --style colorblind
        Assert.True(DeltaE(Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c"), "protanopia") < 6);
        Assert.Contains(Theme.Light.Series, c => c == Color.FromHex("#ff7f0e"));
    }

    [Fact]
    public void Print_style_is_grey_and_its_series_lines_differ_in_colour_or_dash()
    {
        var t = Theme.Print;
        foreach (var c in new[] { t.Background, t.Foreground, t.Muted, t.Loss, t.Norm, t.Path, t.Trace }.Concat(t.Series))
            Assert.True(c.R == c.G && c.G == c.B, $"{c} is not grey");
        // line j has colour j mod n and dash (j div n) mod m: the first n·m lines are all different
        int n = t.Series.Count, m = t.Dashes.Series.Count;
        var looks = Enumerable.Range(0, n * m).Select(j => (t.Series[j % n], t.Dashes.Series[j / n % m].Name)).ToHashSet();
        Assert.Equal(n * m, looks.Count);
        Assert.True(n * m >= 10, "the diabetes path has ten coefficients");
    }
}
