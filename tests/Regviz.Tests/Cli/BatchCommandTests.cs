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
            "--check", Support.Repository.Path("samples", "blog", "golden"), "--out", out_, "--tolerance", "1.0");
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
        Assert.Contains("'../escape.png' escapes the output folder", r.Stdout);
        Assert.Contains("'/tmp/absolute.png' escapes the output folder", r.Stdout);
        Assert.Contains("out 'good.png' is also the out of an earlier figure", r.Stdout);
        Assert.Contains("'solve' makes no figure", r.Stdout);
        Assert.Contains("7 figures", r.Stdout);
        Assert.Contains("2 made, 5 failed", r.Stdout);
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
        Assert.Matches(@"b\.png\s+[0-9.]+\s+DIFFERENT", r.Stdout);
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
