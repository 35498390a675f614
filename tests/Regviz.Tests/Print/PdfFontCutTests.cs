using System.Text;
using System.Text.RegularExpressions;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Print;

/// <summary>
/// A 3-D figure's PDF is drawn with the shipped font cut down to regviz's own repertoire (same glyph ids) when every
/// text is in it, and with the whole font when a title goes beyond it; either way the PDF embeds a subset of the glyphs
/// shown (<see cref="PdfFontSubsetTests"/>), so no embedded font program (/Length1) is a tenth of the whole font.
/// (tests/Regviz.ToolTests rasterise these PDFs with poppler and compare them with the PNG.)
/// </summary>
[Collection(Support.CurrentDirectory.Collection)]
public class PdfFontCutTests : Support.ScratchFolder
{
    /// <summary>DejaVuSans.ttf as shipped, in bytes: what Skia embeds when it is given the whole font.</summary>
    private const int WholeFont = 759720;

    [Theory]
    [InlineData("ball", "l1,group", null)]
    [InlineData("surface", "l1", null)]
    [InlineData("surface", "l2", "Loss ‖w‖₂ ≤ t, λ = 0.5")]
    [InlineData("ball", "l1", "Шар L1")]
    public void The_embedded_font_is_cut_whatever_the_text(string command, string norm, string? title)
    {
        string pdf = Path.Combine(Dir, "f.pdf");
        string[] titled = title is null ? [] : ["--title", title];
        var r = CliRunner.Run([command, "--norm", norm, "--size", "300x300", .. titled, "--out", pdf]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lengths = Regex.Matches(Encoding.Latin1.GetString(File.ReadAllBytes(pdf)), @"/Length1 (\d+)").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(lengths);
        Assert.All(lengths, n => Assert.True(n < WholeFont / 10, $"an embedded font of {n} bytes"));
    }
}
