using System.Text.Json;
using Regviz.Tests.Core;
using Xunit;

namespace Regviz.Tests.Cli;

public class PathCommandTests : Support.ScratchFolder
{
    [Fact]
    public void Json_has_points_on_the_glmnet_grid_and_exact_knots_for_l1()
    {
        var r = CliRunner.Run("path", "--data", DiabetesTests.CsvPath, "--intercept", "--json", "-", "--out", Path.Combine(Dir, "p.png"));
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var points = doc.RootElement.GetProperty("points");
        Assert.Equal(100, points.GetArrayLength());
        double max = points[0].GetProperty("lambda").GetDouble();
        Assert.Equal(4.296087151058997, max, 1e-9); // scikit-learn's first LARS alpha × 2
        Assert.Equal(1e-4 * max, points[99].GetProperty("lambda").GetDouble(), 1e-15);
        var knots = doc.RootElement.GetProperty("knots");
        Assert.Equal(13, knots.GetArrayLength());
        Assert.Equal(0.0, knots[12].GetProperty("lambda").GetDouble());
        Assert.Equal(10, doc.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public void Figure_is_written_for_every_convex_norm_and_both_axes()
    {
        foreach (var norm in new[] { "l1", "l2", "elasticnet", "linf" })
            foreach (var xvar in new[] { "lambda", "norm" })
            {
                string path = Path.Combine(Dir, $"{norm}-{xvar}.png");
                var r = CliRunner.Run("path", "--norm", norm, "--xvar", xvar, "--lambda", "0.2", "--count", "30", "--size", "400x300", "--out", path);
                Assert.True(r.ExitCode == 0, r.Stderr);
                Assert.NotNull(Regviz.Plotting.ImageComparison.Decode(File.ReadAllBytes(path)));
            }
    }

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["path", "--xvar", "dev"], "--xvar: unknown axis 'dev' (valid: lambda, norm, fraction)" },
        { ["path", "--radius", "1"], "--radius: a path runs over λ" },
        { ["path", "--count", "1"], "--count: 1 is outside 2..10000" },
        { ["path", "--ratio", "2"], "--ratio: 2 must be in (0, 1)" },
        { ["path", "--data", "Data/orthogonal.csv"], "the path is empty: the target is uncorrelated with every feature (λ_max = 0" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_path_input_is_one_error_line_and_exit_2(string[] args, string expected)
    {
        var fixedArgs = args.Select(a => a.StartsWith("Data/") ? Path.Combine(AppContext.BaseDirectory, a) : a)
            .Concat(["--out", Path.Combine(Dir, "x.png")]).ToArray();
        var r = CliRunner.Run(fixedArgs);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, Assert.Single(r.ErrorLines));
        Assert.Empty(Directory.GetFiles(Dir));
    }
}
