using System.Globalization;
using System.Text.Json;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Exactness;

/// <summary>
/// Every loss-contour point in the sidecar lies on its level set, with D recomputed here from the raw CSV rows:
/// to 1e-12 (relative) for least squares, 1e-9 for the logistic loss, at a coarse and a fine grid.
/// </summary>
public class ContourGeometryTests : Support.ScratchFolder
{
    [Theory]
    [InlineData("100", false)]
    [InlineData("400", false)]
    [InlineData("100", true)]
    [InlineData("400", true)]
    public void Least_squares_contour_points_are_on_their_level_sets(string grid, bool intercept)
    {
        var (x, y) = Data(seed: 3, n: 80, logistic: false);
        double[] yc = intercept ? y.Select(v => v - y.Average()).ToArray() : y;
        double[][] xc = intercept ? Centre(x) : x;
        double D(double w1, double w2) => Enumerable.Range(0, y.Length).Average(i => Math.Pow(yc[i] - xc[i][0] * w1 - xc[i][1] * w2, 2));
        Assert.InRange(WorstRelativeGap(grid, intercept, "mse", x, y, D), 0, 1e-12);
    }

    [Theory]
    [InlineData("100")]
    [InlineData("400")]
    public void Logistic_contour_points_are_on_their_level_sets(string grid)
    {
        var (x, y) = Data(seed: 5, n: 120, logistic: true);
        double D(double w1, double w2) => Enumerable.Range(0, y.Length).Average(i =>
        {
            double z = x[i][0] * w1 + x[i][1] * w2;
            return Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - y[i] * z;
        });
        Assert.InRange(WorstRelativeGap(grid, false, "logistic", x, y, D), 0, 1e-9);
    }

    private double WorstRelativeGap(string grid, bool intercept, string loss, double[][] x, double[] y, Func<double, double, double> d)
    {
        string csv = Path.Combine(Dir, "d.csv");
        File.WriteAllLines(csv, new[] { "x1,x2,y" }.Concat(x.Select((r, i) =>
            string.Join(",", new[] { r[0], r[1], y[i] }.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))));
        var args = new List<string> { "contour", "--data", csv, "--loss", loss, "--lambda", "0.05", "--grid", grid,
            "--out", Path.Combine(Dir, "c.png"), "--json", Path.Combine(Dir, "c.json") };
        if (intercept) args.Add("--intercept");
        var r = CliRunner.Run([.. args]);
        Assert.Equal(0, r.ExitCode);
        var levels = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "c.json"))).RootElement.GetProperty("contours").GetProperty("loss");
        double worst = 0;
        int points = 0;
        foreach (var level in levels.EnumerateArray())
        {
            double l = level.GetProperty("level").GetDouble();
            foreach (var line in level.GetProperty("lines").EnumerateArray())
                foreach (var p in line.EnumerateArray())
                {
                    worst = Math.Max(worst, Math.Abs(d(p[0].GetDouble(), p[1].GetDouble()) - l) / Math.Abs(l));
                    points++;
                }
        }
        Assert.True(points > 100, $"only {points} contour points");
        return worst;
    }

    private static (double[][] X, double[] Y) Data(int seed, int n, bool logistic)
    {
        var rng = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var x = Enumerable.Range(0, n).Select(_ => { double a = Normal(); return new[] { a, 0.6 * a + 0.8 * Normal() }; }).ToArray();
        var y = x.Select(r => logistic
            ? (rng.NextDouble() < 1 / (1 + Math.Exp(-(1.5 * r[0] - r[1]))) ? 1.0 : 0.0)
            : 1.5 * r[0] + 0.5 * r[1] + 1 + 0.4 * Normal()).ToArray();
        return (x, y);
    }

    private static double[][] Centre(double[][] x)
    {
        double m0 = x.Average(r => r[0]), m1 = x.Average(r => r[1]);
        return x.Select(r => new[] { r[0] - m0, r[1] - m1 }).ToArray();
    }
}
