using Regviz.Cli;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary><see cref="RegvizApp.Execute"/> hands back what <see cref="RegvizApp.Run"/> prints as its one error line.</summary>
public class RunResultTests : Support.ScratchFolder
{
    [Fact]
    public void A_success_has_exit_code_0_and_no_error()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var result = RegvizApp.Execute(["norm", "--size", "200x200", "--out", Path.Combine(Dir, "n.png")], stdout, stderr);
        Assert.Equal(new RunResult(RegvizApp.Ok), result);
        Assert.Equal("", stderr.ToString());
        Assert.Contains("n.png", stdout.ToString());
    }

    [Theory]
    [InlineData(new[] { "norm", "--norm", "l7" }, "--norm: unknown norm 'l7'")]
    [InlineData(new[] { "norm", "--frob" }, "--frob")]
    [InlineData(new[] { "frob" }, "unknown command 'frob'")]
    public void A_failure_is_returned_not_written_and_Run_writes_it_as_the_error_line(string[] args, string expected)
    {
        var stderr = new StringWriter();
        var result = RegvizApp.Execute(args, TextWriter.Null, stderr);
        Assert.Equal(RegvizApp.UsageError, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Equal("", stderr.ToString());

        var r = CliRunner.Run(args);
        Assert.Equal(result.ExitCode, r.ExitCode);
        Assert.Equal("error: " + result.Error, Assert.Single(r.ErrorLines));
    }

    [Fact]
    public void The_error_is_one_line_and_capped_as_the_printed_line_is()
    {
        var result = RegvizApp.Execute(["norm", "--norm", "a\nb" + new string('x', 10_000)], TextWriter.Null, TextWriter.Null);
        Assert.StartsWith("--norm: unknown norm 'a\\nb", result.Error);
        Assert.DoesNotContain('\n', result.Error!);
        Assert.True(result.Error!.Length <= 4097, $"{result.Error.Length} characters");
    }

    [Fact]
    public void A_batch_reports_a_figure_error_as_the_run_returned_it()
    {
        // the error text once was read back from the printed line with every "error: " removed, this one too
        string manifest = Path.Combine(Dir, "m.yaml");
        File.WriteAllText(manifest, """
            figures:
              - { out: a.png, args: 'norm --norm "error: l7"' }
            """);
        var r = CliRunner.Run("batch", manifest, "--out", Path.Combine(Dir, "o"));
        Assert.Equal(RegvizApp.UsageError, r.ExitCode);
        Assert.Contains("a.png (line 2): --norm: unknown norm 'error: l7'", r.Stdout);
    }
}
