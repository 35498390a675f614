using System.Text.Json;
using Regviz.Tests.Core;
using Xunit;

namespace Regviz.Tests.Cli;

public class SolveCommandTests : Support.ScratchFolder
{
    [Fact]
    public void Json_has_the_documented_keys_and_round_trip_numbers()
    {
        var r = CliRunner.Run("solve", "--norm", "l1", "--lambda", "0.3", "--data", DiabetesTests.CsvPath, "--intercept", "--json", "-");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal("l1", root.GetProperty("norm").GetString());
        Assert.Equal(0.3, root.GetProperty("lambda").GetDouble());
        Assert.Equal(10, root.GetProperty("features").GetArrayLength());
        Assert.Equal("bmi", root.GetProperty("features")[2].GetString());
        Assert.Equal(512.6045864244516, root.GetProperty("weights")[2].GetDouble(), 1e-6);
        Assert.Equal(0.0, root.GetProperty("weights")[0].GetDouble());
        Assert.Equal(152.13348416289602, root.GetProperty("intercept").GetDouble(), 1e-9);
        // J = D + λP recomputed from the printed parts
        double j = root.GetProperty("objective").GetDouble();
        Assert.Equal(root.GetProperty("data_term").GetDouble() + 0.3 * root.GetProperty("penalty").GetDouble(), j, 1e-9);
    }

    [Fact]
    public void Small_parameters_and_single_rows_read_as_they_are()
    {
        // p = 0.0001 was shown as "p = 0", and one row as "1 rows"
        var r = CliRunner.Run("solve", "--norm", "lp", "--p", "0.0001", "--lambda", "0.01");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("lp (p = 0.0001), λ = 0.01", r.Stdout);
        string csv = Path.Combine(Dir, "one.csv");
        File.WriteAllText(csv, "x1,y\n2,3\n");
        var one = CliRunner.Run("solve", "--data", csv, "--norm", "l2", "--lambda", "0.5");
        Assert.Equal(0, one.ExitCode);
        Assert.Contains(", 1 row", one.Stdout.Split('\n')[0]);
        Assert.DoesNotContain("1 rows", one.Stdout);
    }

    [Fact]
    public void Radius_reports_the_equivalent_lambda_and_D_as_objective()
    {
        var r = CliRunner.Run("solve", "--norm", "l2", "--radius", "0.5", "--json", "-");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var w = doc.RootElement.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(0.5, Math.Sqrt(w.Sum(x => x * x)), 1e-12);
        Assert.True(doc.RootElement.GetProperty("lambda").GetDouble() > 0);
        Assert.Equal(doc.RootElement.GetProperty("data_term").GetDouble(), doc.RootElement.GetProperty("objective").GetDouble());
    }

