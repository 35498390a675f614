using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// Every command line in README.md and docs/ runs (#28): extracted from the Markdown by the convention of
/// <see cref="MarkdownCommands"/>, run in order from a reader's folder (<see cref="DocumentedCommand"/>), each
/// within its time budget. A new docs file is picked up by itself.
/// </summary>
[Collection(CurrentDirectory.Collection)]
public class DocumentedCommandTests : ScratchFolder
{
    /// <summary>README.md and every Markdown file under docs/ that documents at least one command.</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var files = new[] { "README.md" }.Concat(Directory.GetFiles(Repository.Path("docs"), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/')).Order());
        foreach (string file in files)
            if (MarkdownCommands.In(File.ReadAllText(Repository.Path(file))).Count > 0) data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_documented_command_runs(string file)
    {
        var commands = MarkdownCommands.In(File.ReadAllText(Repository.Path(file)));
        Assert.All(commands, c => Assert.True(c.ShellSyntax is null,
            $"{file} line {c.LineNumber}: '{c.Line}' uses shell syntax ({c.ShellSyntax}); write a plain command, or mark its block ```sh no-run"));
        DocumentedCommand.Prepare(Dir);
        foreach (var c in commands)
            DocumentedCommand.RunAndCheck(c.Line, Dir, $"{file} line {c.LineNumber}");
    }

    [Fact]
    public void The_readme_and_the_docs_document_commands()
    {
        var files = new List<string>();
        foreach (string file in Files()) files.Add(file);
        Assert.Contains("README.md", files);
        Assert.Contains("docs/commands.md", files);
    }
}

/// <summary>The extraction convention itself, on a page written for it.</summary>
public class MarkdownCommandsTests
{
    [Fact]
    public void Only_plain_regviz_lines_of_shell_blocks_are_taken()
    {
        const string page = """
            Text with `regviz contour` inline is not run.

            ```sh
            # a comment line
            regviz contour --norm l1   # trailing comment
            dotnet run --project src/Regviz.Cli -- norm --title "a # b"
            dotnet test tests/Regviz.Tests
            $ regviz path \
                --count 5
            regviz solve --json - | jq .weights
            ```

            ```sh no-run
            regviz completion bash > ~/x
            ```

            ```text
            regviz shown only
            ```

            ````console
            regviz sparsity --trials 10
            ````
            """;
        var found = MarkdownCommands.In(page);
        Assert.Equal(
            [("regviz contour --norm l1", 5), ("regviz norm --title \"a # b\"", 6), ("regviz path --count 5", 8), ("regviz solve --json - | jq .weights", 10), ("regviz sparsity --trials 10", 22)],
            found.Select(c => (c.Line, c.LineNumber)));
        Assert.Equal([null, null, null, "|", null], found.Select(c => c.ShellSyntax));
    }
}
