using System.Diagnostics;
using System.Runtime.InteropServices;
using Xunit;

namespace Regviz.Tests.Hostile;

/// <summary>
/// Resource bombs, each in its own regviz process so that a regression is a failed test rather than a crashed test
/// host (a stack overflow cannot be caught) and so that peak memory can be read. Bounds are generous: they separate
/// "bounded" from "grows with the input", not one allocation strategy from another.
/// </summary>
public class ResourceTests : HostileFolder
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private (int Code, string Stdout, string Stderr, double PeakMb) Bomb(int exitCode, string expected, double maxMb, params string[] args)
    {
        var r = RunProcess(Patience, args);
        Assert.True(r.Code == exitCode, $"exit {r.Code}\n{r.Stderr}");
        NoStackTrace(r.Stdout + r.Stderr);
        if (exitCode != 0)
            Assert.Contains(expected, Assert.Single(r.Stderr.Split('\n'), l => l.StartsWith("error: ")));
        Assert.True(r.PeakMb < maxMb, $"peak {r.PeakMb:0} MB, bound {maxMb} MB");
        NoTemporaries();
        return r;
    }

    [Fact]
    public void Two_thousand_small_figures_peak_under_300_MB()
    {
        // every figure different (its own λ), each small and quick: what grows with the count is what a batch retains
        var lines = Enumerable.Range(0, 2000).Select(i => $"  - {{ out: f{i}.png, args: contour --lambda {0.1 + i * 1e-4:0.0000} }}");
        string manifest = Write("m.yaml", "defaults: --size 100x100 --grid 10\nfigures:\n" + string.Join("\n", lines) + "\n");
        var r = Bomb(0, "", 300, "batch", manifest, "--out", PathOf("out"), "--jobs", "2");
        Assert.Contains("2000 made", r.Stdout);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void Yaml_nested_50000_deep_is_refused_without_a_stack_overflow(string open, string close)
    {
        string deep = "figures:\n  " + string.Concat(Enumerable.Repeat(open, 50_000)) + string.Concat(Enumerable.Repeat(close, 50_000)) + "\n";
        Bomb(2, "nested deeper than 64 levels", 300, "batch", Write("deep.yaml", deep), "--out", PathOf("out"));
    }

    [Theory]
    [InlineData("solve", "--data", "line 1 has a NUL byte")]
    [InlineData("batch", null, "line 1 has a NUL byte")]
    [InlineData("compare", "/dev/zero", "is not a readable image")]
    public void Dev_zero_is_refused_quickly_and_small(string command, string? option, string expected) =>
        Bomb(2, expected, 300, option is null ? [command, "/dev/zero"] : [command, option, "/dev/zero"]);

    [Fact]
    public void Png_bomb_is_refused_from_its_header()
    {
        // a real 20000x20000 PNG of one colour: 1 MB on disk, 1.6 GB decoded
        string bomb = PathOf("bomb.png");
        var r = RunProcess(Patience, "norm", "--size", "100x100", "--out", PathOf("small.png"));
        Assert.Equal(0, r.Code);
        File.WriteAllBytes(bomb, PngBytes.Grey(20_000, 20_000, rows: 20_000));
        Bomb(2, "20000x20000 = 400,000,000 pixels", 300, "compare", bomb, bomb);
        Bomb(2, "20000x20000", 300, "compare", PathOf("small.png"), bomb);
    }

    [Fact]
    public void Ctrl_c_exits_130_leaving_no_partial_or_temporary_file()
    {
        var lines = Enumerable.Range(0, 60).Select(i => $"  - {{ out: f{i:00}.png, args: contour --norm l2 --grid 1500 --size 1500x1500 }}");
        string manifest = Write("m.yaml", "figures:\n" + string.Join("\n", lines) + "\n");
        string outDir = PathOf("out");
        using var p = Start("batch", manifest, "--out", outDir, "--jobs", "2");
        var stderr = new System.Text.StringBuilder();
        p.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        p.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        // once a figure is reported the handler is installed and the others are mid-work
        while (!p.HasExited && DateTime.UtcNow < deadline && !stderr.ToString().Contains(" ok ")) Thread.Sleep(10);
        Assert.False(p.HasExited, "the batch ended before it could be interrupted; make it longer");
        Assert.Equal(0, Kill(p.Id, 2)); // SIGINT, as Ctrl-C sends
        if (!p.WaitForExit(30_000))
        {
            p.Kill(entireProcessTree: true); // a failed test must not leave its run behind
            Assert.Fail("regviz did not stop after SIGINT");
        }
        p.WaitForExit();
        Assert.Equal(130, p.ExitCode);
        Assert.Contains("error: interrupted", stderr.ToString());
        NoTemporaries();
        var files = Directory.GetFiles(outDir);
        Assert.True(files.Length < 60);
        foreach (var f in files)
        {
            Assert.EndsWith(".png", f);
            Assert.NotNull(Regviz.Plotting.ImageComparison.Decode(File.ReadAllBytes(f)));
        }
    }

    [Fact]
    public void Ctrl_c_stops_a_long_single_command_with_130_and_no_output()
    {
        using var p = Start("sparsity", "--trials", "1000000000", "--out", PathOf("s.png"), "--json", PathOf("s.json"));
        var stderr = new System.Text.StringBuilder();
        p.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        p.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        // the first progress line (after a second of work) says the handler is installed and the work under way
        while (!p.HasExited && DateTime.UtcNow < deadline && !stderr.ToString().Contains("trials (")) Thread.Sleep(10);
        Assert.False(p.HasExited, stderr.ToString());
        Assert.Equal(0, Kill(p.Id, 2));
        if (!p.WaitForExit(30_000))
        {
            p.Kill(entireProcessTree: true); // a failed test must not leave its run behind
            Assert.Fail("regviz did not stop after SIGINT");
        }
        p.WaitForExit();
        Assert.Equal(130, p.ExitCode);
        Assert.Single(stderr.ToString().Split('\n'), l => l.StartsWith("error: "));
        Assert.Empty(Directory.GetFileSystemEntries(Dir));
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
