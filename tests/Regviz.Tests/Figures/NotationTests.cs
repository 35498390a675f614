using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CsCheck;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>
/// How figures write what they write: SVG that scales, exponents raised and never after a caret, thin contour
/// levels that are round numbers, one notation for the contour values of a figure, and in print every corner of the
/// ball visible.
/// </summary>
public partial class NotationTests : Support.ScratchFolder
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private (XDocument Svg, JsonElement Sidecar) Figure(params string[] args)
    {
        string svg = Path.Combine(Dir, "f.svg");
        var r = CliRunner.Run([.. args, "--out", svg, "--json", "-"]);
        Assert.True(r.ExitCode == 0, $"{string.Join(" ", args)}: {r.Stderr}");
        using var json = JsonDocument.Parse(r.Stdout);
        return (XDocument.Parse(File.ReadAllText(svg)), json.RootElement.Clone());
    }

    private static IEnumerable<XElement> Named(XDocument svg, string name) => svg.Descendants().Where(e => e.Name.LocalName == name);

    private static List<string> Texts(XDocument svg) => [.. Named(svg, "text").Select(e => e.Value.Trim())];

    [Theory]
    [InlineData("contour", "--size", "300x240", "--grid", "40")]
    [InlineData("contour", "--norm", "l1,l2", "--size", "300x300", "--grid", "40")]
    [InlineData("norm", "--norm", "l1,l2", "--overlay", "--size", "333x300")]
    [InlineData("path", "--size", "420x300")]
    [InlineData("shrink", "--size", "300x300")]
    [InlineData("sparsity", "--trials", "50", "--size", "300x300")]
    [InlineData("surface", "--size", "300x300", "--grid", "40")]
    public void Every_svg_has_a_viewbox_of_its_own_size_and_keeps_width_and_height(params string[] args)
    {
        var (svg, _) = Figure(args);
        var root = svg.Root!;
        double width = double.Parse(root.Attribute("width")!.Value, Invariant), height = double.Parse(root.Attribute("height")!.Value, Invariant);
        Assert.Equal($"0 0 {root.Attribute("width")!.Value} {root.Attribute("height")!.Value}", root.Attribute("viewBox")?.Value);
        if (args[0] is "contour" or "path" or "shrink" && args.Length <= 5)
        {
            var size = args[2].Split('x').Select(double.Parse).ToArray();
            Assert.Equal((size[0], size[1]), (width, height));
        }
    }

    /// <summary>
    /// Every word a figure says to a reader: its SVG texts (title, legend, labels, ticks), its title and desc, and every
    /// alt and caption of its sidecar (a panel's too). Keys for scripts, such as shrink's "problem", are not prose.
    /// </summary>
    private static IEnumerable<string> Words(XDocument svg, JsonElement sidecar)
    {
        static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => e.EnumerateObject().SelectMany(p =>
                p.Name is "alt" or "caption" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Strings(p.Value)),
            JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
            _ => [],
        };
        return [.. Texts(svg), .. Named(svg, "title").Select(e => e.Value), .. Named(svg, "desc").Select(e => e.Value), .. Strings(sidecar)];
    }

    /// <summary>Every registered penalty (one a test assembly adds too), at its parameters' defaults.</summary>
    private static readonly string[] Norms = [.. Regviz.Core.Penalties.PenaltyCatalogue.Names];

    [Fact]
    public void No_figure_text_has_a_caret_and_lp_exponents_are_raised()
    {
        var cases = Gen.Select(Gen.Int[0, Norms.Length - 1], Gen.Int[1, 400], Gen.Int[0, 4]);
        cases.Sample((n, hundredths, kind) =>
        {
            string norm = Norms[n], p = (hundredths / 100.0).ToString(Invariant);
            // --p only where it means something (with another norm it is refused)
            string[] exponent = norm == "lp" ? ["--p", p] : [];
            string[] problem = ["--norm", norm, .. exponent, "--size", "300x300", "--grid", "40"];
            string[] args = kind switch
            {
                0 => ["contour", .. problem],
                1 => ["norm", .. problem],
                2 => ["norm", "--norm", $"l1,{norm}", .. exponent, "--overlay", "--size", "300x300"],
                3 => ["shrink", "--norm", "l1,l2,l0,lp", "--p", p, "--size", "300x300"],
                _ => ["contour", "--norm", $"{norm},l2", .. exponent, "--size", "300x300", "--grid", "40"],
            };
            if (kind == 2 && norm == "l1") return; // one norm twice is not an overlay
            var (svg, sidecar) = Figure(args);
            var words = Words(svg, sidecar).ToList();
            Assert.All(words, w => Assert.DoesNotContain('^', w));
            if (norm == "lp" && kind is 1 or 2)
            {
                // the formula is in the norm figure's title and the overlay's legend: |w₁| then p in superscript characters
                string raised = string.Concat(p.Select(c => c == '.' ? '·' : "⁰¹²³⁴⁵⁶⁷⁸⁹"[c - '0']));
                Assert.Contains(words, w => w.Contains("|w₁|" + raised, StringComparison.Ordinal));
            }
        }, iter: 30, threads: 1);
    }

    [Theory]
    [InlineData(7841.0, "7841")]
    [InlineData(10018.4, "10020")]
    [InlineData(999999.0, "1e6")]
    [InlineData(2.5e6, "2.5e6")]
    [InlineData(0.00012345, "0.0001234")]
    [InlineData(0.00005, "5e-5")]
    [InlineData(-0.2609, "-0.2609")]
    [InlineData(0.0, "0")]
    public void Numbers_are_written_out_from_1e_minus_4_to_1e6_with_four_significant_digits(double value, string shown) =>
        Assert.Equal(shown, PenaltyNames.Number(value));

    /// <summary>The largest step 1, 2, 2.5 or 5 × 10^k that <paramref name="value"/> is a whole multiple of.</summary>
    private static double StepOf(double value)
    {
        for (int k = (int)Math.Floor(Math.Log10(Math.Abs(value))) + 1; k > -330; k--)
            foreach (double m in new[] { 5, 2.5, 2, 1 })
            {
                // the level is the double nearest a decimal n·m·10^k: a whole n to within rounding
                double n = value / (m * Math.Pow(10, k));
                if (Math.Abs(n - Math.Round(n)) <= 1e-9 * Math.Max(1, Math.Abs(n))) return m * Math.Pow(10, k);
            }
        return 0;
    }

    private static double[] Levels(JsonElement sidecar, string kind) =>
        [.. sidecar.GetProperty("contours").GetProperty(kind).EnumerateArray().Select(c => c.GetProperty("level").GetDouble())];

    [Fact]
    public void Step_of_finds_the_round_step()
    {
        Assert.Equal(0.05, StepOf(0.35), 12);
        Assert.Equal(2.5, StepOf(7.5), 12);
        Assert.Equal(50, StepOf(3950), 12);
        Assert.Equal(1e-4, StepOf(0.2609), 12);
    }

    /// <summary>
    /// Problems of every scale (a loss given by its centre and Hessian, scaled by 10^e), every norm, λ and --levels:
    /// every thin contour value, loss and penalty, is a whole multiple of a round step (1, 2, 2.5 or 5 × 10^k) no
    /// smaller than a fifth of its gap to the next level, while the bold levels are D(w*) and P(w*) exactly.
    /// </summary>
    [Fact]
    public void Thin_levels_are_round_and_the_bold_ones_exact()
    {
        var problems = Gen.Select(Gen.Select(Gen.Double[-3, 3], Gen.Double[-3, 3], Gen.Double[0.2, 5], Gen.Double[-0.9, 0.9], Gen.Double[0.2, 5]),
            Gen.Int[-5, 7], Gen.Int[0, 4], Gen.Double[0.01, 0.9], Gen.Int[3, 20]);
        problems.Sample((quadratic, exponent, n, share, count) =>
        {
            var (cx, cy, a, rho, d) = quadratic;
            double scale = Math.Pow(10, exponent), b = rho * Math.Sqrt(a * d);
            string F(double v) => v.ToString("R", Invariant);
            string norm = Norms[n];
            // λ as a share of the scale, so the ball is neither a speck nor past the fit
            var (_, sidecar) = Figure("contour", "--norm", norm, "--centre", $"{F(cx)},{F(cy)}", "--hessian", $"{F(a * scale)},{F(b * scale)},{F(d * scale)}",
                "--lambda", F(share * scale), "--levels", count.ToString(Invariant), "--size", "300x300", "--grid", "60");
            var touching = sidecar.GetProperty("touching");
            foreach (var (kind, bold) in new[] { ("loss", "loss_level"), ("norm", "norm_level") })
            {
                var levels = Levels(sidecar, kind);
                double exact = touching.TryGetProperty(bold, out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : double.NaN;
                for (int i = 0; i < levels.Length; i++)
                {
                    if (levels[i] == exact) continue;
                    double gap = Math.Min(i > 0 ? levels[i] - levels[i - 1] : double.PositiveInfinity, i < levels.Length - 1 ? levels[i + 1] - levels[i] : double.PositiveInfinity);
                    if (double.IsInfinity(gap)) continue; // a lone thin level has no spacing to be round against
                    Assert.True(StepOf(levels[i]) >= gap / 5 * (1 - 1e-9), $"{kind} level {levels[i]:R} (gap {gap:R}) is not round: its step is {StepOf(levels[i]):R}");
                }
            }
        }, iter: 40, threads: 1);
    }

    [GeneratedRegex(@"^−?-?\d+(\.\d+)?$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"^−?-?\d+(\.\d+)?e−?-?\d+$")]
    private static partial Regex Scientific();

    /// <summary>The contour values a figure writes: its texts that are one number and in the loss or penalty colour.</summary>
    private static List<string> ContourValues(XDocument svg) =>
        [.. Named(svg, "text").Where(e => e.Attribute("fill")?.Value is "#E4572E" or "#1F5FAD").Select(e => e.Value.Trim())
            .Where(t => Plain().IsMatch(t) || Scientific().IsMatch(t))];

    [Fact]
    public void Diabetes_contour_values_share_one_notation()
    {
        string data = Path.Combine(Support.Repository.Root, "samples", "data", "diabetes.csv");
        var (svg, _) = Figure("contour", "--data", data, "--features", "bmi,s5", "--intercept", "--grid", "200");
        var values = ContourValues(svg);
        Assert.True(values.Count >= 4, string.Join(" ", values));
        Assert.True(values.All(v => Plain().IsMatch(v)) || values.All(v => Scientific().IsMatch(v)), string.Join(" ", values));
    }

    [Fact]
    public void Contour_values_of_one_figure_share_one_notation_at_every_scale()
    {
        Gen.Select(Gen.Int[-9, 10], Gen.Int[0, 4], Gen.Double[0.02, 0.8]).Sample((exponent, n, share) =>
        {
            double scale = Math.Pow(10, exponent);
            string F(double v) => v.ToString("R", Invariant);
            var (svg, _) = Figure("contour", "--norm", Norms[n], "--centre", "1.5,0.7", "--hessian", $"{F(2 * scale)},{F(0.6 * scale)},{F(scale)}",
                "--lambda", F(share * scale), "--size", "400x400", "--grid", "60");
            var values = ContourValues(svg);
            Assert.True(values.All(v => Plain().IsMatch(v)) || values.All(v => Scientific().IsMatch(v)), $"10^{exponent}: {string.Join(" ", values)}");
        }, iter: 25, threads: 1);
    }

    /// <summary>
    /// The print style draws the ball solid and the loss dashed, so no dash gap falls on a corner: the pixel at each
    /// corner of the L1 ball on the axes (but the one under w*'s marker) is the ball's colour, at several λ and sizes.
    /// </summary>
    [Theory]
    [InlineData(0.5, 800)]
    [InlineData(0.5, 400)]
    [InlineData(0.2, 600)]
    [InlineData(1.0, 800)]
    public void Print_style_keeps_every_corner_of_the_l1_ball(double lambda, int size)
    {
        var spec = new ProblemSpec(BuiltInDataset.Create(), LossKind.Mse, false, PenaltyCatalogue.Create("l1")!, Form.Penalised(lambda));
        var style = new FigureStyle(size, size, Theme.Print, null);
        var scene = SceneBuilder.Contour(spec, new SceneOptions(null, 200, 10, false, style.Frame().Aspect));
        // no legend: where it goes (over the top corner at 400 px, once) is the layout's business, not the dashes'
        var png = FigureExport.Encode(ContourFigure.Render(scene, style, FigureParts.All with { Legend = false }), style, "png");
        var (rgb, width, _) = ImageComparison.Decode(png)!.Value;
        var frame = style.Frame();
        double r = scene.Penalty.Norm(scene.Optimum.Weights);
        var w = scene.Optimum.Weights;
        var ball = Theme.Print.Norm;
        foreach (var (x, y) in new[] { (r, 0.0), (-r, 0.0), (0.0, r), (0.0, -r) })
        {
            if (Math.Abs(x - w[0]) + Math.Abs(y - w[1]) < 1e-9) continue; // under the marker of w*
            var (px, py) = frame.ToPixel(scene.Range, x, y);
            int i = ((int)Math.Round(py) * width + (int)Math.Round(px)) * 3;
            int distance = Math.Max(Math.Abs(rgb[i] - ball.R), Math.Max(Math.Abs(rgb[i + 1] - ball.G), Math.Abs(rgb[i + 2] - ball.B)));
            Assert.True(distance <= 40, $"λ = {lambda}, {size} px: the corner ({x:0.###}, {y:0.###}) at pixel ({px:0}, {py:0}) is ({rgb[i]}, {rgb[i + 1]}, {rgb[i + 2]}), not the ball's {ball}");
        }
    }

    /// <summary>Whether an SVG text's anchor (its translate) lies inside the data area, a pixel in from its edge.</summary>
    private static bool InsideData(XElement text, PlotFrame frame)
    {
        var m = Regex.Match(text.Attribute("transform")?.Value ?? "", @"translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)");
        if (!m.Success) return false; // the rotated axis label, left of the data area
        float x = float.Parse(m.Groups[1].Value, Invariant), y = float.Parse(m.Groups[2].Value, Invariant);
        return frame.InsideData(x, y, 1);
    }

    [Theory]
    [InlineData("contour", "--norm", "l1")]
    [InlineData("contour", "--norm", "l2", "--path")]
    [InlineData("contour", "--norm", "l1", "--trace", "gd", "--steps", "20")]
    [InlineData("contour", "--norm", "l1", "--trace", "ista", "--start", "-1,2")]
    [InlineData("contour", "--norm", "l1", "--radius", "1")]
    [InlineData("contour", "--model", "tanh", "--norm", "l2", "--lambda", "0.05")]
    [InlineData("contour", "--norm", "l1,l2,linf", "--overlay")]
    [InlineData("norm", "--norm", "l1")]
    [InlineData("norm", "--norm", "lp", "--p", "0.5")]
    [InlineData("norm", "--norm", "l1,l2", "--overlay")]
    public void No_labels_leaves_no_text_inside_the_data_area(params string[] args)
    {
        foreach (string flag in new[] { "--no-labels", "--clean" })
        {
            var (svg, _) = Figure([.. args, flag, "--no-legend", "--size", "500x500", "--grid", "80"]);
            var frame = new FigureStyle(500, 500, Theme.Light, null).Frame();
            var inside = Named(svg, "text").Where(t => InsideData(t, frame)).Select(t => t.Value.Trim()).ToList();
            Assert.True(inside.Count == 0, $"{string.Join(" ", args)} {flag}: {string.Join(" | ", inside)}");
        }
        // and without the flag the same figure does write text there, so the check can see it
        var (full, _) = Figure([.. args, "--no-legend", "--size", "500x500", "--grid", "80"]);
        Assert.Contains(Named(full, "text"), t => InsideData(t, new FigureStyle(500, 500, Theme.Light, null).Frame()));
    }

    /// <summary>--clean is exactly what its help says it is: the same image as the flags it lists, for every figure kind that takes it.</summary>
    [Theory]
    [InlineData("contour", "--norm", "l1")]
    [InlineData("contour", "--norm", "l2", "--trace", "ista")]
    [InlineData("contour", "--norm", "l1,l2", "--radius", "1")]
    [InlineData("contour", "--norm", "l1,l2,linf", "--overlay")]
    [InlineData("norm", "--norm", "lp")]
    [InlineData("norm", "--norm", "lp", "--p", "4,1,0.5", "--level", "1")]
    [InlineData("norm", "--norm", "l1,l2", "--overlay")]
    public void Clean_is_the_flags_its_help_lists(params string[] args)
    {
        // an overlay refuses --penalty-levels (it draws no penalty contours), so --clean's list there has no need of it
        string[] spelled = args[0] != "contour" ? ["--fill", "--no-legend", "--no-labels", "--no-grid"]
            : args.Contains("--overlay") ? ["--fill", "--no-legend", "--no-labels", "--no-grid", "--levels", "3"]
            : ["--fill", "--no-legend", "--no-labels", "--no-grid", "--penalty-levels", "0", "--levels", "3"];
        byte[] Png(string name, string[] extra)
        {
            string path = Path.Combine(Dir, name);
            var r = CliRunner.Run([.. args, .. extra, "--size", "400x400", "--grid", "80", "--out", path]);
            Assert.True(r.ExitCode == 0, r.Stderr);
            return ImageComparison.Decode(File.ReadAllBytes(path))!.Value.Rgb;
        }
        Assert.Equal(Png("spelled.png", spelled), Png("clean.png", ["--clean"]));
        Assert.NotEqual(Png("plain.png", []), Png("clean.png", ["--clean"]));
    }

    [Theory]
    [InlineData("contour", "--norm", "l1,l2")]
    [InlineData("contour", "--lambda", "0.1,0.5,2", "--path")]
    [InlineData("norm", "--norm", "lp", "--p", "4,1,0.5")]
    public void No_labels_leaves_only_titles_axes_and_ticks_in_panels(params string[] args)
    {
        // other --levels draw other contours with other values: with --no-labels no value is written, so the texts are the same
        static List<string> Sorted(XDocument svg) => [.. Texts(svg).Order()];
        var six = Sorted(Figure([.. args, "--no-labels", "--no-legend", "--levels", "6", "--size", "600x300", "--grid", "60"]).Svg);
        var twelve = Sorted(Figure([.. args, "--no-labels", "--no-legend", "--levels", "12", "--size", "600x300", "--grid", "60"]).Svg);
        Assert.Equal(six, twelve);
        Assert.DoesNotContain(six, t => t.Contains("w* =") || t.Contains("least squares") || t.Contains("unregularised"));
    }
}
