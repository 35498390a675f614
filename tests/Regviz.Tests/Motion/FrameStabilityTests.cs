using Regviz.Core.Data;
using Regviz.Core.Motion;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Core.Traces;
using Regviz.Plotting;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Motion;

/// <summary>
/// Only what moves, moves (#24): from frame 0 on, every frame of an animation has the same title and legend pixels
/// (the legend's entries reserved from the start, the title's words the same), the captions of things that do not move
/// stay, and in the radius form the bold ball carries the t the frame names.
/// </summary>
public class FrameStabilityTests
{
    private static readonly FigureStyle Style = new(400, 400, Theme.Light, null);

    private static ContourSweep Sweep(string norm, bool radius, int frames = 10, bool reverse = false)
    {
        var penalty = PenaltyCatalogue.Create(norm)!;
        var spec = new ProblemSpec(BuiltInDataset.Create(), LossKind.Mse, false, penalty, Form.Penalised(0.5));
        var options = new SceneOptions(null, 120, 8, false, Style.Frame().Aspect);
        return Sweeps.Contour(spec, penalty, options, new SweepRequest(radius ? SweepParameter.Radius : SweepParameter.Lambda, frames, Reverse: reverse));
    }

    private static ContourSweep Trace(string norm, string method, int steps)
    {
        var penalty = PenaltyCatalogue.Create(norm)!;
        var spec = new ProblemSpec(BuiltInDataset.Create(), LossKind.Mse, false, penalty, Form.Penalised(0.5));
        var kind = Enum.Parse<TraceMethod>(method, ignoreCase: true);
        var options = new SceneOptions(null, 120, 8, false, Style.Frame().Aspect, new TraceRequest(kind, null, steps));
        return Sweeps.Trace(spec, options);
    }

