using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace Regviz.Benchmarks;

/// <summary>
/// One figure from a cold process of an installed regviz, as a user runs it: start-up (the runtime, Skia, the fonts)
/// is what an in-process benchmark never sees again after its first call. The executables come from
/// REGVIZ_BENCH_EXES (paths separated by ':', e.g. the tool before and after a change):
/// <c>REGVIZ_BENCH_EXES=/tmp/a/regviz:/tmp/b/regviz dotnet run -c Release --project tests/Regviz.Benchmarks -- --filter '*ColdStart*' --job short</c>.
/// </summary>
public class ColdStartBenchmarks
{
    private string _dir = null!;

    public static IEnumerable<string> Executables() =>
        (Environment.GetEnvironmentVariable("REGVIZ_BENCH_EXES") ?? "regviz").Split(':', StringSplitOptions.RemoveEmptyEntries);

    [ParamsSource(nameof(Executables))]
    public string Exe { get; set; } = "";

    [Params("contour --norm l1 --lambda 0.5 --path", "ball --norm l1", "surface --norm l1 --lambda 0.5", "animate --norm l1", "animate --norm l2")]
    public string Figure { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _dir = Directory.CreateTempSubdirectory("regviz-cold-").FullName;

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark]
    public int Process()
    {
        var start = new ProcessStartInfo(Exe, [.. Figure.Split(' '), "--out", Path.Combine(_dir, "f.png")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? 0 : throw new InvalidOperationException($"{Exe} exited {process.ExitCode}");
    }
}
