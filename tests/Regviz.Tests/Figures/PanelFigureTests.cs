using System.Text.Json;
using System.Xml.Linq;
using Regviz.Core.Penalties;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>Panels: one per value of a comma list, on one range, with one legend; the sidecar has one entry per panel.</summary>
[Collection(Support.CurrentDirectory.Collection)]
public class PanelFigureTests : Support.ScratchFolder
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

    private static double[] Weights(JsonElement optimum) =>
        optimum.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();

    [Theory]
    [InlineData("--lambda", "0.1,0.5,2", "lambda")]
    [InlineData("--radius", "0.5,1.5", "radius")]
    [InlineData("--norm", "l1,l2,elasticnet,linf", "norm")]
    [InlineData("--p", "0.5,1.5", "p")]
    public void Each_panel_optimum_equals_solve_with_that_value_and_all_share_one_range(string option, string list, string varies)
    {
        string[] baseArgs = option == "--p" ? ["--norm", "lp"] : [];
        var (_, json) = Render("p.png", ["contour", .. baseArgs, option, list, .. Small]);
        Assert.Equal(varies, json.GetProperty("varies").GetString());
        var values = list.Split(',');
        var panels = json.GetProperty("panels");
        Assert.Equal(values.Length, panels.GetArrayLength());
        var ranges = panels.EnumerateArray().Select(p => p.GetProperty("range").ToString()).Distinct();
        Assert.Single(ranges);
        for (int i = 0; i < values.Length; i++)
        {
            var solve = CliRunner.Run(["solve", .. baseArgs, option, values[i], "--json", "-"]);
            Assert.Equal(0, solve.ExitCode);
            using var s = JsonDocument.Parse(solve.Stdout);
            var optimum = panels[i].GetProperty("optimum");
            Assert.Equal(Weights(s.RootElement), Weights(optimum));
            Assert.Equal(s.RootElement.GetProperty("objective").GetDouble(), optimum.GetProperty("objective").GetDouble());
            Assert.True(optimum.GetProperty("certified").GetBoolean());
        }
    }

    [Fact]
    public void The_image_grows_with_the_panels_so_each_keeps_its_size()
    {
        // 5 panels of 400×400 in 3 columns: 1200 wide, two rows of 400 plus the header and one legend row
        var (png, _) = Render("g.png", "norm", "--norm", "lp", "--p", "4,2,1,0.5,0.1", "--size", "400x400");
        var image = ImageComparison.Decode(png)!.Value;
        Assert.Equal(1200, image.Width);
        Assert.InRange(image.Height, 800, 800 + 120);
        var (wide, _) = Render("w.png", "norm", "--norm", "lp", "--p", "4,2,1,0.5,0.1", "--size", "400x400", "--cols", "5");
        Assert.Equal(2000, ImageComparison.Decode(wide)!.Value.Width);
    }

    [Fact]
    public void Norm_panels_lie_on_their_levels_and_name_their_penalty()
    {
        var (_, json) = Render("n.png", ["norm", "--norm", "lp", "--p", "4,1,0.5", .. Small]);
        Assert.Equal([4.0, 1.0, 0.5], json.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        var panels = json.GetProperty("panels");
        for (int i = 0; i < 3; i++)
        {
            var panel = panels[i];
            double p = panel.GetProperty("p").GetDouble();
            var penalty = new LpPenalty(p);
            foreach (var c in panel.GetProperty("contours").GetProperty("norm").EnumerateArray())
            {
                double level = c.GetProperty("level").GetDouble();
                foreach (var line in c.GetProperty("lines").EnumerateArray())
                    foreach (var pt in line.EnumerateArray())
                    {
                        // Σ|w_j|^p computed here, not by the penalty under test
                        double v = Math.Pow(Math.Abs(pt[0].GetDouble()), p) + Math.Pow(Math.Abs(pt[1].GetDouble()), p);
                        Assert.True(Math.Abs(v - level) <= 1e-12 * Math.Max(1, level), $"p = {p}: P = {v:R} on the level {level:R}");
                    }
            }
        }
    }

    [Fact]
    public void Svg_panels_stay_vector_in_the_shipped_font_with_unique_ids()
    {
        string path = Path.Combine(Dir, "p.svg");
        var r = CliRunner.Run(["contour", "--norm", "l1,l2", .. Small, "--out", path]);
        Assert.Equal(0, r.ExitCode);
        var doc = XDocument.Parse(File.ReadAllText(path));
        Assert.Equal("800", doc.Root!.Attribute("width")?.Value);
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName == "image");
        var families = doc.Descendants().Select(e => e.Attribute("font-family")?.Value).Where(f => f is not null).Distinct();
        Assert.All(families, f => Assert.Equal("DejaVu Sans", f));
        var ids = doc.Descendants().Select(e => e.Attribute("id")?.Value).Where(i => i is not null).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // both panels' titles and the one legend are text in the file
        string text = string.Concat(doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        Assert.Contains("L1 (lasso)", text);
        Assert.Contains("L2 (ridge)", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "regularised optimum w\\*"));
    }

    [Fact]
    public void Panels_match_their_golden() =>
        Golden.AssertMatches("contour-panels-l1-l2.png", Render("c.png", ["contour", "--norm", "l1,l2", "--path", .. Small]).Image);

    [Fact]
    public void Sparsity_panels_match_their_golden() =>
        Golden.AssertMatches("sparsity-panels.png", Render("s.png", ["sparsity", "--trials", "2000", "--seed", "1", "--size", "400x400"]).Image);

    [Theory]
    [InlineData(new[] { "contour", "--norm", "l1,l2" }, "contour-l1-l2-lambda0.5.png")]
    [InlineData(new[] { "contour", "--lambda", "0.1,0.5,2" }, "contour-l1-lambda0.1-0.5-2.png")]
    [InlineData(new[] { "norm", "--norm", "lp", "--p", "4,2,1,0.5,0.1" }, "norm-lp-p4-2-1-0.5-0.1.png")]
    public void Default_names_list_the_values(string[] args, string expected)
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

    public static TheoryData<string[], string> BadPanelInputs => new()
    {
        { ["contour", "--norm", "l1,l2", "--lambda", "0.1,0.2"], "--norm and --lambda both have a comma list" },
        { ["contour", "--lambda", "0.1,-1"], "--lambda: -1 is not allowed" },
        { ["contour", "--norm", "l1", "--p", "1,2"], "--p: a list of p varies a penalty that has it; --norm l1 does not" },
        { ["contour", "--lambda", "1,2", "--size", "6000x6000"], "at most 10000 a side" },
        { ["norm", "--norm", "l1,l9"], "--norm: unknown norm 'l9'" },
        { ["solve", "--lambda", "0.1,0.2"], "--lambda: '0.1,0.2' is a list; this command takes one value" },
        { ["path", "--norm", "l1,l2"], "--norm: 'l1,l2' is a list; this command takes one norm" },
        { ["sparsity", "--p", "1,2"], "--p: '1,2' is a list" },
    };

    [Theory]
    [MemberData(nameof(BadPanelInputs))]
    public void Bad_panel_input_gets_one_error_line_exit_2_and_no_file(string[] args, string expected)
    {
        var r = args[0] == "solve" ? CliRunner.Run(args) : CliRunner.Run([.. args, "--out", Path.Combine(Dir, "bad.png")]);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(r.ErrorLines));
        Assert.Contains(expected, r.Stderr);
        Assert.Empty(Directory.GetFiles(Dir));
    }
}
