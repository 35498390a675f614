using System.Diagnostics;
using Xunit;

namespace Regviz.Tests.Cli;

public class BatchCommandTests : Support.ScratchFolder
{
    private string Manifest(string yaml)
    {
        string path = Path.Combine(Dir, "m.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private const string Small = "--size 300x300 --grid 60";

    [Fact]
    public void Blog_manifest_matches_its_committed_goldens()
    {
        string out_ = Path.Combine(Dir, "out");
        var r = CliRunner.Run("batch", Support.Repository.Path("samples", "blog", "figures.yaml"),
            "--check", Support.Repository.Path("samples", "blog", "golden"), "--out", out_, "--tolerance", "1.0", "--allow-read", Support.Repository.Path("samples", "data"));
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Contains("13 figures", r.Stdout);
        Assert.Contains("0 differ from their golden", r.Stdout);
    }

    [Fact]
    public void Parallel_output_is_byte_identical_to_serial()
    {
        var m = Manifest($$"""
            defaults: {{Small}}
            figures:
              - { out: a.png, args: contour --norm l1 }
              - { out: b.png, args: contour --norm l2 --path }
              - { out: c.png, args: norm --norm lp }
              - { out: d.png, args: contour --norm linf --theme dark }
              - { out: e.svg, args: norm --norm l1 }
              - { out: sub/f.png, args: path --norm elasticnet }
            """);
        string serial = Path.Combine(Dir, "serial"), parallel = Path.Combine(Dir, "parallel");
        Assert.Equal(0, CliRunner.Run("batch", m, "--out", serial, "--jobs", "1").ExitCode);
        Assert.Equal(0, CliRunner.Run("batch", m, "--out", parallel, "--jobs", "4").ExitCode);
        foreach (var name in new[] { "a.png", "b.png", "c.png", "d.png", "e.svg", "sub/f.png" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(serial, name)), File.ReadAllBytes(Path.Combine(parallel, name)));
    }

    [Fact]
    public void One_bad_figure_does_not_stop_the_others_and_exits_2()
    {
        var m = Manifest($"""
            defaults: {Small}
            figures:
              - out: good.png
                args: contour --norm l1
              - out: bad.png
                args: contour --norm l7
              - out: ../escape.png
                args: norm
              - out: /tmp/absolute.png
                args: norm
              - out: good.png
                args: norm
              - out: solve.png
                args: solve
              - out: also-good.png
                args: norm --norm l2
            """);
        var r = CliRunner.Run("batch", m, "--out", Path.Combine(Dir, "o"));
        Assert.Equal(2, r.ExitCode);
        Assert.True(File.Exists(Path.Combine(Dir, "o", "good.png")));
        Assert.True(File.Exists(Path.Combine(Dir, "o", "also-good.png")));
        Assert.False(File.Exists(Path.Combine(Dir, "escape.png")));
        Assert.Contains("bad.png (line 5): --norm: unknown norm 'l7'", r.Stdout);
        // the name starts the line once; the problem does not repeat it
        Assert.Contains("../escape.png (line 7): out escapes the output folder", r.Stdout);
        Assert.Contains("/tmp/absolute.png (line 9): out escapes the output folder", r.Stdout);
        Assert.Contains("good.png (line 11): out is also the out of the figure on manifest line 3", r.Stdout);
        Assert.Contains("'solve' makes no figure", r.Stdout);
        Assert.Contains("7 figures", r.Stdout);
        Assert.Contains("2 made, 5 failed", r.Stdout);
    }

    [Theory]
    [InlineData(1, "1 figure in", "1 differs from its golden", "1 of 1 figure could not be made", "the figure passed", "1 of 1 needs a look")]
    [InlineData(2, "2 figures in", "2 differ from their golden", "2 of 2 figures could not be made", "all 2 passed", "2 of 2 need a look")]
    public void Summary_counts_figures_in_the_right_number(int count, string figures, string differ, string notMade, string passedTitle, string failedTitle)
    {
        var norms = new[] { "l1", "l2" }.Take(count).ToList();
        var m = Manifest("figures:\n" + string.Concat(norms.Select(n => $"  - {{ out: {n}.png, args: norm --norm {n} {Small} }}\n")));
        string golden = Path.Combine(Dir, "golden");
        string report = Path.Combine(Dir, "report");
        string Title() => System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(report, "index.html")), "<title>(.*)</title>").Groups[1].Value;
        var made = CliRunner.Run("batch", m, "--check", golden, "--update", "--report", report);
        Assert.Equal(0, made.ExitCode);
        Assert.Contains(figures, made.Stdout);
        Assert.Equal($"regviz check: {passedTitle}", Title());
        Assert.Contains($"{figures} ", File.ReadAllText(Path.Combine(report, "index.html")));

        // every golden replaced by another figure: each one differs
        foreach (var n in norms) Assert.Equal(0, CliRunner.Run("norm", "--norm", "linf", "--size", "300x300", "--grid", "60", "--out", Path.Combine(golden, $"{n}.png")).ExitCode);
        var checkedRun = CliRunner.Run("batch", m, "--check", golden, "--report", report);
        Assert.Equal(1, checkedRun.ExitCode);
        Assert.Equal($"regviz check: {failedTitle}", Title());
        Assert.Contains($"{figures} ", checkedRun.Stdout);
        Assert.Contains($", {differ}", checkedRun.Stdout);

        var broken = Manifest("figures:\n" + string.Concat(norms.Select(n => $"  - {{ out: {n}.png, args: norm --norm l7 }}\n")));
        var failed = CliRunner.Run("batch", broken, "--out", Path.Combine(Dir, "o"));
        Assert.Equal(2, failed.ExitCode);
        Assert.Contains(figures, failed.Stdout);
        Assert.StartsWith($"error: {notMade} (first:", Assert.Single(failed.ErrorLines, l => l.StartsWith("error: ")));
    }

