using Regviz.Core.Solvers;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Plotting;
using ScottPlot;
using SkiaSharp;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>
/// A figure is drawn once (<see cref="SinglePass"/>): ScottPlot draws a new plot's first render twice, and every still
/// figure, PDF page and animation frame is a new plot. A counting render action (it runs once per pass) says how
/// many times the pipeline ran; the pixels of one pass must be those of ScottPlot's two, so that skipping the
/// second pass changes no figure.
/// </summary>
public class SinglePassTests
{
    private sealed class Passes : IRenderAction
    {
        public int Count { get; private set; }
        public void Render(RenderPack rp) => Count++;
    }

    private static (Plot Plot, FigureStyle Style, Passes Passes) Figure(string norm)
    {
        var style = new FigureStyle(500, 400, Theme.Light, null);
        FontRegistry.EnsureRegistered();
        var penalty = PenaltyCatalogue.Create(norm, PenaltyArguments.None.With("alpha", 0.5))!;
        var spec = new ProblemSpec(BuiltInDataset.Create(), LossKind.Mse, false, penalty, Form.Penalised(0.5));
        var scene = SceneBuilder.Contour(spec, new SceneOptions(null, 100, 10, true, style.Frame().Aspect));
        var plot = ContourFigure.Render(scene, style);
        var passes = new Passes();
        plot.RenderManager.RenderActions.Add(passes);
        return (plot, style, passes);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("pdf")]
    public void A_still_figure_is_drawn_once(string format)
    {
        var (plot, style, passes) = Figure("l1");
        Assert.NotEmpty(FigureExport.Encode(plot, style, format));
        Assert.Equal(1, passes.Count);
    }

    [Fact]
    public void An_animation_frame_is_drawn_once_and_its_plot_can_be_drawn_again()
    {
        var (plot, style, passes) = Figure("l2");
        var first = RgbaFrame.Render(plot, style.Width, style.Height).Pixels.ToArray();
        Assert.Equal(1, passes.Count);
        // rendering is switched back on after the pass: the same plot draws again, the same pixels
        var again = RgbaFrame.Render(plot, style.Width, style.Height).Pixels;
        Assert.Equal(2, passes.Count);
        Assert.Equal(first, again);
    }

    [Theory]
    [InlineData("l1")]
    [InlineData("l2")]
    [InlineData("elasticnet")]
    public void One_pass_draws_the_pixels_of_scottplots_two(string norm)
    {
        var (twice, style, twicePasses) = Figure(norm);
        using var surface = SKSurface.Create(new SKImageInfo(style.Width, style.Height))!;
        twice.Render(surface); // ScottPlot's own render: the pipeline run twice
        Assert.Equal(2, twicePasses.Count);
        var expected = RgbaFrame.Read(surface, style.Width, style.Height).Pixels;

        var (once, _, oncePasses) = Figure(norm);
        var pixels = RgbaFrame.Render(once, style.Width, style.Height).Pixels;
        Assert.Equal(1, oncePasses.Count);
        Assert.Equal(expected, pixels);
    }
}
