using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Regviz.Tests.Cli;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Reports;

/// <summary>
/// A failing figure says first what changed in meaning, the same line in every report: the page's list, the JUnit
/// failure message and the JSON summary (<see cref="MeaningScenario"/>); then how many pixels moved.
/// </summary>
public class MeaningTests(MeaningScenario scenario) : IClassFixture<MeaningScenario>
{
    /// <summary>The first meaning line of <paramref name="figure"/> in each of the three reports, and the kind the summary gives.</summary>
    private (string Page, string JUnit, string Summary, string Kind, string Verdict) Lines(string figure)
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(scenario.Report, "index.html")));
        var row = page.QuerySelectorAll("main > table > tbody > tr").Single(r => r.QuerySelector(".out")!.TextContent == figure);
        string inPage = row.QuerySelector("ul.meaning li")!.TextContent;
        var junit = XDocument.Load(scenario.JUnit).Descendants("testcase").Single(c => (string)c.Attribute("name")! == figure);
        string message = (string)junit.Element("failure")!.Attribute("message")!;
        using var summary = JsonDocument.Parse(File.ReadAllText(scenario.Summary));
        var entry = summary.RootElement.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("out").GetString() == figure);
        var meaning = entry.GetProperty("meaning");
        return (inPage, message, meaning.GetProperty("changes")[0].GetString()!, meaning.GetProperty("kind").GetString()!, entry.GetProperty("verdict").GetString()!);
    }

    /// <summary>The line is said first everywhere, and the pixels after it.</summary>
    private void SaidFirst(string figure, string line, string kind)
    {
        var (page, junit, summary, k, verdict) = Lines(figure);
        Assert.Equal(line, page);
        Assert.Equal(line, summary);
        Assert.Equal(kind, k);
        Assert.StartsWith(line, junit);
        Assert.StartsWith(line, verdict);
        Assert.Matches(@"; DIFFERENT \([0-9]+ pixels\)", junit[line.Length..]);
        Assert.Contains(scenario.Result.Stdout.Split('\n'), l => l.StartsWith(figure) && l.Contains(line));
    }

    [Fact]
    public void The_goldens_were_written_with_their_records_and_the_check_fails()
    {
        Assert.Equal(1, scenario.Result.ExitCode);
        foreach (string figure in new[] { "lambda.png", "data.png", "title.png", "font.png", "same.png" })
        {
            using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(scenario.Golden, figure + ".json")));
            Assert.Equal(JsonValueKind.Array, record.RootElement.GetProperty("args").ValueKind);
            Assert.True(new FileInfo(Path.Combine(scenario.Golden, figure + ".json")).Length < 64 * 1024, "a record keeps no polylines");
        }
    }

    [Fact]
    public void A_lambda_change_in_the_manifest_is_said_as_lambda_old_to_new()
    {
        SaidFirst("lambda.png", "λ 0.5 → 0.6", "changed");
        // and the page shows the command that accepts it, as the summary gives it
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(scenario.Report, "index.html")));
        var row = page.QuerySelectorAll("main > table > tbody > tr").Single(r => r.QuerySelector(".out")!.TextContent == "lambda.png");
        using var summary = JsonDocument.Parse(File.ReadAllText(scenario.Summary));
        string accept = summary.RootElement.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("out").GetString() == "lambda.png").GetProperty("accept").GetString()!;
        Assert.Equal(accept, row.QuerySelector(".accept code")!.TextContent);
        Assert.EndsWith("--update changed --only lambda.png", accept);
    }

    [Fact]
    public void A_title_change_is_said_as_title_old_to_new() =>
        SaidFirst("title.png", "title Before → After", "changed");

    [Fact]
    public void A_font_change_in_a_style_file_is_a_rendering_change() =>
        SaidFirst("font.png", "rendering change: same arguments and numbers", "rendering");

    [Fact]
    public void A_golden_from_before_records_says_its_meaning_is_unknown() =>
        SaidFirst("legacy.png", "meaning unknown: golden has no sidecar; run --update", "unknown");

    [Fact]
    public void A_data_change_is_said_as_the_new_optimum_with_the_same_arguments()
    {
        // w* of each data set from contour's own sidecar, run apart from the batch
        string Optimum(string csv)
        {
            string file = Path.Combine(scenario.Dir, $"w-{Guid.NewGuid():n}.csv");
            File.WriteAllText(file, csv);
            var run = CliRunner.Run("contour", "--norm", "l1", "--lambda", "0.3", "--data", file, "--size", "200x200", "--grid", "30",
                "--out", Path.ChangeExtension(file, ".png"), "--json", "-");
            Assert.Equal(0, run.ExitCode);
            var w = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("optimum").GetProperty("weights").EnumerateArray().Select(v => v.GetDouble());
            return "(" + string.Join(", ", w.Select(v => v.ToString("G4", CultureInfo.InvariantCulture))) + ")";
        }
        string before = Optimum(MeaningScenario.DataBefore), after = Optimum(MeaningScenario.DataAfter);
        Assert.NotEqual(before, after);
        SaidFirst("data.png", $"w* {before} → {after}", "changed");
    }

    [Fact]
    public void A_figure_that_passes_has_no_meaning_line()
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(scenario.Summary));
        var same = summary.RootElement.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("out").GetString() == "same.png");
        Assert.Equal("passed", same.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, same.GetProperty("meaning").ValueKind);
        Assert.Equal(JsonValueKind.Null, same.GetProperty("accept").ValueKind);
    }
}
