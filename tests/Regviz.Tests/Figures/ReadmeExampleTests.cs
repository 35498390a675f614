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

/// <summary>The default view (#18): the bold level set through w* is the figure's subject, so it is drawn whole when that is reasonable.</summary>
public class DefaultRangeTests : Support.ScratchFolder
{
    private JsonElement Touching(params string[] args)
    {
        string json = Path.Combine(Dir, "s.json");
        var r = CliRunner.Run([.. args, "--size", "400x400", "--grid", "200", "--json", json, "--out", Path.Combine(Dir, "s.png")]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        double level = doc.RootElement.GetProperty("touching").GetProperty("loss_level").GetDouble();
        return doc.RootElement.GetProperty("contours").GetProperty("loss").EnumerateArray()
            .Single(c => c.GetProperty("level").GetDouble() == level).GetProperty("lines").Clone();
    }

    private static bool Closed(JsonElement line)
    {
        var first = line[0];
        var last = line[line.GetArrayLength() - 1];
        return Math.Abs(first[0].GetDouble() - last[0].GetDouble()) < 1e-9 && Math.Abs(first[1].GetDouble() - last[1].GetDouble()) < 1e-9;
    }

    [Theory]
    [InlineData("l1")]
    [InlineData("l2")]
    [InlineData("linf")]
    public void The_level_set_through_the_optimum_is_whole_in_the_default_view(string norm)
    {
        // the built-in data at λ = 0.5: the ellipse through w* once ran off the right edge
        var lines = Touching("contour", "--norm", norm, "--lambda", "0.5");
        Assert.Equal(1, lines.GetArrayLength());
        Assert.True(Closed(lines[0]), "the level set through w* is cut by the frame");
    }

    [Fact]
    public void A_level_set_far_larger_than_the_ball_is_not_allowed_to_shrink_the_figure()
    {
        // a small ball: the ellipse through w* is many times its size, and the view stays on the ball
        var lines = Touching("contour", "--norm", "l2", "--radius", "0.3");
        Assert.All(lines.EnumerateArray(), line => Assert.False(Closed(line)));
    }
}
