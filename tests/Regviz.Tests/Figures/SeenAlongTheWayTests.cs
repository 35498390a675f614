using Regviz.Core.Penalties;
using Regviz.Core.Sparsity;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>Issue #17's "seen along the way" fixes not covered elsewhere: the sparsity legend's counts and the ESL α note.</summary>
public class SeenAlongTheWayTests
{
    private static string[] LegendTexts(SparsityResult r) =>
        SparsityFigure.Panel(r, 1.0, null, new FigureStyle(400, 400, Theme.Light, null)).Legend.ManualItems.Select(i => i.LabelText).ToArray();

    [Fact]
    public void Sparsity_legend_says_its_counts_are_of_the_drawn_sample_when_the_trials_are_more()
    {
        // 10,000 trials draw 4,000 dots: the legend's two counts add up to the dots drawn, and it says so
        var r = Assert.Single(SparsityExperiment.Run([new L1Penalty()], 10_000, 1, 1.0, null));
        Assert.True(r.Sample.Length < r.Trials);
        var texts = LegendTexts(r);
        Assert.Equal(2, texts.Length);
        var counts = texts.Select(t => long.Parse(System.Text.RegularExpressions.Regex.Match(t, @"\(([0-9,]+)").Groups[1].Value.Replace(",", ""))).ToArray();
        Assert.Equal(r.Sample.Length, counts.Sum());
        Assert.All(texts, t => Assert.Contains($"of {r.Sample.Length:N0} drawn", t));

        // with every trial drawn the legend counts them all and says nothing more
        var small = Assert.Single(SparsityExperiment.Run([new L1Penalty()], 500, 1, 1.0, null));
        Assert.Equal(small.Trials, small.Sample.Length);
        Assert.All(LegendTexts(small), t => Assert.DoesNotContain("drawn", t));
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
