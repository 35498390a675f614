using Regviz.Cli;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// Every --help ends with two to four examples (#28), read here from the help text a user sees, and every one of
/// them runs from a reader's folder and does what it shows: exit 0, and the figure it names written.
/// </summary>
[Collection(Support.CurrentDirectory.Collection)]
public class HelpExampleTests : Support.ScratchFolder
{
    /// <summary>The lines of the "Examples:" section of <c>regviz [command] --help</c>.</summary>
    internal static string[] ExamplesIn(params string[] command)
    {
        var help = CliRunner.Run([.. command, "--help"]);
        Assert.Equal(0, help.ExitCode);
        var lines = help.Stdout.Replace("\r", "").Split('\n');
        int start = Array.IndexOf(lines, "Examples:");
        Assert.True(start >= 0, $"regviz {string.Join(' ', command)} --help has no Examples section");
        return [.. lines.Skip(start + 1).TakeWhile(l => l.StartsWith("  ")).Select(l => l.Trim())];
    }

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string> { "" };
        foreach (var c in RegvizApp.CreateRoot().Subcommands.Where(c => !c.Hidden)) data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_help_shows_two_to_four_examples_and_each_one_runs(string command)
    {
        var examples = ExamplesIn(command == "" ? [] : [command]);
        Assert.InRange(examples.Length, 2, 4);
        Support.DocumentedCommand.Prepare(Dir);
        foreach (string example in examples)
        {
            Assert.StartsWith(command == "" ? "regviz " : $"regviz {command} ", example);
            Support.DocumentedCommand.RunAndCheck(example, Dir, $"regviz {command} --help");
        }
    }
}
