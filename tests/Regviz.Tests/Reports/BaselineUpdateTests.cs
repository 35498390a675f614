using System.Security.Cryptography;
using System.Text.Json;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Reports;

/// <summary>
/// --update writes what its mode asks for and nothing else: an identical golden keeps its bytes and its modification
/// time, so a CI cache, a make rule or a reviewer's diff sees no change where there is none.
/// </summary>
public class BaselineUpdateTests : Support.ScratchFolder
{
    private const string Small = "--size 160x160 --grid 20";
    private static readonly DateTime LongAgo = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private string Golden => Path.Combine(Dir, "golden");

    /// <summary>
    /// Four goldens: same.png identical, close.png a few pixels off but within its tolerance, far.png different, and
    /// new.png absent; all but new.png dated long ago.
    /// </summary>
    private string Arrange()
    {
        string manifest = Path.Combine(Dir, "m.yaml");
        File.WriteAllText(manifest, $$"""
            defaults: {{Small}}
            figures:
              - { out: same.png, args: norm --norm l1 }
              - { out: close.png, args: norm --norm l2, tolerance: 200 }
              - { out: far.png, args: norm --norm linf }
              - { out: new.png, args: norm --norm lp }
            """);
        string old = Path.Combine(Dir, "old.yaml");
        File.WriteAllText(old, $$"""
            defaults: {{Small}}
            figures:
              - { out: same.png, args: norm --norm l1 }
              - { out: close.png, args: norm --norm l2 --levels 3 }
              - { out: far.png, args: norm --norm linf --theme dark }
            """);
        Assert.Equal(0, CliRunner.Run("batch", old, "--out", Golden, "--jobs", "1").ExitCode);
        foreach (var f in Directory.GetFiles(Golden)) File.SetLastWriteTimeUtc(f, LongAgo);
        return manifest;
    }

