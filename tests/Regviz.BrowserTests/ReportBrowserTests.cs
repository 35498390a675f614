using PuppeteerSharp;
using PuppeteerSharp.Input;
using Regviz.Tests.Cli;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.BrowserTests;

/// <summary>
/// The check report's compare views in Chromium, on a report a real check wrote (λ 0.5 → 0.6): the slider follows a
/// drag and the arrow keys, flicker swaps golden and result on a click and on a key, and the page's one script runs
/// under its Content-Security-Policy with no error. REGVIZ_REPORT_SCREENSHOT=FILE also saves the page as a PNG
/// (docs/batch-report.png is made so).
/// </summary>
public class ReportBrowserTests : ScratchFolder
{
    private string Report()
    {
        string manifest = Path.Combine(Dir, "figures.yaml"), golden = Path.Combine(Dir, "golden");
        string Text(double lambda) => $$"""
            defaults: --size 480x480
            figures:
              - { out: contour-l1.png, args: contour --norm l1 --lambda {{lambda}} }
              - { out: norm-l2.png, args: norm --norm l2 }
            """;
        File.WriteAllText(manifest, Text(0.5));
        Assert.Equal(0, CliRunner.Run("batch", manifest, "--check", golden, "--update").ExitCode);
        File.WriteAllText(manifest, Text(0.6));
        string report = Path.Combine(Dir, "report");
        Assert.Equal(1, CliRunner.Run("batch", manifest, "--check", golden, "--report", report, "--diff", Path.Combine(Dir, "diffs")).ExitCode);
        return Path.Combine(report, "index.html");
    }

    [Fact]
    public async Task The_slider_follows_a_drag_and_the_keys_and_flicker_swaps_on_click_and_key()
    {
        Assert.True(File.Exists(HeadlessChromium.Path), $"{HeadlessChromium.Path} is missing: .ci/run installs it (apt-get install chromium)");
        string index = Report();
        await using var browser = await HeadlessChromium.LaunchAsync();
        var problems = new List<string>();
        await using var page = await HeadlessChromium.OpenAsync(browser, index, 1280, 1400, problems);

        Task<string> Js(string expression) => page.EvaluateExpressionAsync<string>(expression);
        const string Section = "document.querySelector('section.compare')";
        Assert.Equal("side", await Js($"{Section}.dataset.mode"));

        // the slider: golden left of the handle, result right; a drag moves the handle to the pointer
        await page.ClickAsync("section.compare .modes button[data-mode=slider]");
        Assert.Equal("slider", await Js($"{Section}.dataset.mode"));
        Assert.Equal("true", await Js($"{Section}.querySelector('button[data-mode=slider]').getAttribute('aria-pressed')"));
        // the views' images load lazily: in view, the slider's two are loaded and decoded before it is measured
        await page.EvaluateExpressionAsync($"{Section}.scrollIntoView()");
        await page.EvaluateExpressionAsync($"Promise.all(Array.from({Section}.querySelectorAll('.stack img')).map(i => i.decode()))");
        var stack = await page.QuerySelectorAsync("section.compare .stack");
        var box = await stack.BoundingBoxAsync();
        Assert.True(box.Width > 300, $"the slider is {box.Width} px wide");
        decimal y = box.Y + box.Height / 2;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width / 4, y, new MoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
        int dragged = int.Parse(await Js($"{Section}.querySelector('.split').value"));
        Assert.InRange(dragged, 22, 28);
        Assert.Equal($"{dragged}%", await Js($"{Section}.querySelector('.stack').style.getPropertyValue('--split')"));
        // the golden is clipped at the handle: its visible part ends where the handle is
        var handle = await (await page.QuerySelectorAsync("section.compare .handle")).BoundingBoxAsync();
        Assert.InRange(handle.X + handle.Width / 2 - box.X, box.Width * dragged / 100m - 3, box.Width * dragged / 100m + 3);
        await page.FocusAsync("section.compare .split");
        await page.Keyboard.PressAsync(Key.ArrowRight);
        await page.Keyboard.PressAsync(Key.ArrowRight);
        Assert.Equal($"{dragged + 2}", await Js($"{Section}.querySelector('.split').value"));
        Assert.Equal($"{dragged + 2}%", await Js($"{Section}.querySelector('.stack').style.getPropertyValue('--split')"));

        // flicker: a click swaps, then a key (F), then Space as on any button
        await page.ClickAsync("section.compare .modes button[data-mode=flicker]");
        Task<string> Shown() => Js($"Array.from({Section}.querySelectorAll('.flick img')).filter(i => getComputedStyle(i).display !== 'none').map(i => i.className).join()");
        Assert.Equal("golden", await Shown());
        await page.ClickAsync("section.compare .flick");
        Assert.Equal("result", await Shown());
        Assert.Equal("result", await Js($"{Section}.querySelector('.shown b').textContent"));
        await page.FocusAsync("section.compare .flick");
        await page.Keyboard.PressAsync("f");
        Assert.Equal("golden", await Shown());
        await page.Keyboard.PressAsync(" ");
        Assert.Equal("result", await Shown());

        // the modes are buttons in the tab order: the keyboard reaches the diff view too
        await page.FocusAsync("section.compare .modes button[data-mode=diff]");
        await page.Keyboard.PressAsync(Key.Enter);
        Assert.Equal("diff", await Js($"{Section}.dataset.mode"));
        Assert.Equal("block", await Js($"getComputedStyle({Section}.querySelector('.view.diff')).display"));
        Assert.Empty(problems);

        if (Environment.GetEnvironmentVariable("REGVIZ_REPORT_SCREENSHOT") is { Length: > 0 } target)
        {
            await page.ClickAsync("section.compare .modes button[data-mode=slider]");
            await page.EvaluateExpressionAsync("window.scrollTo(0, 0)");
            // for the picture only: the scratch folder's path, which says nothing to a reader, goes from the page's text
            await page.EvaluateFunctionAsync(@"dir => {
                const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walk.nextNode()) walk.currentNode.nodeValue = walk.currentNode.nodeValue.replaceAll(dir, '');
            }", Dir + Path.DirectorySeparatorChar);
            await page.ScreenshotAsync(target, new ScreenshotOptions { FullPage = true, Type = ScreenshotType.Png });
        }
    }
}
