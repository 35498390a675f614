using System.Globalization;
using System.Text.Json;
using PuppeteerSharp;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.BrowserTests;

/// <summary>The live explore page in Chromium: writing it with the real command, waiting until it has drawn, reading its numbers.</summary>
internal static class LivePageSession
{
    public static string Write(string dir, string name, params string[] args)
    {
        string html = Path.Combine(dir, name);
        var run = CliRunner.Run(["explore", .. args, "--out", html]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return html;
    }

    public static async Task Ready(IPage page) =>
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'");

    /// <summary>Sets the fragment and waits for the page to apply it (a hashchange), as a reader pasting a link would.</summary>
    public const string SetFragment = @"async h => { await new Promise(r => { window.addEventListener('hashchange', r, { once: true }); location.hash = h; }); }";

    /// <summary>The full-precision number an element of the page holds (its data-value).</summary>
    public static async Task<double> Value(IPage page, string id) =>
        double.Parse(await page.EvaluateFunctionAsync<string>("id => document.getElementById(id).dataset.value", id), CultureInfo.InvariantCulture);

    /// <summary>The page's fragment as key → value.</summary>
    public static async Task<Dictionary<string, string>> Fragment(IPage page) =>
        (await page.EvaluateExpressionAsync<string>("location.hash")).TrimStart('#').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));

    public static double[] Numbers(string text) => [.. text.Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture))];

    /// <summary>w* as `regviz solve` gives it (in process), for the same problem.</summary>
    public static double[] Solve(string dir, params string[] args)
    {
        string json = Path.Combine(dir, "solve.json");
        var run = CliRunner.Run(["solve", .. args, "--json", json]);
        Assert.True(run.ExitCode == 0, $"solve {string.Join(' ', args)}: {run.Stderr}");
        return [.. JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble())];
    }
}
