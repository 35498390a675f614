using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// A batch passes on what its figures warn about (#18): each figure's <c>warning:</c> lines reach the batch's stderr
/// whole, naming the figure and its manifest line, however many figures render at once, and the reports carry them.
/// The warning used is path's old spelling <c>--lambda</c>, which warns on every machine.
/// </summary>
public class BatchWarningTests : Support.ScratchFolder
{
    private static readonly string[] Norms = ["l1", "l2", "linf", "lp"];

    /// <summary>Eight figures, every other one warning with its own λ; the line of each in the manifest.</summary>
    private (string Manifest, Dictionary<string, int> Lines) Manifest()
    {
        var lines = new List<string> { "defaults: --size 200x200 --grid 30", "figures:" };
        var at = new Dictionary<string, int>();
        for (int i = 0; i < 8; i++)
        {
            at[$"f{i}.png"] = lines.Count + 1;
            lines.Add(i % 2 == 0 ? $"  - {{ out: f{i}.png, args: path --count 20 --lambda 0.0{i + 1} }}" : $"  - {{ out: f{i}.png, args: norm --norm {Norms[i / 2]} }}");
        }
        string path = Path.Combine(Dir, "m.yaml");
        File.WriteAllLines(path, lines);
        return (path, at);
    }

    private static string Expected(string figure, int line, int i) =>
        $"warning: {figure} (line {line}): path --lambda is the old spelling of --mark: write --mark 0.0{i + 1}";

    [Fact]
    public void Figure_warnings_reach_stderr_whole_with_the_figure_and_its_line_when_rendered_four_at_a_time()
    {
        var (m, lines) = Manifest();
        var r = CliRunner.Run("batch", m, "--out", Path.Combine(Dir, "o"), "--jobs", "4");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var warnings = r.ErrorLines.Where(l => l.Contains("warning")).ToList();
        var expected = Enumerable.Range(0, 8).Where(i => i % 2 == 0).Select(i => Expected($"f{i}.png", lines[$"f{i}.png"], i)).ToList();
        // each line exactly once and whole (a line torn by another figure's output would match none of them)
        Assert.Equal(expected.Order(), warnings.Order());
        // every other stderr line is a progress line
        Assert.All(r.ErrorLines.Except(warnings), l => Assert.Matches(@"^\[\d/8\] ok   f\d\.png \(", l));
        Assert.Contains("; 4 figures warned (on stderr)", r.Stdout);
    }

    [Fact]
    public void One_warning_figure_is_counted_in_the_singular()
    {
        string m = Path.Combine(Dir, "one.yaml");
        File.WriteAllText(m, "figures:\n  - { out: p.png, args: path --size 200x200 --count 20 --lambda 0.5 }\n");
        var r = CliRunner.Run("batch", m, "--out", Dir);
        Assert.Contains("warning: p.png (line 2): path --lambda is the old spelling of --mark: write --mark 0.5", r.ErrorLines);
        Assert.Contains("; 1 figure warned (on stderr)", r.Stdout);
    }

    [Fact]
    public void Checked_figure_warnings_are_in_the_json_summary_the_junit_system_err_and_the_report()
    {
        var (m, _) = Manifest();
        string summary = Path.Combine(Dir, "s.json"), junit = Path.Combine(Dir, "j.xml"), report = Path.Combine(Dir, "report");
        var r = CliRunner.Run("batch", m, "--check", Path.Combine(Dir, "golden"), "--update", "--summary", summary, "--junit", junit, "--report", report);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);

        using var json = JsonDocument.Parse(File.ReadAllText(summary));
        var figures = json.RootElement.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(8, figures.Count);
        var cases = XDocument.Load(junit).Descendants("testcase").ToList();
        for (int i = 0; i < 8; i++)
        {
            var said = figures[i].GetProperty("warnings").EnumerateArray().Select(e => e.GetString()).ToList();
            var err = cases[i].Element("system-err")?.Value;
            if (i % 2 == 0)
            {
                string text = $"path --lambda is the old spelling of --mark: write --mark 0.0{i + 1}";
                Assert.Equal([text], said);
                Assert.Equal($"warning: {text}\n", err);
            }
            else
            {
                Assert.Empty(said);
                Assert.Null(err);
            }
        }
        // the report's row of each warning figure says it under the figure's name
        string page = File.ReadAllText(Path.Combine(report, "index.html"));
        for (int i = 0; i < 8; i += 2)
            Assert.Matches($@"<div class=""out"">f{i}\.png</div>(?:(?!<tr).)*<div class=""warning"">warning: path --lambda is the old spelling of --mark: write --mark 0\.0{i + 1}</div>", page);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(page, @"<div class=""warning"">").Count);
    }
}
