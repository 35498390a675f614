using System.Text.Json;
using AngleSharp.Html.Parser;
using Regviz.Tests.Cli;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Motion;

/// <summary>
/// <c>regviz explore</c>'s live page as a file (tests/Regviz.BrowserTests runs it): which problems get it, what it is
/// made of, what it refuses, and the sample in samples/motion. Batch checks pages by their frames and the live page
/// has none, so the sample is held to the command's bytes here instead.
/// </summary>
public class LiveExploreTests : ScratchFolder
{
    private (AngleSharp.Html.Dom.IHtmlDocument Page, byte[] Bytes) Explore(params string[] args)
    {
        string html = Path.Combine(Dir, "page.html");
        var run = CliRunner.Run(["explore", .. args, "--out", html]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var bytes = File.ReadAllBytes(html);
        return (new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(bytes)), bytes);
    }

    [Fact]
    public void The_l1_l2_sample_is_what_explore_writes()
    {
        var (_, bytes) = Explore("--norm", "l1,l2");
        Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Repository.Path("samples", "motion", "explore-l1-l2.html"))),
            "samples/motion/explore-l1-l2.html is not what `regviz explore --norm l1,l2` writes now: write it again with --out");
    }

    [Theory]
    [InlineData(new[] { "--norm", "l1,l2" }, "l1,l2")]
    [InlineData(new[] { "--norm", "lasso,ridge,enet,linf", "--alpha", "0.3" }, "l1,l2,elasticnet,linf")]
    [InlineData(new[] { "--norm", "l2", "--loss", "sse", "--intercept" }, "l2")]
    [InlineData(new[] { "--centre", "1.2,1.8", "--hessian", "2,0.9,1", "--norm", "linf", "--sweep", "radius" }, "linf")]
    public void A_squared_loss_in_two_weights_gets_the_live_page_one_file_under_300_KB_that_fetches_nothing(string[] args, string norms)
    {
        var (page, bytes) = Explore(args);
        Assert.True(bytes.Length < 300_000, $"{bytes.Length} bytes");
        var config = JsonDocument.Parse(page.GetElementById("config")!.TextContent).RootElement;
        Assert.Equal(norms, string.Join(",", config.GetProperty("norms").EnumerateArray().Select(n => n.GetString())));
        Assert.Null(page.GetElementById("frames"));
        // the elastic net's α, not the 1 and 0 that l1 and l2 are as elastic nets
        Assert.Equal(args.Contains("--alpha") ? 0.3 : 0.5, config.GetProperty("alpha").GetDouble());
        // everything is inside: no element loads anything, and the policy forbids it anyway
        Assert.Empty(page.QuerySelectorAll("img, link, iframe, object, embed, script[src], [href^=http]"));
        Assert.Contains("default-src 'none'", page.QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content"));
        Assert.Contains("prefers-color-scheme: dark", page.QuerySelector("style")!.TextContent);
        Assert.NotNull(page.GetElementById("knob"));
    }

    [Fact]
    public void The_given_loss_opens_with_the_numbers_as_written_and_the_sidecar_is_regviz_s_own_solution()
    {
        string html = Path.Combine(Dir, "p.html"), json = Path.Combine(Dir, "p.json");
        Assert.Equal(0, CliRunner.Run("explore", "--centre", "0.1,3", "--hessian", "1,0.3,2", "--norm", "l1,l2", "--lambda", "0.7", "--out", html, "--json", json).ExitCode);
        var config = JsonDocument.Parse(new HtmlParser().ParseDocument(File.ReadAllText(html)).GetElementById("config")!.TextContent).RootElement;
        Assert.Equal([0.1, 3], config.GetProperty("centre").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([1, 0.3, 2], config.GetProperty("hessian").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(0.7, config.GetProperty("lambda").GetDouble());
        var sidecar = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        var l1 = sidecar.GetProperty("at_lambda")[0];
        Assert.Equal("l1", l1.GetProperty("norm").GetString());
        // by hand, the lasso's KKT: w = (0, w2) with 2(0.3·(0 − 0.1) + 2(w2 − 3)) + 0.7 = 0, and |2(1·(0 − 0.1) + 0.3(w2 − 3))| ≤ 0.7
        double w2 = 3 + (0.06 - 0.7) / 4;
        Assert.Equal(0, l1.GetProperty("weights")[0].GetDouble());
        Assert.Equal(w2, l1.GetProperty("weights")[1].GetDouble(), 12);
        Assert.True(Math.Abs(2 * (1 * (0 - 0.1) + 0.3 * (w2 - 3))) <= 0.7); // so w1 = 0 is optimal
    }

    [Fact]
    public void Other_losses_keep_the_frame_page()
    {
        var (page, _) = Explore("--loss", "logistic");
        Assert.Equal(60, JsonDocument.Parse(page.GetElementById("frames")!.TextContent).RootElement.GetProperty("frames").GetArrayLength());
        Assert.Null(page.GetElementById("config"));
    }

    [Theory]
    [InlineData("--norm: the live page needs norms among l1, l2, elasticnet, linf (lp has no closed form there)", "--norm", "l1,lp")]
    [InlineData("--norm: the live page needs a squared loss", "--norm", "l1,l2", "--loss", "logistic")]
    [InlineData("--page live: the live page needs a squared loss", "--page", "live", "--model", "exp")]
    [InlineData("--frames: the live page draws the figure itself and has no frames", "--norm", "l1,l2", "--frames", "3")]
    [InlineData("--size: the live page draws the figure itself and has no frames", "--page", "live", "--size", "400")]
    [InlineData("--norm: 5 norms; the live page shows 2 to 4 side by side", "--norm", "l1,l2,linf,elasticnet,l1")]
    [InlineData("--norm: 'l1,l1' names a norm twice", "--norm", "l1,lasso")]
    [InlineData("--norm: several norms are shown side by side on the live page only", "--page", "frames", "--norm", "l1,l2")]
    [InlineData("--lambda sets where the live page opens", "--page", "frames", "--lambda", "0.3")]
    [InlineData("--page: 'both' is not a page; use live or frames", "--page", "both")]
    [InlineData("must end in .html", "--norm", "l1,l2", "--out", "x.png")]
    public void Bad_input_is_one_error_line_and_exit_2(string message, params string[] args)
    {
        var run = CliRunner.Run(["explore", .. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, Assert.Single(run.ErrorLines));
        Assert.StartsWith("error: ", run.ErrorLines[0]);
        Assert.Empty(Directory.GetFiles(Dir));
    }
}
