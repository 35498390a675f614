using System.Text.Json;
using CsCheck;
using Regviz.Cli.Batch;
using Regviz.Tests.Cli;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Reports;

/// <summary>
/// The accept command each failure prints, run as printed (split as bash would, <see cref="ShellLine"/>, then run in
/// process): it rewrites that figure's golden and no other, and the check then passes for it. And --only itself.
/// </summary>
public class AcceptCommandTests : ScratchFolder
{
    private const string Odd = "it's a, b: 50% $x `y` (z).png";

    private string Manifest(double lambda) => $$"""
        defaults: --size 160x160 --grid 24
        figures:
          - { out: '{{Odd.Replace("'", "''")}}', args: contour --norm l1 --lambda {{lambda}} }
          - { out: other.png, args: contour --norm l2 --lambda {{lambda}} }
          - { out: still.png, args: norm --norm l1 }
        """;

    [Fact]
    public void The_printed_accept_command_run_as_printed_accepts_that_figure_only()
    {
        string manifest = Path.Combine(Dir, "my figures.yaml"), golden = Path.Combine(Dir, "gold en");
        File.WriteAllText(manifest, Manifest(0.5));
        Assert.Equal(0, CliRunner.Run("batch", manifest, "--check", golden, "--update").ExitCode);
        File.WriteAllText(manifest, Manifest(0.6));
        string summary = Path.Combine(Dir, "summary.json");
        var failed = CliRunner.Run("batch", manifest, "--check", golden, "--summary", summary);
        Assert.Equal(1, failed.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(summary));
        string accept = doc.RootElement.GetProperty("figures")[0].GetProperty("accept").GetString()!;
        // the same command on stdout, one line
        Assert.Contains(failed.Stdout.Split('\n'), l => l.EndsWith(": " + accept));

        var words = ShellLine.Split(accept);
        Assert.Equal(["regviz", "batch", manifest, "--check", golden, "--update", "changed", "--only", Odd], words);
        string otherBefore = Convert.ToHexString(File.ReadAllBytes(Path.Combine(golden, "other.png")));
        Assert.Equal(0, CliRunner.Run(words.Skip(1).ToArray()).ExitCode);

        var after = CliRunner.Run("batch", manifest, "--check", golden, "--only", Odd);
        Assert.Equal(0, after.ExitCode);
        // the other failure is still a failure: its golden was not touched
        Assert.Equal(otherBefore, Convert.ToHexString(File.ReadAllBytes(Path.Combine(golden, "other.png"))));
        Assert.Equal(1, CliRunner.Run("batch", manifest, "--check", golden).ExitCode);
    }

    [Fact]
    public void Only_renders_the_named_figures_by_name_or_comma_list()
    {
        string manifest = Path.Combine(Dir, "m.yaml");
        File.WriteAllText(manifest, Manifest(0.5));
        string one = Path.Combine(Dir, "one"), two = Path.Combine(Dir, "two");
        Assert.Equal(0, CliRunner.Run("batch", manifest, "--out", one, "--only", Odd).ExitCode);
        Assert.Equal([Odd], Directory.GetFiles(one).Select(Path.GetFileName));
        Assert.Equal(0, CliRunner.Run("batch", manifest, "--out", two, "--only", "other.png,still.png").ExitCode);
        Assert.Equal(["other.png", "still.png"], Directory.GetFiles(two).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void An_unknown_only_name_is_an_error_with_the_nearest_name()
    {
        string manifest = Path.Combine(Dir, "m.yaml");
        File.WriteAllText(manifest, Manifest(0.5));
        var run = CliRunner.Run("batch", manifest, "--out", Path.Combine(Dir, "o"), "--only", "other.pgn");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --only: the manifest has no figure 'other.pgn' (did you mean 'other.png'?)", Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(Path.Combine(Dir, "o")) && Directory.EnumerateFileSystemEntries(Path.Combine(Dir, "o")).Any());
    }

    /// <summary>Any word, quoted, reads back as that one word, and the quoted form is one line with nothing hidden.</summary>
    [Fact]
    public void Quoted_words_read_back_as_themselves()
    {
        string[] pieces = ["a", " ", "'", "\"", "$", "`", "\\", "\n", "\t", "\r", "\u001b", "\u202e", "\u200b", "💥", "é", "-", "--x", "*", "~", "!", "#", ";", "|", "%", ",", ":", "=", "{a,b}", "$'", "\u0085"];
        Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[1, 8].Select(string.Concat).Sample(word =>
        {
            string quoted = ShellWords.Quote(word);
            Assert.True(Regviz.Core.SafeText.IsClean(quoted), quoted);
            Assert.Equal([word], ShellLine.Split(quoted));
        });
    }
}
