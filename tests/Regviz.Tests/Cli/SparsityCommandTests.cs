using System.Text.Json;
using Xunit;

namespace Regviz.Tests.Cli;

public class SparsityCommandTests : Support.ScratchFolder
{
    [Fact]
    public void Json_follows_the_conventions_and_the_png_is_reproducible()
    {
        string a = Path.Combine(Dir, "a.png"), b = Path.Combine(Dir, "b.png");
        var r = CliRunner.Run("sparsity", "--trials", "3000", "--seed", "11", "--norms", "l1,l2", "--json", "-", "--out", a, "--size", "600x320");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(3000, doc.RootElement.GetProperty("trials").GetInt64());
        Assert.Equal(11UL, doc.RootElement.GetProperty("seed").GetUInt64());
        var results = doc.RootElement.GetProperty("results");
        Assert.Equal("l1", results[0].GetProperty("norm").GetString());
        Assert.InRange(results[0].GetProperty("sparse_fraction").GetDouble(), 0.3, 0.95);
        Assert.Equal(0.0, results[1].GetProperty("sparse_fraction").GetDouble());
        Assert.Equal(0, CliRunner.Run("sparsity", "--trials", "3000", "--seed", "11", "--norms", "l1,l2", "--out", b, "--size", "600x320").ExitCode);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void Help_and_default_size_describe_the_panel_figure()
    {
        // the help once promised an 800x800 default that the panel figure does not have
        var help = CliRunner.Run("sparsity", "--help");
        Assert.Contains("per panel", help.Stdout);
        Assert.Contains("--cols", help.Stdout);
        Assert.DoesNotContain("800x800", help.Stdout);
        // three norms: one row of 560-pixel squares; four: two rows of two; --cols 4: one row. The image grows
        // with the panels by the header above them and the one legend below
        Assert.Equal((3 * 560, 1), Size(Render("--norms", "l1,l2,linf")));
        Assert.Equal((2 * 560, 2), Size(Render()));
        Assert.Equal((4 * 560, 1), Size(Render("--cols", "4")));
    }

    private byte[] Render(params string[] args)
    {
        string png = Path.Combine(Dir, "s.png");
        var r = CliRunner.Run(["sparsity", "--trials", "200", "--out", png, .. args]);
        Assert.Equal(0, r.ExitCode);
        return File.ReadAllBytes(png);
    }

    /// <summary>The PNG's width, and how many 560-pixel rows of panels its height holds (with at most 200 pixels of header and legend).</summary>
    private static (int Width, int Rows) Size(byte[] png)
    {
        // IHDR: width and height, big-endian, at bytes 16..23 of a PNG
        int width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        int height = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
        int rows = height / 560;
        Assert.InRange(height - rows * 560, 40, 200);
        return (width, rows);
    }

    [Fact]
    public void Svg_is_the_same_panels_with_the_alt_text_and_caption_and_one_legend()
    {
        string svg = Path.Combine(Dir, "s.svg"), json = Path.Combine(Dir, "s.json");
        var r = CliRunner.Run("sparsity", "--trials", "300", "--norms", "l1,l2", "--out", svg, "--json", json);
        Assert.Equal(0, r.ExitCode);
        var root = System.Xml.Linq.XDocument.Parse(File.ReadAllText(svg)).Root!;
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var children = root.Elements().Take(2).ToList();
        Assert.Equal(("title", doc.RootElement.GetProperty("alt").GetString()), (children[0].Name.LocalName, children[0].Value));
        Assert.Equal(("desc", doc.RootElement.GetProperty("caption").GetString()), (children[1].Name.LocalName, children[1].Value));
        string text = File.ReadAllText(svg);
        // the legend once, not once per panel; each panel's title has its own count
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "optima with a coefficient exactly 0"));
        Assert.Contains("L1 (lasso):", text);
        Assert.Contains("L2 (ridge): 0.0% have a zero (0\u00a0of\u00a0300)", text);
    }

    [Theory]
    [InlineData("--norms", "l1,l9", "--norm: unknown norm 'l9'")]
    [InlineData("--trials", "0", "--trials: 0 is outside")]
    [InlineData("--radius", "-1", "--radius: -1 is not allowed")]
    [InlineData("--out", "x.jpg", "must end in .png, .svg or .pdf")]
    [InlineData("--cols", "5", "--cols: 5 is outside 1..4 (the number of norms)")]
    public void Bad_input_is_exit_2(string option, string value, string expected)
    {
        var args = new List<string> { "sparsity", option, value };
        if (option != "--trials") args.AddRange(["--trials", "10"]);
        if (option != "--out") args.AddRange(["--out", Path.Combine(Dir, "x.png")]);
        var r = CliRunner.Run([.. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, Assert.Single(r.ErrorLines));
    }
}
