using CsCheck;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Plotting;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Motion;

/// <summary>
/// The opaque pad under an animation's legend is measured from the legend alone (#24 speed: it used to cost two
/// extra renders of a whole frame). It must hold every pixel that drawing the legend changes in the real figure,
/// found here the old way (the figure with and without its legend), and be no more than a pixel or two larger.
/// </summary>
public class LegendPadTests
{
    private static readonly Gen<(string Norm, int Size, int Style, double Lambda)> Cases =
        Gen.Select(Gen.Int[0, 2], Gen.Int[300, 1200], Gen.Int[0, 3], Gen.Double[0.05, 3]).Select((n, size, style, lambda) =>
            (new[] { "l1", "l2", "elasticnet" }[n], size, style, lambda));

    [Fact]
    public void The_pad_holds_every_pixel_the_legend_changes_and_little_more()
    {
        int inside = 0;
        Cases.Sample(c =>
        {
            var theme = new[] { Theme.Light, Theme.Dark, Theme.Colorblind, Theme.Print }[c.Style];
            var style = new FigureStyle(c.Size, c.Size, theme, null);
            var penalty = PenaltyCatalogue.Create(c.Norm)!;
            var spec = new ProblemSpec(BuiltInDataset.Create(), LossKind.Mse, false, penalty, Form.Penalised(c.Lambda));
            var scene = SceneBuilder.Contour(spec, new SceneOptions(null, 80, 6, false, style.Frame().Aspect));
            var plot = ContourFigure.Render(scene, style);
            var with = RgbaFrame.Render(plot, c.Size, c.Size).Pixels;
            var last = plot.RenderManager.LastRender;
            var pad = LegendPad.Measure(plot.Legend, last.DataRect, last.FigureRect);
            if (!plot.Legend.IsVisible)
            {
                // a small figure's legend goes below it (the layout engine), over nothing an animation moves: no pad
                Assert.True(pad is null, $"{c}: a pad {pad} for a legend drawn below the figure");
                return;
            }
            inside++;
            var hidden = ContourFigure.Render(scene, style);
            hidden.Legend.IsVisible = false;
            var without = RgbaFrame.Render(hidden, c.Size, c.Size).Pixels;
            int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
            for (int y = 0; y < c.Size; y++)
                for (int x = 0; x < c.Size; x++)
                    if (!with.AsSpan(4 * (y * c.Size + x), 4).SequenceEqual(without.AsSpan(4 * (y * c.Size + x), 4)))
                        (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
            Assert.True(x1 >= 0, $"{c}: the legend changes nothing");
            Assert.True(pad is { } p && p.X0 <= x0 && p.Y0 <= y0 && p.X1 >= x1 + 1 && p.Y1 >= y1 + 1,
                $"{c}: the pad {pad} misses legend pixels in ({x0},{y0})–({x1},{y1})");
            var q = pad!.Value;
            Assert.True(q.X0 >= x0 - 3 && q.Y0 >= y0 - 3 && q.X1 <= x1 + 4 && q.Y1 <= y1 + 4,
                $"{c}: the pad {pad} is much larger than the legend's pixels ({x0},{y0})–({x1},{y1})");
        }, iter: 12, threads: 1);
        Assert.True(inside >= 1, "none of 12 figures kept its legend inside: the pad was not tested");
    }
}
