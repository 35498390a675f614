using BenchmarkDotNet.Attributes;
using Regviz.Cli;

namespace Regviz.Benchmarks;

/// <summary>
/// One 3-D figure through the real command line, warm (the CPU a figure costs once the tool is running, as in a
/// batch): the budget is under 100 ms for a ball or a surface, and a PDF within twice its PNG.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class ThreeDBenchmarks
{
    private string _dir = null!;

    [Params("ball --norm l1", "surface --norm l1 --lambda 0.5", "contour --norm l1 --lambda 0.5")]
    public string Figure { get; set; } = "";

    [Params("png", "pdf")]
    public string Format { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _dir = Directory.CreateTempSubdirectory("regviz-bench-").FullName;

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark]
    public int Render()
    {
        int code = RegvizApp.Run([.. Figure.Split(' '), "--out", Path.Combine(_dir, "f." + Format)], TextWriter.Null, TextWriter.Null);
        return code == 0 ? code : throw new InvalidOperationException($"exited {code}");
    }
}
