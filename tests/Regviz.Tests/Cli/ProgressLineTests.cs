using Regviz.Cli.Progress;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>The stderr progress line: silent for quick work, a line per 10% in logs, one rewritten line on a terminal.</summary>
public class ProgressLineTests
{
    /// <summary>Reports 1/401, 2/401, … 1 as a 401-row grid does, the clock at fraction × <paramref name="seconds"/>.</summary>
    private static string Run(double seconds, bool overwrite)
    {
        var error = new StringWriter();
        double fraction = 0;
        using (var line = new ProgressLine(error, "loss grid", overwrite, () => TimeSpan.FromSeconds(fraction * seconds)))
            for (int row = 1; row <= 401; row++)
            {
                fraction = row / 401.0;
                line.Report(fraction);
            }
        return error.ToString();
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(0.9)]
    public void QuickWorkShowsNothing(double seconds)
    {
        Assert.Equal("", Run(seconds, overwrite: false));
        Assert.Equal("", Run(seconds, overwrite: true));
    }

    [Fact]
    public void ALogGetsALineEveryTenPercent()
    {
        var lines = Run(10, overwrite: false).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        // shown from half a second in: 5%
        Assert.Equal(["loss grid: 5%", .. Enumerable.Range(1, 10).Select(t => $"loss grid: {10 * t}%")], lines);
    }

    [Fact]
    public void ATerminalGetsOneLineRewrittenAndErased()
    {
        string text = Run(10, overwrite: true);
        Assert.DoesNotContain("\n", text);
        Assert.StartsWith("\rloss grid: 5%", text);
        Assert.Contains("\rloss grid: 50%", text);
        Assert.EndsWith("\r" + new string(' ', "loss grid: 100%".Length) + "\r", text);
    }
}
