using CsCheck;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Hostile;

/// <summary>
/// Work done in parallel (a sweep solves its frames at once) fails once per iteration: every frame of
/// `explore --sweep radius` on a non-convex problem refused the radius, and the several refusals, wrapped together,
/// were reported as a bug (exit 70). Input refused in any number of iterations is one error line and exit 2.
/// </summary>
public class ParallelFailureTests : HostileFolder
{
    [Fact]
    public void A_constrained_sweep_of_a_non_convex_problem_is_refused_once_whatever_the_frames()
    {
        string[] commands = ["explore", "animate"];
        string[][] problems = [["--model", "exp"], ["--model", "tanh"], ["--model", "exp", "--norm", "lp", "--p", "0.7"], ["--norm", "mcp"], ["--norm", "scad"]];
        Gen.Select(Gen.Int[0, 1], Gen.Int[0, problems.Length - 1], Gen.Int[2, 12]).Sample((c, p, frames) =>
        {
            string ext = commands[c] == "explore" ? "html" : "png";
            var r = CliRunner.Run([commands[c], "--sweep", "radius", "--frames", frames.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--size", "300x300", "--grid", "30", .. problems[p], "--out", PathOf($"{c}-{p}-{frames}.{ext}")]);
            OneError(r, 2); // the radius refused, or for tanh's built-in data an earlier refusal: input either way
            Assert.False(File.Exists(PathOf($"{c}-{p}-{frames}.{ext}")), "a refused run leaves no file");
        }, iter: 12, threads: 1);
    }

    [Fact]
    public void Several_input_errors_from_parallel_iterations_are_the_first_of_them_not_a_bug()
    {
        var refusal = new Regviz.Core.ProblemArgumentException("radius", "refused");
        var wrapped = new AggregateException(new AggregateException(refusal, refusal), new InvalidOperationException("later"));
        var result = Regviz.Cli.Errors.ExceptionEdge.Translate(wrapped, verbose: false);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("radius", result.Error);
    }
}
