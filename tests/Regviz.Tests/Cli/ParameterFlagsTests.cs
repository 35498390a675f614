using Regviz.Cli;
using Regviz.Cli.Errors;
using Regviz.Core;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>The libraries' parameter names become the flags the user typed, in the one map the CLI keeps (#13).</summary>
public class ParameterFlagsTests
{
    [Fact]
    public void Every_mapped_flag_is_an_option_of_some_command()
    {
        var options = RegvizApp.CreateRoot().Subcommands.SelectMany(c => c.Options).Select(o => o.Name).ToHashSet();
        Assert.All(ParameterFlags.Flags.Values, flag => Assert.Contains(flag, options));
    }

    [Theory]
    [InlineData("alpha", null, "1.5 is outside [0, 1]", "--alpha: 1.5 is outside [0, 1]")]
    [InlineData("lambda", "0", "the classes are separable", "--lambda 0: the classes are separable")]
    [InlineData("method", "cd", "linf is not a sum", "--trace cd: linf is not a sum")]
    [InlineData(null, null, "the path is empty", "the path is empty")]
    [InlineData("widget", "3", "no flag sets it", "widget = 3: no flag sets it")]
    public void A_library_error_reads_in_flags(string? parameter, string? value, string reason, string line) =>
        Assert.Equal(line, ParameterFlags.UserError(new ProblemArgumentException(parameter, value, reason)));

    [Fact]
    public void Parameters_named_inside_a_reason_and_as_context_become_flags_too()
    {
        var named = new ProblemArgumentException("p", words => $"200 is above 100 (use {words.Name("norm", "linf")}, the limit as p grows)");
        Assert.Equal("--p: 200 is above 100 (use --norm linf, the limit as p grows)", ParameterFlags.UserError(named));
        var context = new ProblemArgumentException("intercept", "every label is the same") { Context = [("loss", "logistic")] };
        Assert.Equal("--loss logistic --intercept: every label is the same", ParameterFlags.UserError(context));
    }

    [Fact]
    public void Other_exceptions_are_not_user_errors()
    {
        Assert.Equal("--out: x", ParameterFlags.UserError(new InputException("--out: x")));
        Assert.Null(ParameterFlags.UserError(new ArgumentException("a bug", "alpha")));
    }

    [Fact]
    public void A_library_error_ends_a_run_with_exit_2_and_one_line_in_flags()
    {
        var r = CliRunner.Run("norm", "--norm", "elasticnet", "--alpha", "1.5");
        Assert.Equal(RegvizApp.UsageError, r.ExitCode);
        Assert.Equal(["error: --alpha: 1.5 is outside [0, 1]"], r.ErrorLines);
    }
}
