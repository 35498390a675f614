using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// batch creates its --out folder, so the run's own files may go there on the very first run (#24:
/// <c>batch figures.yaml --out o --markdown o/post.md</c> once failed with "the folder of 'o/post.md' does not exist").
/// </summary>
public class BatchIntoNewOutTests : Support.ScratchFolder
{
    [Theory]
    [InlineData("o")]          // one new folder
    [InlineData("o/deeper")]   // --out creates its parents too
    public void Markdown_into_a_new_out_folder_works_on_the_first_run(string outName)
    {
        string manifest = Path.Combine(Dir, "figures.yaml");
        File.WriteAllText(manifest, """
            defaults: --size 200x200 --grid 30
            figures:
              - { out: a.png, args: norm --norm l1 }
              - { out: sub/b.png, args: norm --norm l2 }
            """);
        string outDir = Path.Combine(Dir, outName), markdown = Path.Combine(outDir, "post.md");
        Assert.False(Directory.Exists(outDir));

        var r = CliRunner.Run("batch", manifest, "--out", outDir, "--markdown", markdown);

        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        string text = File.ReadAllText(markdown);
        // links relative to the snippet's folder, which is --out itself, and each leads to a figure that is there
        Assert.Contains("](a.png)", text);
        Assert.Contains("](sub/b.png)", text);
        Assert.True(File.Exists(Path.Combine(outDir, "a.png")));
        Assert.True(File.Exists(Path.Combine(outDir, "sub", "b.png")));
    }

    [Fact]
    public void A_snippet_in_a_missing_folder_other_than_out_is_still_refused_before_anything_is_written()
    {
        string manifest = Path.Combine(Dir, "figures.yaml");
        File.WriteAllText(manifest, "figures:\n  - { out: a.png, args: norm --norm l1 --size 200x200 --grid 30 }\n");
        string outDir = Path.Combine(Dir, "o");

        var r = CliRunner.Run("batch", manifest, "--out", outDir, "--markdown", Path.Combine(Dir, "elsewhere", "post.md"));

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: --markdown: the folder of", r.Stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void The_snippet_may_not_be_the_file_of_a_figure_in_the_new_out_folder()
    {
        string manifest = Path.Combine(Dir, "figures.yaml");
        File.WriteAllText(manifest, "figures:\n  - { out: post.md, args: norm --norm l1 --size 200x200 --grid 30 }\n");
        string outDir = Path.Combine(Dir, "o");

        var r = CliRunner.Run("batch", manifest, "--out", outDir, "--markdown", Path.Combine(outDir, "post.md"));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is where the figure", r.Stderr);
    }
}
