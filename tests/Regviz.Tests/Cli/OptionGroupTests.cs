using System.CommandLine;
using Regviz.Cli;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>Each command takes the option groups it uses, and an option means the same wherever it appears.</summary>
public class OptionGroupTests : Support.ScratchFolder
{
    private static Command Command(string name) => RegvizApp.CreateRoot().Subcommands.Single(c => c.Name == name);

    private static string[] OptionNames(string command) => [.. Command(command).Options.Select(o => o.Name)];

    [Theory]
    [InlineData("contour", true)]
    [InlineData("norm", true)]
    [InlineData("path", false)]
    [InlineData("sparsity", false)]
    public void Plane_options_belong_to_figures_in_the_plane(string command, bool plane)
    {
        var names = OptionNames(command);
        Assert.Subset(names.ToHashSet(), new HashSet<string> { "--out", "--size", "--theme", "--title", "--json" });
        foreach (var option in new[] { "--range", "--grid", "--levels" })
            Assert.Equal(plane, names.Contains(option));
    }

    [Theory]
    [InlineData("path", "--grid", "100")]
    [InlineData("sparsity", "--levels", "5")]
    public void A_plane_option_given_to_another_figure_is_a_usage_error(string command, string option, string value)
    {
        var r = CliRunner.Run(command, option, value, "--out", Path.Combine(Dir, "x.png"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(option, Assert.Single(r.ErrorLines));
        Assert.Empty(Directory.GetFiles(Dir));
    }

    [Theory]
    [InlineData("contour", "--grid", "5", "--grid: 5 is outside 10..4000")]
    [InlineData("norm", "--levels", "61", "--levels: 61 is outside 1..60")]
    [InlineData("norm", "--range", "1:0,0:1", "--range")]
    public void Plane_values_are_checked_before_anything_is_written(string command, string option, string value, string expected)
    {
        var r = CliRunner.Run(command, option, value, "--out", Path.Combine(Dir, "sub", "x.png"), "--json", Path.Combine(Dir, "x.json"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, Assert.Single(r.ErrorLines));
        Assert.Empty(Directory.GetFileSystemEntries(Dir));
    }
}
