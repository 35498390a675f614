using System.Text.Json;
using Regviz.Tests.Core;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// docs/commands.md's `path` sentence on jumps: the MCP path of the diabetes data jumps (issue #24: s1 from about −230 to −620, s2 from 0 to 350, at once), and
/// the sidecar's `jumps` gives each side's λ, a billionth apart, both among the certified points, with w* on each.
/// </summary>
public class PathJumpCliTests : Support.ScratchFolder
{
    [Fact]
    public void The_sidecar_lists_each_jump_of_the_mcp_path_with_both_sides_certified()
    {
        var r = CliRunner.Run("path", "--norm", "mcp", "--data", DiabetesTests.CsvPath, "--json", "-", "--out", Path.Combine(Dir, "p.png"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var points = doc.RootElement.GetProperty("points").EnumerateArray()
            .ToDictionary(p => p.GetProperty("lambda").GetDouble(), p => p);
        var jumps = doc.RootElement.GetProperty("jumps").EnumerateArray().ToArray();
        Assert.NotEmpty(jumps);
        foreach (var jump in jumps)
        {
            double above = jump.GetProperty("lambda").GetDouble(), below = jump.GetProperty("lambda_below").GetDouble();
            Assert.True(above > below && above - below <= 1e-9 * above, $"the jump at λ {above:R} → {below:R} is not located to 1e-9");
            var from = jump.GetProperty("from").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var to = jump.GetProperty("to").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.True(from.Zip(to, (a, b) => Math.Abs(a - b)).Max() > 10, $"the jump at λ {above:R} moves no coefficient by more than 10");
            foreach (var (lambda, w) in new[] { (above, from), (below, to) })
            {
                Assert.True(points.TryGetValue(lambda, out var point), $"λ {lambda:R} is not a point of the path");
                Assert.True(point.GetProperty("certified").GetBoolean());
                Assert.Equal(w, point.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()));
            }
        }
        // the jump the issue saw: s1 (the fifth column) from about −230 to −620 and s2 (the sixth) from 0 to about 350
        Assert.Contains(jumps, j => j.GetProperty("from")[4].GetDouble() is > -250 and < -210 && j.GetProperty("to")[4].GetDouble() is > -640 and < -600
            && j.GetProperty("from")[5].GetDouble() == 0 && j.GetProperty("to")[5].GetDouble() is > 330 and < 370);
    }
}