    private Dictionary<string, (string Hash, DateTime Time)> State() =>
        Directory.GetFiles(Golden).ToDictionary(f => Path.GetFileName(f), f => (Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), File.GetLastWriteTimeUtc(f)));

    [Fact]
    public void Update_changed_leaves_identical_and_passing_goldens_untouched_bytes_and_time()
    {
        string manifest = Arrange();
        var before = State();
        string report = Path.Combine(Dir, "report");
        var r = CliRunner.Run("batch", manifest, "--check", Golden, "--update", "--jobs", "1", "--report", report);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        var after = State();
        Assert.Equal(before["same.png"], after["same.png"]);
        Assert.Equal(before["close.png"], after["close.png"]);
        Assert.NotEqual(before["far.png"].Hash, after["far.png"].Hash);
        Assert.True(after.ContainsKey("new.png"));
        Assert.Matches(@"far\.png\s+[0-9.]+\s+updated golden \(was [^\n]*DIFFERENT", r.Stdout);
        Assert.Matches(@"new\.png\s+-\s+created golden", r.Stdout);
        Assert.Contains("--update created 1 and updated 1", r.Stdout);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(report, "index.html")));
        Assert.Equal(["updated far.png", "created new.png", "passed same.png", "passed close.png"],
            page.QuerySelectorAll("main > table > tbody > tr").Select(row => $"{row.ClassName} {row.QuerySelector(".out")!.TextContent}"));
        Assert.Equal("Hide the 2 figures that passed", page.QuerySelector("label[for=hide-passes]")!.TextContent);

        // a second run finds nothing to do: every golden, and the fingerprint, keeps its time
        foreach (var f in Directory.GetFiles(Golden)) File.SetLastWriteTimeUtc(f, LongAgo);
        var settled = State();
        Assert.Equal(0, CliRunner.Run("batch", manifest, "--check", Golden, "--update", "changed", "--jobs", "1").ExitCode);
        Assert.Equal(settled, State());
    }

    [Fact]
    public void Update_missing_only_creates_and_still_fails_on_differences()
    {
        string manifest = Arrange();
        var before = State();
        var r = CliRunner.Run("batch", manifest, "--check", Golden, "--update", "missing", "--jobs", "1");
        Assert.Equal(1, r.ExitCode);
        var after = State();
        foreach (string name in new[] { "same.png", "close.png", "far.png" }) Assert.Equal(before[name], after[name]);
        Assert.True(after.ContainsKey("new.png"));
        Assert.Matches(@"far\.png\s+[0-9.]+\s+(?:[^\n]*; )?DIFFERENT", r.Stdout);
    }

    [Fact]
    public void Update_all_rewrites_every_golden_whose_bytes_differ_but_never_an_identical_one()
    {
        string manifest = Arrange();
        var before = State();
        var r = CliRunner.Run("batch", "--check", Golden, "--update", "all", manifest, "--jobs", "1");
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        var after = State();
        Assert.Equal(before["same.png"], after["same.png"]);
        Assert.NotEqual(before["close.png"].Hash, after["close.png"].Hash);
        Assert.NotEqual(before["far.png"].Hash, after["far.png"].Hash);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Golden, "close.png")), Render("norm", "--norm", "l2"));
    }

    [Fact]
    public void Update_records_the_renderer_and_a_moved_renderer_is_named_on_failure()
    {
        string manifest = Arrange();
        Assert.Equal(0, CliRunner.Run("batch", manifest, "--check", Golden, "--update", "--jobs", "1").ExitCode);
        string fingerprint = Path.Combine(Golden, "regviz-golden.json");
        using (var doc = JsonDocument.Parse(File.ReadAllText(fingerprint)))
        {
            var renderer = doc.RootElement.GetProperty("renderer");
            Assert.Equal(Regviz.Plotting.RendererFingerprint.Current.Single(c => c.Key == "ScottPlot").Value, renderer.GetProperty("ScottPlot").GetString());
            Assert.StartsWith("sha256:", renderer.GetProperty("font DejaVuSans.ttf").GetString());
            foreach (string key in new[] { "regviz", "SkiaSharp", "libSkiaSharp", "HarfBuzzSharp" }) Assert.True(renderer.TryGetProperty(key, out _), key);
        }

        // the goldens now say they were made with another ScottPlot and font, and one of them differs
        string running = Regviz.Plotting.RendererFingerprint.Current.Single(c => c.Key == "ScottPlot").Value;
        File.WriteAllText(fingerprint, File.ReadAllText(fingerprint).Replace($"\"ScottPlot\": \"{running}\"", "\"ScottPlot\": \"5.0.1\"").Replace("\"sha256:a", "\"sha256:0"));
        File.Copy(Path.Combine(Golden, "same.png"), Path.Combine(Golden, "far.png"), overwrite: true);
        string summary = Path.Combine(Dir, "s.json"), junit = Path.Combine(Dir, "j.xml");
        var r = CliRunner.Run("batch", manifest, "--check", Golden, "--summary", summary, "--junit", junit, "--jobs", "1");
        Assert.Equal(1, r.ExitCode);
        string cause = $"ScottPlot 5.0.1 → {running}";
        Assert.Contains($"The baselines were made with another renderer ({cause}", r.Stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(summary));
        Assert.Contains(cause, json.RootElement.GetProperty("renderer").GetProperty("differences").EnumerateArray().Select(d => d.GetString()));
        Assert.Contains(cause, CheckReportTests.Validated(junit).Descendants("failure").Single().Value);
    }

    [Fact]
    public void A_fingerprint_that_is_not_json_is_one_error_line_before_any_work()
    {
        string manifest = Arrange();
        File.WriteAllText(Path.Combine(Golden, "regviz-golden.json"), "{\"renderer\": [1, 2");
        var r = CliRunner.Run("batch", manifest, "--check", Golden, "--out", Path.Combine(Dir, "out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("regviz-golden.json' is not valid JSON", Hostile.HostileFolder.OneError(r, 2));
        Assert.False(Directory.Exists(Path.Combine(Dir, "out")));
    }

    private byte[] Render(params string[] args)
    {
        string path = Path.Combine(Dir, Guid.NewGuid().ToString("n") + ".png");
        Assert.Equal(0, CliRunner.Run([.. args, .. Small.Split(' '), "--out", path]).ExitCode);
        return File.ReadAllBytes(path);
    }
}
