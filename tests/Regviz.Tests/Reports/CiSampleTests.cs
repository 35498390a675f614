using System.CommandLine.Parsing;
using System.Text.Json;
using Regviz.Cli.Commands;
using Regviz.Tests.Cli;
using Regviz.Tests.Support;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Regviz.Tests.Reports;

/// <summary>
/// samples/ci cannot run here (no GitHub or GitLab runner), so what can go wrong in them is checked: each parses as
/// YAML, calls regviz batch with flags the command has, publishes the JUnit file it writes and keeps the report folder
/// it writes — and its regviz command line, run here on the blog manifest, passes and writes all three reports.
/// </summary>
public class CiSampleTests : ScratchFolder
{
    private static YamlMappingNode Load(string file)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Repository.Path("samples", "ci", file))));
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] keys) =>
        keys.Aggregate(node, (n, k) => ((YamlMappingNode)n).Children[new YamlScalarNode(k)]);

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value!;

    /// <summary>The words after "--" of the sample's dotnet run line, checked against the batch command's own options.</summary>
    private static List<string> BatchWords(string command)
    {
        var words = CommandLineParser.SplitCommandLine(command).ToList();
        Assert.Equal(["dotnet", "run", "--project", "src/Regviz.Cli"], words.Take(4));
        var batch = words.Skip(words.IndexOf("--") + 1).ToList();
        Assert.Equal("batch", batch[0]);
        var options = BatchCommand.Create().Options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet();
        Assert.All(batch.Where(w => w.StartsWith('-')), w => Assert.Contains(w, options));
        foreach (string flag in new[] { "--check", "--report", "--junit", "--summary" }) Assert.Contains(flag, batch);
        return batch;
    }

    private static string ValueOf(List<string> words, string flag) => words[words.IndexOf(flag) + 1];

    [Fact]
    public void Github_workflow_publishes_the_junit_file_and_uploads_the_report()
    {
        var root = Load("github-actions.yml");
        var steps = ((YamlSequenceNode)At(root, "jobs", "figures", "steps")).Children.Cast<YamlMappingNode>().ToList();
        string Uses(YamlMappingNode s) => s.Children.TryGetValue(new YamlScalarNode("uses"), out var u) ? Text(u) : "";
        var words = BatchWords(Text(At(steps.Single(s => s.Children.ContainsKey(new YamlScalarNode("run"))), "run")));
        var upload = steps.Single(s => Uses(s).StartsWith("actions/upload-artifact@"));
        var paths = Text(At(upload, "with", "path")).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(ValueOf(words, "--report") + "/", paths);
        Assert.Contains(ValueOf(words, "--summary"), paths);
        var junit = steps.Single(s => Uses(s).StartsWith("mikepenz/action-junit-report@"));
        Assert.Equal(ValueOf(words, "--junit"), Text(At(junit, "with", "report_paths")));
        Assert.Equal("write", Text(At(root, "permissions", "checks")));
        Assert.All([upload, junit], s => Assert.Contains("cancelled()", Text(At(s, "if")))); // a failed check still reports
    }

    [Fact]
    public void Gitlab_job_declares_the_junit_report_and_keeps_the_report_folder()
    {
        var job = At(Load("gitlab-ci.yml"), "figures");
        var words = BatchWords(Text(((YamlSequenceNode)At(job, "script")).Children.Single()));
        Assert.Equal(ValueOf(words, "--junit"), Text(At(job, "artifacts", "reports", "junit")));
        var paths = ((YamlSequenceNode)At(job, "artifacts", "paths")).Children.Select(Text).ToList();
        Assert.Contains(ValueOf(words, "--report") + "/", paths);
        Assert.Contains(ValueOf(words, "--summary"), paths);
        Assert.Equal("always", Text(At(job, "artifacts", "when")));
    }

    [Fact]
    public void The_samples_command_passes_on_the_blog_and_writes_all_three_reports()
    {
        var words = BatchWords(Text(((YamlSequenceNode)At(Load("gitlab-ci.yml"), "figures", "script")).Children.Single()));
        // run from the repository as CI does, with the outputs in this test's folder
        var args = words.Select((w, i) => i > 0 && words[i - 1] is "--report" or "--junit" or "--summary" ? Path.Combine(Dir, w)
            : w.StartsWith("samples/") ? Repository.Path(w.Split('/')) : w).ToArray();
        var r = CliRunner.Run(args);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.True(File.Exists(Path.Combine(Dir, ValueOf(words, "--report"), "index.html")));
        Assert.Equal(13, CheckReportTests.Validated(Path.Combine(Dir, ValueOf(words, "--junit"))).Descendants("testcase").Count());
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, ValueOf(words, "--summary"))));
        Assert.Equal(13, summary.RootElement.GetProperty("counts").GetProperty("passed").GetInt32());
    }
}
