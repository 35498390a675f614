using System.Globalization;
using System.Text.Json;
using CsCheck;
using Regviz.Tests.Cli;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Figures.Layout;

/// <summary>
/// The layout lint over the frames of generated animations (#23: one <c>layout</c> per frame; #24: a frame's layout is
/// fixed from frame 0): every frame keeps the lint's rules, and the legend, its entries, the title, the axis labels and
/// the box of the moving value sit in the same pixels in every frame.
/// </summary>
public sealed class AnimationLayoutTests : ScratchFolder
{
    private static string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    /// <summary>A λ sweep (now and then reversed, or with the whole path), a radius sweep, or an optimiser's trace; sizes 300..1000, every style, four norms, the built-in data and two pairs of diabetes' columns.</summary>
    internal static readonly Gen<string[]> Animations = Gen.Select(
            Pick("l1", "l2", "elasticnet", "linf"), Gen.Int[0, 5], Gen.Double[0, 1], Pick("light", "dark", "colorblind", "print"), Gen.Int[0, 3], Gen.Int[3, 7])
        .Select((norm, form, u, style, data, frames) =>
        {
            int side = 300 + (int)(700 * u * u);
            var args = new List<string> { "animate", "--norm", norm, "--size", $"{side}x{side + (data == 3 ? 40 : 0)}", "--style", style, "--grid", "60" };
            switch (data)
            {
                case 1: args.AddRange(["--data", Repository.Path("samples", "data", "diabetes.csv"), "--features", "bmi,s5", "--intercept"]); break;
                case 2: args.AddRange(["--data", Repository.Path("samples", "data", "diabetes.csv"), "--features", "s5,bp"]); break;
            }
            switch (form)
            {
                case 0: args.AddRange(["--frames", frames.ToString(CultureInfo.InvariantCulture)]); break;
                case 1: args.AddRange(["--frames", frames.ToString(CultureInfo.InvariantCulture), "--reverse", "--path"]); break;
                case 2: args.AddRange(["--frames", frames.ToString(CultureInfo.InvariantCulture), "--sweep", "radius"]); break;
                case 3: args.AddRange(["--trace", "ista", "--steps", (2 * frames).ToString(CultureInfo.InvariantCulture), "--lambda", N(0.1 + u)]); break;
                case 4: args.AddRange(["--trace", norm == "linf" ? "fista" : "cd", "--steps", frames.ToString(CultureInfo.InvariantCulture)]); break;
                default: args.AddRange(["--trace", "gd", "--steps", (3 * frames).ToString(CultureInfo.InvariantCulture)]); break;
            }
            return args.ToArray();
        });

    [Fact]
    public void Every_frame_of_generated_animations_keeps_the_lint_and_the_first_frames_places()
    {
        int animations = 0, frames = 0;
        Animations.Sample(args =>
        {
            int count = Check(args);
            Interlocked.Increment(ref animations);
            Interlocked.Add(ref frames, count);
        }, iter: 40, threads: 2, print: a => "regviz " + string.Join(" ", a));
        Assert.True(animations == 40 && frames >= 40 * 3, $"{animations} animations, {frames} frames");
    }

    /// <summary>
    /// CI's draws of 2026-12-07: a corner of a later frame's ball lay under the moving value's box, which is wider than
    /// the legend it sits beside, and the legend's corner was judged by the legend alone; the pair now goes below.
    /// </summary>
    [Theory]
    [InlineData("571", "colorblind", "4")]
    [InlineData("541", "dark", "7")]
    public void A_moving_value_that_would_cover_a_later_frames_corner_takes_the_legend_below(string side, string style, string count) =>
        Check(["animate", "--norm", "l1", "--size", $"{side}x{side}", "--style", style, "--grid", "60", "--data", Repository.Path("samples", "data", "diabetes.csv"),
            "--features", "bmi,s5", "--intercept", "--frames", count, "--sweep", "radius"]);

    /// <summary>Renders the animation and holds every frame to the lint and to frame 0's places; returns the number of frames.</summary>
    private int Check(string[] args)
    {
        string name = Guid.NewGuid().ToString("N"), png = Path.Combine(Dir, name + ".png"), json = Path.Combine(Dir, name + ".json");
        var r = CliRunner.Run([.. args, "--out", png, "--json", json]);
        string what = "regviz " + string.Join(" ", args);
        Assert.True(r.ExitCode == 0, $"{what}: exit {r.ExitCode}: {r.Stderr}");
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(json)))
            Assert.Equal(doc.RootElement.GetProperty("frames").GetArrayLength(), SidecarLayout.All(json).Count);
        var layouts = SidecarLayout.All(json);
        File.Delete(png);
        var first = layouts[0];
        Assert.True(first.Legend is not null || first.LegendOmitted is not null, $"{what}: no legend, and the report does not say why");
        for (int k = 0; k < layouts.Count; k++)
        {
            var layout = layouts[k];
            var problems = LayoutRules.Violations(layout);
            Assert.True(problems.Count == 0, $"{what}, frame {k}:\n  " + string.Join("\n  ", problems.Take(8)));
            Assert.Equal(first.Legend, layout.Legend);
            Assert.True(Still(first).SequenceEqual(Still(layout)), $"{what}: frame {k} moves what frame 0 fixed:\n  {string.Join(", ", Still(layout).Except(Still(first)).Take(4))}");
            Assert.Equal(first.Panels.Select(p => p.DataArea), layout.Panels.Select(p => p.DataArea));
        }
        return layouts.Count;
    }

    /// <summary>What must not move from frame to frame: the legend's entries (text and box), the title, the axis labels and the moving value's reserved box (its box, not its text).</summary>
    private static IEnumerable<string> Still(SidecarLayout layout) => layout.Texts
        .Where(t => t.Role is "legend" or "title" or "axis_label" or "frame_value")
        .Select(t => $"{t.Role} {(t.Role == "frame_value" ? "" : t.Content)} {t.Box}");
}
