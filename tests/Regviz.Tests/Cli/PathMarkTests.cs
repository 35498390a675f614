using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>path marks a λ with --mark; --lambda, its old spelling, still works and says so once on stderr.</summary>
public class PathMarkTests : Support.ScratchFolder
{
    private static readonly string[] Small = ["--count", "30", "--size", "400x300"];

    private CliRunner.Result Path_(string file, params string[] args) =>
        CliRunner.Run(["path", .. args, .. Small, "--out", Path.Combine(Dir, file)]);

    private byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(Dir, file));

    [Theory]
    [InlineData("lambda")]
    [InlineData("norm")]
    public void Mark_draws_what_lambda_drew_without_a_warning(string xvar)
    {
        var marked = Path_("mark.png", "--xvar", xvar, "--mark", "0.2");
        Assert.True(marked.ExitCode == 0, marked.Stderr);
        Assert.Equal("", marked.Stderr);
        Assert.Equal(0, Path_("lambda.png", "--xvar", xvar, "--lambda", "0.2").ExitCode);
        Assert.Equal(0, Path_("plain.png", "--xvar", xvar).ExitCode);
        Assert.Equal(Bytes("lambda.png"), Bytes("mark.png"));
        Assert.NotEqual(Bytes("plain.png"), Bytes("mark.png"));
    }

    [Fact]
    public void Lambda_still_marks_and_warns_once_naming_the_new_option()
    {
        var r = Path_("p.png", "--lambda", "0.25");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Path.Combine(Dir, "p.png"), r.Stdout.Trim());
        Assert.Equal("warning: path --lambda is the old spelling of --mark: write --mark 0.25", Assert.Single(r.ErrorLines));
    }

    [Fact]
    public void A_failing_run_with_lambda_prints_only_its_error()
    {
        var r = Path_("p.png", "--lambda", "0.25", "--ratio", "2");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: --ratio", Assert.Single(r.ErrorLines));
    }

    [Fact]
    public void Help_documents_mark_and_lambda_as_its_old_spelling()
    {
        var help = CliRunner.Run("path", "--help").Stdout;
        Assert.Contains("--mark <X>", help);
        Assert.Contains("with --mark λ, a marker there", help);
        Assert.Contains("Old spelling of --mark", help);
        // --radius is refused on a path (below), so its help does not offer it
        Assert.DoesNotContain("--radius <", help);
    }

    public static TheoryData<string[], string> BadMarks => new()
    {
        { ["--mark", "0"], "--mark: 0 is not allowed (a λ > 0 is required: the λ axis is logarithmic)" },
        { ["--mark", "-1"], "--mark: -1 is not allowed" },
        { ["--mark", "abc"], "--mark: 'abc' is not a number" },
        { ["--mark", "0.2", "--lambda", "0.2"], "--mark and --lambda cannot be used together" },
        { ["--lambda", "-1"], "--lambda: -1 is not allowed" },
        { ["--radius", "1"], "--radius: a path runs over λ; give --mark to mark a point on it instead" },
    };

    [Theory]
    [MemberData(nameof(BadMarks))]
    public void A_bad_marker_is_one_error_line_and_no_file(string[] args, string expected)
    {
        var r = Path_("x.png", args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, Assert.Single(r.ErrorLines));
        Assert.Empty(Directory.GetFiles(Dir));
    }

    [Fact]
    public void Mark_belongs_to_path_only()
    {
        var r = CliRunner.Run("contour", "--mark", "0.2", "--out", Path.Combine(Dir, "c.png"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--mark", Assert.Single(r.ErrorLines));
    }

    [Fact]
    public void A_manifest_with_the_old_spelling_still_makes_its_figure()
    {
        string manifest = Path.Combine(Dir, "m.yaml");
        File.WriteAllText(manifest, """
            defaults: --count 30 --size 400x300
            figures:
              - { out: old.png, args: path --lambda 0.2 }
              - { out: new.png, args: path --mark 0.2 }
            """);
        var r = CliRunner.Run("batch", manifest, "--out", Path.Combine(Dir, "o"));
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Dir, "o", "old.png")), File.ReadAllBytes(Path.Combine(Dir, "o", "new.png")));
    }
}
