using PuppeteerSharp;

namespace Regviz.BrowserTests;

/// <summary>
/// Debian's chromium (`.ci/run` installs it), headless, driven by PuppeteerSharp with nothing downloaded; a page that
/// records every console error or warning, uncaught error and failed request (a Content-Security-Policy refusal is a
/// console error), for a test to assert there were none.
/// </summary>
internal static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync() => Puppeteer.LaunchAsync(new LaunchOptions
    {
        ExecutablePath = Path,
        Headless = true,
        // a shared CI machine can be slow to start a browser: generous, but still bounded
        Timeout = 120_000,
        ProtocolTimeout = 120_000,
        Args = ["--no-sandbox", "--disable-gpu", "--force-color-profile=srgb", "--hide-scrollbars"],
    });

    public static async Task<IPage> OpenAsync(IBrowser browser, string file, int width, int height, List<string> problems)
    {
        var page = await browser.NewPageAsync();
        page.DefaultTimeout = 120_000;
        page.Console += (_, e) => { if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning) problems.Add(e.Message.Text); };
        page.PageError += (_, e) => problems.Add(e.Message);
        page.RequestFailed += (_, e) => problems.Add($"request failed: {e.Request.Url}");
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height, DeviceScaleFactor = 1 });
        await page.GoToAsync(new Uri(file).AbsoluteUri, WaitUntilNavigation.Load);
        return page;
    }
}
