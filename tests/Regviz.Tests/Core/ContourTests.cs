using Regviz.Cli.Options;
using Regviz.Core.Contours;
using Regviz.Core.Scenes;
using Xunit;

namespace Regviz.Tests.Core;

public class ContourTests
{
    [Fact]
    public void Circle_contour_is_one_closed_line_at_the_right_radius()
    {
        var range = new PlaneRange(-2, 2, -2, 2);
        var grid = ScalarGrid.Evaluate(range, 200, (x0, dx, y, row) =>
        {
            for (int i = 0; i < row.Length; i++) { double x = x0 + i * dx; row[i] = x * x + y * y; }
        });
        var lines = MarchingSquares.Trace(grid, 1.0);
        var line = Assert.Single(lines);
        Assert.True(line.IsClosed);
        for (int k = 0; k < line.Count; k++)
        {
            double r = Math.Sqrt(line.X[k] * line.X[k] + line.Y[k] * line.Y[k]);
            Assert.True(Math.Abs(r - 1) < 2e-4, $"radius {r}"); // chord error of linear interpolation, h = 0.02
        }
    }

    [Fact]
    public void Level_crossing_the_border_gives_open_lines_and_nan_cells_are_skipped()
    {
        var range = new PlaneRange(0, 1, 0, 1);
        var grid = ScalarGrid.Evaluate(range, 50, (x0, dx, y, row) =>
        {
            for (int i = 0; i < row.Length; i++) row[i] = i == 25 && y > 0.5 ? double.NaN : x0 + i * dx;
        });
        var lines = MarchingSquares.Trace(grid, 0.3);
        Assert.All(lines, l => Assert.False(l.IsClosed));
        Assert.All(lines, l => Assert.All(l.X, x => Assert.Equal(0.3, x, 12)));
        Assert.NotEmpty(MarchingSquares.Trace(grid, 0.7)); // the level beyond the NaN column still has its lines
    }

    [Fact]
    public void Quadratic_levels_include_the_optimum_level_with_two_inside()
    {
        var levels = LevelChooser.Quadratic(min: 1, through: 1.5, max: 50, count: 10);
        Assert.Contains(1.5, levels);
        Assert.Equal(2, levels.Count(l => l < 1.5));
        Assert.InRange(levels.Length, 8, 11);
        Assert.Equal(levels.OrderBy(l => l), levels);
        Assert.All(levels, l => Assert.InRange(l, 1, 50));
        // s = √((D − 1)/0.5): 1/3 and 2/3 inside, then evenly spaced from 1 to at most √98
        var s = levels.Select(l => Math.Sqrt((l - 1) / 0.5)).ToArray();
        Assert.Equal(1.0 / 3, s[0], 12);
        Assert.Equal(2.0 / 3, s[1], 12);
        for (int k = 4; k < s.Length; k++) Assert.Equal(s[3] - s[2], s[k] - s[k - 1], 9);
        Assert.True(s[^1] <= Math.Sqrt(98) + 1e-12);
    }

    [Fact]
    public void Range_parses_and_keeps_equal_aspect()
    {
        var r = Words.Range("-1:3,0:1");
        Assert.Equal(new PlaneRange(-1, 3, 0, 1), r);
        var wide = r.WithAspect(2, 1);
        Assert.Equal(2, wide.Width / wide.Height, 12);
        Assert.True(wide.X0 <= -1 && wide.X1 >= 3 && wide.Y0 <= 0 && wide.Y1 >= 1);
    }
}
