using System.Diagnostics;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Tools;

/// <summary>
/// <c>regviz completion zsh|fish</c> run in the real shells (#28): the zsh script in an interactive zsh on a
/// pseudo-terminal, the fish script in fish, each asked to complete as the shell does on Tab. Both shells must be
/// installed (.ci/run installs them): a missing shell fails its test. The bash script and every script's content are
/// tested in Regviz.Tests (CompletionTests), which needs nothing but bash.
/// </summary>
public class ShellCompletionTests : Support.ScratchFolder
{
    private string Script(string shell) => CompletionScript.Write(Dir, shell);

    /// <summary>
    /// The path of <paramref name="shell"/> on PATH; a missing shell fails the test (it is not skipped), so a
    /// machine without it cannot pass the completion tests by running none of them.
    /// </summary>
    private static string RequireShell(string shell)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, shell);
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail($"{shell} is not installed, so its completion script cannot be run: install it (Debian: apt-get install -y {shell})");
        return "";
    }

    private static string RunShell(string shell, params string[] arguments)
    {
        var start = new ProcessStartInfo(RequireShell(shell), arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["TERM"] = "dumb";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), $"{shell} did not finish");
        Assert.True(process.ExitCode == 0 && error.Result == "", $"{shell} exited with {process.ExitCode}: {error.Result}\n{output}");
        return output;
    }

    /// <summary>
    /// Sourced in a zsh with no configuration but this one: the completion script (which loads compinit and
    /// bashcompinit itself), then a compadd that also writes every match it adds (after zsh's own matching against
    /// the word on the line) to $RZ_OUT, and a marker when a completion ends.
    /// </summary>
    private const string ZshInit = """
        source "$RZ_SCRIPT"
        compadd() {
          if (( ${@[(I)-[OAD]]} )); then builtin compadd "$@"; return; fi
          local -a hits
          builtin compadd -O hits "$@"
          (( $#hits )) && print -rl -- $hits >> "$RZ_OUT"
          builtin compadd "$@"
        }
        _rz_done() { print -r -- '<done>' >> "$RZ_OUT" }
        comppostfuncs=(_rz_done)
        print -r -- '<ready>' >> "$RZ_OUT"

        """;

    /// <summary>
    /// Types each line and a Tab into an interactive zsh on a pseudo-terminal (zpty), as a user does, and prints
    /// the line, a tab and the matches zsh offered; a zsh that never gets ready or never finishes completing says so.
    /// </summary>
    private const string ZshDriver = """
        zmodload zsh/zpty || exit 1
        export RZ_SCRIPT=$1; init=$2; shift 2
        for line in "$@"; do
          export RZ_OUT=$(mktemp)
          zpty z zsh -f -i
          zpty -w z "source ${(q)init}"
          for i in {1..400}; do grep -q '<ready>' $RZ_OUT && break; sleep 0.05; done
          grep -q '<ready>' $RZ_OUT || { print -u2 "zsh did not load the completion script"; exit 1 }
          zpty -w -n z "$line"$'\t'
          for i in {1..400}; do grep -q '<done>' $RZ_OUT && break; sleep 0.05; done
          grep -q '<done>' $RZ_OUT || { print -u2 "zsh did not complete '$line'"; exit 1 }
          zpty -d z
          print -rn -- "$line"$'\t'; grep -v '^<' $RZ_OUT | sort -u | tr '\n' ' '; print
          rm -f $RZ_OUT
        done

        """;

    /// <summary>What zsh offers on Tab after each of <paramref name="lines"/>, with the zsh script sourced as ~/.zshrc would.</summary>
    private Dictionary<string, string[]> CompleteInZsh(params string[] lines)
    {
        string script = Script("zsh");
        string init = Path.Combine(Dir, "init.zsh"), driver = Path.Combine(Dir, "driver.zsh");
        File.WriteAllText(init, ZshInit);
        File.WriteAllText(driver, ZshDriver);
        string output = RunShell("zsh", ["-f", driver, script, init, .. lines]);
        return Lines(output, lines);
    }

    /// <summary>What fish offers for each of <paramref name="lines"/> (complete -C, what fish runs on Tab), with the fish script sourced.</summary>
    private Dictionary<string, string[]> CompleteInFish(params string[] lines)
    {
        string script = Script("fish");
        string driver = Path.Combine(Dir, "driver.fish");
        File.WriteAllText(driver, $"source '{script}'\n" + string.Concat(lines.Select(l =>
            $"printf '%s\\t' '{l}'; for c in (complete -C '{l}'); printf '%s ' (string split -f1 \\t -- $c); end; echo\n")));
        string output = RunShell("fish", "--no-config", driver);
        return Lines(output, lines);
    }

    private static Dictionary<string, string[]> Lines(string output, string[] lines)
    {
        var completed = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t'))
            .ToDictionary(p => p[0], p => p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(lines.Order(), completed.Keys.Order());
        return completed;
    }

    [Fact]
    public void Zsh_completes_the_issue_s_examples()
    {
        var c = CompleteInZsh("regviz contour --no", "regviz contour --norm l", "regviz cont");
        Assert.Equal(["--no-grid", "--no-labels", "--no-legend", "--norm"], c["regviz contour --no"].Order());
        Assert.Equal(["l1", "l2", "lasso", "linf", "lp"], c["regviz contour --norm l"].Order());
        Assert.Equal(["contour"], c["regviz cont"]);
    }

    [Fact]
    public void Fish_completes_the_issue_s_examples()
    {
        var c = CompleteInFish("regviz contour --no", "regviz contour --norm l", "regviz cont");
        Assert.Equal(["--no-grid", "--no-labels", "--no-legend", "--norm"], c["regviz contour --no"].Order());
        Assert.Equal(["l1", "l2", "lasso", "linf", "lp"], c["regviz contour --norm l"].Order());
        Assert.Equal(["contour"], c["regviz cont"]);
    }
}
