using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Reports;

/// <summary>
/// The three reports of one check with every kind of row (<see cref="CheckScenario"/>), read the way their readers
/// read them: the page by an HTML5 parser, the JUnit file against the schema CI systems follow, the summary as JSON.
/// </summary>
public class CheckReportTests(CheckScenario scenario) : IClassFixture<CheckScenario>
{
    private static readonly string[] WorstFirst = ["error", "failed", "missing", "updated", "created", "passed"];

    [Fact]
    public void A_figure_that_cannot_be_made_exits_2_after_writing_every_report()
    {
        Assert.Equal(2, scenario.Result.ExitCode);
        Assert.Contains("could not be made", Assert.Single(scenario.Result.ErrorLines, l => l.StartsWith("error: ")));
        Assert.True(File.Exists(Path.Combine(scenario.Report, "index.html")));
        Assert.True(File.Exists(scenario.JUnit));
        Assert.True(File.Exists(scenario.Summary));
        Assert.Empty(Directory.EnumerateFiles(scenario.Dir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Html_report_has_a_row_per_figure_failures_first_every_name_escaped()
    {
        var page = Page();
        var rows = page.QuerySelectorAll("main > table > tbody > tr").ToList();
        var expected = CheckScenario.Expected
            .Select((f, i) => (f.Out, f.Status, i))
            .OrderBy(f => Array.IndexOf(WorstFirst, f.Status)).ThenBy(f => f.i)
            .Select(f => (f.Out, f.Status)).ToList();
        Assert.Equal(expected, rows.Select(r => (r.QuerySelector(".out")!.TextContent, r.ClassName!)).ToList());
        Assert.Equal(expected.Select(e => e.Status), rows.Select(r => r.QuerySelector("td.status")!.TextContent));

        // names and args from the manifest stayed text: no element came from them
        // the one script is the compare views', allowed by its hash and by nothing else
        var script = Assert.Single(page.QuerySelectorAll("script"));
        string hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script.TextContent)));
        string csp = page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        Assert.Contains($"script-src 'sha256-{hash}'", csp);
        Assert.DoesNotContain("unsafe-inline'; script", csp.Replace("style-src 'unsafe-inline'; script", ""));
        Assert.Empty(page.QuerySelectorAll("main > table b, main > table i"));
        Assert.Contains(rows, r => r.QuerySelector(".args")!.TextContent == "norm --norm l1 --title \"<b>&amp;</b>\"");
    }

