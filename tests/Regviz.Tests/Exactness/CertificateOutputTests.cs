using System.Text.Json;
using Regviz.Cli.Output;
using Regviz.Core.Certificates;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Exactness;

/// <summary>The certificate where users read it: solve's JSON and table, path and contour sidecars, the stderr warning.</summary>
public class CertificateOutputTests : Support.ScratchFolder
{
    [Fact]
    public void Solve_json_and_table_carry_the_certificate()
    {
        var json = CliRunner.Run("solve", "--norm", "l1", "--lambda", "0.3", "--data", Core.DiabetesTests.CsvPath, "--intercept", "--json", "-");
        Assert.Equal(0, json.ExitCode);
        var root = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.True(root.GetProperty("certified").GetBoolean());
        Assert.InRange(root.GetProperty("kkt").GetDouble(), 0, 1e-9);
        Assert.Equal("", json.Stderr);

        var table = CliRunner.Run("solve", "--norm", "l1", "--radius", "1");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("optimality: KKT residual", table.Stdout);
        Assert.Contains("certified optimal", table.Stdout);
    }

    [Fact]
    public void Path_points_knots_and_contour_optimum_carry_the_certificate()
    {
        var path = CliRunner.Run("path", "--out", Path.Combine(Dir, "p.png"), "--json", Path.Combine(Dir, "p.json"));
        Assert.Equal(0, path.ExitCode);
        var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "p.json"))).RootElement;
        foreach (var name in new[] { "points", "knots" })
            foreach (var p in doc.GetProperty(name).EnumerateArray())
            {
                Assert.True(p.GetProperty("certified").GetBoolean());
                Assert.InRange(p.GetProperty("kkt").GetDouble(), 0, 1e-9);
            }

        var contour = CliRunner.Run("contour", "--norm", "linf", "--radius", "0.5", "--out", Path.Combine(Dir, "c.png"), "--json", Path.Combine(Dir, "c.json"));
        Assert.Equal(0, contour.ExitCode);
        var optimum = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "c.json"))).RootElement.GetProperty("optimum");
        Assert.True(optimum.GetProperty("certified").GetBoolean());
        Assert.InRange(Math.Abs(optimum.GetProperty("norm_gap").GetDouble()), 0, 1e-11);
    }

    [Fact]
    public void An_uncertified_answer_owes_one_warning_line_and_a_certified_one_none()
    {
        var err = new StringWriter();
        CertificateOut.Warn(new StderrWarnings(err), new Certificate(3e-6, false), "the optimum");
        var lines = err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("warning: the optimum is not certified: KKT residual 3E-06", lines[0]);

        var quiet = new StringWriter();
        CertificateOut.Warn(new StderrWarnings(quiet), new Certificate(1e-12, true), "the optimum");
        Assert.Equal("", quiet.ToString());
    }
}
