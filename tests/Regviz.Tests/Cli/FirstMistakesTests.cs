using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// The list of a newcomer's first mistakes (#28), each as typed: it now either works or ends in one error
/// line that names the fix. The classes behind them are tested with generators in SuggestionTests,
/// AliasAndEffectTests and CsvDialectTests; this is the list, kept whole.
/// </summary>
public class FirstMistakesTests : Support.ScratchFolder
{
    private string Out(string name) => Path.Combine(Dir, name);

    [Theory]
    [InlineData(new[] { "contour", "--lamda", "0.5" }, "error: unknown option '--lamda' (did you mean '--lambda'?)")]
    [InlineData(new[] { "countour" }, "error: unknown command 'countour' (did you mean 'contour'?)")]
    [InlineData(new[] { "contour", "--norm", "l1", "--alpha", "0.3" }, "error: --alpha has no effect with --norm l1 (it is elasticnet's mixing weight: --norm elasticnet)")]
    [InlineData(new[] { "animate", "--radius", "1" }, "error: --radius: a sweep has no single t; --sweep radius sweeps t from --from to --to (one figure at radius t: regviz contour --radius t)")]
    public void A_mistake_gets_one_line_that_names_the_fix(string[] args, string expected)
    {
        var r = CliRunner.Run([.. args, "--out", Out("x.png")]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(expected, Assert.Single(r.ErrorLines));
        Assert.False(File.Exists(Out("x.png")));
    }

    [Theory]
    [InlineData("contour", "--norm", "lasso")]
    [InlineData("contour", "--norm", "ridge")]
    [InlineData("contour", "--size", "400")]
    public void What_a_course_writes_works(params string[] args)
    {
        var r = CliRunner.Run([.. args, "--grid", "60", "--out", Out("ok.png")]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(File.Exists(Out("ok.png")));
    }

    [Fact]
    public void A_semicolon_csv_reads_and_a_decimal_comma_is_named()
    {
        File.WriteAllText(Out("eu.csv"), "x1;x2;y\n1;2;3\n2;1;3.5\n0;1;1\n3;1;4\n");
        var ok = CliRunner.Run("solve", "--data", Out("eu.csv"));
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        File.WriteAllText(Out("eu.csv"), "x1;x2;y\n1;2;3\n2;1;3,5\n");
        var comma = CliRunner.Run("solve", "--data", Out("eu.csv"));
        Assert.Equal(2, comma.ExitCode);
        Assert.Contains("line 3, column 3: '3,5' has a decimal comma", Assert.Single(comma.ErrorLines));
    }

    [Fact]
    public void The_eleventh_column_of_diabetes_is_named()
    {
        var r = CliRunner.Run("solve", "--data", Support.Repository.Path("samples", "data", "diabetes.csv"), "--target", "y");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("progression", Assert.Single(r.ErrorLines));
    }

    [Fact]
    public void Sparsity_help_has_examples_and_no_panel_text_of_other_commands()
    {
        var help = CliRunner.Run("sparsity", "--help").Stdout;
        Assert.Contains("Examples:\n  regviz sparsity ", help);
        Assert.DoesNotContain("makes panels in contour", help);
    }
}
