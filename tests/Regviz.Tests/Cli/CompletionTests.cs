using System.Diagnostics;
using Regviz.Cli;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// <c>regviz completion SHELL</c> (#28): the bash script is sourced in a real bash and asked to complete, as a
/// shell does on Tab (the zsh and fish scripts are run in their shells by Regviz.ToolTests, ShellCompletionTests).
/// Every script, pwsh's too (there is no pwsh on
/// Debian to run it in), must carry every command, option and enumerated value.
/// </summary>
public class CompletionTests : Support.ScratchFolder
{
    private string Script(string shell) => CompletionScript.Write(Dir, shell);

    /// <summary>What bash completes for each of <paramref name="lines"/> (the words typed so far, the last one being completed).</summary>
    private Dictionary<string, string[]> Complete(params string[] lines)
    {
        string script = Script("bash");
        var queries = string.Join("\n", lines.Select(l =>
        {
            var words = l.Split(' ');
            return $"COMP_WORDS=({string.Join(" ", words.Select(w => "'" + w + "'"))}); COMP_CWORD={words.Length - 1}; COMPREPLY=(); _regviz; printf '%s\\t' '{l}'; printf '%s ' \"${{COMPREPLY[@]}}\"; echo";
        }));
        string driver = Path.Combine(Dir, "driver.sh");
        File.WriteAllText(driver, $"source '{script}'\ncd '{Dir}'\n{queries}\n");
        var start = new ProcessStartInfo("bash", [driver]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var bash = Process.Start(start)!;
        string output = bash.StandardOutput.ReadToEnd();
        string error = bash.StandardError.ReadToEnd();
        Assert.True(bash.WaitForExit(60_000), "bash did not finish");
        Assert.True(bash.ExitCode == 0 && error == "", error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t'))
            .ToDictionary(p => p[0], p => p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Bash_completes_the_issue_s_examples()
    {
        var c = Complete("regviz contour --no", "regviz contour --norm l", "regviz cont");
        Assert.Equal(["--no-grid", "--no-labels", "--no-legend", "--norm"], c["regviz contour --no"].Order());
        Assert.Equal(["l1", "l2", "lasso", "linf", "lp"], c["regviz contour --norm l"].Order());
        Assert.Equal(["contour"], c["regviz cont"]);
    }

    [Fact]
    public void Bash_completes_every_option_of_every_command_and_every_enumerated_value()
    {
        var root = RegvizApp.CreateRoot();
        var expected = new Dictionary<string, string[]>();
        foreach (var command in root.Subcommands.Where(c => !c.Hidden))
            foreach (var option in command.Options.Where(o => !o.Hidden && o.Name.StartsWith("--")))
                expected[$"regviz {command.Name} {option.Name}"] = [option.Name];
        foreach (var (option, words) in SuggestionTests.Enumerations)
            foreach (char first in words.Select(w => w[0]).Distinct())
                expected[$"regviz contour {option} {first}"] = [.. words.Where(w => w[0] == first)];
        var completed = Complete([.. expected.Keys]);
        foreach (var (line, words) in expected)
            Assert.True(words.All(completed[line].Contains), $"'{line}' completes to [{string.Join(" ", completed[line])}], not all of [{string.Join(" ", words)}]");
        // an enumerated option's values are all its completions: nothing else is offered after --norm
        foreach (var (option, words) in SuggestionTests.Enumerations)
            Assert.All(completed.Where(kv => kv.Key.StartsWith($"regviz contour {option} ")).SelectMany(kv => kv.Value), w => Assert.Contains(w, words));
    }

    [Fact]
    public void After_an_option_that_takes_a_number_nothing_is_offered_and_after_a_file_option_files_are()
    {
        File.WriteAllText(Path.Combine(Dir, "mydata.csv"), "x,y\n1,2\n");
        var c = Complete("regviz contour --lambda ", "regviz contour --data myd");
        Assert.Empty(c["regviz contour --lambda "]);
        Assert.Equal(["mydata.csv"], c["regviz contour --data myd"]);
    }

    [Theory]
    [InlineData("zsh")]
    [InlineData("fish")]
    [InlineData("pwsh")]
    public void Every_script_names_every_command_option_and_value(string shell)
    {
        string text = File.ReadAllText(Script(shell));
        foreach (var command in RegvizApp.CreateRoot().Subcommands.Where(c => !c.Hidden))
        {
            Assert.Contains(command.Name, text);
            foreach (var option in command.Options.Where(o => !o.Hidden && o.Name.StartsWith("--")))
                Assert.Contains(shell == "fish" ? $"-l {option.Name[2..]} " : option.Name, text);
        }
        foreach (var (_, words) in SuggestionTests.Enumerations)
            Assert.All(words, w => Assert.Contains(w, text));
    }

    [Fact]
    public void An_unknown_shell_is_one_error_line_with_the_nearest_shell()
    {
        var r = CliRunner.Run("completion", "bsh");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: completion: unknown shell 'bsh' (did you mean 'bash'? valid: bash, zsh, fish, pwsh)", Assert.Single(r.ErrorLines));
    }
}
