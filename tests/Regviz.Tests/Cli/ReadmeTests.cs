using System.Text.RegularExpressions;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>A README a newcomer finishes (#28): short, the two commands CI relies on, and every link leads somewhere.</summary>
public partial class ReadmeTests
{
    private static string Readme => File.ReadAllText(Repository.Path("README.md"));

    [Fact]
    public void The_readme_is_under_300_lines()
    {
        Assert.True(Readme.Split('\n').Length < 300, $"README.md has {Readme.Split('\n').Length} lines");
    }

    [Fact]
    public void The_two_commands_on_a_fresh_machine_are_there_as_ci_runs_them()
    {
        var section = Regex.Match(Readme, @"## Two commands on a fresh machine\n(.*?)\n## ", RegexOptions.Singleline);
        Assert.True(section.Success, "no section 'Two commands on a fresh machine'");
        Assert.Contains("\ndotnet run --project src/Regviz.Cli -- contour --norm l1 --lambda 0.5\n", section.Groups[1].Value);
        Assert.Contains("\ndotnet test tests/Regviz.Tests\n", section.Groups[1].Value);
    }

    [GeneratedRegex(@"\]\(([^)#\s]+)(?:#[^)]*)?\)")]
    private static partial Regex Link();

    public static TheoryData<string> MarkdownFiles()
    {
        var data = new TheoryData<string> { "README.md" };
        foreach (string f in Directory.GetFiles(Repository.Path("docs"), "*.md").Order())
            data.Add(Path.GetRelativePath(Repository.Root, f).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Every_relative_link_leads_to_a_file_of_the_repository(string file)
    {
        string folder = Path.GetDirectoryName(Repository.Path(file))!;
        // links written as examples inside code are text, not links
        string prose = Regex.Replace(Regex.Replace(File.ReadAllText(Repository.Path(file)), "(?s)```.*?```", ""), "`[^`\n]*`", "");
        var targets = Link().Matches(prose).Select(m => m.Groups[1].Value)
            .Where(t => !t.Contains("://") && !t.StartsWith("mailto:")).ToList();
        Assert.All(targets, t => Assert.True(File.Exists(Path.Combine(folder, t)) || Directory.Exists(Path.Combine(folder, t)), $"{file} links to {t}, which does not exist"));
    }

    [Fact]
    public void The_readme_links_the_documents_that_hold_what_moved_out_of_it()
    {
        foreach (string doc in new[] { "mathematics", "solvers", "exactness", "performance", "security", "commands", "install", "testing" })
            Assert.Contains($"](docs/{doc}.md)", Readme);
    }
}