    /// <summary>The legend's pixels in frame 0: where drawing it changes the frame (its box, outline and shadow).</summary>
    private static (int X0, int Y0, int X1, int Y1) LegendBox(ContourAnimation.Layouts layouts)
    {
        var with = RgbaFrame.Render(layouts.Plot(0), Style.Width, Style.Height).Pixels;
        var plot = layouts.Plot(0);
        plot.Legend.IsVisible = false;
        var without = RgbaFrame.Render(plot, Style.Width, Style.Height).Pixels;
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
        for (int y = 0; y < Style.Height; y++)
            for (int x = 0; x < Style.Width; x++)
            {
                int i = 4 * (y * Style.Width + x);
                if (with.AsSpan(i, 4).SequenceEqual(without.AsSpan(i, 4))) continue;
                (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
            }
        Assert.True(x1 > x0 + 50 && y1 > y0 + 50, $"no legend found in frame 0 ({x0},{y0})–({x1},{y1})");
        return (x0, y0, x1, y1);
    }

    private static void AssertStill(ContourSweep sweep)
    {
        var layouts = new ContourAnimation.Layouts(sweep, Style);
        var (x0, y0, x1, y1) = LegendBox(layouts);
        int titleBottom = (int)Style.Frame().Top - 6; // above the data area and its top tick label
        var first = RgbaFrame.Render(layouts.Plot(0), Style.Width, Style.Height).Pixels;
        var changed = 0;
        for (int k = 1; k < sweep.Frames.Count; k++)
        {
            var frame = RgbaFrame.Render(layouts.Plot(k), Style.Width, Style.Height).Pixels;
            if (!frame.AsSpan().SequenceEqual(first)) changed++;
            for (int y = 0; y < Style.Height; y++)
                for (int x = 0; x < Style.Width; x++)
                {
                    bool title = y < titleBottom, legend = x >= x0 && x <= x1 && y >= y0 && y <= y1;
                    if (!title && !legend) continue;
                    int i = 4 * (y * Style.Width + x);
                    Assert.True(frame.AsSpan(i, 4).SequenceEqual(first.AsSpan(i, 4)),
                        $"frame {k}: pixel ({x}, {y}) of the {(title ? "title" : "legend")} differs from frame 0");
                }
        }
        Assert.True(changed >= sweep.Frames.Count / 2, $"only {changed} frames differ from frame 0: the test would pass on a still picture");
    }

    [Theory]
    [InlineData("l1", false)]
    [InlineData("l2", false)]
    [InlineData("elasticnet", false)]
    [InlineData("linf", false)]
    [InlineData("l1", true)]
    [InlineData("l2", true)]
    [InlineData("linf", true)]
    public void A_sweep_keeps_its_title_and_legend_pixels_from_frame_0_on(string norm, bool radius) => AssertStill(Sweep(norm, radius));

    [Theory]
    [InlineData("l1")]
    [InlineData("mcp")]
    [InlineData("lp")]
    public void A_sweep_played_backwards_keeps_them_too_and_names_the_ball_it_draws(string norm)
    {
        var sweep = Sweep(norm, radius: false, reverse: true);
        AssertStill(sweep);
        // the first frame (the smallest λ) draws the ball through w*: the legend, the same in every frame, names it
        var layouts = new ContourAnimation.Layouts(sweep, Style);
        Assert.Contains(layouts.Plot(sweep.Frames.Count - 1).Legend.ManualItems, i => i.LabelText == "penalty ball through w*");
    }

    [Theory]
    [InlineData("l1", "ista")]
    [InlineData("l1", "gd")]
    [InlineData("l2", "fista")]
    [InlineData("l1", "cd")]
    public void A_trace_keeps_its_title_and_legend_pixels_from_frame_0_on(string norm, string method) => AssertStill(Trace(norm, method, 12));

    private static List<string> Texts(ScottPlot.Plot plot) =>
        [.. plot.GetPlottables().OfType<ScottPlot.Plottables.Text>().Select(t => t.LabelText)];

    [Theory]
    [InlineData("l2", true)]
    [InlineData("l1", true)]
    [InlineData("l1", false)]
    [InlineData("elasticnet", false)]
    public void The_fit_caption_drawn_in_frame_0_stays_in_every_frame(string norm, bool radius)
    {
        var sweep = Sweep(norm, radius);
        var layouts = new ContourAnimation.Layouts(sweep, new FigureStyle(800, 800, Theme.Light, null)); // the default size, room for it
        Assert.Contains("least squares", Texts(layouts.Plot(0)));
        for (int k = 1; k < sweep.Frames.Count; k++)
            Assert.True(Texts(layouts.Plot(k)).Contains("least squares"), $"frame {k} lost the caption of the fit");
    }

    [Theory]
    [InlineData("l2")]
    [InlineData("l1")]
    [InlineData("linf")]
    public void In_the_radius_form_the_bold_ball_is_labelled_with_t_the_norm_of_w(string norm)
    {
        var style = new FigureStyle(800, 800, Theme.Light, null);
        var sweep = Sweep(norm, radius: true, frames: 8);
        var layouts = new ContourAnimation.Layouts(sweep, style);
        int labelled = 0;
        foreach (var f in sweep.Frames)
        {
            var w = f.Optimum.Weights;
            // N(w*) written out here: the norm itself, not the penalty P (for l2, P = t²)
            double n = norm switch { "l2" => Math.Sqrt(w[0] * w[0] + w[1] * w[1]), "l1" => Math.Abs(w[0]) + Math.Abs(w[1]), _ => Math.Max(Math.Abs(w[0]), Math.Abs(w[1])) };
            var texts = layouts.Plot(f.Index).GetPlottables().OfType<ScottPlot.Plottables.Text>().ToList();
            // the bold labels in the penalty's colour: the ball through w*'s (the thin contours' labels are not bold)
            var ball = texts.Where(t => t.LabelBold && t.LabelFontColor == Theme.Light.Norm).Select(t => t.LabelText).ToList();
            if (ball.Count == 0) continue; // no free spot on the ball for its label in this frame
            labelled++;
            Assert.Single(ball);
            if (Math.Abs(n - f.Value) <= 1e-9 * f.Value)
            {
                Assert.Equal($"t = {PenaltyNames.Number(f.Value)}", ball[0]);
                // the frame's own box names the same t
                Assert.Contains(texts, t => t.LabelText.StartsWith($"t = {PenaltyNames.Number(f.Value)} (λ = ", StringComparison.Ordinal));
            }
            else Assert.Equal($"N(w) = {PenaltyNames.Number(n)}", ball[0]); // the fit inside the ball: the ball through w* is its own
        }
        Assert.True(labelled >= 2, $"only {labelled} frames carry a labelled ball");
    }
}
