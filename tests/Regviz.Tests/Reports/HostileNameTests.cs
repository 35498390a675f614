using System.Text.Json;
using AngleSharp.Html.Parser;
using CsCheck;
using Regviz.Cli.Batch;
using Xunit;

namespace Regviz.Tests.Reports;

/// <summary>
/// Generated hostile manifest strings — markup, quotes, ampersands, control characters, lone surrogates, XML's
/// forbidden characters, text thousands of characters long — through the three report writers. The page must parse
/// to exactly one row per figure with each name as text and no element of its making; the JUnit file must stay valid
/// against the schema; the JSON must parse and give scripts the exact names.
/// </summary>
public class HostileNameTests : Support.ScratchFolder
{
    private static readonly string[] Pieces =
    [
        "<script>alert(1)</script>", "</td></tr></table>", "<img src=x onerror=alert(1)>", "\"", "'", "&", "&amp;", "&#x3C;",
        "<!--", "-->", "]]>", "<![CDATA[", "\0", "\u0007", "\n", "\r", "\t", "\u001b[31m", "\u0085", "\ud800", "\udfff", "💥",
        "\u202e", "\ufeff", "\ufffe", "\uffff", "javascript:", "a", " ", "/", "..", new string('x', 2500),
    ];

    private static readonly Gen<string> Hostile = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[1, 6].Select(string.Concat);

    [Fact]
    public void Reports_keep_hostile_names_as_text_and_stay_well_formed() =>
        Gen.Select(Hostile, Hostile, Hostile, Hostile).Sample((name, args, error, manifest) =>
        {
            string dir = Path.Combine(Dir, Guid.NewGuid().ToString("n"));
            Directory.CreateDirectory(dir);
            var run = Run(manifest, name, args, error);
            var folder = ReportFolder.Prepare(Path.Combine(dir, "report"));
            HtmlReport.Write(run, folder);
            JUnitReport.Write(run, Path.Combine(dir, "junit.xml"));
            JsonSummary.Write(run, Path.Combine(dir, "summary.json"));

            var page = new HtmlParser().ParseDocument(File.ReadAllText(folder.Index));
            var rows = page.QuerySelectorAll("main > table > tbody > tr");
            Assert.Equal(run.Outcomes.Count, rows.Length);
            Assert.All(rows, r => Assert.Equal(ReportText.Printable(name), r.QuerySelector(".out")!.TextContent));
            Assert.All(rows, r => Assert.Equal(ReportText.Printable(args), r.QuerySelector(".args")!.TextContent));
            Assert.Empty(page.QuerySelectorAll("script, main img, a"));
            Assert.Equal(ReportText.Printable(manifest), page.QuerySelector("h1 .src")!.TextContent);

            var junit = CheckReportTests.Validated(Path.Combine(dir, "junit.xml"));
            Assert.All(junit.Descendants("testcase"), c => Assert.Equal(ReportText.Printable(name), (string)c.Attribute("name")!));

            Sidecars.SidecarValidator.AssertValid("batch-summary", File.ReadAllText(Path.Combine(dir, "summary.json")), "a summary of hostile names");
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "summary.json")));
            // the one escaping policy, as in the page and the XML: nothing in the JSON can reorder or hide what a reader sees
            string expected = ReportText.Printable(name);
            Assert.All(json.RootElement.GetProperty("figures").EnumerateArray(), f => Assert.Equal(expected, f.GetProperty("out").GetString()));
        }, iter: 60);

    [Fact]
    public void Long_names_are_cut_and_every_character_that_needs_it_is_made_visible()
    {
        Assert.Equal(ReportText.MaxChars + 1, ReportText.Printable(new string('x', 10_000)).Length);
        Assert.Equal("a\\u0000b\\nc\\ud800d💥", ReportText.Printable("a\0b\nc\ud800d💥"));
        Assert.Equal("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", HtmlReport.Escape("<a href=\"x\">&'"));
    }

    /// <summary>A check of three figures sharing one hostile name: failed with a diff, an error, and a pass.</summary>
    private static CheckRun Run(string manifest, string name, string args, string error)
    {
        var figure = new ManifestFigure(name, args, 3, 1.5);
        var outcomes = new List<FigureOutcome>
        {
            new(figure, null, 0.25) { Index = 0, Check = new CheckOutcome(CheckStatus.Failed, $"DIFFERENT ({error})") { Rms = 3.25, Tolerance = 1.5, PassingTolerance = 3.25, Golden = name, Actual = name, Diff = name } },
            new(figure, error, 0.5) { Index = 1 },
            new(figure, null, 0.125) { Index = 2, Check = new CheckOutcome(CheckStatus.Passed, "ok") { Rms = 0, Tolerance = 1.5, PassingTolerance = 0 } },
        };
        var recorded = new List<KeyValuePair<string, string>> { new(name, error) };
        return new CheckRun(manifest, outcomes, 1.0, DateTime.UtcNow, 0, name, null, UpdateMode.Changed, new RendererCheck(GoldenFingerprint.Running, recorded));
    }
}
