using Regviz.Core.Contours;
using Regviz.Core.Scenes;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>
/// Marching squares visits only the cells <see cref="CrossedCells"/> finds by bit masks; these check that it finds
/// exactly the cells a plain scan of every cell would, including rows of 63, 64 and 65 cells (the word edges),
/// NaN and infinite corners, and values equal to the level.
/// </summary>
public class CrossedCellsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(127)]
    [InlineData(200)]
    public void Finds_exactly_the_cells_with_corners_on_both_sides(int cells)
    {
        var random = new Random(cells);
        double[] specials = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.5];
        var values = new double[(cells + 1) * (cells + 1)];
        // coarse values, so that many cells are uniform and some corners equal the level exactly
        for (int k = 0; k < values.Length; k++)
            values[k] = random.Next(20) == 0 ? specials[random.Next(specials.Length)] : Math.Round(random.NextDouble() * 4) / 4;
        var grid = new ScalarGrid(new PlaneRange(0, 1, 0, 1), cells, values);
        foreach (double level in new[] { 0.5, 0.3, -1.0, 2.0, double.NaN })
        {
            var crossing = new CrossedCells(grid, level);
            for (int j = 0; j < cells; j++)
            {
                var crossed = crossing.Row(j).ToArray();
                for (int i = 0; i < crossed.Length * 64; i++)
                {
                    bool found = (crossed[i / 64] >> (i % 64) & 1) == 1;
                    bool expected = i < cells && Mixed(grid, i, j, level);
                    Assert.True(found == expected, $"cells {cells}, level {level}, cell ({i}, {j}): found {found}, expected {expected}");
                }
            }
        }
    }

    [Fact]
    public void Rows_asked_out_of_order_give_the_same_cells()
    {
        int cells = 70;
        var grid = ScalarGrid.Evaluate(new PlaneRange(-1, 1, -1, 1), cells, (x0, dx, y, row) =>
        {
            for (int i = 0; i < row.Length; i++) { double x = x0 + i * dx; row[i] = x * x + 2 * y * y; }
        });
        var inOrder = new CrossedCells(grid, 0.5);
        var rows = Enumerable.Range(0, cells).Select(j => inOrder.Row(j).ToArray()).ToArray();
        var skipping = new CrossedCells(grid, 0.5);
        foreach (int j in new[] { 5, 7, 8, 3, 69, 0, 1 })
            Assert.Equal(rows[j], skipping.Row(j).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(401)]
    public void Row_minimum_and_maximum_are_math_min_and_max_of_every_value(int length)
    {
        var random = new Random(length);
        for (int trial = 0; trial < 50; trial++)
        {
            var values = Enumerable.Range(0, length).Select(_ => random.Next(40) switch
            {
                0 => double.PositiveInfinity,
                1 => double.NegativeInfinity,
                2 when trial % 5 == 0 => double.NaN,
                _ => random.NextDouble() * 10 - 5,
            }).ToArray();
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            foreach (double v in values) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
            Assert.Equal((lo, hi), ScalarGrid.MinMax(values));
        }
    }

    private static bool Mixed(ScalarGrid grid, int i, int j, double level)
    {
        bool a = grid[i, j] > level, b = grid[i + 1, j] > level, c = grid[i + 1, j + 1] > level, d = grid[i, j + 1] > level;
        return !(a == b && b == c && c == d);
    }
}
