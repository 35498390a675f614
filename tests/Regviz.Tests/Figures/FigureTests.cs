using System.Text.Json;
using System.Xml.Linq;
using Regviz.Cli.Options;
using Regviz.Core.Penalties;
using Regviz.Tests.Cli;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Figures;

[Collection(Support.CurrentDirectory.Collection)]
public class FigureTests : Support.ScratchFolder
{
    private byte[] Render(string file, params string[] args)
    {
        string path = Path.Combine(Dir, file);
        var r = CliRunner.Run([.. args, "--out", path]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(path, r.Stdout.Trim());
        return File.ReadAllBytes(path);
    }

    private static readonly string[] Small = ["--size", "400x400", "--grid", "120"];

    [Theory]
    [InlineData("contour-l1.png", "contour", "--norm", "l1", "--lambda", "0.5", "--path")]
    [InlineData("contour-l2.png", "contour", "--norm", "l2", "--lambda", "0.5", "--path")]
    [InlineData("contour-linf-dark.png", "contour", "--norm", "linf", "--theme", "dark")]
    [InlineData("norm-l1.png", "norm", "--norm", "l1")]
    [InlineData("norm-l2.png", "norm", "--norm", "l2")]
    [InlineData("contour-mcp.png", "contour", "--norm", "mcp", "--lambda", "0.5")]
    [InlineData("norm-mcp.png", "norm", "--norm", "mcp")]
    public void Figure_matches_its_golden(string golden, params string[] args) =>
        Golden.AssertMatches(golden, Render(golden, [.. args, .. Small]));

    [Fact]
    public void Same_command_gives_the_same_bytes()
    {
        var a = Render("a.png", ["contour", "--norm", "l1", .. Small]);
        var b = Render("b.png", ["contour", "--norm", "l1", .. Small]);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Svg_is_well_formed_vector_output_in_the_shipped_font()
    {
        var bytes = Render("c.svg", ["contour", "--norm", "l1", .. Small]);
        var doc = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        Assert.Equal("400", doc.Root.Attribute("width")?.Value);
        Assert.True(doc.Descendants().Count(e => e.Name.LocalName is "path" or "polyline" or "line") > 20);
        var families = doc.Descendants().Select(e => e.Attribute("font-family")?.Value).Where(f => f is not null).Distinct().ToList();
        Assert.NotEmpty(families);
        // the shipped DejaVu Sans, by its own family name: never the machine's default font
        Assert.All(families, f => Assert.Equal("DejaVu Sans", f));
    }

    /// <summary>Every registered penalty, at its parameters' defaults.</summary>
    public static TheoryData<string> Norms => [.. PenaltyCatalogue.Names];

    [Theory]
    [MemberData(nameof(Norms))]
    public void Sidecar_norm_contours_lie_on_their_level_and_the_optimum_equals_solve(string norm)
    {
        string json = Path.Combine(Dir, "s.json");
        Render("s.png", ["contour", "--norm", norm, "--lambda", "0.4", "--json", json, "--path", .. Small]);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        var penalty = PenaltyCatalogue.Create(norm)!.At(0.4); // MCP and SCAD are drawn as they are at λ

        // every level P reaches has points, and every point is checked: an empty sidecar must not pass. A penalty that
        // stops rising (MCP, SCAD: at most 2·Top in the plane) has no level set above its supremum
        var contours = root.GetProperty("contours").GetProperty("norm").EnumerateArray().ToList();
        Assert.NotEmpty(contours);
        double supremum = penalty.Value([1e12, 1e12]);
        int checkedPoints = 0;
        foreach (var c in contours)
        {
            double level = c.GetProperty("level").GetDouble();
            var points = c.GetProperty("lines").EnumerateArray().SelectMany(line => line.EnumerateArray()).ToList();
            if (level < supremum) Assert.True(points.Count >= 4, $"{norm}: the contour of level {level:R} has {points.Count} points");
            else Assert.Empty(points);
            checkedPoints += points.Count;
            foreach (var pt in points)
            {
                double v = penalty.Value([pt[0].GetDouble(), pt[1].GetDouble()]);
                Assert.True(Math.Abs(v - level) <= 1e-9 * level, $"{norm}: P = {v:R} on the contour of level {level:R}");
            }
        }
        Assert.True(checkedPoints >= 20, $"{norm}: {checkedPoints} points on the penalty's contours");

        var solve = CliRunner.Run("solve", "--norm", norm, "--lambda", "0.4", "--json", "-");
        Assert.Equal(0, solve.ExitCode);
        using var s = JsonDocument.Parse(solve.Stdout);
        var expected = s.RootElement.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(2, expected.Length);
        var actual = root.GetProperty("optimum").GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(expected, actual);
        Assert.Equal(s.RootElement.GetProperty("objective").GetDouble(), root.GetProperty("optimum").GetProperty("objective").GetDouble());
        // the path starts at least squares (λ = 0); for l1 it is the exact knots (three in the plane here)
        var path = root.GetProperty("path");
        Assert.Equal(0.0, path[0].GetProperty("lambda").GetDouble());
        Assert.True(norm == "l1" ? path.GetArrayLength() == 3 : path.GetArrayLength() > 10, $"{path.GetArrayLength()} path points");
    }

    [Fact]
    public void Sidecar_loss_contours_lie_on_their_level_and_one_passes_through_the_optimum()
    {
        string json = Path.Combine(Dir, "s.json");
        Render("s.png", "contour", "--norm", "l1", "--json", json, "--grid", "400");
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        var problem = new Regviz.Core.Problems.ProblemSpec(Regviz.Core.Data.BuiltInDataset.Create(),
            Regviz.Core.Problems.LossKind.Mse, false, new L1Penalty(), Form.Penalised(0.5));
        var loss = root.GetProperty("contours").GetProperty("loss");
        Assert.True(loss.GetArrayLength() >= 5);
        int checkedPoints = 0;
        double through = root.GetProperty("optimum").GetProperty("data_term").GetDouble();
        Assert.Contains(loss.EnumerateArray(), c => c.GetProperty("level").GetDouble() == through);
        Assert.Equal(through, root.GetProperty("touching").GetProperty("loss_level").GetDouble());
        foreach (var c in loss.EnumerateArray())
        {
            double level = c.GetProperty("level").GetDouble();
            foreach (var line in c.GetProperty("lines").EnumerateArray())
                foreach (var pt in line.EnumerateArray())
                {
                    // linear interpolation on a grid cell of a quadratic: error ≤ D'' h²/8, tiny at 400 cells
                    double v = problem.Loss.Value([pt[0].GetDouble(), pt[1].GetDouble()]);
                    Assert.True(Math.Abs(v - level) <= 1e-3 * Math.Max(1, level), $"D = {v} on the contour of level {level}");
                    checkedPoints++;
                }
        }
        Assert.True(checkedPoints >= 100, $"only {checkedPoints} loss contour points checked");
    }

    [Fact]
    public void Norm_sidecar_goes_to_stdout_with_dash()
    {
        var r = CliRunner.Run("norm", "--norm", "l1", "--json", "-", "--out", Path.Combine(Dir, "n.png"), "--levels", "4");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var levels = doc.RootElement.GetProperty("contours").GetProperty("norm").EnumerateArray().Select(c => c.GetProperty("level").GetDouble());
        Assert.Equal([0.25, 0.5, 0.75, 1.0], levels);
    }

    [Theory]
    [InlineData("contour-l2-lambda0.5.png", "--norm", "l2", "--lambda", "0.5", "--path")]
    [InlineData("contour-l2-exp-trace-ista-lambda0.5.png", "--model", "exp", "--norm", "l2", "--lambda", "0.5", "--trace", "ista")]
    [InlineData("contour-l1-logistic-lambda0.1.png", "--loss", "logistic", "--lambda", "0.1")]
    public void Default_output_names_tell_model_loss_and_trace_apart(string expected, params string[] args)
    {
        // two README examples once wrote the same default name, and the second silently replaced the first
        string old = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Dir;
            var r = CliRunner.Run(["contour", .. args, .. Small]);
            Assert.Equal(0, r.ExitCode);
            string name = Support.DefaultName.AssertSuffixed(expected, r.Stdout.Trim()); // --size and --grid add the suffix
            Assert.True(File.Exists(Path.Combine(Dir, name)));
        }
        finally { Environment.CurrentDirectory = old; }
    }

    [Fact]
    public void Default_output_name_is_descriptive_and_in_the_currentDirectory()
    {
        string old = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Dir;
            var r = CliRunner.Run(["contour", "--norm", "lp", "--p", "0.5", "--lambda", "0.25", .. Small]);
            Assert.Equal(0, r.ExitCode);
            string name = Support.DefaultName.AssertSuffixed("contour-lp-p0.5-lambda0.25.png", r.Stdout.Trim());
            Assert.True(File.Exists(Path.Combine(Dir, name)));
        }
        finally { Environment.CurrentDirectory = old; }
    }