    [Fact]
    public void Verdict_counts_different_pixels_in_the_right_number()
    {
        var m = Manifest($$"""
            figures:
              - { out: one.png, args: norm {{Small}} }
              - { out: two.png, args: norm {{Small}} }
            """);
        string golden = Path.Combine(Dir, "golden");
        Assert.Equal(0, CliRunner.Run("batch", m, "--check", golden, "--update").ExitCode);
        // each golden with its first one or two pixels turned red (the figure's corner is background)
        foreach (var (name, count) in new[] { ("one.png", 1), ("two.png", 2) })
        {
            string path = Path.Combine(golden, name);
            using var bmp = SkiaSharp.SKBitmap.Decode(path);
            for (int x = 0; x < count; x++) bmp.SetPixel(x, 0, new SkiaSharp.SKColor(255, 0, 0));
            using var img = SkiaSharp.SKImage.FromBitmap(bmp);
            File.WriteAllBytes(path, img.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray());
        }
        var r = CliRunner.Run("batch", m, "--check", golden);
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"one\.png\s+[0-9.]+\s+(?:[^\n]*; )?DIFFERENT \(1 pixel\);", r.Stdout);
        Assert.Matches(@"two\.png\s+[0-9.]+\s+(?:[^\n]*; )?DIFFERENT \(2 pixels\);", r.Stdout);
    }

    [Fact]
    public void Check_reports_differences_and_missing_goldens_with_exit_1()
    {
        var m = Manifest($$"""
            figures:
              - { out: a.png, args: norm --norm l1 {{Small}} }
              - { out: b.png, args: norm --norm l2 {{Small}} }
            """);
        string golden = Path.Combine(Dir, "golden");
        Assert.Equal(0, CliRunner.Run("batch", m, "--check", golden, "--update").ExitCode);
        Assert.Equal(0, CliRunner.Run("batch", m, "--check", golden).ExitCode);

        File.Copy(Path.Combine(golden, "a.png"), Path.Combine(golden, "b.png"), overwrite: true);
        File.Delete(Path.Combine(golden, "a.png"));
        string diffs = Path.Combine(Dir, "diffs");
        var r = CliRunner.Run("batch", m, "--check", golden, "--diff", diffs);
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"a\.png\s+-\s+MISSING GOLDEN", r.Stdout);
        Assert.Matches(@"b\.png\s+[0-9.]+\s+(?:[^\n]*; )?DIFFERENT", r.Stdout);
        Assert.True(File.Exists(Path.Combine(diffs, "b-diff.png")));
    }

    [Fact]
    public void Golden_of_another_size_or_unreadable_is_a_difference_named_in_the_table()
    {
        var m = Manifest($$"""
            figures:
              - { out: a.png, args: norm --size 200x200 }
              - { out: b.png, args: norm --size 200x200 }
            """);
        string golden = Path.Combine(Dir, "golden");
        Directory.CreateDirectory(golden);
        Assert.Equal(0, CliRunner.Run("batch", m, "--out", Path.Combine(Dir, "g"), "--jobs", "1").ExitCode);
        Assert.Equal(0, CliRunner.Run("norm", "--size", "200x210", "--out", Path.Combine(golden, "a.png")).ExitCode);
        File.WriteAllText(Path.Combine(golden, "b.png"), "not a png");
        var r = CliRunner.Run("batch", m, "--check", golden);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("sizes differ: expected 200x210, actual 200x200", r.Stdout);
        Assert.Matches(@"b\.png\s+-\s+UNREADABLE GOLDEN", r.Stdout);
    }

    [Fact]
    public void Defaults_are_overridden_by_the_figure_and_skipped_where_not_accepted()
    {
        var m = Manifest("""
            defaults: --size 300x200 --grid 50 --theme dark
            figures:
              - { out: p.png, args: path --size 320x240 }
              - { out: c.png, args: contour }
            """);
        Assert.Equal(0, CliRunner.Run("batch", m, "--out", Dir).ExitCode);
        Assert.Equal((320, 240), Size(Path.Combine(Dir, "p.png")));
        Assert.Equal((300, 200), Size(Path.Combine(Dir, "c.png")));
    }

    private static (int, int) Size(string png)
    {
        var d = Regviz.Plotting.ImageComparison.Decode(File.ReadAllBytes(png))!.Value;
        return (d.Width, d.Height);
    }

    public static TheoryData<string, string> BadManifests => new()
    {
        { "figures: [ { out: a.png, args: norm }\n", "line 2, column 1: While parsing a flow sequence, did not find expected ',' or ']'" },
        { "figures:\n  - out: a.png\n    arg: norm\n", "line 3, column 5: unknown key 'arg' in a figure (valid: out, args, tolerance)" },
        { "figure:\n  - out: a.png\n", "line 1, column 1: unknown key 'figure' (valid: defaults, figures)" },
        { "figures:\n  - out: a.png\n", "figure 'a.png' has no 'args'" },
        { "defaults: --size 10x10\n", "no 'figures' list" },
    };

    [Theory]
    [MemberData(nameof(BadManifests))]
    public void Bad_manifest_is_one_error_line_with_line_and_column(string yaml, string expected)
    {
        var r = CliRunner.Run("batch", Manifest(yaml), "--out", Path.Combine(Dir, "o"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, Assert.Single(r.ErrorLines));
    }

    [Fact]
    public void Json_manifest_is_accepted()
    {
        var m = Manifest("""{"figures": [{"out": "n.png", "args": "norm --size 200x200"}]}""");
        Assert.Equal(0, CliRunner.Run("batch", m, "--out", Dir).ExitCode);
        Assert.True(File.Exists(Path.Combine(Dir, "n.png")));
    }

    [Fact]
    public void Missing_manifest_exits_2() =>
        Assert.Contains("manifest '/no/such.yaml' does not exist", CliRunner.Run("batch", "/no/such.yaml").Stderr);

    [Fact]
    public void Killed_batch_leaves_no_partial_file()
    {
        var lines = Enumerable.Range(0, 40).Select(i => $"  - {{ out: f{i:00}.png, args: contour --norm l2 --grid 1500 --size 1200x1200 }}");
        var m = Manifest("figures:\n" + string.Join("\n", lines) + "\n");
        string outDir = Path.Combine(Dir, "killed");
        Directory.CreateDirectory(outDir);
        using var process = CliRunner.Start("batch", m, "--out", outDir, "--jobs", "2");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Directory.GetFiles(outDir, "*.png").Length < 2 && DateTime.UtcNow < deadline && !process.HasExited) Thread.Sleep(20);
        Assert.False(process.HasExited, "the batch finished before it could be killed; make it longer");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        var files = Directory.GetFiles(outDir);
        Assert.NotEmpty(files);
        Assert.True(files.Length < 40);
        foreach (var f in files)
        {
            Assert.EndsWith(".png", f); // no temporary file left in the folder...
            Assert.NotNull(Regviz.Plotting.ImageComparison.Decode(File.ReadAllBytes(f))); // ...and every PNG whole
        }
    }
}
