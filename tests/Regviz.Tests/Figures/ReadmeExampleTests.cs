using System.Text.Json;
using System.Text.RegularExpressions;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>The README's examples must show what they are there to show (#18: the diabetes contour once put w* at the origin).</summary>
public class ReadmeExampleTests : Support.ScratchFolder
{
    [Fact]
    public void Diabetes_contour_example_has_a_ball_to_see()
    {
        string readme = File.ReadAllText(Support.Repository.Path("README.md"));
        var line = Regex.Match(readme, @"dotnet run --project src/Regviz.Cli -- (contour --data samples/data/diabetes.csv [^\n]*)");
        Assert.True(line.Success, "the README has no diabetes contour example");
        var args = line.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a == "samples/data/diabetes.csv" ? Core.DiabetesTests.CsvPath : a).ToList();
        string json = Path.Combine(Dir, "d.json");
        var r = CliRunner.Run([.. args, "--size", "400x400", "--grid", "100", "--json", json, "--out", Path.Combine(Dir, "d.png")]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var w = doc.RootElement.GetProperty("optimum").GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.True(w.Any(v => v != 0), "w* is the origin: the figure has no ball");
        Assert.Equal(JsonValueKind.Number, doc.RootElement.GetProperty("touching").GetProperty("norm_level").ValueKind);
        // and the ball through w* is in view, not a speck beside the least-squares point
        var range = doc.RootElement.GetProperty("range");
        double span = range.GetProperty("x1").GetDouble() - range.GetProperty("x0").GetDouble();
        Assert.True(w.Sum(Math.Abs) > 0.1 * span, $"‖w*‖₁ = {w.Sum(Math.Abs)} in a view {span} wide");
    }
}
