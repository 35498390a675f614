using CsCheck;
using Regviz.Cli.Batch;
using Regviz.Tests.Cli;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Reports;

/// <summary>
/// With GITHUB_ACTIONS=true a batch annotates each failure on the manifest's line and appends a table to the step
/// summary; names go through GitHub's escaping (% CR LF, and : , in properties), the table's cells through Markdown's.
/// The variables are set for this test's flow only (and for the executable under test, when there is one).
/// </summary>
public class GitHubActionsTests : ScratchFolder
{
    /// <summary>GitHub's unescaping of a workflow command's property, from its documentation, for reading annotations back.</summary>
    private static string Unescape(string value) =>
        value.Replace("%2C", ",").Replace("%3A", ":").Replace("%0A", "\n").Replace("%0D", "\r").Replace("%25", "%");

    private CliRunner.Result RunOnActions(string summary, params string[] args)
    {
        var variables = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_WORKSPACE"] = Dir };
        CliRunner.ChildEnvironment.Value = variables;
        try { return CliRunner.Run(args); }
        finally { CliRunner.ChildEnvironment.Value = null; }
    }

    [Fact]
    public void Failures_are_annotated_on_their_manifest_line_and_tabulated_in_the_step_summary()
    {
        const string Tricky = "a,b:c%d|e.png"; // made, then different
        const string Newline = "x,y:\nz%.png"; // cannot be made: a newline in a file name
        string manifest = Path.Combine(Dir, "ci", "m,x.yaml"), golden = Path.Combine(Dir, "g"), summary = Path.Combine(Dir, "step-summary.md");
        Directory.CreateDirectory(Path.Combine(Dir, "ci"));
        string Text(double lambda) => $$"""
            defaults: --size 160x160 --grid 24
            figures:
              - { out: ok.png, args: norm --norm l1 }
              - { out: '{{Tricky}}', args: contour --norm l1 --lambda {{lambda}} }

            """;
        File.WriteAllText(manifest, Text(0.5));
        Assert.Equal(0, CliRunner.Run("batch", manifest, "--check", golden, "--update").ExitCode);
        File.WriteAllText(manifest, Text(0.6) + "  - { out: \"x,y:\\nz%.png\", args: norm --norm l2 }\n");
        File.WriteAllText(summary, "earlier step\n");

        var run = RunOnActions(summary, "batch", manifest, "--check", golden);
        Assert.Equal(2, run.ExitCode);
        var annotations = run.Stdout.Split('\n').Where(l => l.StartsWith("::")).ToList();
        Assert.Equal(2, annotations.Count);

        var tricky = annotations[0];
        // the manifest relative to the checkout, as GitHub places annotations on a pull request's files
        string prefix = "::error file=ci/m%2Cx.yaml,line=4,title=a%2Cb%3Ac%25d|e.png::";
        Assert.StartsWith(prefix, tricky);
        string message = tricky[prefix.Length..];
        Assert.StartsWith("λ 0.5 → 0.6; ", message);
        Assert.DoesNotContain('\r', message);
        Assert.Contains("%0Aaccept with: regviz batch ", message); // the accept command on a line of its own
        Assert.Equal(Tricky, Unescape("a%2Cb%3Ac%25d|e.png"));

        var broken = annotations[1];
        Assert.StartsWith("::error file=ci/m%2Cx.yaml,line=5,title=x%2Cy%3A%0Az%25.png::could not be made: ", broken);
        Assert.Equal(Newline, Unescape(broken.Split(",title=")[1].Split("::")[0]));

        string markdown = File.ReadAllText(summary);
        Assert.StartsWith("earlier step\n", markdown); // appended, as GitHub asks
        var rows = markdown.Split('\n').Where(l => l.StartsWith("| ") && !l.StartsWith("| figure") && !l.StartsWith("| ---")).ToList();
        Assert.Equal(2, rows.Count);
        // a | in a name or in what changed is escaped: each row has its four cells
        Assert.All(rows, r => Assert.Equal(5, System.Text.RegularExpressions.Regex.Split(r, @"(?<!\\)\|").Length - 1));
        Assert.Contains(@"a\,b\:c\%d\|e\.png", rows[0]);
        Assert.Contains(@"λ 0\.5 → 0\.6", rows[0]);
        Assert.Contains(@"x\,y\:<br>z\%\.png", rows[1]); // the newline of a name does not end the row
        Assert.DoesNotContain("\r", markdown);
    }

    [Fact]
    public void Without_github_actions_nothing_is_annotated()
    {
        string manifest = Path.Combine(Dir, "m.yaml");
        File.WriteAllText(manifest, "figures:\n  - { out: a.png, args: norm --norm l7 }\n");
        var run = CliRunner.Run("batch", manifest, "--out", Path.Combine(Dir, "o"));
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("::error", run.Stdout);
    }

    /// <summary>Any name, escaped as a property, has no character that ends a property or a line, and unescapes to itself.</summary>
    [Fact]
    public void Properties_and_messages_escape_every_character_github_gives_meaning()
    {
        string[] pieces = ["a", ",", ":", "%", "\n", "\r", "%2C", "::", "é", " ", "|", "%25", "=", "💥"];
        Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[1, 10].Select(string.Concat).Sample(name =>
        {
            string property = GitHubActions.Property(name);
            Assert.DoesNotContain(property, c => c is ',' or ':' or '\r' or '\n');
            Assert.Equal(name, Unescape(property));
            string data = GitHubActions.Data(name);
            Assert.DoesNotContain(data, c => c is '\r' or '\n');
            Assert.Equal(name, data.Replace("%0A", "\n").Replace("%0D", "\r").Replace("%25", "%"));
        });
    }

    [Fact]
    public void At_most_a_hundred_failures_are_annotated_and_the_rest_counted()
    {
        var outcomes = Enumerable.Range(0, 150).Select(i => new FigureOutcome(new ManifestFigure($"f{i}.png", "norm", i + 2), "bad", 0) { Index = i }).ToList();
        var stdout = new StringWriter();
        var variables = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" };
        GitHubActions.Report(stdout, name => variables.GetValueOrDefault(name), "m.yaml", outcomes, null);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(GitHubActions.MaxFigures, lines.Count(l => l.StartsWith("::error ")));
        Assert.Equal("::warning::50 more figures failed: the report and the JUnit file list them all", lines.Last());
    }

    [Fact]
    public void The_step_summary_is_bounded_however_many_figures_fail()
    {
        var outcomes = Enumerable.Range(0, 5000).Select(i =>
            new FigureOutcome(new ManifestFigure($"f{i}|{new string('x', 300)}.png", "norm", i + 2), "could not be made " + new string('y', 500), 0) { Index = i }).ToList();
        string markdown = GitHubActions.Summary("m.yaml", outcomes, outcomes, null);
        Assert.True(markdown.Length <= GitHubActions.MaxSummaryBytes, $"{markdown.Length} characters");
        Assert.Contains("more failures", markdown);
    }
}
