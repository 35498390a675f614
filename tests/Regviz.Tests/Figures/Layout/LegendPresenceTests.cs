using CsCheck;
using Regviz.Tests.Cli;
using Regviz.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Regviz.Tests.Figures.Layout;

/// <summary>
/// A contour figure draws more than one kind of curve (loss and penalty contours, a path or a trace): a reader needs
/// its legend at every size and style. The engine may put it below the figure, in short words, but leaves it out only
/// when no place is clear of every mark, and then the layout report says why (<c>legend_omitted</c>).
/// </summary>
public sealed class LegendPresenceTests(ITestOutputHelper output) : ScratchFolder
{
    private SidecarLayout Render(string[] args)
    {
        string name = Guid.NewGuid().ToString("N"), png = Path.Combine(Dir, name + ".png"), json = Path.Combine(Dir, name + ".json");
        var r = CliRunner.Run([.. args, "--out", png, "--json", json]);
        Assert.True(r.ExitCode == 0, $"regviz {string.Join(" ", args)}: exit {r.ExitCode}: {r.Stderr}");
        File.Delete(png);
        return SidecarLayout.All(json)[0];
    }

    [Theory]
    [InlineData("contour", "--norm", "l1", "--lambda", "0.5", "--style", "print", "--size", "400x400")]
    [InlineData("contour", "--norm", "l1", "--lambda", "0.5", "--style", "print", "--size", "300x300", "--trace", "ista")]
    [InlineData("contour", "--norm", "l2", "--lambda", "0.5", "--style", "print", "--size", "300x300", "--trace", "gd", "--fill")]
    [InlineData("contour", "--norm", "elasticnet", "--lambda", "0.5", "--size", "300x300", "--path", "--fill")]
    public void The_small_print_figures_the_review_named_have_a_legend(params string[] args)
    {
        var layout = Render(args);
        Assert.True(layout.Legend is not null, $"no legend ({layout.LegendOmitted})");
        Assert.Empty(LayoutRules.Violations(layout));
    }

    [Fact]
    public void Generated_contour_figures_have_a_legend_or_say_why_not()
    {
        int omitted = 0, count = 0;
        Gen.Frequency((4, LayoutVariants.Contour), (1, LayoutVariants.ContourOverlay)).Sample(v =>
        {
            var layout = Render(v.Args);
            Interlocked.Increment(ref count);
            if (layout.Legend is not null) return;
            Assert.True(layout.LegendOmitted is { Length: > 0 }, $"{v}: no legend, and the report does not say why");
            Interlocked.Increment(ref omitted);
            output.WriteLine($"{v}: {layout.LegendOmitted}");
        }, iter: 300, print: v => v.ToString());
        // the engine's last resort, not its habit
        Assert.True(omitted <= count / 50, $"{omitted} of {count} figures have no legend");
    }

    [Fact]
    public void No_legend_asked_for_is_said_so()
    {
        var layout = Render(["contour", "--norm", "l1", "--lambda", "0.5", "--no-legend"]);
        Assert.Null(layout.Legend);
        Assert.Equal("not asked for", layout.LegendOmitted);
    }
}
