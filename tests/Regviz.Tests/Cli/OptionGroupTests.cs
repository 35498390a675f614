using System.CommandLine;
using Regviz.Cli;
using Regviz.Cli.Options;
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

    public static TheoryData<string, string[]> PenaltyOptions => new()
    {
        { "--norm", ["contour", "norm", "path", "solve"] },
        { "--alpha", ["contour", "norm", "path", "solve", "sparsity"] },
        { "--p", ["contour", "norm", "path", "solve", "sparsity"] },
    };

    [Theory]
    [MemberData(nameof(PenaltyOptions))]
    public void A_penalty_option_is_described_once_for_every_command_that_takes_it(string option, string[] commands)
    {
        var root = RegvizApp.CreateRoot();
        var declared = commands.Select(c => root.Subcommands.Single(s => s.Name == c).Options.Single(o => o.Name == option)).ToArray();
        Assert.Single(declared.Select(o => (o.Description, o.HelpName)).Distinct());
    }

    [Theory]
    [InlineData(new[] { "--norm", "lp", "--p", "3" }, "lp (p = 3)")]
    [InlineData(new[] { "--norm", "elasticnet", "--alpha", "0.25" }, "elasticnet (α = 0.25)")]
    [InlineData(new string[0], "l1")]
    public void The_group_binds_the_penalty_it_was_given(string[] args, string expected)
    {
        var penalty = new PenaltyOptions();
        var command = new Command("test");
        penalty.AddTo(command);
        Assert.Equal(expected, Text.Describe(penalty.Bind(command.Parse(args))));
    }

    [Fact]
    public void Solve_and_sparsity_read_the_same_parameters()
    {
        var solve = CliRunner.Run("solve", "--norm", "lp", "--p", "3");
        Assert.True(solve.ExitCode == 0, solve.Stderr);
        Assert.StartsWith("lp (p = 3), ", solve.Stdout);
        var sparsity = CliRunner.Run("sparsity", "--norms", "lp,elasticnet", "--p", "3", "--alpha", "0.25", "--trials", "20", "--out", Path.Combine(Dir, "s.png"));
        Assert.True(sparsity.ExitCode == 0, sparsity.Stderr);
        Assert.Contains("  lp (p = 3) ", sparsity.Stdout);
        Assert.Contains("  elasticnet (α = 0.25) ", sparsity.Stdout);
    }

    [Theory]
    [InlineData(new[] { "norm", "--norm", "elasticnet", "--alpha", "2" }, "--alpha: 2 is outside [0, 1]")]
    [InlineData(new[] { "sparsity", "--norms", "lp", "--p", "0" }, "--p: 0 must be a finite number > 0")]
    [InlineData(new[] { "path", "--norm", "lp", "--p", "101" }, "--p: 101 is above 100")]
    public void A_penalty_parameter_out_of_range_is_one_error_line(string[] args, string expected)
    {
        var r = CliRunner.Run([.. args, "--out", Path.Combine(Dir, "x.png")]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, Assert.Single(r.ErrorLines));
        Assert.Empty(Directory.GetFiles(Dir));
    }
}
