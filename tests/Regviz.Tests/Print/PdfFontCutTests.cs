using System.Text;
using System.Text.RegularExpressions;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Print;

/// <summary>
/// A 3-D figure's PDF embeds the shipped font cut down to regviz's own repertoire (same glyph ids) when every text is
/// in it, and the whole font when a title goes beyond it: the embedded font program's length (/Length1) says which.
/// (tests/Regviz.ToolTests rasterise these PDFs with poppler and compare them with the PNG.)
/// </summary>
[Collection(Support.CurrentDirectory.Collection)]
public class PdfFontCutTests : Support.ScratchFolder
{
    /// <summary>DejaVuSans.ttf as shipped, in bytes: what Skia embeds when it is given the whole font.</summary>
    private const int WholeFont = 759720;

    [Theory]
    [InlineData("ball", "l1,group", null, false)]
    [InlineData("surface", "l1", null, false)]
    [InlineData("surface", "l2", "Loss ‖w‖₂ ≤ t, λ = 0.5", false)]
    [InlineData("ball", "l1", "Шар L1", true)]
    public void The_font_is_cut_unless_a_text_is_beyond_the_repertoire(string command, string norm, string? title, bool whole)
    {
        string pdf = Path.Combine(Dir, "f.pdf");
        string[] titled = title is null ? [] : ["--title", title];
        var r = CliRunner.Run([command, "--norm", norm, "--size", "300x300", .. titled, "--out", pdf]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lengths = Regex.Matches(Encoding.Latin1.GetString(File.ReadAllBytes(pdf)), @"/Length1 (\d+)").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(lengths);
        if (whole) Assert.Contains(WholeFont, lengths);
        else Assert.All(lengths, n => Assert.True(n < WholeFont / 2, $"an embedded font of {n} bytes"));
    }
}
