using BenchmarkDotNet.Attributes;
using Regviz.Cli;

namespace Regviz.Benchmarks;

/// <summary>
/// A 500-figure `batch --check` with and without its three reports (HTML with images, JUnit, JSON), through the real
/// command line: the budget is at most 15% more time with the reports. Every figure passes, as in most CI
/// runs, so the report copies all 500 results; small figures make the reports' share as large as it gets.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class CheckReportBenchmarks
{
    private const int Figures = 500;
    private string _dir = null!, _manifest = null!, _golden = null!;

    [Params(false, true)]
    public bool Reports { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("regviz-bench-").FullName;
        string[] kinds = ["norm --norm l1", "norm --norm l2", "norm --norm linf", "contour --norm l1 --lambda 0.5", "contour --norm l2 --lambda 0.3"];
        var lines = Enumerable.Range(0, Figures).Select(i => $"  - {{ out: f{i:000}.png, args: {kinds[i % kinds.Length]} --title f{i} }}");
        _manifest = Path.Combine(_dir, "m.yaml");
        File.WriteAllText(_manifest, "defaults: --size 300x300 --grid 60\nfigures:\n" + string.Join("\n", lines) + "\n");
        _golden = Path.Combine(_dir, "golden");
        if (RegvizApp.Run(["batch", _manifest, "--out", _golden], TextWriter.Null, TextWriter.Null) != 0)
            throw new InvalidOperationException("the goldens could not be made");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark]
    public int Check()
    {
        string[] args = ["batch", _manifest, "--check", _golden, "--jobs", "2"];
        if (Reports)
            args = [.. args, "--report", Path.Combine(_dir, "report"), "--junit", Path.Combine(_dir, "junit.xml"), "--summary", Path.Combine(_dir, "summary.json")];
        int code = RegvizApp.Run(args, TextWriter.Null, TextWriter.Null);
        return code == 0 ? code : throw new InvalidOperationException($"the check exited {code}");
    }
}