    [Fact]
    public void Table_marks_the_sparse_weight_with_an_exact_zero()
    {
        var r = CliRunner.Run("solve", "--norm", "l1", "--lambda", "0.5");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"x2\s+0\n", r.Stdout);
        Assert.Contains("non-zero: 1 of 2", r.Stdout);
    }

    [Fact]
    public void Json_file_is_written_and_table_still_printed()
    {
        string path = Path.Combine(Dir, "s.json");
        var r = CliRunner.Run("solve", "--json", path);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("non-zero", r.Stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal("l1", doc.RootElement.GetProperty("norm").GetString());
        Assert.Single(Directory.GetFiles(Dir)); // no temporary file left behind
    }

    public static TheoryData<string[], string> BadInputs => new()
    {
        // every registered penalty is listed, the test assembly's own too
        { ["solve", "--norm", "l3"], $"--norm: unknown norm 'l3' (did you mean 'l1'? valid: {Catalogue.TestPenalties.Listed})" },
        { ["solve", "--lambda", "-1"], "--lambda: -1 is not allowed" },
        { ["solve", "--lambda", "NaN"], "--lambda: 'NaN' is not finite" },
        { ["solve", "--lambda", "Infinity"], "--lambda: 'Infinity' is not finite" },
        { ["solve", "--lambda", "abc"], "--lambda: 'abc' is not a number" },
        { ["solve", "--lambda", "1", "--radius", "1"], "--lambda and --radius cannot be used together" },
        { ["solve", "--radius", "0"], "--radius: 0 is not allowed" },
        { ["solve", "--norm", "elasticnet", "--alpha", "1.5"], "--alpha: 1.5 is outside [0, 1]" },
        { ["solve", "--norm", "lp", "--p", "0"], "--p: 0 must be a finite number > 0" },
        { ["solve", "--norm", "lp", "--p", "-2"], "--p: -2 must be a finite number > 0" },
        { ["solve", "--data", "/no/such.csv"], "--data: file '/no/such.csv' does not exist" },
        { ["solve", "--loss", "mae"], "--loss: unknown loss 'mae' (did you mean 'mse'? valid: mse, sse, logistic)" },
        { ["solve", "--features", "x1,x9"], "--features: no column 'x9'" },
        { ["solve", "--features", "x1,,x2"], "--features: 'x1,,x2' has an empty name" },
        { ["solve", "--target", "q"], "--target: the built-in data has target 'y' only" },
        { ["solve", "--bogus"], "--bogus" },
        { ["solve", "--lambda", "0", "--features", "x1,x2", "--data", "Data/collinear.csv"], "--lambda 0: the least-squares optimum is not unique" },
        { ["solve", "--data", "Data/zero-column.csv", "--lambda", "0"], "--lambda 0: column 'z' is all zero: at λ = 0 any weight on it fits as well" },
        { ["solve", "--data", "Data/constant-column.csv", "--intercept", "--norm", "linf"], "--norm linf: column 'c' is constant, and linf charges nothing for a weight below the largest" },
        { ["solve", "--data", "Data/one-row.csv", "--intercept"], "1 row(s) is too few" },
        { ["solve", "--data", "Data/ragged.csv"], "line 3 has 2 fields, the header has 3" },
        { ["solve", "--data", "Data/bad-cell.csv"], "line 2, column 1: 'one' is not a finite number" },
        { ["solve", "--data", "Data/empty.csv"], "is empty" },
        { ["solve", "--data", "Data/no-header.csv"], "has no header row" },
        { ["solve", "--norm", "lp", "--radius", "1", "--data", DiabetesTests.CsvPath], "lp with p < 1 in constrained form needs exactly two parameters" },
        { ["solve", "--json", "/no/such/dir/out.json"], "--json: the folder of '/no/such/dir/out.json' does not exist" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_gets_one_error_line_and_exit_code_2(string[] args, string expected)
    {
        var fixedArgs = args.Select(a => a.StartsWith("Data/") ? Path.Combine(AppContext.BaseDirectory, a) : a).ToArray();
        var r = CliRunner.Run(fixedArgs);
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.ErrorLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", r.Stderr); // no stack trace
    }
}

public class BeyondLeastSquaresCliTests : Support.ScratchFolder
{
    [Theory]
    [InlineData("contour", "--loss", "logistic", "--norm", "l1", "--lambda", "0.15", "--trace", "gd")]
    [InlineData("contour", "--model", "exp", "--norm", "l2", "--lambda", "0.5", "--trace", "ista", "--start", "2,-0.5")]
    [InlineData("contour", "--norm", "l1", "--trace", "cd", "--start", "-1,1.5", "--steps", "6")]
    [InlineData("path", "--loss", "logistic", "--norm", "elasticnet")]
    public void Figures_beyond_least_squares_are_made_with_their_numbers(params string[] args)
    {
        string png = Path.Combine(Dir, "f.png"), json = Path.Combine(Dir, "f.json");
        var r = CliRunner.Run([.. args, "--out", png, "--json", json, "--size", "400x400", .. args[0] == "contour" ? new[] { "--grid", "80" } : []]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        if (args.Contains("--trace"))
        {
            var trace = doc.RootElement.GetProperty("trace");
            Assert.True(trace.GetArrayLength() > 2);
            Assert.All(trace.EnumerateArray(), p => Assert.True(double.IsFinite(p[0].GetDouble())));
        }
    }

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["solve", "--loss", "logistic", "--data", Regviz.Tests.Core.DiabetesTests.CsvPath], "--loss logistic: labels must be 0 or 1; row 1 of 'progression' is 151" },
        { ["solve", "--model", "exp", "--features", "age,sex", "--data", Regviz.Tests.Core.DiabetesTests.CsvPath], "--model exp: f(x; w) = w1·exp(w2·x) takes exactly one feature column" },
        { ["solve", "--model", "cubic"], "--model: unknown model 'cubic' (valid: linear, exp, tanh)" },
        { ["solve", "--model", "exp", "--radius", "1"], "--radius: the constrained form needs a convex problem" },
        { ["contour", "--trace", "ista", "--start", "1,x"], "--start: '1,x' is not two finite numbers w1,w2" },
        { ["contour", "--trace", "ista", "--start", "1,2,3"], "--start: '1,2,3' is not two finite numbers" },
        { ["contour", "--trace", "newton"], "--trace: unknown method 'newton' (valid: gd, ista, fista, cd)" },
        { ["contour", "--trace", "cd", "--norm", "linf"], "--trace cd: coordinate descent needs a penalty that is a sum over coordinates" },
        { ["contour", "--start", "1,1"], "--start goes with --trace" },
        { ["contour", "--trace", "gd", "--steps", "0"], "--steps: 0 is outside 1..100000" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_one_error_line_and_exit_2(string[] args, string expected)
    {
        var r = CliRunner.Run([.. args, .. args[0] == "contour" ? new[] { "--out", Path.Combine(Dir, "x.png") } : []]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, Assert.Single(r.ErrorLines));
    }
}
