using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Regviz.Tests.Figures;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// batch --markdown (#18): the snippet a writer pastes, read back with a reader written here from CommonMark's rules
/// (an image is <c>![alt](destination)</c>, a backslash before ASCII punctuation makes it literal), and held against
/// what each figure says about itself in its sidecar, its PNG iTXt chunk or its SVG title.
/// </summary>
public partial class BatchMarkdownTests : Support.ScratchFolder
{
    private sealed record Entry(string Alt, string Link, string Caption);

    [GeneratedRegex(@"^!\[(?<alt>(?:\\.|[^\\\[\]\n])*)\]\((?<link>[^\s()<>]+)\)$")]
    private static partial Regex ImageLine();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex BackslashEscape();

    private static string Literal(string markdown) => BackslashEscape().Replace(markdown, "$1");

    /// <summary>The snippet's figures: an image line, a blank line, a caption line, and a blank line between figures.</summary>
    private static List<Entry> Read(string markdown)
    {
        Assert.DoesNotContain("\r", markdown);
        var blocks = markdown.TrimEnd('\n').Split("\n\n");
        Assert.True(blocks.Length % 2 == 0, $"{blocks.Length} blocks: an image without its caption");
        var entries = new List<Entry>();
        for (int i = 0; i < blocks.Length; i += 2)
        {
            var image = ImageLine().Match(blocks[i]);
            Assert.True(image.Success, $"not an image line: {blocks[i]}");
            Assert.DoesNotContain("\n", blocks[i + 1]);
            entries.Add(new Entry(Literal(image.Groups["alt"].Value), image.Groups["link"].Value, Literal(blocks[i + 1])));
        }
        return entries;
    }

    /// <summary>The file a link names, from the folder of the markdown file.</summary>
    private static string Target(string markdownFolder, string link) =>
        Path.GetFullPath(Path.Combine(markdownFolder, Uri.UnescapeDataString(link)));

    private static List<string> Outs(string manifestText) =>
        Regex.Matches(manifestText, @"out: (\S+)").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public void Blog_snippet_has_every_figure_in_order_with_its_sidecar_alt_and_caption_and_the_committed_one_is_current()
    {
        // the blog manifest as it is, but each figure also writing its sidecar, and its data found from here
        string blog = Support.Repository.Path("samples", "blog");
        string original = File.ReadAllText(Path.Combine(blog, "figures.yaml"));
        var outs = Outs(original);
        Assert.Equal(13, outs.Count);
        string text = original.Replace("../data/diabetes.csv", Support.Repository.Path("samples", "data", "diabetes.csv"));
        text = Regex.Replace(text, @"(?m)^(\s+- out: (\S+)\n\s+args: .*)$", m => $"{m.Groups[1].Value} --json {m.Groups[2].Value}.json");
        string manifest = Path.Combine(Dir, "figures.yaml"), markdown = Path.Combine(Dir, "figures.md");
        File.WriteAllText(manifest, text);

        // checked against the committed goldens while the snippet is written: --markdown works in a check
        var r = CliRunner.Run("batch", manifest, "--out", Path.Combine(Dir, "golden"), "--markdown", markdown,
            "--check", Path.Combine(blog, "golden"), "--tolerance", "1.0", "--allow-read", Support.Repository.Path("samples", "data"));
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);

