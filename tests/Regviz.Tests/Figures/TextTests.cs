using System.Text.Json;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>
/// Text beyond what the shipped font has, and titles beyond one line (#18): fallback to a font of the machine (here a
/// one-glyph font made by the test, so nothing depends on what is installed), one warning when none has the
/// characters, wrapping to the figure's width, and the limits that refuse a title that is really a caption.
/// </summary>
public class TextTests : Support.ScratchFolder
{
    private static readonly string[] Small = ["--size", "400x400", "--grid", "120"];

    /// <summary>A folder holding only a font whose one glyph, for 中, is a filled square.</summary>
    private string SquareFontFolder()
    {
        string folder = Path.Combine(Dir, "fonts");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "square.ttf"), Support.TinyFont.Square('中'));
        return folder;
    }

    private CliRunner.Result RunWithFonts(string[]? folders, params string[] args)
    {
        FontFallback.TestFolders.Value = folders;
        // the same folders for the executable under test (REGVIZ_EXE), through the variable users set; empty: none
        CliRunner.ChildEnvironment.Value = folders is null ? null
            : new Dictionary<string, string> { [FontFallback.FoldersVariable] = string.Join(Path.PathSeparator, folders) };
        try { return CliRunner.Run(args); }
        finally { FontFallback.TestFolders.Value = null; CliRunner.ChildEnvironment.Value = null; }
    }

    /// <summary>Dark pixels in the top <paramref name="rows"/> rows of a PNG: how much ink the title put there.</summary>
    private static int InkInTitle(string png, int rows)
    {
        var (rgb, width, _) = ImageComparison.Decode(File.ReadAllBytes(png))!.Value;
        int ink = 0;
        for (int y = 0; y < rows; y++)
            for (int x = 0; x < width; x++)
                if (rgb[3 * (y * width + x)] < 100) ink++;
        return ink;
    }

    [Fact]
    public void A_character_the_shipped_font_lacks_is_drawn_with_a_font_of_the_machine_and_the_run_says_so()
    {
        string with = Path.Combine(Dir, "with.png"), without = Path.Combine(Dir, "without.png");
        var r = RunWithFonts([SquareFontFolder()], ["contour", "--title", "中中中", "--out", with, "--grid", "60"]);
        Assert.Equal(0, r.ExitCode);
        string warning = Assert.Single(r.ErrorLines);
        Assert.StartsWith("warning: --title: the figure's font lacks 中 (U+4E2D): drawn with square.ttf (", warning);
        Assert.Contains("so the image depends on that font", warning);

        var none = RunWithFonts([], ["contour", "--title", "中中中", "--out", without, "--grid", "60"]);
        Assert.Equal(0, none.ExitCode);
        // three filled squares (about 13 px a side at 800 px) against three outlined boxes, DejaVu's missing glyph
        int filled = InkInTitle(with, 50), boxes = InkInTitle(without, 50);
        Assert.True(filled > boxes + 200, $"ink in the title: {filled} with the fallback, {boxes} without");
    }

    [Fact]
    public void Without_any_font_for_a_character_there_is_one_warning_and_the_figure_is_still_made()
    {
        string png = Path.Combine(Dir, "x.png");
        var r = RunWithFonts([], ["contour", "--title", "套索 🎉 lasso", "--out", png, .. Small]);
        Assert.Equal(0, r.ExitCode);
        string warning = Assert.Single(r.ErrorLines);
        Assert.Equal("warning: --title: no font here has 套 (U+5957), 索 (U+7D22), 🎉 (U+1F389): drawn as boxes "
            + $"(install a font that has them, or name a folder of fonts in {FontFallback.FoldersVariable})", warning);
        Assert.True(File.Exists(png));
    }

    [Fact]
    public void A_column_name_the_font_lacks_gets_the_fallback_in_the_axis_label_and_a_warning()
    {
        string csv = Path.Combine(Dir, "cjk.csv");
        File.WriteAllText(csv, "中,x2,y\n" + string.Join("\n", Enumerable.Range(0, 20).Select(i =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Math.Sin(i)},{Math.Cos(3 * i)},{Math.Sin(i) + 0.3 * Math.Cos(3 * i)}"))) + "\n");
        string with = Path.Combine(Dir, "with.png"), without = Path.Combine(Dir, "without.png");
        var r = RunWithFonts([SquareFontFolder()], ["contour", "--data", csv, "--lambda", "0.1", "--out", with]);
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("warning: column '中': the figure's font lacks 中 (U+4E2D): drawn with square.ttf", Assert.Single(r.ErrorLines));
        var none = RunWithFonts([], ["contour", "--data", csv, "--lambda", "0.1", "--out", without]);
        Assert.StartsWith("warning: column '中': no font here has 中 (U+4E2D): drawn as boxes", Assert.Single(none.ErrorLines));
        // the x label "w₁ (中)", in the bottom rows: a filled square where the other run has an outlined box
        int InkAtBottom(string png)
        {
            var (rgb, width, height) = ImageComparison.Decode(File.ReadAllBytes(png))!.Value;
            int ink = 0;
            for (int y = height - 45; y < height; y++)
                for (int x = 0; x < width; x++)
                    if (rgb[3 * (y * width + x)] < 100) ink++;
            return ink;
        }
        Assert.True(InkAtBottom(with) > InkAtBottom(without) + 60, $"ink under the plot: {InkAtBottom(with)} with the fallback, {InkAtBottom(without)} without");
    }

    [Fact]
    public void A_title_that_fits_in_the_shipped_font_draws_exactly_as_the_default_title_does()
    {
        // the default title of this figure, given by hand: ScottPlot still draws it, byte for byte
        string a = Path.Combine(Dir, "a.png"), b = Path.Combine(Dir, "b.png");
        Assert.Equal(0, CliRunner.Run(["norm", "--norm", "l1", "--out", a, .. Small]).ExitCode);
        var r = CliRunner.Run(["norm", "--norm", "l1", "--title", "L1 (lasso): contours of P(w)", "--out", b, .. Small]);
        Assert.Equal(0, r.ExitCode);
        Assert.Empty(r.Stderr);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void Wrapped_lines_fit_the_width_and_keep_every_word_in_order()
    {
        FontRegistry.EnsureRegistered();
        string text = string.Join(" ", Enumerable.Repeat("regularisation keeps weights small", 6)) + "\nsecond paragraph";
        var layout = TitleText.Layout(text, FontRegistry.Family, 17, 300);
        Assert.True(layout.Lines.Count >= 4, $"{layout.Lines.Count} lines");
        foreach (var line in layout.Lines)
        {
            // measured here with Skia, not with the widths the layout stored
            using var font = new SkiaSharp.SKFont(FontRegistry.Typeface(FontRegistry.Family), 17);
            float width = font.MeasureText(string.Concat(line.Select(run => run.Text)));
            Assert.True(width <= 300 + 0.5f, $"a line is {width} px wide");
        }
        var words = layout.Lines.Select(l => string.Concat(l.Select(run => run.Text)).Trim()).SelectMany(l => l.Split(' ')).ToArray();
        Assert.Equal(text.Replace("\n", " ").Split(' '), words);
        Assert.Equal("second paragraph", string.Concat(layout.Lines[^1].Select(run => run.Text)));
    }

    [Fact]
    public void Text_without_spaces_breaks_between_characters()
    {
        FontRegistry.EnsureRegistered();
        FontFallback.TestFolders.Value = [];
        try
        {
            var layout = TitleText.Layout(new string('中', 40), FontRegistry.Family, 17, 120);
            Assert.True(layout.Lines.Count > 3);
            Assert.Equal(40, layout.Lines.Sum(l => l.Sum(run => run.Text.Length)));
        }
        finally { FontFallback.TestFolders.Value = null; }
    }

    [Fact]
    public void A_long_title_wraps_and_the_plane_keeps_its_equal_aspect()
    {
        // several lines at 400x400, within the quarter of the height a title may take
        string title = string.Join(" ", Enumerable.Repeat("a long title about regularisation", 5));
        string json1 = Path.Combine(Dir, "a.json"), json2 = Path.Combine(Dir, "b.json");
        Assert.Equal(0, CliRunner.Run(["contour", "--json", json1, "--out", Path.Combine(Dir, "a.png"), .. Small]).ExitCode);
        var r = CliRunner.Run(["contour", "--title", title, "--json", json2, "--out", Path.Combine(Dir, "b.png"), .. Small]);
        Assert.Equal(0, r.ExitCode);
        Assert.Empty(r.Stderr);
        double Aspect(string path)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var range = doc.RootElement.GetProperty("range");
            return (range.GetProperty("x1").GetDouble() - range.GetProperty("x0").GetDouble()) / (range.GetProperty("y1").GetDouble() - range.GetProperty("y0").GetDouble());
        }
        // the wrapped lines take height from the data area: the same units per pixel need a wider range in w1
        Assert.True(Aspect(json2) > Aspect(json1) * 1.05, $"aspect {Aspect(json2)} against {Aspect(json1)}");
        var style = new FigureStyle(400, 400, Theme.Light, title);
        Assert.InRange(style.TitleLines, 3, style.MaxTitleLines);
        Assert.Equal(style.Frame().DataWidth / style.Frame().DataHeight, Aspect(json2), 6);
    }

    [Theory]
    [InlineData(301, "800x800", "--title: 301 characters; at most 300")]
    [InlineData(200, "150x150", "--title: wrapped to the figure's width it takes")]
    public void A_title_past_the_limits_is_refused(int length, string size, string expected)
    {
        string title = string.Concat(Enumerable.Range(0, length).Select(i => i % 6 == 5 ? ' ' : 'x'));
        var r = CliRunner.Run("contour", "--title", title, "--size", size, "--out", Path.Combine(Dir, "x.png"));
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith($"error: {expected}", Assert.Single(r.ErrorLines));
        Assert.Empty(Directory.GetFiles(Dir));
    }

    [Fact]
    public void A_title_of_the_longest_length_is_drawn()
    {
        string title = string.Concat(Enumerable.Range(0, 300).Select(i => i % 6 == 5 ? ' ' : 'x'));
        var r = CliRunner.Run("contour", "--title", title, "--out", Path.Combine(Dir, "x.png"));
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void A_control_character_in_a_title_is_refused()
    {
        var r = CliRunner.Run("norm", "--title", "a\u0007b", "--out", Path.Combine(Dir, "x.png"));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: --title: has the control character U+0007 (only line breaks are allowed)", Assert.Single(r.ErrorLines));
    }
}
