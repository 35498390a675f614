using Regviz.Tests.Cli;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.BrowserTests;

/// <summary>
/// The frame page (other losses and models) at common sizes (#25): at a 390 px phone the page was 481 px wide, Play
/// off screen and the slider's end labels ran together ("frameλ ="); at 1280x900 the lower half of the figure was
/// below the fold. Now nothing scrolls sideways, every control is inside the viewport, the end labels do not overlap,
/// and on a laptop the slider and the whole figure are in view together.
/// </summary>
public class FramePageLayoutTests : ScratchFolder
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(768, 1024)]
    [InlineData(1280, 900)]
    public async Task At_each_size_the_frame_page_fits_its_width_and_its_labels_do_not_overlap(int width, int height)
    {
        string html = Path.Combine(Dir, "page.html");
        Assert.Equal(0, CliRunner.Run("explore", "--page", "frames", "--norm", "l1", "--frames", "6", "--out", html).ExitCode);
        await using var browser = await HeadlessChromium.LaunchAsync();
        var problems = new List<string>();
        await using var page = await HeadlessChromium.OpenAsync(browser, html, width, height, problems);
        Assert.True(await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth") <= width, "the page scrolls sideways");
        var outside = await page.EvaluateExpressionAsync<string[]>(@"Array.from(document.querySelectorAll('input, button, output')).filter(e => {
            const r = e.getBoundingClientRect(); return r.width === 0 || r.left < 0 || r.right > innerWidth; }).map(e => e.id)");
        Assert.True(outside.Length == 0, "outside the viewport: " + string.Join(", ", outside));
        // the slider's end labels: no two boxes share a pixel
        var overlaps = await page.EvaluateExpressionAsync<int>(@"(() => { const b = Array.from(document.querySelectorAll('.ends > span')).map(e => e.getBoundingClientRect());
            let n = 0; for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++)
              if (b[i].left < b[j].right && b[j].left < b[i].right && b[i].top < b[j].bottom && b[j].top < b[i].bottom) n++; return n; })()");
        Assert.Equal(0, overlaps);
        if (width >= 1280)
        {
            var below = await page.EvaluateExpressionAsync<string[]>(@"['sweep', 'play', 'figure'].map(id => document.getElementById(id))
                .filter(e => { const r = e.getBoundingClientRect(); return r.top < 0 || r.bottom > innerHeight; }).map(e => e.id)");
            Assert.True(below.Length == 0, $"out of view at {width}x{height}: " + string.Join(", ", below));
        }
        Assert.Empty(problems);
    }
}