    public static TheoryData<string[], string> BadFigureInputs => new()
    {
        { ["contour", "--range", "1:0,0:1"], "--range: the w1 interval 1:0 is empty" },
        { ["contour", "--range", "a:b,0:1"], "--range: 'a:b,0:1' is not of the form x0:x1,y0:y1" },
        { ["contour", "--range", "0:1"], "--range: '0:1' is not of the form" },
        { ["contour", "--size", "20000x100"], "--size: 20000x100 is outside" },
        { ["contour", "--size", "big"], "--size: 'big' is not of the form WxH" },
        { ["contour", "--grid", "5000"], "--grid: 5000 is outside 10..4000" },
        { ["contour", "--levels", "0"], "--levels: 0 is outside 1..60" },
        { ["contour", "--theme", "blue"], "--theme: unknown theme 'blue'" },
        { ["contour", "--out", "x.jpg"], "--out: 'x.jpg' must end in .png, .svg or .pdf" },
        { ["contour", "--out", "/no/such/dir/x.png"], "--out: the folder of '/no/such/dir/x.png' does not exist" },
        { ["contour", "--data", "DIABETES"], "a figure in the parameter plane needs exactly two parameters, the data has 10" },
        { ["contour", "--features", "x1"], "needs exactly two parameters, the data has 1" },
        { ["norm", "--norm", "l0"], "--norm: unknown norm 'l0'" },
    };

    [Theory]
    [MemberData(nameof(BadFigureInputs))]
    public void Bad_figure_input_gets_one_error_line_exit_2_and_no_file(string[] args, string expected)
    {
        var fixedArgs = args.Select(a => a == "DIABETES" ? Regviz.Tests.Core.DiabetesTests.CsvPath : a).ToList();
        if (!fixedArgs.Contains("--out")) fixedArgs.AddRange(["--out", Path.Combine(Dir, "bad.png")]);
        var r = CliRunner.Run([.. fixedArgs]);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(r.ErrorLines));
        Assert.Contains(expected, r.Stderr);
        Assert.Empty(Directory.GetFiles(Dir));
    }

    [Fact]
    public void Failed_run_leaves_the_previous_figure_untouched()
    {
        string path = Path.Combine(Dir, "keep.png");
        File.WriteAllBytes(path, [1, 2, 3]);
        var r = CliRunner.Run("contour", "--grid", "9", "--out", path);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
    }
}
