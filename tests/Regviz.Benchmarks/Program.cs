using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Regviz.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Regviz.Benchmarks.FigureBenchmarks).Assembly).Run(args);
