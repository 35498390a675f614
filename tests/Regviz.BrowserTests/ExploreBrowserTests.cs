using System.Text.Json;
using PuppeteerSharp;
using PuppeteerSharp.Input;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using Regviz.Tests.Motion;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.BrowserTests;

/// <summary>
/// The explore page in a real browser: Debian's chromium (`.ci/run` installs it), headless, driven by PuppeteerSharp,
/// nothing downloaded. The page is opened from file://, the slider moved with the keyboard, and what the page then
/// shows (numbers, alt text, the drawn figure) compared with the sidecar and the animation's frame.
/// </summary>
public class ExploreBrowserTests : ScratchFolder
{
    [Fact]
    public async Task The_page_works_from_file_and_the_keyboard_moves_the_figure_and_the_numbers()
    {
        Assert.True(File.Exists(HeadlessChromium.Path), $"{HeadlessChromium.Path} is missing: .ci/run installs it (apt-get install chromium)");
        string html = Path.Combine(Dir, "page.html"), json = Path.Combine(Dir, "page.json"), apng = Path.Combine(Dir, "a.png");
        Assert.Equal(0, CliRunner.Run("explore", "--norm", "l1", "--frames", "9", "--out", html, "--json", json).ExitCode);
        Assert.Equal(0, CliRunner.Run("animate", "--norm", "l1", "--frames", "9", "--out", apng).ExitCode);
        var sidecar = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("frames");
        var frames = ApngReader.Read(File.ReadAllBytes(apng)).Compose();

        await using var browser = await HeadlessChromium.LaunchAsync();
        var problems = new List<string>();
        await using var page = await HeadlessChromium.OpenAsync(browser, html, 1400, 1200, problems);

        Assert.Equal("0", await page.EvaluateExpressionAsync<string>("document.body.dataset.frame"));
        await page.FocusAsync("#sweep");
        for (int i = 0; i < 3; i++) await page.Keyboard.PressAsync(Key.ArrowRight);
        Assert.Equal("3", await page.EvaluateExpressionAsync<string>("document.body.dataset.frame"));

        // the numbers are the sidecar's for that λ
        var frame = sidecar[3];
        double lambda = frame.GetProperty("lambda").GetDouble();
        string shown = await page.EvaluateExpressionAsync<string>("document.getElementById('value').textContent");
        Assert.Equal($"λ = {lambda.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}", shown);
        Assert.Equal(shown, await page.EvaluateExpressionAsync<string>("document.getElementById('sweep').getAttribute('aria-valuetext')"));
        var exact = await page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#rows td:last-child')).map(td => td.title)");
        var weights = frame.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(weights, exact.Skip(2).Take(2));
        // the alt text and caption follow the slider: the sidecar's words for frame 3
        Assert.Equal(frame.GetProperty("alt").GetString(), await page.EvaluateExpressionAsync<string>("document.getElementById('figure').alt"));
        Assert.Equal(frame.GetProperty("caption").GetString(), await page.EvaluateExpressionAsync<string>("document.getElementById('caption').textContent"));

        // the figure drawn is the animation's frame 3
        await page.EvaluateExpressionAsync("Promise.all(Array.from(document.images).map(i => i.decode()))");
        var figure = await page.QuerySelectorAsync(".stack");
        var box = await figure.BoundingBoxAsync();
        Assert.Equal(800m, box.Width);
        var shot = await figure.ScreenshotDataAsync(new ElementScreenshotOptions { Type = ScreenshotType.Png });
        var drawn = ImageComparison.Decode(shot)!.Value;
        var expected = ImageComparison.Decode(Png(frames[3], 800, 800))!.Value;
        var diff = ImageComparison.Compare(expected, drawn);
        Assert.False(diff.SizesDiffer, diff.SizeNote);
        Assert.True(diff.Rms <= 1.0, $"the page draws frame 3 with RMS {diff.Rms:F3} from the animation's");
        Assert.Empty(problems);
    }

    /// <summary>RGBA pixels as a PNG file, through Skia, for the comparison's decoder.</summary>
    private static byte[] Png(byte[] rgba, int width, int height)
    {
        var info = new SkiaSharp.SKImageInfo(width, height, SkiaSharp.SKColorType.Rgba8888, SkiaSharp.SKAlphaType.Unpremul);
        using var image = SkiaSharp.SKImage.FromPixelCopy(info, rgba);
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
