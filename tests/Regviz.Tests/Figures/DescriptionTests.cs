using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>
/// Alt text and captions (#18): every claim a description makes is checked against the sidecar's numbers, read
/// back from the text with patterns written here; the PNG's iTXt chunk and the SVG's title and desc are read
/// back by parsers of their own.
/// </summary>
public class DescriptionTests : Support.ScratchFolder
{
    private static readonly string[] Small = ["--size", "400x400", "--grid", "120"];

    private sealed record Made(JsonElement Sidecar, byte[] Image, string Stdout)
    {
        public string Alt => Sidecar.GetProperty("alt").GetString()!;
        public string Caption => Sidecar.GetProperty("caption").GetString()!;
    }

    private Made Make(string file, params string[] args)
    {
        string image = Path.Combine(Dir, file), json = Path.Combine(Dir, file + ".json");
        var r = CliRunner.Run([.. args, "--out", image, "--json", json]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        return new Made(doc.RootElement.Clone(), File.ReadAllBytes(image), r.Stdout);
    }

    private static double Num(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Figures label numbers with four significant digits.</summary>
    private static void Near(double expected, double shown, string what) =>
        Assert.True(expected == 0 ? shown == 0 : Math.Abs(shown - expected) <= 5e-4 * Math.Abs(expected), $"{what}: shown {shown}, sidecar {expected:R}");

    private static void OneSentenceUnderTheLimit(string alt)
    {
        Assert.InRange(alt.Length, 20, 249);
        Assert.EndsWith(".", alt);
        Assert.DoesNotMatch(@"\.\s+\p{Lu}", alt);
    }

    private static int Sentences(string caption) => Regex.Matches(caption, @"\.(\s+\p{Lu}|$)").Count;

    [Theory]
    [InlineData("l1", "0.5")]
    [InlineData("l2", "0.5")]
    [InlineData("linf", "0.5")]
    [InlineData("elasticnet", "0.3")]
    [InlineData("lp", "0.4")]
    [InlineData("l1", "20")]
    [InlineData("mcp", "0.5")]
    [InlineData("scad", "0.3")]
    [InlineData("l1", "0.1", "--model", "tanh")]
    [InlineData("l2", "0.5", "--model", "exp")]
    [InlineData("l1", "0.15", "--loss", "logistic")]
    public void Contour_alt_gives_the_sidecar_optimum_lambda_and_exact_zeros(string norm, string lambda, params string[] more)
    {
        var m = Make("c.png", ["contour", "--norm", norm, "--lambda", lambda, .. more, .. Small]);
        string alt = m.Alt;
        OneSentenceUnderTheLimit(alt);
        var optimum = m.Sidecar.GetProperty("optimum");
        var w = optimum.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();

        var at = Regex.Match(alt, @"w\* = \(([^,]+), ([^)]+)\)");
        Assert.True(at.Success, alt);
        Near(w[0], Num(at.Groups[1].Value), "w1");
        Near(w[1], Num(at.Groups[2].Value), "w2");
        Near(optimum.GetProperty("lambda").GetDouble(), Num(Regex.Match(alt, @"λ = ([0-9.e+-]+)").Groups[1].Value), "λ");

        switch ((w[0] == 0, w[1] == 0))
        {
            case (true, true): Assert.Contains("both weights exactly 0", alt); break;
            case (false, true): Assert.Contains("w₂ (x2) is exactly 0", alt); break;
            case (true, false): Assert.Contains("w₁ (x1) is exactly 0", alt); break;
            default:
                Assert.DoesNotContain("exactly 0", alt);
                Assert.Contains("both weights are non-zero", alt);
                break;
        }
        Assert.InRange(Sentences(m.Caption), 2, 3);
    }

    [Theory]
    [InlineData("--penalty-levels", "0")]
    [InlineData("--clean")]
    public void A_caption_names_thin_penalty_contours_only_where_they_are_drawn(params string[] controls)
    {
        // the sidecar lists every contour drawn: with only the ball through w*, no thin penalty contour is left to name
        var without = Make("c.png", ["contour", "--norm", "l1", "--lambda", "0.5", .. controls, .. Small]);
        Assert.Equal(1, without.Sidecar.GetProperty("contours").GetProperty("norm").GetArrayLength());
        Assert.DoesNotContain("and of the penalty", without.Caption);
        Assert.Contains("the penalty is P(w) = |w₁| + |w₂|", without.Caption);
        var with = Make("d.png", ["contour", "--norm", "l1", "--lambda", "0.5", .. Small]);
        Assert.True(with.Sidecar.GetProperty("contours").GetProperty("norm").GetArrayLength() > 1);
        Assert.Contains("and of the penalty P(w) = |w₁| + |w₂|", with.Caption);
    }

    [Fact]
    public void Constrained_contour_alt_gives_the_radius_and_the_equivalent_lambda()
    {
        var m = Make("c.png", ["contour", "--norm", "l2", "--radius", "0.75", "--path", .. Small]);
        OneSentenceUnderTheLimit(m.Alt);
        var optimum = m.Sidecar.GetProperty("optimum");
        var form = Regex.Match(m.Alt, @"N\(w\) ≤ ([0-9.e+-]+) \(λ = ([0-9.e+-]+)\)");
        Assert.True(form.Success, m.Alt);
        Assert.Equal(0.75, Num(form.Groups[1].Value));
        Near(optimum.GetProperty("lambda").GetDouble(), Num(form.Groups[2].Value), "equivalent λ");
        // the bold level set and ball named in the caption are the sidecar's touching levels
        var touching = m.Sidecar.GetProperty("touching");
        Near(touching.GetProperty("loss_level").GetDouble(), Num(Regex.Match(m.Caption, @"D = ([0-9.e+-]+)").Groups[1].Value), "loss level");
        Near(touching.GetProperty("norm_level").GetDouble(), Num(Regex.Match(m.Caption, @"P = ([0-9.e+-]+)").Groups[1].Value), "norm level");
        Assert.Contains("dashed line is the path", m.Caption);
        Assert.Equal(3, Sentences(m.Caption));
    }

    [Fact]
    public void Trace_alt_gives_the_step_count_and_the_last_iterate()
    {
        var m = Make("t.png", ["contour", "--loss", "logistic", "--lambda", "0.15", "--trace", "gd", "--steps", "25", .. Small]);
        OneSentenceUnderTheLimit(m.Alt);
        var trace = m.Sidecar.GetProperty("trace");
        Assert.Equal(26, trace.GetArrayLength());
        var end = Regex.Match(m.Alt, @"after (\d+) steps subgradient descent is at \(([^,]+), ([^)]+)\)");
        Assert.True(end.Success, m.Alt);
        Assert.Equal("25", end.Groups[1].Value);
        Near(trace[25][0].GetDouble(), Num(end.Groups[2].Value), "last w1");
        Near(trace[25][1].GetDouble(), Num(end.Groups[3].Value), "last w2");
    }

    [Theory]
    [InlineData("l1", "diamonds", "corners on the axes")]
    [InlineData("l2", "circles", "no corners")]
    [InlineData("linf", "squares", "diagonals")]
    [InlineData("lp", "star-shaped", "cusps on the axes")]
    [InlineData("elasticnet", "rounded diamonds", "corners on the axes")]
    [InlineData("mcp", "level sets", "corners on the axes")]
    [InlineData("scad", "level sets", "corners on the axes")]
    public void Norm_alt_gives_the_levels_of_the_sidecar(string norm, string shape, string corners)
    {
        var m = Make("n.png", ["norm", "--norm", norm, "--levels", "4", .. Small]);
        OneSentenceUnderTheLimit(m.Alt);
        var levels = m.Sidecar.GetProperty("contours").GetProperty("norm").EnumerateArray().Select(c => c.GetProperty("level").GetDouble()).ToArray();
        var said = Regex.Match(m.Alt, @"(\d+) nested .* for P = ([0-9.e+-]+) to ([0-9.e+-]+)");
        Assert.True(said.Success, m.Alt);
        Assert.Equal(levels.Length, int.Parse(said.Groups[1].Value, CultureInfo.InvariantCulture));
        Near(levels[0], Num(said.Groups[2].Value), "first level");
        Near(levels[^1], Num(said.Groups[3].Value), "last level");
        Assert.Contains(shape, m.Alt);
        Assert.Contains(corners, m.Alt);
        Assert.Equal(2, Sentences(m.Caption));
    }

    [Fact]
    public void Path_alt_gives_the_lambda_range_the_first_feature_to_enter_and_the_marked_count()
    {
        var m = Make("p.png", ["path", "--data", Core.DiabetesTests.CsvPath, "--intercept", "--mark", "0.5", "--size", "600x400"]);
        OneSentenceUnderTheLimit(m.Alt);
        var points = m.Sidecar.GetProperty("points").EnumerateArray()
            .Concat(m.Sidecar.GetProperty("knots").EnumerateArray())
            .Select(p => (Lambda: p.GetProperty("lambda").GetDouble(), W: p.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray()))
            .ToList();
        var grid = m.Sidecar.GetProperty("points");
        var range = Regex.Match(m.Alt, @"λ falls from ([0-9.e+-]+) to ([0-9.e+-]+)");
        Near(grid[0].GetProperty("lambda").GetDouble(), Num(range.Groups[1].Value), "λ_max");
        Near(grid[grid.GetArrayLength() - 1].GetProperty("lambda").GetDouble(), Num(range.Groups[2].Value), "smallest λ");

        var names = m.Sidecar.GetProperty("features").EnumerateArray().Select(e => e.GetString()!).ToArray();
        // the feature that is non-zero at the largest λ, from the sidecar's points and exact knots
        int first = Enumerable.Range(0, names.Length).MaxBy(j => points.Where(p => p.W[j] != 0).Select(p => p.Lambda).DefaultIfEmpty(0).Max());
        Assert.Contains($"{names[first]} leaves 0 first", m.Alt);

        // the marked λ: the count of the path point nearest to it (in log λ), as the figure marks it
        var marked = points.MinBy(p => Math.Abs(Math.Log(p.Lambda / 0.5)));
        Assert.Contains($"at the marked λ = 0.5, {marked.W.Count(v => v != 0)} of {names.Length} are non-zero", m.Alt);
        Assert.Equal(3, Sentences(m.Caption));
    }

    [Fact]
    public void Ridge_path_alt_says_no_coefficient_is_ever_zero_as_the_sidecar_has_it()
    {
        var m = Make("p.png", ["path", "--norm", "l2", "--data", Core.DiabetesTests.CsvPath, "--intercept", "--count", "30", "--size", "600x400"]);
        OneSentenceUnderTheLimit(m.Alt);
        var points = m.Sidecar.GetProperty("points");
        int features = m.Sidecar.GetProperty("features").GetArrayLength();
        // the claim holds in the sidecar: every weight of every point is non-zero
        Assert.All(points.EnumerateArray(), p => Assert.All(p.GetProperty("weights").EnumerateArray(), w => Assert.NotEqual(0, w.GetDouble())));
        Assert.Contains("every coefficient is non-zero all along", m.Alt);
        Assert.Contains($"path of {features} coefficients", m.Alt);
        var range = Regex.Match(m.Alt, @"λ falls from ([0-9.e+-]+) to ([0-9.e+-]+)");
        Assert.True(range.Success, m.Alt);
        Near(points[0].GetProperty("lambda").GetDouble(), Num(range.Groups[1].Value), "λ_max");
        Near(points[points.GetArrayLength() - 1].GetProperty("lambda").GetDouble(), Num(range.Groups[2].Value), "smallest λ");
        Assert.Contains("No coefficient is exactly 0 anywhere on the path", m.Caption);
    }

    [Fact]
    public void Lasso_path_against_the_norm_says_its_axis_and_counts_its_sidecar_knots()
    {
        var m = Make("p.png", ["path", "--norm", "l1", "--data", Core.DiabetesTests.CsvPath, "--intercept", "--xvar", "norm", "--size", "600x400"]);
        OneSentenceUnderTheLimit(m.Alt);
        Assert.Contains("(plotted against ‖w‖₁)", m.Alt);
        int knots = m.Sidecar.GetProperty("knots").GetArrayLength();
        Assert.Contains($"straight between its {knots} knots", m.Caption);
        // how many are non-zero at the smallest λ, from the sidecar's last point
        var last = m.Sidecar.GetProperty("points").EnumerateArray().Last().GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        int nonZero = last.Count(v => v != 0);
        Assert.Contains(nonZero == last.Length ? $"all {last.Length} are non-zero at the smallest λ" : $"{nonZero} of {last.Length} are non-zero at the smallest λ", m.Alt);
    }

    [Fact]
    public void Penalised_sparsity_alt_gives_the_sidecar_lambda_and_trials()
    {
        var m = Make("s.png", ["sparsity", "--lambda", "0.3", "--trials", "400", "--norms", "l1,l2", "--size", "400x240"]);
        OneSentenceUnderTheLimit(m.Alt);
        Assert.Equal(0.3, m.Sidecar.GetProperty("lambda").GetDouble());
        var said = Regex.Match(m.Alt, @"^Share of ([0-9,]+) random quadratic losses whose optimum penalised with λ = ([0-9.e+-]+) has");
        Assert.True(said.Success, m.Alt);
        Assert.Equal(m.Sidecar.GetProperty("trials").GetInt32(), int.Parse(said.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        Assert.Equal(m.Sidecar.GetProperty("lambda").GetDouble(), Num(said.Groups[2].Value));
    }

    [Fact]
    public void Sparsity_alt_gives_each_norms_share_from_the_sidecar()
    {
        var m = Make("s.png", ["sparsity", "--trials", "3000", "--norms", "l1,l2,elasticnet", "--size", "600x300"]);
        OneSentenceUnderTheLimit(m.Alt);
        var shown = Regex.Matches(m.Alt, @"([0-9]+\.[0-9])%").Select(x => Num(x.Groups[1].Value)).ToArray();
        var results = m.Sidecar.GetProperty("results").EnumerateArray().Select(r => 100 * r.GetProperty("sparse_fraction").GetDouble()).ToArray();
        Assert.Equal(results.Length, shown.Length);
        for (int i = 0; i < results.Length; i++) Assert.True(Math.Abs(results[i] - shown[i]) <= 0.05 + 1e-9, $"{shown[i]} against {results[i]}");
        Assert.Contains("3,000", m.Alt);
    }

    [Fact]
    public void Png_carries_the_alt_text_in_an_itxt_description_chunk_before_the_pixels()
    {
        var m = Make("c.png", ["contour", "--norm", "l1", .. Small]);
        var chunks = PngChunks.Read(m.Image); // every chunk's CRC checked
        Assert.Equal("IHDR", chunks[0].Type);
        var itxt = Assert.Single(chunks, c => c.Type == "iTXt");
        Assert.True(chunks.IndexOf(itxt) < chunks.FindIndex(c => c.Type == "IDAT"), "iTXt after the pixels");
        var text = PngChunks.ParseITxt(itxt.Data);
        Assert.Equal("Description", text.Keyword);
        Assert.Equal((0, 0, "", ""), (text.CompressionFlag, text.CompressionMethod, text.Language, text.TranslatedKeyword));
        Assert.Equal(m.Alt, text.Text);
        Assert.Contains("w₂ (x2) is exactly 0", text.Text); // UTF-8 survives the round trip
    }

    [Fact]
    public void Sparsity_png_carries_its_alt_text_too()
    {
        var m = Make("s.png", ["sparsity", "--trials", "500", "--norms", "l1,l2", "--size", "400x240"]);
        var itxt = Assert.Single(PngChunks.Read(m.Image), c => c.Type == "iTXt");
        Assert.Equal(m.Alt, PngChunks.ParseITxt(itxt.Data).Text);
    }

    [Fact]
    public void Svg_carries_the_alt_text_as_title_and_the_caption_as_desc()
    {
        var m = Make("c.svg", ["contour", "--norm", "l2", "--path", .. Small]);
        var root = XDocument.Parse(System.Text.Encoding.UTF8.GetString(m.Image)).Root!;
        var children = root.Elements().Take(2).ToList();
        Assert.Equal("title", children[0].Name.LocalName);
        Assert.Equal(m.Alt, children[0].Value);
        Assert.Equal("desc", children[1].Name.LocalName);
        Assert.Equal(m.Caption, children[1].Value);
    }

    [Theory]
    [InlineData("norm", "--norm", "lp")]
    [InlineData("contour", "--norm", "scad", "--path")]
    [InlineData("path", "--norm", "elasticnet", "--mark", "0.1")]
    public void Every_figure_kind_carries_its_sidecar_alt_in_png_and_alt_and_caption_in_svg(params string[] args)
    {
        string[] size = args[0] == "path" ? ["--size", "400x300"] : Small;
        var png = Make("f.png", [.. args, .. size]);
        var itxt = Assert.Single(PngChunks.Read(png.Image), c => c.Type == "iTXt");
        Assert.Equal(("Description", png.Alt), (PngChunks.ParseITxt(itxt.Data).Keyword, PngChunks.ParseITxt(itxt.Data).Text));

        var svg = Make("f.svg", [.. args, .. size]);
        var root = XDocument.Parse(System.Text.Encoding.UTF8.GetString(svg.Image)).Root!;
        var first = root.Elements().Take(2).ToList();
        Assert.Equal(("title", svg.Alt), (first[0].Name.LocalName, first[0].Value));
        Assert.Equal(("desc", svg.Caption), (first[1].Name.LocalName, first[1].Value));
        Assert.Equal(png.Alt, svg.Alt); // the format does not change what the figure says
    }

    [Fact]
    public void Alt_option_prints_the_alt_text_after_the_path()
    {
        string png = Path.Combine(Dir, "n.png");
        var r = CliRunner.Run(["norm", "--norm", "l1", "--alt", "--out", png, .. Small]);
        Assert.Equal(0, r.ExitCode);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(png, lines[0]);
        var itxt = Assert.Single(PngChunks.Read(File.ReadAllBytes(png)), c => c.Type == "iTXt");
        Assert.Equal(PngChunks.ParseITxt(itxt.Data).Text, lines[1]);
    }

    [Fact]
    public void Alt_option_with_the_sidecar_on_stdout_is_refused()
    {
        var r = CliRunner.Run(["contour", "--alt", "--json", "-", "--out", Path.Combine(Dir, "x.png"), .. Small]);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: --alt:", Assert.Single(r.ErrorLines));
        Assert.Empty(Directory.GetFiles(Dir));
    }

    [Fact]
    public void Alt_stays_under_the_limit_with_long_column_names()
    {
        // the zero weight's column has a quoted newline and 300 more characters in its name
        string name = "q\n" + new string('a', 300);
        string csv = Path.Combine(Dir, "long.csv");
        var rows = Enumerable.Range(0, 20).Select(i => string.Create(CultureInfo.InvariantCulture, $"{Math.Sin(i)},{Math.Cos(3 * i)},{2 * Math.Sin(i)}"));
        File.WriteAllText(csv, $"x1,\"{name}\",y\n" + string.Join("\n", rows) + "\n");
        var m = Make("l.png", ["contour", "--data", csv, "--norm", "l1", "--radius", "0.1", .. Small]);
        OneSentenceUnderTheLimit(m.Alt);
        Assert.Equal(0.0, m.Sidecar.GetProperty("optimum").GetProperty("weights")[1].GetDouble());
        Assert.DoesNotContain("\n", m.Alt);
        Assert.Contains("so w₂ (q aaaa", m.Alt);
        Assert.Contains("…) is exactly 0", m.Alt);
    }
}
