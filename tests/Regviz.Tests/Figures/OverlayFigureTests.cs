using System.Text.Json;
using System.Xml.Linq;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>
/// --overlay: the penalties of a comma list on one axes. Level sets lie on their level (P computed here, not by the
/// penalty under test), each optimum is the one `solve` gives for that penalty alone, and the figure describes itself.
/// </summary>
[Collection(Support.CurrentDirectory.Collection)]
public class OverlayFigureTests : Support.ScratchFolder
{
    private static readonly string[] Small = ["--size", "400x400", "--grid", "120"];

    private (byte[] Image, JsonElement Json) Render(string file, params string[] args)
    {
        string path = Path.Combine(Dir, file), json = Path.Combine(Dir, file + ".json");
        var r = CliRunner.Run([.. args, "--out", path, "--json", json]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        return (File.ReadAllBytes(path), doc.RootElement.Clone());
    }

    private static double[] Weights(JsonElement e) => e.GetProperty("weights").EnumerateArray().Select(x => x.GetDouble()).ToArray();

    /// <summary>P of the plane, written out here from each penalty's textbook formula.</summary>
    private static double P(string norm, double a, double b, double? p = null) => norm switch
    {
        "l1" => Math.Abs(a) + Math.Abs(b),
        "l2" => a * a + b * b,
        "linf" => Math.Max(Math.Abs(a), Math.Abs(b)),
        "elasticnet" => 0.5 * (Math.Abs(a) + Math.Abs(b)) + 0.5 * (a * a + b * b),
        "lp" => Math.Pow(Math.Abs(a), p!.Value) + Math.Pow(Math.Abs(b), p.Value),
        _ => throw new ArgumentException(norm),
    };

    private static void AssertOnLevel(JsonElement contour, Func<double, double, double> penalty, string what)
    {
        double level = contour.GetProperty("level").GetDouble();
        int points = 0;
        foreach (var line in contour.GetProperty("lines").EnumerateArray())
            foreach (var pt in line.EnumerateArray())
            {
                double v = penalty(pt[0].GetDouble(), pt[1].GetDouble());
                Assert.True(Math.Abs(v - level) <= 1e-12 * Math.Max(1, level), $"{what}: P = {v:R} on the level {level:R}");
                points++;
            }
        Assert.True(points >= 5, $"{what}: {points} points"); // a diamond or square is drawn exactly from its 4 corners, closed
    }

    [Fact]
    public void Norm_overlay_draws_each_unit_ball_on_its_level_on_one_axes()
    {
        var (_, json) = Render("n.png", ["norm", "--norm", "l1,l2,linf", "--overlay", .. Small]);
        Assert.Equal("overlay", json.GetProperty("arrangement").GetString());
        Assert.Equal(["l1", "l2", "linf"], json.GetProperty("values").EnumerateArray().Select(v => v.GetString()!));
        var entries = json.GetProperty("overlay");
        Assert.Single(entries.EnumerateArray().Select(e => e.GetProperty("range").ToString()).Distinct());
        foreach (var e in entries.EnumerateArray())
        {
            string norm = e.GetProperty("norm").GetString()!;
            var contour = Assert.Single(e.GetProperty("contours").GetProperty("norm").EnumerateArray());
            Assert.Equal(1.0, contour.GetProperty("level").GetDouble()); // the unit ball by default
            AssertOnLevel(contour, (a, b) => P(norm, a, b), norm);
        }
    }

    [Fact]
    public void Norm_overlay_of_a_p_list_keeps_the_levels_asked_for()
    {
        var (_, json) = Render("p.png", ["norm", "--norm", "lp", "--p", "4,1,0.5", "--level", "0.5,1", "--overlay", .. Small]);
        Assert.Equal("p", json.GetProperty("varies").GetString());
        foreach (var e in json.GetProperty("overlay").EnumerateArray())
        {
            double p = e.GetProperty("p").GetDouble();
            var contours = e.GetProperty("contours").GetProperty("norm").EnumerateArray().ToList();
            Assert.Equal([0.5, 1.0], contours.Select(c => c.GetProperty("level").GetDouble()));
            foreach (var c in contours) AssertOnLevel(c, (a, b) => P("lp", a, b, p), $"p = {p}");
        }
    }

    [Theory]
    [InlineData("l1,l2", new string[0])]
    [InlineData("l1,l2,linf", new[] { "--lambda", "2" })]
    [InlineData("l1,elasticnet", new[] { "--radius", "1" })]
    public void Contour_overlay_optima_equal_solve_and_each_ball_passes_through_its_own(string norms, string[] form)
    {
        var (_, json) = Render("c.png", ["contour", "--norm", norms, "--overlay", .. form, .. Small]);
        var entries = json.GetProperty("overlay").EnumerateArray().ToList();
        var names = norms.Split(',');
        Assert.Equal(names.Length, entries.Count);
        Assert.Single(entries.Select(e => e.GetProperty("range").ToString()).Distinct());
        Assert.Single(entries.Select(e => e.GetProperty("unregularised").ToString()).Distinct()); // one loss
        for (int i = 0; i < names.Length; i++)
        {
            var solve = CliRunner.Run(["solve", "--norm", names[i], .. form, "--json", "-"]);
            Assert.Equal(0, solve.ExitCode);
            using var s = JsonDocument.Parse(solve.Stdout);
            var optimum = entries[i].GetProperty("optimum");
            Assert.Equal(Weights(s.RootElement), Weights(optimum));
            Assert.Equal(s.RootElement.GetProperty("objective").GetDouble(), optimum.GetProperty("objective").GetDouble());
            // only the ball through w*: its level is P(w*), and every drawn point is on it
            var w = Weights(optimum);
            var ball = Assert.Single(entries[i].GetProperty("contours").GetProperty("norm").EnumerateArray());
            Assert.True(Math.Abs(ball.GetProperty("level").GetDouble() - P(names[i], w[0], w[1])) <= 1e-12 * Math.Max(1, P(names[i], w[0], w[1])));
            AssertOnLevel(ball, (a, b) => P(names[i], a, b), names[i]);
        }
    }

    [Fact]
    public void Overlays_describe_themselves_in_png_svg_and_sidecar()
    {
        var (png, json) = Render("c.png", ["contour", "--norm", "l1,l2", "--overlay", .. Small]);
        string alt = json.GetProperty("alt").GetString()!;
        Assert.InRange(alt.Length, 40, FigureText.MaxAlt);
        Assert.Contains("L1 (lasso)", alt);
        Assert.Contains("L2 (ridge)", alt);
        var itxt = Assert.Single(PngChunks.Read(png), c => c.Type == "iTXt");
        Assert.Equal(alt, PngChunks.ParseITxt(itxt.Data).Text);
        // the w* of each penalty is in the words, as the sidecar has it (numbers as the figure labels them)
        foreach (var e in json.GetProperty("overlay").EnumerateArray())
        {
            var w = Weights(e.GetProperty("optimum"));
            Assert.Contains($"({PenaltyNames.Number(w[0])}, {PenaltyNames.Number(w[1])})", json.GetProperty("caption").GetString());
        }
        string svg = Path.Combine(Dir, "n.svg");
        Assert.Equal(0, CliRunner.Run(["norm", "--norm", "l1,l2", "--overlay", "--out", svg, "--json", svg + ".json", .. Small]).ExitCode);
        var root = XDocument.Parse(File.ReadAllText(svg)).Root!;
        using var side = JsonDocument.Parse(File.ReadAllText(svg + ".json"));
        Assert.Equal(side.RootElement.GetProperty("alt").GetString(), root.Elements().First().Value);
        Assert.Equal(side.RootElement.GetProperty("caption").GetString(), root.Elements().Skip(1).First().Value);
    }

    [Fact]
    public void Norm_overlay_matches_its_golden() =>
        Golden.AssertMatches("norm-overlay-l1-l2-linf.png", Render("n.png", ["norm", "--norm", "l1,l2,linf", "--overlay", "--fill", .. Small]).Image);

    [Fact]
    public void Contour_overlay_matches_its_golden() =>
        Golden.AssertMatches("contour-overlay-l1-l2.png", Render("c.png", ["contour", "--norm", "l1,l2", "--overlay", .. Small]).Image);

    [Theory]
    [InlineData(new[] { "contour", "--norm", "l1,l2", "--overlay" }, "contour-overlay-l1-l2-lambda0.5.png")]
    [InlineData(new[] { "contour", "--norm", "l1,l2" }, "contour-l1-l2-lambda0.5.png")]
    [InlineData(new[] { "norm", "--norm", "l1,l2,linf", "--overlay" }, "norm-overlay-l1-l2-linf.png")]
    [InlineData(new[] { "norm", "--norm", "lp", "--p", "4,1", "--overlay" }, "norm-overlay-lp-p4-1.png")]
    public void Overlay_default_names_differ_from_the_panels_of_the_same_list(string[] args, string expected)
    {
        string old = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Dir;
            var r = CliRunner.Run([.. args, .. Small]);
            Assert.Equal(0, r.ExitCode);
            Support.DefaultName.AssertSuffixed(expected, r.Stdout.Trim()); // --size and --grid add the suffix
        }
        finally { Environment.CurrentDirectory = old; }
    }

    public static TheoryData<string[], string> BadOverlays => new()
    {
        { ["contour", "--norm", "l1", "--overlay"], "--overlay goes with a comma list of penalties" },
        { ["contour", "--lambda", "0.1,1", "--overlay"], "a list in --lambda varies the problem and makes panels" },
        { ["norm", "--norm", "l1,l2", "--overlay", "--cols", "2"], "--cols sets panels per row" },
        { ["contour", "--norm", "l1,l2", "--overlay", "--trace", "ista"], "--trace and --path go with one penalty" },
        { ["contour", "--norm", "l1,l2", "--overlay", "--path"], "--trace and --path go with one penalty" },
    };

    [Theory]
    [MemberData(nameof(BadOverlays))]
    public void Bad_overlay_gets_one_error_line_exit_2_and_no_file(string[] args, string expected)
    {
        var r = CliRunner.Run([.. args, .. Small, "--out", Path.Combine(Dir, "bad.png")]);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(r.ErrorLines));
        Assert.Contains(expected, r.Stderr);
        Assert.Empty(Directory.GetFiles(Dir));
    }
}