        var entries = Read(File.ReadAllText(markdown));
        Assert.Equal(outs.Count, entries.Count);
        for (int i = 0; i < outs.Count; i++)
        {
            using var sidecar = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "golden", outs[i] + ".json")));
            Assert.Equal(sidecar.RootElement.GetProperty("alt").GetString(), entries[i].Alt);
            Assert.Equal(sidecar.RootElement.GetProperty("caption").GetString(), entries[i].Caption);
            Assert.Equal(Path.Combine(Dir, "golden", outs[i]), Target(Dir, entries[i].Link));
            Assert.True(File.Exists(Target(Dir, entries[i].Link)), entries[i].Link);
        }

        // the snippet committed beside the manifest is this one (its links are golden/…, as here), and links files that are there
        Assert.Equal(File.ReadAllText(Path.Combine(blog, "figures.md")), File.ReadAllText(markdown));
        foreach (var e in Read(File.ReadAllText(Path.Combine(blog, "figures.md"))))
            Assert.True(File.Exists(Target(blog, e.Link)), e.Link);
    }

    [Fact]
    public void Check_without_out_links_the_goldens_and_awkward_names_and_alt_text_survive_as_markdown()
    {
        // a zero weight whose column name has every character markdown gives meaning to, so the alt text quotes it
        string csv = Path.Combine(Dir, "data.csv");
        var rows = Enumerable.Range(0, 30).Select(i => FormattableString.Invariant($"{Math.Sin(i)},{Math.Cos(3 * i)},{2 * Math.Sin(i) + 0.1 * Math.Cos(7 * i)}"));
        File.WriteAllText(csv, "x1,\"a]b[*_`<&\\\",y\n" + string.Join("\n", rows) + "\n");
        string manifest = Path.Combine(Dir, "site", "m.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(manifest)!);
        File.WriteAllText(manifest, $$"""
            defaults: --size 200x200 --grid 30
            figures:
              - { out: "my figs/a (1) #2.png", args: contour --norm l1 --lambda 1 --data {{csv}} }
              - { out: 图.svg, args: norm --norm l2 }
            """);
        string golden = Path.Combine(Dir, "site", "golden"), markdown = Path.Combine(Dir, "site", "post", "figures.md");
        Directory.CreateDirectory(Path.GetDirectoryName(markdown)!);

        var r = CliRunner.Run("batch", manifest, "--check", golden, "--update", "missing", "--markdown", markdown, "--allow-read", Dir);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        string written = File.ReadAllText(markdown);
        var entries = Read(written);
        Assert.Equal(2, entries.Count);

        // links lead from the markdown's folder to the goldens the run created (the rendered copies were temporary)
        Assert.Equal(Path.Combine(golden, "my figs", "a (1) #2.png"), Target(Path.GetDirectoryName(markdown)!, entries[0].Link));
        Assert.Equal(Path.Combine(golden, "图.svg"), Target(Path.GetDirectoryName(markdown)!, entries[1].Link));
        Assert.All(entries, e => Assert.True(File.Exists(Target(Path.GetDirectoryName(markdown)!, e.Link)), e.Link));
        Assert.DoesNotContain(" ", entries[0].Link);

        // the alt text is the image's own, brackets and all, once markdown's escapes are read
        var png = File.ReadAllBytes(Path.Combine(golden, "my figs", "a (1) #2.png"));
        string pngAlt = PngChunks.ParseITxt(Assert.Single(PngChunks.Read(png), c => c.Type == "iTXt").Data).Text;
        Assert.Contains("a]b[*_`<&\\", pngAlt);
        Assert.Equal(pngAlt, entries[0].Alt);
        var svg = XDocument.Parse(File.ReadAllText(Path.Combine(golden, "图.svg"))).Root!;
        Assert.Equal(svg.Elements().First(e => e.Name.LocalName == "title").Value, entries[1].Alt);
        Assert.Equal(svg.Elements().First(e => e.Name.LocalName == "desc").Value, entries[1].Caption);
    }

    private string SmallManifest(string figures = "- { out: a.png, args: norm --size 200x200 }")
    {
        string path = Path.Combine(Dir, "m.yaml");
        File.WriteAllText(path, $"figures:\n  {figures}\n");
        return path;
    }

    [Fact]
    public void Snippet_on_stdout_or_without_images_to_link_is_refused()
    {
        var m = SmallManifest();
        var dash = CliRunner.Run("batch", m, "--markdown", "-", "--out", Path.Combine(Dir, "o"));
        Assert.Equal(2, dash.ExitCode);
        Assert.StartsWith("error: --markdown: give a file name", Assert.Single(dash.ErrorLines));

        var hashes = CliRunner.Run("batch", m, "--hash-library", Path.Combine(Dir, "h.json"), "--update", "--markdown", Path.Combine(Dir, "p.md"));
        Assert.Equal(2, hashes.ExitCode);
        Assert.StartsWith("error: --markdown: a --hash-library check without --out keeps no images", Assert.Single(hashes.ErrorLines));
        Assert.False(File.Exists(Path.Combine(Dir, "p.md")));
        Assert.False(File.Exists(Path.Combine(Dir, "h.json")));
    }

    [Fact]
    public void Snippet_that_is_another_output_of_the_run_is_refused_before_any_figure()
    {
        var m = SmallManifest();
        string o = Path.Combine(Dir, "o");
        var summary = CliRunner.Run("batch", m, "--check", Path.Combine(Dir, "g"), "--update", "--summary", Path.Combine(Dir, "s.json"), "--markdown", Path.Combine(Dir, "s.json"));
        Assert.Equal(2, summary.ExitCode);
        Assert.Contains("--markdown:", Assert.Single(summary.ErrorLines));
        Assert.Contains("is the same file as --summary", summary.ErrorLines[0]);

        Directory.CreateDirectory(o);
        var figure = CliRunner.Run("batch", m, "--out", o, "--markdown", Path.Combine(o, "a.png"));
        Assert.Equal(2, figure.ExitCode);
        Assert.Equal($"error: --markdown: '{Path.Combine(o, "a.png")}' is where the figure 'a.png' (manifest line 2) goes", Assert.Single(figure.ErrorLines));
        Assert.False(File.Exists(Path.Combine(o, "a.png")));
    }

    [Fact]
    public void Snippet_is_not_replaced_when_a_figure_could_not_be_made()
    {
        var m = SmallManifest("- { out: a.png, args: norm --size 200x200 }\n  - { out: b.png, args: norm --norm l7 }");
        string markdown = Path.Combine(Dir, "post.md");
        File.WriteAllText(markdown, "the writer's last good snippet\n");
        var r = CliRunner.Run("batch", m, "--out", Path.Combine(Dir, "o"), "--markdown", markdown);
        Assert.Equal(2, r.ExitCode);
        Assert.EndsWith("; --markdown not written", Assert.Single(r.ErrorLines, l => l.StartsWith("error: ")));
        Assert.Equal("the writer's last good snippet\n", File.ReadAllText(markdown));
        Assert.Empty(Directory.GetFiles(Dir, "*.tmp", SearchOption.AllDirectories));
    }
}
