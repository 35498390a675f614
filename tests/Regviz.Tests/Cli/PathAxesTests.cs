using System.Globalization;
using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Data;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// The path's axes and data: the shrinkage factor s = ‖w‖₁/‖ŵ‖₁ (ESL 3.10), knots, a mark at a chosen s,
/// standardised columns (glmnet's default), and l2's default grid running on to least squares. Expected values come
/// from the data by the formulas, computed here, not from the code under test.
/// </summary>
public class PathAxesTests : Support.ScratchFolder
{
    private static string Diabetes => Core.DiabetesTests.CsvPath;

    private JsonElement Path_(params string[] args)
    {
        var r = CliRunner.Run(["path", .. args, "--out", Path.Combine(Dir, "p.png"), "--json", "-"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        return doc.RootElement.Clone();
    }

    private static double[] Weights(JsonElement e) => [.. e.GetProperty("weights").EnumerateArray().Select(v => v.GetDouble())];

    /// <summary>Ordinary least squares with an intercept, by the normal equations of the centred data.</summary>
    private static double[] Ols(Dataset data)
    {
        int n = data.Rows, k = data.Features;
        var x = Matrix<double>.Build.Dense(n, k, (i, j) => data.Columns[j][i] - data.Columns[j].Average());
        double ym = data.Target.Average();
        var y = Vector<double>.Build.Dense(n, i => data.Target[i] - ym);
        return x.QR().Solve(y).ToArray();
    }

    [Fact]
    public void Fraction_axis_runs_from_0_to_1_and_the_mark_sits_exactly_at_s()
    {
        var root = Path_("--data", Diabetes, "--intercept", "--xvar", "fraction", "--knots", "--mark", "0.36");
        Assert.Equal("fraction", root.GetProperty("xvar").GetString());
        var ls = Ols(CsvDataset.Load(Diabetes));
        double full = ls.Sum(Math.Abs);
        var end = root.GetProperty("unregularised");
        Assert.Equal(0.0, end.GetProperty("lambda").GetDouble());
        for (int j = 0; j < ls.Length; j++) Assert.Equal(ls[j], Weights(end)[j], 1e-9 * full);
        var knots = root.GetProperty("knots").EnumerateArray().ToList();
        Assert.Equal(0.0, knots[0].GetProperty("x").GetDouble());
        Assert.Equal(1.0, knots[^1].GetProperty("x").GetDouble(), 1e-12);
        foreach (var knot in knots)
            Assert.Equal(Weights(knot).Sum(Math.Abs) / full, knot.GetProperty("x").GetDouble(), 1e-9);

        var mark = root.GetProperty("mark");
        Assert.Equal(0.36, mark.GetProperty("s").GetDouble());
        Assert.True(mark.GetProperty("certified").GetBoolean());
        Assert.Equal(0.36, Weights(mark).Sum(Math.Abs) / full, 1e-9);
        // the marked optimum is solve's at the λ found for it
        string lambda = mark.GetProperty("lambda").GetDouble().ToString("R", CultureInfo.InvariantCulture);
        var solve = CliRunner.Run("solve", "--data", Diabetes, "--intercept", "--lambda", lambda, "--json", "-");
        using var s = JsonDocument.Parse(solve.Stdout);
        Assert.Equal(Weights(s.RootElement), Weights(mark));
    }

    [Fact]
    public void Standardized_lambda_max_and_last_knot_equal_their_closed_forms()
    {
        var data = CsvDataset.Load(Diabetes);
        int n = data.Rows;
        var root = Path_("--data", Diabetes, "--intercept", "--standardize");
        Assert.True(root.GetProperty("standardized").GetBoolean());
        var scales = root.GetProperty("scales").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        double ym = data.Target.Average();
        double lambdaMax = 0;
        for (int j = 0; j < data.Features; j++)
        {
            var x = data.Columns[j];
            double xm = x.Average();
            double sd = Math.Sqrt(x.Sum(v => (v - xm) * (v - xm)) / n); // population sd, as glmnet and StandardScaler
            Assert.Equal(sd, scales[j], 1e-12 * sd);
            // D = (1/n)Σ(x̃·w + b − y)²: |∂D/∂w_j| at w = 0 (b = ȳ) is (2/n)|Σ x̃_ij (y_i − ȳ)|, x̃ = x/sd
            double g = 2.0 / n * Math.Abs(Enumerable.Range(0, n).Sum(i => (x[i] - xm) / sd * (data.Target[i] - ym)));
            lambdaMax = Math.Max(lambdaMax, g);
        }
        Assert.Equal(lambdaMax, root.GetProperty("lambda_max").GetDouble(), 1e-10 * lambdaMax);
        // the last knot is λ = 0: least squares, which scaling the columns does not change on the original scale
        var last = root.GetProperty("knots").EnumerateArray().Last();
        Assert.Equal(0.0, last.GetProperty("lambda").GetDouble());
        var ls = Ols(data);
        double size = ls.Max(Math.Abs);
        for (int j = 0; j < ls.Length; j++) Assert.Equal(ls[j], Weights(last)[j], 1e-9 * size);
    }

    [Fact]
    public void Ridge_path_with_the_default_ratio_reaches_least_squares()
    {
        var root = Path_("--data", Diabetes, "--intercept", "--norm", "l2");
        var ls = Ols(CsvDataset.Load(Diabetes));
        var last = Weights(root.GetProperty("points").EnumerateArray().Last());
        double norm = Math.Sqrt(ls.Sum(v => v * v));
        double gap = Math.Sqrt(ls.Zip(last, (a, b) => (a - b) * (a - b)).Sum());
        // the grid ends where ridge is within 0.2% of least squares (the old default stopped far short)
        Assert.True(gap <= 3e-3 * norm, $"‖w(λ_min) − ŵ‖ / ‖ŵ‖ = {gap / norm}");
        Assert.All(root.GetProperty("points").EnumerateArray(), p => Assert.True(p.GetProperty("certified").GetBoolean()));
    }

    [Fact]
    public void An_explicit_ratio_is_kept()
    {
        var root = Path_("--data", Diabetes, "--intercept", "--norm", "l2", "--ratio", "1e-7", "--count", "5");
        var lambdas = root.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("lambda").GetDouble()).ToArray();
        Assert.Equal(1e-7, lambdas[^1] / lambdas[0], 1e-12);
    }

    [Theory]
    [InlineData(new[] { "--norm", "l2", "--knots" }, "--knots: only the lasso")]
    [InlineData(new[] { "--xvar", "fraction", "--mark", "1.5" }, "--mark: 1.5 is not a shrinkage factor")]
    [InlineData(new[] { "--xvar", "fraction", "--mark", "-0.1" }, "--mark: -0.1 is not a shrinkage factor")]
    [InlineData(new[] { "--model", "exp", "--standardize" }, "--standardize scales feature columns of a linear model")]
    [InlineData(new[] { "--xvar", "share" }, "--xvar: unknown axis 'share' (valid: lambda, norm, fraction)")]
    public void Bad_path_axes_are_one_error_line(string[] args, string expected)
    {
        var r = CliRunner.Run(["path", .. args, "--out", Path.Combine(Dir, "bad.png")]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, Assert.Single(r.ErrorLines));
        Assert.Empty(Directory.GetFiles(Dir));
    }

    [Fact]
    public void A_constant_column_cannot_be_standardized()
    {
        string csv = Path.Combine(Dir, "c.csv");
        File.WriteAllText(csv, "a,c,y\n1,5,1\n2,5,3\n3,5,2\n4,5,5\n");
        var r = CliRunner.Run("path", "--data", csv, "--standardize", "--out", Path.Combine(Dir, "bad.png"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("column 'c' is constant", Assert.Single(r.ErrorLines));
    }

    [Fact]
    public void Fraction_path_matches_its_golden()
    {
        string path = Path.Combine(Dir, "f.png");
        var r = CliRunner.Run("path", "--data", Diabetes, "--intercept", "--xvar", "fraction", "--knots", "--mark", "0.36", "--size", "600x500", "--out", path);
        Assert.Equal(0, r.ExitCode);
        Figures.Golden.AssertMatches("path-fraction-knots.png", File.ReadAllBytes(path));
    }
}
