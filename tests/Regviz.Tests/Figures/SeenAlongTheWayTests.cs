using Regviz.Core.Penalties;
using Regviz.Core.Sparsity;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>Issue #17's "seen along the way" fixes not covered elsewhere: the sparsity panels' counts and the ESL α note.</summary>
public class SeenAlongTheWayTests
{
    [Fact]
    public void Sparsity_titles_say_their_counts_are_of_the_drawn_sample_when_the_trials_are_more()
    {
        // 10,000 trials draw 4,000 dots: each panel's title counts the dots with a zero among those drawn, and says so
        var r = Assert.Single(SparsityExperiment.Run([new L1Penalty()], 10_000, 1, Form.Constrained(1.0)));
        Assert.True(r.Sample.Length < r.Trials);
        int sparse = r.Sample.Count(SparsityExperiment.IsSparse);
        Assert.EndsWith($"have a zero ({sparse:N0} of {r.Sample.Length:N0} drawn)", SparsityFigure.Title(r).Replace('\u00a0', ' '));

        // with every trial drawn the title counts them all and says nothing more
        var small = Assert.Single(SparsityExperiment.Run([new L1Penalty()], 500, 1, Form.Constrained(1.0)));
        Assert.Equal(small.Trials, small.Sample.Length);
        Assert.EndsWith($"({small.Sample.Count(SparsityExperiment.IsSparse):N0} of 500)", SparsityFigure.Title(small).Replace('\u00a0', ' '));

        // the legend, the same in every panel, is hidden for the grid to draw once, and carries no count
        var panel = SparsityFigure.Panels([r, small], Form.Constrained(1.0), new FigureStyle(400, 400, Theme.Light, null));
        Assert.All(panel, p => Assert.False(p.Legend.IsVisible));
        Assert.Equal(panel[0].Legend.ManualItems.Select(i => i.LabelText), panel[1].Legend.ManualItems.Select(i => i.LabelText));
        Assert.All(panel[0].Legend.ManualItems, i => Assert.DoesNotMatch("[0-9]{2}", i.LabelText));
    }

    [Fact]
    public void A_wrapped_panel_title_is_drawn_in_its_own_panel_of_a_grid()
    {
        // a wrapped title (drawn by TitleText, not ScottPlot) was placed as if its panel were at the image's origin:
        // in a grid, the panel's clip hid it. Two copies of one panel side by side must look the same
        var r = Assert.Single(SparsityExperiment.Run([new ElasticNetPenalty(0.5)], 300, 1, Form.Penalised(0.5)));
        var style = new FigureStyle(300, 300, Theme.Light, null);
        Assert.True(SparsityFigure.Title(r).Length > 40); // wraps at 300 pixels
        var layout = new PanelLayout(style, 2, null) { SharedLegend = false };
        using var grid = SkiaSharp.SKBitmap.Decode(PanelGrid.Encode(SparsityFigure.Panels([r, r], Form.Penalised(0.5), style), layout, "png"));
        int differ = 0, ink = 0;
        for (int y = 0; y < 300; y++)
            for (int x = 0; x < 300; x++)
            {
                if (grid.GetPixel(x, y) != grid.GetPixel(300 + x, y)) differ++;
                if (y < 40 && grid.GetPixel(300 + x, y).Red < 128) ink++;
            }
        Assert.True(ink > 200, $"{ink} dark pixels in the second panel's title band");
        Assert.Equal(0, differ);
    }

    [Theory]
    [InlineData("contour")]
    [InlineData("solve")]
    [InlineData("path")]
    public void Alpha_help_warns_that_esls_alpha_weights_the_ridge_term(string command)
    {
        var r = CliRunner.Run(command, "--help");
        Assert.Equal(0, r.ExitCode);
        string help = System.Text.RegularExpressions.Regex.Replace(r.Stdout, @"\s+", " ");
        Assert.Contains("ESL's α weights the ridge term: its α = 0.2 is --alpha 0.8", help);
    }
}
