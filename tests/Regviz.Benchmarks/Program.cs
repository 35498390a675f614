using BenchmarkDotNet.Running;
using Regviz.Benchmarks;

// dotnet run -c Release --project tests/Regviz.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Regviz.Benchmarks -- logistic-csv FILE [ROWS] [SEED]
if (args is ["logistic-csv", var path, .. var rest])
{
    LogisticCsv.Write(path, rest.Length > 0 ? int.Parse(rest[0]) : 200_000, rest.Length > 1 ? int.Parse(rest[1]) : 1);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(FigureBenchmarks).Assembly).Run(args);
