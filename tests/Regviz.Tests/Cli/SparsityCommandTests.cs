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
        // the help once promised SVG and an 800x800 default that the panel figure does not have
        var help = CliRunner.Run("sparsity", "--help");
        Assert.Contains("per panel", help.Stdout);
        Assert.DoesNotContain("800x800", help.Stdout);
        Assert.DoesNotContain(".svg", help.Stdout);
        string png = Path.Combine(Dir, "s.png");
        Assert.Equal(0, CliRunner.Run("sparsity", "--trials", "200", "--norms", "l1,l2,linf", "--out", png).ExitCode);
        var bytes = File.ReadAllBytes(png);
        // IHDR: width and height, big-endian, at bytes 16..23 of a PNG
        int width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        int height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
        Assert.Equal((3 * 560, 620), (width, height));
    }

    [Theory]
    [InlineData("--norms", "l1,l9", "--norm: unknown norm 'l9'")]
    [InlineData("--trials", "0", "--trials: 0 is outside")]
    [InlineData("--radius", "-1", "--radius: -1 is not allowed")]
    [InlineData("--out", "x.svg", "the sparsity figure is PNG only")]
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
