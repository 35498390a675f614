using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>
/// House styles (#18): the built-in colorblind and print styles and a style file against their goldens, the default
/// unchanged by the option, and every mistake a style file can make reported as one line naming its line and column.
/// </summary>
public class StyleTests : Support.ScratchFolder
{
    private static readonly string[] Small = ["--size", "400x400", "--grid", "120"];

    private static string HouseStyle => Path.Combine(AppContext.BaseDirectory, "Data", "styles", "house.yaml");

    private byte[] Render(string file, params string[] args)
    {
        string path = Path.Combine(Dir, file);
        var r = CliRunner.Run([.. args, "--out", path]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return File.ReadAllBytes(path);
    }

    [Theory]
    [InlineData("contour-l1-colorblind.png", "contour", "--norm", "l1", "--path", "--trace", "gd", "--style", "colorblind")]
    [InlineData("contour-l1-print.png", "contour", "--norm", "l1", "--path", "--trace", "gd", "--style", "print")]
    [InlineData("norm-lp-print.png", "norm", "--norm", "lp", "--style", "print")]
    public void Built_in_style_matches_its_golden(string golden, params string[] args) =>
        Golden.AssertMatches(golden, Render(golden, [.. args, .. Small]));

    [Fact]
    public void Print_path_figure_tells_ten_lines_apart_by_dash_and_matches_its_golden() =>
        Golden.AssertMatches("path-diabetes-print.png",
            Render("p.png", "path", "--data", Core.DiabetesTests.CsvPath, "--intercept", "--style", "print", "--size", "600x400"));

    [Fact]
    public void Style_file_matches_its_golden() =>
        Golden.AssertMatches("contour-l1-house-style.png", Render("h.png", ["contour", "--norm", "l1", "--path", "--trace", "gd", "--style", HouseStyle, .. Small]));

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public void Style_naming_a_theme_draws_exactly_what_the_theme_does(string name)
    {
        var themed = Render("a.png", ["contour", "--theme", name, .. Small]);
        var styled = Render("b.png", ["contour", "--style", name, .. Small]);
        Assert.Equal(themed, styled);
    }

    [Fact]
    public void Theme_and_style_together_are_refused()
    {
        var r = CliRunner.Run(["contour", "--theme", "dark", "--style", "print", "--out", Path.Combine(Dir, "x.png"), .. Small]);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: --theme and --style", Assert.Single(r.ErrorLines));
    }

    public static TheoryData<string, string> BadStyles => new()
    {
        { "colour:\n  loss: \"#ff0000\"\n", "line 1, column 1: unknown key 'colour' (valid: base, colors, lines, dashes, fonts, grid)" },
        { "colors:\n  los: \"#ff0000\"\n", "line 2, column 3: unknown key 'los' in 'colors' (valid: background, text," },
        { "colors:\n  loss: #ff0000\n", "line 2, column 8: colors.loss: no colour (in YAML '#' starts a comment: quote it" },
        { "colors:\n  loss: \"red\"\n", "line 2, column 9: colors.loss: 'red' is not a colour" },
        { "colors:\n  series: \"#ff0000\"\n", "line 2, column 11: 'colors.series' must be a list" },
        { "lines:\n  loss: 0\n", "line 2, column 9: lines.loss: 0 is outside 0.1..20" },
        { "lines:\n  loss: thick\n", "line 2, column 9: lines.loss: 'thick' is not a number" },
        { "dashes:\n  path: wavy\n", "line 2, column 9: dashes.path: unknown dash 'wavy' (valid: solid, dashed, densely-dashed, dotted, dash-dot)" },
        { "fonts:\n  title: 500\n", "line 2, column 10: fonts.title: 500 is outside 4..72" },
        { "fonts:\n  bold_file: b.ttf\n", "fonts.bold_file needs fonts.file" },
        { "fonts:\n  file: missing.ttf\n", "fonts.file '" },
        { "fonts:\n  file: not-a-font.ttf\n", "line 2, column 9: fonts.file: 'not-a-font.ttf' is not a TrueType or OpenType font file" },
        { "grid: maybe\n", "line 1, column 7: grid: 'maybe' is not true or false" },
        { "base: neon\n", "line 1, column 7: base: unknown style 'neon' (valid: light, dark, colorblind, print)" },
        { "colors: [1, 2]\n", "line 1, column 9: 'colors' must be a mapping" },
        { "a: &x 1\nb: *x\n", "line 2, column 4: aliases (*name) are not allowed" },
        { "a: " + new string('[', 20) + new string(']', 20) + "\n", "nested deeper than a style ever is" },
        { "colors:\n  loss: \"#ff0000\"\n  loss: \"#00ff00\"\n", "line 3, column 3: " },
        { "colors: {loss: \"#ff0000\"\n", "line 2, column 1: " },
        { "- a\n- b\n", "expected a mapping of base, colors" },
    };

    [Theory]
    [MemberData(nameof(BadStyles))]
    public void Bad_style_file_gets_one_error_line_with_its_position_and_no_figure(string yaml, string expected)
    {
        string style = Path.Combine(Dir, "bad.yaml");
        File.WriteAllText(style, yaml);
        File.WriteAllText(Path.Combine(Dir, "not-a-font.ttf"), "<html>not a font</html>");
        var r = CliRunner.Run(["contour", "--style", style, "--out", Path.Combine(Dir, "x.png"), .. Small]);
        Assert.Equal(2, r.ExitCode);
        string line = Assert.Single(r.ErrorLines);
        Assert.StartsWith($"error: --style: ", line);
        Assert.Contains(expected, line);
        Assert.False(File.Exists(Path.Combine(Dir, "x.png")));
    }

    [Fact]
    public void Unknown_style_name_is_refused_with_the_built_in_names()
    {
        var r = CliRunner.Run(["contour", "--style", "neon", "--out", Path.Combine(Dir, "x.png"), .. Small]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--style: 'neon' is neither a built-in style (light, dark, colorblind, print) nor a file", Assert.Single(r.ErrorLines));
    }

    [Fact]
    public void Style_and_font_files_are_read_with_a_bound()
    {
        // a style file of more than 1 MB, and a font file that starts like a TrueType font but is 40 MB long
        string big = Path.Combine(Dir, "big.yaml");
        File.WriteAllText(big, "# " + new string('x', 1000) + "\n" + string.Concat(Enumerable.Repeat("# padding line " + new string('y', 1000) + "\n", 1100)));
        var r = CliRunner.Run(["contour", "--style", big, "--out", Path.Combine(Dir, "x.png"), .. Small]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is larger than 1 MB", Assert.Single(r.ErrorLines));

        string font = Path.Combine(Dir, "huge.ttf");
        using (var f = File.Create(font))
        {
            f.Write([0, 1, 0, 0]);
            f.SetLength(40L << 20);
        }
        string style = Path.Combine(Dir, "font.yaml");
        File.WriteAllText(style, "fonts:\n  file: huge.ttf\n");
        r = CliRunner.Run(["contour", "--style", style, "--out", Path.Combine(Dir, "x.png"), .. Small]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is larger than 32 MB", Assert.Single(r.ErrorLines));
    }

    [Fact]
    public void Batch_figure_style_overrides_the_default_theme_and_its_file_is_found_beside_the_manifest()
    {
        string manifestDir = Path.Combine(Dir, "post");
        Directory.CreateDirectory(manifestDir);
        File.WriteAllText(Path.Combine(manifestDir, "greys.yaml"), "base: print\nlines:\n  loss: 2\n");
        string manifest = Path.Combine(manifestDir, "figures.yaml");
        File.WriteAllText(manifest, """
            defaults: --size 300x300 --grid 60 --theme light
            figures:
              - out: printed.png
                args: norm --norm l1 --style print
              - out: house.png
                args: norm --norm l1 --style greys.yaml
            """);
        string outDir = Path.Combine(Dir, "out");
        var r = CliRunner.Run("batch", manifest, "--out", outDir, "--jobs", "1");
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        var expected = Render("printed.png", "norm", "--norm", "l1", "--style", "print", "--size", "300x300", "--grid", "60");
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(outDir, "printed.png")));
        Assert.True(File.Exists(Path.Combine(outDir, "house.png")));
    }

    [Fact]
    public void Figures_of_different_fonts_rendered_in_parallel_keep_their_own_font()
    {
        // ScottPlot hands a new label the face last set by any plot: a batch of styles in parallel must not swap them
        string bold = Path.Combine(AppContext.BaseDirectory, "Fonts", "DejaVuSans-Bold.ttf");
        File.WriteAllText(Path.Combine(Dir, "bold.yaml"), $"fonts:\n  file: \"{bold}\"\n");
        var lines = new List<string> { "defaults: --size 300x300 --grid 60", "figures:" };
        for (int i = 0; i < 8; i++)
            lines.AddRange([$"  - out: f{i}.png", $"    args: contour --norm l1 --path{(i % 2 == 0 ? " --style bold.yaml" : "")}"]);
        string manifest = Path.Combine(Dir, "m.yaml");
        File.WriteAllLines(manifest, lines);
        // the font lies outside the manifest's folder: the batch may read it only when told so
        var r = CliRunner.Run("batch", manifest, "--out", Path.Combine(Dir, "out"), "--jobs", "4", "--allow-read", Path.GetDirectoryName(bold)!);
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        var plain = Render("plain.png", "contour", "--norm", "l1", "--path", "--size", "300x300", "--grid", "60");
        var styled = Render("styled.png", "contour", "--norm", "l1", "--path", "--size", "300x300", "--grid", "60", "--style", Path.Combine(Dir, "bold.yaml"));
        Assert.NotEqual(plain, styled);
        for (int i = 0; i < 8; i++)
            Assert.True((i % 2 == 0 ? styled : plain).SequenceEqual(File.ReadAllBytes(Path.Combine(Dir, "out", $"f{i}.png"))), $"f{i}.png");
    }
}
