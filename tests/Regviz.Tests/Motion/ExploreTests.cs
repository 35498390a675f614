using System.Text.Json;
using AngleSharp.Html.Parser;
using Regviz.Tests.Cli;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Motion;

/// <summary>
/// <c>regviz explore</c>: the page parsed as a browser would (AngleSharp) for what a self-contained, accessible page
/// needs, within its size budget, and its frames rebuilt from the reference and patches against the animation's.
/// </summary>
public class ExploreTests : ScratchFolder
{
    /// <summary>60 frames at 800×800 must fit in this (the budget).</summary>
    private const long Budget = 3_000_000;

    private (AngleSharp.Html.Dom.IHtmlDocument Page, JsonElement Frames, long Size) Explore(params string[] args)
    {
        string html = Path.Combine(Dir, "page.html");
        var run = CliRunner.Run(["explore", .. args, "--out", html]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(html));
        var data = JsonDocument.Parse(page.GetElementById("frames")!.TextContent).RootElement;
        return (page, data, new FileInfo(html).Length);
    }

    [Theory]
    [InlineData("l2")]
    [InlineData("l1")]
    public void The_default_page_is_self_contained_has_a_slider_over_60_frames_and_fits_its_budget(string norm)
    {
        var (page, data, size) = Explore("--norm", norm, "--page", "frames");
        Assert.True(size <= Budget, $"{size} bytes > {Budget}");
        Assert.Equal(60, data.GetProperty("frames").GetArrayLength());

        // nothing is fetched: no URL in src or href, no stylesheet or script from elsewhere, and the policy forbids it
        foreach (var element in page.All)
            foreach (var name in new[] { "src", "href", "srcset", "poster", "data", "action" })
                if (element.GetAttribute(name) is { } value)
                    Assert.StartsWith("data:", value);
        Assert.Empty(page.QuerySelectorAll("link, iframe, object, embed, base"));
        Assert.All(page.Scripts, s => Assert.Null(s.Source));
        Assert.DoesNotContain("http://", page.Source.Text);
        Assert.DoesNotContain("https://", page.Source.Text);
        var csp = page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        Assert.Contains("default-src 'none'", csp);

        // the slider: a labelled native range input (keyboard-accessible by itself) with one step per frame
        var slider = page.QuerySelector("input[type=range]")!;
        Assert.Equal("0", slider.GetAttribute("min"));
        Assert.Equal("59", slider.GetAttribute("max"));
        Assert.Equal("1", slider.GetAttribute("step"));
        Assert.NotNull(page.QuerySelector($"label[for='{slider.Id}']"));
        Assert.StartsWith("λ = ", slider.GetAttribute("aria-valuetext"));

        // the figure has alt text, and every frame its own
        var figure = page.GetElementById("figure")!;
        Assert.Contains("w*", figure.GetAttribute("alt"));
        var alts = data.GetProperty("frames").EnumerateArray().Select(f => f.GetProperty("alt").GetString()).ToList();
        Assert.Equal(60, alts.Distinct().Count());
    }

    [Fact]
    public void The_numbers_say_exactly_0_only_for_exact_zeros()
    {
        var (_, data, _) = Explore("--norm", "l1", "--frames", "6");
        var frames = data.GetProperty("frames");
        Assert.Equal("Every coefficient is exactly 0: w* = 0.", frames[0].GetProperty("zeros").GetString());
        foreach (var f in frames.EnumerateArray())
        {
            var w = f.GetProperty("rows").EnumerateArray().Where(r => r[0].GetString()!.StartsWith('w')).ToList();
            foreach (var row in w)
                Assert.Equal(double.Parse(row[2].GetString()!, System.Globalization.CultureInfo.InvariantCulture) == 0, row[1].GetString() == "0");
        }
    }

    [Fact]
    public void Each_frame_of_the_page_is_the_animation_s_frame_pixel_for_pixel()
    {
        var (page, data, _) = Explore("--norm", "l1", "--frames", "7");
        string apng = Path.Combine(Dir, "a.png");
        Assert.Equal(0, CliRunner.Run("animate", "--norm", "l1", "--frames", "7", "--out", apng).ExitCode);
        var animation = ApngReader.Read(File.ReadAllBytes(apng)).Compose();
        string src = page.GetElementById("figure")!.GetAttribute("src")!;
        var (width, height, reference) = ApngReader.DecodeFile(Convert.FromBase64String(src["data:image/png;base64,".Length..]));
        int k = 0;
        foreach (var f in data.GetProperty("frames").EnumerateArray())
        {
            var frame = (byte[])reference.Clone();
            if (f.TryGetProperty("patch", out var p))
            {
                var (pw, ph, patch) = ApngReader.DecodeFile(Convert.FromBase64String(p.GetProperty("png").GetString()!));
                int x0 = p.GetProperty("x").GetInt32(), y0 = p.GetProperty("y").GetInt32();
                for (int y = 0; y < ph; y++)
                    for (int x = 0; x < pw; x++)
                        if (patch[(y * pw + x) * 4 + 3] == 255)
                            Array.Copy(patch, (y * pw + x) * 4, frame, ((y0 + y) * width + x0 + x) * 4, 4);
            }
            Assert.True(animation[k].AsSpan().SequenceEqual(frame), $"frame {k} differs");
            k++;
        }
        Assert.Equal(800, height);
    }

    [Fact]
    public void Words_from_the_command_line_or_a_CSV_header_stay_text()
    {
        const string hostile = "</script><script>alert(1)</script><img src=x onerror=alert(2)>";
        string csv = Path.Combine(Dir, "data.csv");
        File.WriteAllText(csv, "\"a</script><b>\",x2,y\n1,0.5,2\n2,0.1,3.5\n3,0.7,6.1\n4,0.2,8.3\n");
        var (page, data, _) = Explore("--data", csv, "--frames", "3", "--title", hostile);
        Assert.Equal(2, page.Scripts.Length); // the frames' data and the page's own script, nothing injected
        Assert.Empty(page.QuerySelectorAll("img[onerror], b"));
        Assert.Equal(hostile, page.QuerySelector("h1")!.TextContent);
        // the column's name reaches the page as data: in the rows of numbers, escaped by the JSON and parsed back whole
        Assert.Contains(data.GetProperty("frames")[1].GetProperty("rows").EnumerateArray(), r => r[0].GetString() == "w₁* (a</script><b>)");
    }

    [Theory]
    [InlineData("must end in .html", "--out", "x.png")]
    [InlineData("--frames: 0 is outside 2..1000", "--frames", "0")]
    public void Bad_input_is_one_error_line_and_exit_2(string message, params string[] args)
    {
        var run = CliRunner.Run(["explore", .. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, Assert.Single(run.ErrorLines));
    }
}
