using System.Text.RegularExpressions;
using Regviz.Cli;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// The program users run writes the same bytes as the command tree run in-process (JIT, what every other test
/// checks): the same PNG, SVG and JSON files and the same standard output. The program is a process of its own:
/// the regviz.dll built beside the tests, or, with REGVIZ_EXE set (.ci/run), the Native AOT executable; so this
/// is where "the AOT build draws exactly what the JIT build draws" is proved, down to the last byte.
/// </summary>
public partial class ExecutableParityTests : Support.ScratchFolder
{
    private const string D = "{dir}";

    public static TheoryData<string[]> Commands => new()
    {
        new[] { "contour", "--norm", "l1", "--lambda", "0.5", "--out", $"{D}/contour.png" },
        new[] { "contour", "--norm", "l1", "--lambda", "0.5", "--path", "--out", $"{D}/path.png", "--json", $"{D}/path.json" },
        new[] { "contour", "--norm", "l2", "--lambda", "0.5", "--path", "--size", "400x400", "--out", $"{D}/l2.svg" },
        new[] { "contour", "--norm", "linf", "--theme", "dark", "--size", "500x500", "--out", $"{D}/linf.png" },
        new[] { "contour", "--norm", "lp", "--p", "0.5", "--radius", "1", "--size", "500x500", "--out", $"{D}/lp.png" },
        new[] { "contour", "--norm", "elasticnet", "--loss", "logistic", "--lambda", "0.1", "--trace", "fista", "--size", "500x500", "--out", $"{D}/logistic.png" },
        new[] { "norm", "--norm", "l1", "--out", $"{D}/norm.png", "--json", $"{D}/norm.json" },
        new[] { "path", "--norm", "l1", "--data", "DIABETES", "--intercept", "--out", $"{D}/path-diabetes.png" },
        new[] { "sparsity", "--trials", "20000", "--seed", "1", "--json", "-", "--out", $"{D}/sparsity.png" },
        new[] { "solve", "--data", "DIABETES", "--intercept", "--norm", "elasticnet", "--lambda", "0.3", "--json", "-" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Process_writes_the_same_bytes_as_in_process(string[] command) => AssertSame(command);

    [Fact]
    public void Blog_manifest_figures_are_the_same_bytes() =>
        // 13 figures: logistic and exponential-model loss surfaces, optimiser traces, paths on real data
        AssertSame(["batch", Support.Repository.Path("samples", "blog", "figures.yaml"), "--out", D, "--jobs", "1", "--allow-read", Support.Repository.Path("samples", "data")]);

    private void AssertSame(string[] command)
    {
        string inProcess = Directory.CreateDirectory(Path.Combine(Dir, "in-process")).FullName;
        string process = Directory.CreateDirectory(Path.Combine(Dir, "process")).FullName;

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int expectedCode = RegvizApp.Run(Fill(command, inProcess), stdout, stderr);
        Assert.True(expectedCode == 0, stderr.ToString());

        using var p = CliRunner.Start(Fill(command, process));
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(5)), "the process did not finish within 5 minutes");
        p.WaitForExit();
        string who = CliRunner.Executable ?? "regviz.dll";
        Assert.True(p.ExitCode == 0, $"{who}: exit {p.ExitCode}\n{errors.Result}");

        // standard output names the folder it wrote to (and a batch's times); otherwise it is the same text
        Assert.Equal(Comparable(stdout.ToString(), inProcess), Comparable(output.Result, process));
        var expected = Files(inProcess);
        if (command.Any(a => a.Contains(D))) Assert.NotEmpty(expected);
        Assert.Equal(expected, Files(process));
        foreach (var name in expected)
        {
            var a = File.ReadAllBytes(Path.Combine(inProcess, name));
            var b = File.ReadAllBytes(Path.Combine(process, name));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{name}: {who} wrote {b.Length} bytes that differ from the in-process {a.Length}");
        }
    }

    private static string Comparable(string stdout, string dir) => Seconds().Replace(stdout.Replace(dir, D), "# s");

    [GeneratedRegex(@"\b\d+(\.\d+)? s\b")]
    private static partial Regex Seconds();

    private static string[] Fill(string[] command, string dir) =>
        [.. command.Select(a => a.Replace(D, dir).Replace("DIABETES", Core.DiabetesTests.CsvPath))];

    private static string[] Files(string dir) =>
        [.. Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal)];
}
