using System.Globalization;
using PuppeteerSharp;
using PuppeteerSharp.Input;
using PuppeteerSharp.Media;
using Xunit;
using Xunit.Abstractions;

namespace Regviz.BrowserTests;

/// <summary>
/// The live explore page as a reader uses it: drags with the mouse and a finger, the arrow keys, links with a fragment
/// (hostile ones too), three screen sizes and the dark scheme, and the time of one update. REGVIZ_EXPLORE_SCREENSHOTS=DIR
/// also saves the screenshots there (docs/explore-l1-l2.png is the 1280×800 one).
/// </summary>
public class LivePageBrowserTests(ITestOutputHelper output) : Regviz.Tests.Support.ScratchFolder
{
    private static async Task<IPage> Open(IBrowser browser, string html, int width, int height, List<string> problems, bool touch = false, string fragment = "")
    {
        var page = await HeadlessChromium.OpenAsync(browser, "about:blank", width, height, problems);
        await page.GoToAsync(new Uri(html).AbsoluteUri + fragment, WaitUntilNavigation.Load);
        if (touch) await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height, DeviceScaleFactor = 1, HasTouch = true, IsMobile = true });
        await LivePageSession.Ready(page);
        return page;
    }

    private static async Task<(decimal X, decimal Y)> Centre(IPage page, string selector)
    {
        var box = await (await page.QuerySelectorAsync(selector)).BoundingBoxAsync();
        return (box.X + box.Width / 2, box.Y + box.Height / 2);
    }

    [Fact]
    public async Task A_mouse_drag_a_touch_drag_and_the_arrow_keys_change_the_state_and_the_fragment()
    {
        Assert.True(File.Exists(HeadlessChromium.Path), $"{HeadlessChromium.Path} is missing: .ci/run installs it (apt-get install chromium)");
        string html = LivePageSession.Write(Dir, "page.html", "--norm", "l1,l2");
        await using var browser = await HeadlessChromium.LaunchAsync();
        var problems = new List<string>();
        await using var page = await Open(browser, html, 1280, 800, problems, touch: true);
        Assert.Equal("", await page.EvaluateExpressionAsync<string>("location.hash"));
        double w1 = await LivePageSession.Value(page, "w1-l1");

        // the mouse drags the least-squares point: the centre in the fragment and w* follow
        var (x, y) = await Centre(page, ".panel .fit");
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x - 40, y + 30, new MoveOptions { Steps = 6 });
        await page.Mouse.UpAsync();
        await page.WaitForFunctionAsync("() => location.hash.includes('centre=')");
        var after = await LivePageSession.Fragment(page);
        Assert.Equal("l1,l2", after["norm"]);
        var centre = LivePageSession.Numbers(after["centre"]);
        Assert.NotEqual(w1, await LivePageSession.Value(page, "w1-l1"));
        // the other panel shares the loss: its handle moved too
        var (x2, _) = await Centre(page, ".panel:nth-child(2) .fit");
        var (x1, _) = await Centre(page, ".panel:nth-child(1) .fit");
        Assert.InRange(x1 - (x - 40), -2, 2);
        Assert.True(x2 > x1);

        // a finger drags the ellipse's handle: the Hessian changes
        string hessian = after["hessian"];
        var (hx, hy) = await Centre(page, ".panel .turn");
        await page.Touchscreen.TouchStartAsync(hx, hy);
        await page.Touchscreen.TouchMoveAsync(hx + 25, hy + 35);
        await page.Touchscreen.TouchMoveAsync(hx + 50, hy + 60);
        await page.Touchscreen.TouchEndAsync();
        await page.WaitForFunctionAsync("h => !location.hash.includes('hessian=' + h)", hessian);
        var h = LivePageSession.Numbers((await LivePageSession.Fragment(page))["hessian"]);
        Assert.True(h[0] > 0 && h[0] * h[2] > h[1] * h[1], "the dragged Hessian is positive definite");

        // the arrow keys move a focused handle (up: w₂ grows) and the slider (right: λ grows)
        await page.FocusAsync(".panel .fit");
        await page.Keyboard.PressAsync(Key.ArrowUp);
        await page.WaitForFunctionAsync("c => !location.hash.includes('centre=' + c + '&')", after["centre"]);
        var moved = LivePageSession.Numbers((await LivePageSession.Fragment(page))["centre"]);
        Assert.Equal(centre[0], moved[0]);
        Assert.True(moved[1] > centre[1]);
        double lambda = await LivePageSession.Value(page, "lambda-l1");
        await page.FocusAsync("#knob");
        await page.Keyboard.PressAsync(Key.ArrowRight);
        await page.WaitForFunctionAsync("() => !location.hash.includes('lambda=0.5&')");
        double raised = double.Parse((await LivePageSession.Fragment(page))["lambda"], CultureInfo.InvariantCulture);
        Assert.True(raised > lambda, $"λ {lambda} → {raised}");
        Assert.Equal(raised, await LivePageSession.Value(page, "lambda-l2"));

        // the constrained form at t = N(w*) has the same w*, and the ball's multiplier is the λ it came from
        double[] penalised = [await LivePageSession.Value(page, "w1-l1"), await LivePageSession.Value(page, "w2-l1")];
        await page.SelectAsync("#form", "radius");
        await page.WaitForFunctionAsync("() => location.hash.includes('radius=')");
        Assert.Equal(await LivePageSession.Value(page, "t-l1"), double.Parse((await LivePageSession.Fragment(page))["radius"], CultureInfo.InvariantCulture));
        double scale = Math.Max(Math.Abs(penalised[0]), Math.Abs(penalised[1]));
        Assert.InRange(await LivePageSession.Value(page, "w1-l1") - penalised[0], -1e-9 * scale, 1e-9 * scale);
        Assert.InRange(await LivePageSession.Value(page, "w2-l1") - penalised[1], -1e-9 * scale, 1e-9 * scale);
        Assert.InRange(await LivePageSession.Value(page, "lambda-l1") - raised, -1e-9 * raised, 1e-9 * raised);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_fragment_opens_the_view_it_names_and_a_hostile_one_leaves_a_working_page()
    {
        string html = LivePageSession.Write(Dir, "page.html", "--norm", "l1,l2");
        await using var browser = await HeadlessChromium.LaunchAsync();
        var problems = new List<string>();
        await using (var page = await Open(browser, html, 1280, 800, problems, fragment: "#norm=l2,linf&radius=0.4&centre=1.5,-0.5&hessian=3,1,2"))
        {
            Assert.Equal(2, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('.panel').length"));
            Assert.Equal("radius", await page.EvaluateExpressionAsync<string>("document.getElementById('form').value"));
            Assert.Equal(0.4, await LivePageSession.Value(page, "t-linf"));
            double[] w = [await LivePageSession.Value(page, "w1-l2"), await LivePageSession.Value(page, "w2-l2")];
            double[] solve = LivePageSession.Solve(Dir, "--centre", "1.5,-0.5", "--hessian", "3,1,2", "--norm", "l2", "--radius", "0.4");
            for (int j = 0; j < 2; j++) Assert.InRange(w[j] - solve[j], -1e-9 * 0.4, 1e-9 * 0.4);
            Assert.Null(await page.EvaluateExpressionAsync<string?>("document.getElementById('w1')?.id ?? null"));

            // one norm: the ids have no suffix
            await page.EvaluateFunctionAsync(LivePageSession.SetFragment, "#norm=enet&lambda=2&alpha=0.3&centre=1,2&hessian=2,0.5,1");
            Assert.Equal(1, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('.panel').length"));
            Assert.Equal(2, await LivePageSession.Value(page, "lambda"));
            double[] e = LivePageSession.Solve(Dir, "--centre", "1,2", "--hessian", "2,0.5,1", "--norm", "elasticnet", "--alpha", "0.3", "--lambda", "2");
            Assert.InRange(await LivePageSession.Value(page, "w2") - e[1], -1e-9, 1e-9);

            // tiny numbers read 1.234 × 10⁻⁹, never in E notation
            await page.EvaluateFunctionAsync(LivePageSession.SetFragment, "#norm=l2&lambda=1e-9&centre=0.00000123,1e7&hessian=1,0,1");
            string text = await page.EvaluateExpressionAsync<string>("document.body.innerText");
            Assert.DoesNotMatch(@"\d[eE][-+]?\d", text);
            Assert.Contains("× 10", text);
        }

        string[] hostile =
        [
            "#norm=l1,l1", "#norm=lp", "#norm=", "#norm=" + new string('l', 5000), "#lambda=-1", "#lambda=1e999", "#lambda=NaN",
            "#radius=abc&lambda=", "#centre=NaN,1", "#centre=1", "#centre=1e300,-1e300", "#hessian=1,2,1", "#hessian=0,0,0",
            "#hessian=1e308,0,1e308", "#hessian=-1,0,-1", "#%E0%A4%A", "#alpha=7&norm=elasticnet", "#norm=<img src=x onerror=alert(1)>",
            "#centre=0,0&hessian=1,0,1&lambda=1e-300", "#radius=0&norm=l1,l2,linf,elasticnet", "#&&&==&norm", "#lambda=1e12&radius=1e12",
            "#norm=l1,l2,elasticnet,linf&radius=1e-300", "#norm=l1,l2,elasticnet,linf&lambda=1e-300", "#norm=l1,l2,elasticnet,linf&lambda=1e300&centre=1e6,-1e6",
        ];
        await using (var page = await Open(browser, html, 390, 844, problems))
        {
            foreach (string fragment in hostile)
            {
                await page.EvaluateFunctionAsync(LivePageSession.SetFragment, fragment);
                var numbers = await page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('td[id^=w]')).map(td => td.dataset.value)");
                Assert.NotEmpty(numbers);
                Assert.All(numbers, v => Assert.True(double.IsFinite(double.Parse(v, CultureInfo.InvariantCulture)), $"{fragment}: w* = {v}"));
                Assert.Equal(0, await page.EvaluateExpressionAsync<int>("document.images.length"));
                Assert.Equal(390, await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth"));
            }
        }
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(768, 1024)]
    [InlineData(1280, 800)]
    public async Task At_each_size_nothing_scrolls_sideways_and_every_control_is_in_the_viewport(int width, int height)
    {
        string html = LivePageSession.Write(Dir, "page.html", "--norm", "l1,l2");
        await using var browser = await HeadlessChromium.LaunchAsync();
        var problems = new List<string>();
        foreach (string scheme in new[] { "light", "dark" })
        {
            await using var page = await HeadlessChromium.OpenAsync(browser, "about:blank", width, height, problems);
            // the scheme is chosen before the page loads, as a reader's system setting would be
            await page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = scheme }]);
            await page.GoToAsync(new Uri(html).AbsoluteUri, WaitUntilNavigation.Load);
            await LivePageSession.Ready(page);
            Assert.Equal(scheme == "dark" ? "rgb(27, 29, 34)" : "rgb(255, 255, 255)", await page.EvaluateExpressionAsync<string>("getComputedStyle(document.body).backgroundColor"));
            Assert.True(await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth") <= width, "the page scrolls sideways");
            // every control lies inside the viewport's width (and is reachable by scrolling down)
            var outside = await page.EvaluateExpressionAsync<string[]>(@"Array.from(document.querySelectorAll('input, select, .handle')).filter(e => {
                const r = e.getBoundingClientRect(); return r.width === 0 || r.left < 0 || r.right > innerWidth; }).map(e => e.id || e.getAttribute('class'))");
            Assert.True(outside.Length == 0, "outside the viewport: " + string.Join(", ", outside));
            if (width >= 1280)
            {
                // on a laptop the slider, the figures and the numbers are in view together, without scrolling
                var below = await page.EvaluateExpressionAsync<string[]>(@"['knob', 'w1-l1', 'J-l1', 'w1-l2', 'J-l2'].map(id => document.getElementById(id))
                    .concat(Array.from(document.querySelectorAll('svg'))).filter(e => { const r = e.getBoundingClientRect(); return r.top < 0 || r.bottom > innerHeight; })
                    .map(e => e.id || e.tagName)");
                Assert.True(below.Length == 0, "out of view at 1280×800: " + string.Join(", ", below));
            }
            if (Environment.GetEnvironmentVariable("REGVIZ_EXPLORE_SCREENSHOTS") is { Length: > 0 } dir)
                await page.ScreenshotAsync(Path.Combine(dir, $"explore-l1-l2-{width}x{height}-{scheme}.png"), new ScreenshotOptions { FullPage = true, Type = ScreenshotType.Png });
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task One_update_solve_and_redraw_takes_under_4_ms_in_the_median_of_1000()
    {
        string html = LivePageSession.Write(Dir, "page.html", "--norm", "l1,l2");
        await using var browser = await HeadlessChromium.LaunchAsync();
        var problems = new List<string>();
        await using var page = await Open(browser, html, 1280, 800, problems);
        var times = (await page.EvaluateExpressionAsync<double[]>("window.regvizExplore.time(1000)")).Order().ToArray();
        Assert.Equal(1000, times.Length);
        double median = times[500], mean = times.Average(), p95 = times[950];
        output.WriteLine($"one update of the two-panel page (solve and redraw): median {median:F3} ms, mean {mean:F3} ms, 95th percentile {p95:F3} ms over 1000");
        Assert.True(median < 4, $"median {median} ms");
        Assert.Empty(problems);
    }
}
