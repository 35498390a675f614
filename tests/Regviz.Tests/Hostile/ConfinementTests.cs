using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Hostile;

/// <summary>
/// A manifest from a pull request writes only inside --out: its figure names, sidecars and defaults are confined,
/// also through symbolic links committed inside the folder. Each case: exit 2, one error line, nothing written
/// outside, the figure that is fine still made.
/// </summary>
public class ConfinementTests : HostileFolder
{
    private const string Small = "--size 120x120 --grid 20";

    /// <summary>Runs a manifest of one hostile figure and one good one; checks what docs/conventions.md promises and returns the error line.</summary>
    private string Refused(string hostileFigure, string defaults = Small, Action? arrange = null, int failures = 1)
    {
        string elsewhere = PathOf("elsewhere");
        Directory.CreateDirectory(elsewhere);
        Directory.CreateDirectory(PathOf("out"));
        arrange?.Invoke();
        string manifest = Write("m.yaml", $"defaults: {defaults}\nfigures:\n  - {hostileFigure}\n  - {{ out: good.png, args: norm {Small} }}\n");
        var outsideBefore = Directory.GetFileSystemEntries(elsewhere).Length;
        var r = CliRunner.Run("batch", manifest, "--out", PathOf("out"), "--jobs", "1");
        string line = OneError(r, 2);
        Assert.Contains($"{failures} of 2 figures could not be made", line);
        Assert.Equal(failures == 1, File.Exists(PathOf("out", "good.png")));
        Assert.Equal(outsideBefore, Directory.GetFileSystemEntries(elsewhere).Length);
        Assert.Equal(["elsewhere", "m.yaml", "out"], Directory.GetFileSystemEntries(Dir).Select(e => Path.GetFileName(e)!).Order().ToArray());
        NoTemporaries();
        return line;
    }

    private void LinkOutToElsewhere(string name) => File.CreateSymbolicLink(PathOf("out", name), PathOf("elsewhere"));

    [Fact]
    public void Out_through_a_folder_symlink_is_refused() =>
        Assert.Contains("leads outside the output folder through a symbolic link",
            Refused("{ out: link/x.png, args: norm }", arrange: () => LinkOutToElsewhere("link")));

    [Fact]
    public void Out_through_a_nested_folder_symlink_is_refused() =>
        Assert.Contains("symbolic link", Refused("{ out: sub/link/deeper/x.png, args: norm }", arrange: () =>
        {
            Directory.CreateDirectory(PathOf("out", "sub"));
            File.CreateSymbolicLink(PathOf("out", "sub", "link"), PathOf("elsewhere"));
        }));

    [Fact]
    public void Out_that_is_a_file_symlink_pointing_outside_is_refused() =>
        Assert.Contains("symbolic link", Refused("{ out: f.png, args: norm }", arrange: () =>
            File.CreateSymbolicLink(PathOf("out", "f.png"), PathOf("elsewhere", "f.png"))));

    [Fact]
    public void Out_through_a_relative_symlink_to_the_parent_is_refused() =>
        Assert.Contains("symbolic link", Refused("{ out: up/x.png, args: norm }", arrange: () =>
            File.CreateSymbolicLink(PathOf("out", "up"), "../elsewhere")));

    [Fact]
    public void Json_through_a_folder_symlink_is_refused() =>
        Assert.Contains("--json: 'link/k.json' leads outside",
            Refused("{ out: a.png, args: norm --json link/k.json }", arrange: () => LinkOutToElsewhere("link")));

    [Theory]
    [InlineData("norm --json /tmp/regviz-hostile-abs.json", "--json: '/tmp/regviz-hostile-abs.json' escapes")]
    [InlineData("norm --json ../k.json", "--json: '../k.json' escapes")]
    [InlineData("norm --json sub/../../k.json", "escapes the output folder")]
    [InlineData("norm --json=../k.json", "escapes the output folder")]
    [InlineData("norm --json:/tmp/regviz-hostile-abs.json", "escapes the output folder")]
    [InlineData("contour --json ../../k.json --norm l2", "escapes the output folder")]
    [InlineData("path --json ../p.json", "escapes the output folder")]
    public void Sidecar_outside_the_folder_in_args_is_refused(string args, string expected)
    {
        Assert.Contains(expected, Refused($"{{ out: a.png, args: {args} }}"));
        Assert.False(File.Exists("/tmp/regviz-hostile-abs.json"));
    }

    [Theory]
    [InlineData("--json /tmp/regviz-hostile-defaults.json")]
    [InlineData("--json ../d.json")]
    public void Sidecar_outside_the_folder_in_defaults_is_refused(string json)
    {
        Assert.Contains("escapes the output folder", Refused("{ out: a.png, args: contour }", $"{Small} {json}", failures: 2));
        Assert.False(File.Exists("/tmp/regviz-hostile-defaults.json"));
    }

    [Theory]
    [InlineData("{ out: ../escape.png, args: norm }")]
    [InlineData("{ out: /tmp/regviz-hostile-escape.png, args: norm }")]
    [InlineData("{ out: a/../../escape.png, args: norm }")]
    [InlineData("{ out: \"a\\0b.png\", args: norm }")]
    [InlineData("{ out: \"a\\nb.png\", args: norm }")]
    [InlineData("{ out: \"\", args: norm }")]
    public void Hostile_out_names_are_refused(string figure)
    {
        Refused(figure);
        Assert.False(File.Exists("/tmp/regviz-hostile-escape.png"));
    }