    [Fact]
    public void Html_report_shows_counts_numbers_and_a_checked_toggle_that_hides_passes()
    {
        var page = Page();
        string Count(string status) => page.QuerySelector($".count.{status} b")!.TextContent;
        Assert.Equal(("1", "3", "1", "3"), (Count("error"), Count("failed"), Count("missing"), Count("passed")));
        var toggle = (IHtmlInputElement)page.QuerySelector("input#hide-passes")!;
        Assert.True(toggle.IsChecked);
        Assert.Equal("Hide the 3 figures that passed", page.QuerySelector("label[for=hide-passes]")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("style"), s => s.TextContent.Contains("#hide-passes:checked ~ table tr.passed { display: none; }"));
        Assert.Same(page.QuerySelector("main > table"), toggle.ParentElement!.Children.Last(e => e.LocalName == "table"));

        var moved = Row(page, "moved.png");
        var cells = moved.QuerySelectorAll("td.num").Select(c => c.TextContent).ToList();
        var figure = Figures().Single(f => f.GetProperty("out").GetString() == "moved.png");
        Assert.Equal(figure.GetProperty("rms").GetDouble().ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), cells[0]);
        Assert.Equal("0", cells[1]);
        Assert.Equal(figure.GetProperty("passing_tolerance").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture), cells[2]);
        Assert.StartsWith("250", Row(page, "own-tolerance.png").QuerySelectorAll("td.num")[1].TextContent);
    }

    [Fact]
    public void Every_image_of_the_report_is_a_file_inside_it()
    {
        var page = Page();
        var images = page.QuerySelectorAll("img").Select(i => i.GetAttribute("src")!).ToList();
        Assert.NotEmpty(images);
        foreach (string src in images.Concat(page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)))
        {
            // a link within the page (a row to its compare views and back) leads to an element of it
            if (src.StartsWith('#'))
            {
                Assert.NotNull(page.GetElementById(src[1..]));
                continue;
            }
            Assert.False(Path.IsPathRooted(src) || src.Contains("..") || src.Contains(':'), src);
            Assert.True(File.Exists(Path.Combine(scenario.Report, src)), src);
        }
        Assert.Equal(3, Row(page, "moved.png").QuerySelectorAll("img").Length); // golden, result, diff
        Assert.Equal(2, Row(page, "resized.png").QuerySelectorAll("img").Length); // no diff of different sizes
        Assert.Single(Row(page, "missing.png").QuerySelectorAll("img"));
        Assert.Empty(Row(page, "broken.png").QuerySelectorAll("img"));
        Assert.Single(Row(page, "pass.png").QuerySelectorAll("img")); // identical: the result stands for both
        var csp = page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        Assert.Contains("default-src 'none'", csp);
    }

    [Fact]
    public void Junit_is_valid_against_the_schema_with_a_testcase_per_figure()
    {
        var xml = Validated(scenario.JUnit);
        var suite = Assert.Single(xml.Root!.Elements("testsuite"));
        Assert.Equal(("8", "4", "1"), ((string)suite.Attribute("tests")!, (string)suite.Attribute("failures")!, (string)suite.Attribute("errors")!));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(CheckScenario.Expected.Select(e => e.Out), cases.Select(c => (string)c.Attribute("name")!));
        Assert.All(cases, c => Assert.Equal(scenario.Manifest, (string)c.Attribute("classname")!));
        XElement Case(string name) => cases.Single(c => (string)c.Attribute("name")! == name);

        Assert.Equal("not-made", (string)Case("broken.png").Element("error")!.Attribute("type")!);
        Assert.Equal("missing-baseline", (string)Case("missing.png").Element("failure")!.Attribute("type")!);
        Assert.Contains("sizes differ", (string)Case("resized.png").Element("failure")!.Attribute("message")!);
        Assert.Empty(Case("pass.png").Elements());

        var failure = Case("moved.png").Element("failure")!;
        // these goldens were made by a plain batch, without --update: no record of their meaning, and the message says so first
        Assert.Matches(@"^meaning unknown: golden has no sidecar; run --update; DIFFERENT \([0-9]+ pixels\); passes with tolerance [0-9.]+ \(rms [0-9.]+ > tolerance 0\)$", (string)failure.Attribute("message")!);
        foreach (string role in new[] { "golden", "actual", "diff" })
        {
            string line = failure.Value.Split('\n').Single(l => l.StartsWith(role + ": "));
            Assert.True(File.Exists(line[(role.Length + 2)..]), line);
        }
        Assert.Contains("No renderer fingerprint beside the baselines", failure.Value);
    }

    [Fact]
    public void Summary_json_has_every_figure_with_status_rms_and_tolerances()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(scenario.Summary));
        var counts = doc.RootElement.GetProperty("counts");
        Assert.Equal((8, 3, 1, 1, 3), (counts.GetProperty("figures").GetInt32(), counts.GetProperty("failed").GetInt32(),
            counts.GetProperty("missing").GetInt32(), counts.GetProperty("error").GetInt32(), counts.GetProperty("passed").GetInt32()));
        var figures = doc.RootElement.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(CheckScenario.Expected, figures.Select(f => (f.GetProperty("out").GetString()!, f.GetProperty("status").GetString()!)).ToArray());

        var moved = figures.Single(f => f.GetProperty("out").GetString() == "moved.png");
        double rms = moved.GetProperty("rms").GetDouble(), passing = moved.GetProperty("passing_tolerance").GetDouble();
        Assert.True(rms > 0 && passing >= rms && passing - rms < 1e-4, $"rms {rms}, passing {passing}");
        Assert.Equal(0, moved.GetProperty("tolerance").GetDouble());
        foreach (string key in new[] { "golden", "actual", "diff" })
            Assert.True(File.Exists(moved.GetProperty(key).GetString()), key);

        var own = figures.Single(f => f.GetProperty("out").GetString() == "own-tolerance.png");
        Assert.Equal(250, own.GetProperty("tolerance").GetDouble());
        Assert.True(own.GetProperty("rms").GetDouble() > 0);
        var resized = figures.Single(f => f.GetProperty("out").GetString() == "resized.png");
        Assert.Equal(JsonValueKind.Null, resized.GetProperty("rms").ValueKind);
        Assert.Equal(JsonValueKind.Null, resized.GetProperty("passing_tolerance").ValueKind);
        var broken = figures.Single(f => f.GetProperty("out").GetString() == "broken.png");
        Assert.Contains("unknown norm 'l7'", broken.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("renderer").GetProperty("recorded").ValueKind);
    }

    [Fact]
    public void The_passing_tolerance_passes_and_one_step_less_fails()
    {
        var moved = Figures().Single(f => f.GetProperty("out").GetString() == "moved.png");
        double passing = moved.GetProperty("passing_tolerance").GetDouble();
        string dir = Path.Combine(scenario.Dir, "threshold");
        Directory.CreateDirectory(dir);
        foreach (string name in new[] { "at.png", "below.png" })
            File.Copy(Path.Combine(scenario.Golden, "moved.png"), Path.Combine(dir, name));
        string manifest = Path.Combine(scenario.Dir, "threshold.yaml");
        string R(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(manifest, $$"""
            defaults: {{CheckScenario.Small}}
            figures:
              - { out: at.png, args: contour --norm l1 --lambda 0.5, tolerance: {{R(passing)}} }
              - { out: below.png, args: contour --norm l1 --lambda 0.5, tolerance: {{R(Math.Round(passing - 1e-4, 4))}} }
            """);
        var r = CliRunner.Run("batch", manifest, "--check", dir, "--jobs", "1");
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"at\.png\s+[0-9.]+\s+ok", r.Stdout);
        Assert.Matches(@"below\.png\s+[0-9.]+\s+(?:[^\n]*; )?DIFFERENT .*passes with tolerance " + System.Text.RegularExpressions.Regex.Escape(R(passing)), r.Stdout);
    }

    private List<JsonElement> Figures()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(scenario.Summary));
        return doc.RootElement.GetProperty("figures").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private IHtmlDocument Page() => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(scenario.Report, "index.html")));

    private static AngleSharp.Dom.IElement Row(IHtmlDocument page, string name) =>
        page.QuerySelectorAll("main > table > tbody > tr").Single(r => r.QuerySelector(".out")!.TextContent == name);

    /// <summary>Parses and validates a JUnit file against tests/Regviz.Tests/Reports/junit.xsd; fails with every schema error.</summary>
    internal static XDocument Validated(string path)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Reports", "junit.xsd"));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(path, settings);
        var doc = XDocument.Load(reader);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return doc;
    }
}
