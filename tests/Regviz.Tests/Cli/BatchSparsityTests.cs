using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>A sparsity figure is a figure (#28): a manifest entry makes the same image as the command line.</summary>
public class BatchSparsityTests : Support.ScratchFolder
{
    [Fact]
    public void A_sparsity_entry_makes_the_figure_the_command_makes()
    {
        string manifest = Path.Combine(Dir, "m.yaml");
        File.WriteAllText(manifest, """
            defaults: --size 200
            figures:
              - out: s.png
                args: sparsity --norms lasso,ridge --trials 300 --seed 7
              - out: solve.png
                args: solve
            """);
        var r = CliRunner.Run("batch", manifest, "--out", Path.Combine(Dir, "o"));
        Assert.Equal(2, r.ExitCode); // solve still makes no figure
        Assert.Contains("'solve' makes no figure", r.Stdout);
        Assert.Contains("1 made, 1 failed", r.Stdout);
        var direct = CliRunner.Run("sparsity", "--size", "200", "--norms", "l1,l2", "--trials", "300", "--seed", "7", "--out", Path.Combine(Dir, "direct.png"));
        Assert.True(direct.ExitCode == 0, direct.Stderr);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Dir, "direct.png")), File.ReadAllBytes(Path.Combine(Dir, "o", "s.png")));
    }
}