    [Theory]
    [InlineData("norm -o /tmp/regviz-hostile-o.png")]
    [InlineData("norm --out=../o.png")]
    public void Out_in_args_is_refused(string args) =>
        Assert.Contains("must not contain --out", Refused($"{{ out: a.png, args: {args} }}"));

    [Fact]
    public void Response_file_in_args_is_not_read()
    {
        Write("elsewhere/secret.rsp", "--json /tmp/regviz-hostile-rsp.json");
        string line = Refused($"{{ out: a.png, args: norm @{PathOf("elsewhere", "secret.rsp")} }}");
        Assert.DoesNotContain("regviz-hostile-rsp", line);
        Assert.False(File.Exists("/tmp/regviz-hostile-rsp.json"));
    }

    [Fact]
    public void Data_file_content_is_never_quoted_only_its_line_and_column()
    {
        string secret = "s3cret-line-one-" + new string('x', 60);
        Write("elsewhere/secret.csv", $"header\n{secret}\nsecond-secret-line\n");
        string line = Refused("{ out: a.png, args: contour --data elsewhere/secret.csv }");
        Assert.Contains("line 2, column 1", line);
        Assert.DoesNotContain("s3cret", line);
        Assert.DoesNotContain("second-secret-line", line);
    }

    [Fact]
    public void Data_that_is_a_fifo_fails_the_figure_instead_of_blocking_the_batch() =>
        Assert.Contains("is not a regular file", Refused("{ out: a.png, args: contour --data elsewhere/pipe.csv }", arrange: () =>
        {
            using var mk = System.Diagnostics.Process.Start("mkfifo", PathOf("elsewhere", "pipe.csv"));
            mk.WaitForExit();
        }));

    [Fact]
    public void Golden_that_is_a_fifo_is_unreadable_instead_of_blocking()
    {
        Directory.CreateDirectory(PathOf("golden"));
        using (var mk = System.Diagnostics.Process.Start("mkfifo", PathOf("golden", "a.png"))) mk.WaitForExit();
        string manifest = Write("m.yaml", $"figures:\n  - {{ out: a.png, args: norm {Small} }}\n");
        var r = CliRunner.Run("batch", manifest, "--check", PathOf("golden"), "--out", PathOf("out"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("UNREADABLE GOLDEN (not a regular file)", r.Stdout);
    }

    [Fact]
    public void Data_in_defaults_is_relative_to_the_manifest()
    {
        Write("data/g.csv", "x1,x2,y\n1,0,1\n0,1,2\n1,1,2.5\n2,1,4\n");
        Directory.CreateDirectory(PathOf("out"));
        string manifest = Write("m.yaml", $"defaults: {Small} --data data/g.csv\nfigures:\n  - {{ out: a.png, args: contour --json a.json }}\n");
        // run from another folder: the data path must not depend on the current directory
        var r = CliRunner.Run("batch", manifest, "--out", PathOf("out"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(File.Exists(PathOf("out", "a.json")));
    }

    [Fact]
    public void Relative_json_in_args_lands_inside_out()
    {
        Directory.CreateDirectory(PathOf("out"));
        string manifest = Write("m.yaml", $"figures:\n  - {{ out: a.png, args: norm {Small} --json sub/a.json }}\n");
        var r = CliRunner.Run("batch", manifest, "--out", PathOf("out"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(File.Exists(PathOf("out", "sub", "a.json")));
        NoTemporaries();
    }

    [Fact]
    public void A_symlink_inside_out_that_stays_inside_is_followed()
    {
        Directory.CreateDirectory(PathOf("out", "real"));
        File.CreateSymbolicLink(PathOf("out", "alias"), PathOf("out", "real"));
        string manifest = Write("m.yaml", $"figures:\n  - {{ out: alias/a.png, args: norm {Small} }}\n");
        var r = CliRunner.Run("batch", manifest, "--out", PathOf("out"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(File.Exists(PathOf("out", "real", "a.png")));
        Assert.NotNull(new FileInfo(PathOf("out", "alias")).LinkTarget);
    }

    [Fact]
    public void Diff_images_stay_inside_the_diff_folder()
    {
        Directory.CreateDirectory(PathOf("golden"));
        Directory.CreateDirectory(PathOf("diffs"));
        File.CreateSymbolicLink(PathOf("diffs", "sub"), PathOf("golden"));
        string manifest = Write("m.yaml", "figures:\n  - { out: sub/a.png, args: norm --size 120x120 }\n");
        Assert.Equal(0, CliRunner.Run("batch", manifest, "--out", PathOf("golden"), "--jobs", "1").ExitCode);
        Assert.Equal(0, CliRunner.Run("norm", "--size", "120x120", "--norm", "l2", "--out", PathOf("golden", "sub", "a.png")).ExitCode);
        var r = CliRunner.Run("batch", manifest, "--check", PathOf("golden"), "--diff", PathOf("diffs"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no diff image", r.Stdout);
        Assert.False(File.Exists(PathOf("golden", "a-diff.png")));
        NoTemporaries();
    }
}
