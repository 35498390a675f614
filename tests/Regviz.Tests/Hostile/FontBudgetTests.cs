using Regviz.Plotting;
using Xunit;

namespace Regviz.Tests.Hostile;

/// <summary>
/// Fonts from style files cannot be released (ScottPlot caches every typeface for the process's life), so what they
/// hold is bounded instead (docs/security.md): one load per distinct file, and the distinct files capped together.
/// </summary>
public class FontBudgetTests
{
    private static byte[] Font() => File.ReadAllBytes(FontRegistry.Files.First());

    /// <summary>A distinct font file: the same font with <paramref name="pad"/> bytes after its tables, which readers skip.</summary>
    private static byte[] Variant(byte[] font, int pad) => [.. font, .. new byte[pad]];

    [Fact]
    public void The_same_file_named_by_many_figures_is_loaded_once()
    {
        var budget = new FontBudget(FontBudget.DefaultCap);
        byte[] font = Font();
        var first = budget.Face(font, "regular");
        for (int i = 0; i < 50; i++)
            Assert.Same(first, budget.Face([.. font], "regular")); // a fresh copy of the same bytes
        Assert.Equal(font.Length, budget.LoadedBytes);
    }

    [Fact]
    public void Distinct_files_stop_at_the_cap_with_a_message_naming_it()
    {
        byte[] font = Font();
        var budget = new FontBudget(3L * font.Length + 100);
        for (int i = 1; i <= 3; i++) budget.Face(Variant(font, i), "regular");
        var refused = Assert.Throws<ArgumentException>(() => budget.Face(Variant(font, 4), "bold"));
        Assert.Equal("bold", refused.ParamName);
        Assert.Contains("distinct font files", refused.Message);
        Assert.True(budget.LoadedBytes <= 3L * font.Length + 100);
        // a file already loaded is still served after the cap is reached
        Assert.NotNull(budget.Face(Variant(font, 2), "regular"));
    }

    [Fact]
    public void Styles_sharing_a_regular_font_share_its_face_whatever_their_bold_fonts()
    {
        // the batch: 30 figures naming one large font and each a different bold font held 30 copies of the large one
        byte[] font = Variant(Font(), 7919);
        string a = FontRegistry.AddFont(font, Variant(Font(), 7920));
        string b = FontRegistry.AddFont([.. font], Variant(Font(), 7921));
        Assert.NotEqual(a, b);
        Assert.Same(FontRegistry.Typeface(a), FontRegistry.Typeface(b));
    }
}
