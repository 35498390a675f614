using BenchmarkDotNet.Attributes;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Plotting;
using Regviz.Core.Solvers;

namespace Regviz.Benchmarks;

/// <summary>
/// The layout engine's share of one contour figure (#23: at most 10% of its CPU), the scene made once: the figure as
/// regviz draws it (marks protected, legend placed, captions and contour values placed, the layout report collected),
/// the same without the report's last render step, and the same with no text in the data area and no legend (no
/// placement at all, and none of that text drawn either: an upper bound on what placing costs).
/// dotnet run -c Release --project tests/Regviz.Benchmarks -- --filter '*LayoutBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class LayoutBenchmarks
{
    private FigureStyle _style = null!;
    private ContourScene _scene = null!;
    private static readonly FigureParts NoText = FigureParts.All with { Labels = false, Legend = false };

    [Params(400, 800)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var spec = new ProblemSpec(BuiltInDataset.Create(), LossKind.Mse, false, new L1Penalty(), Form.Penalised(0.5));
        _style = new FigureStyle(Size, Size, Theme.Light, null);
        FontRegistry.EnsureRegistered();
        _scene = SceneBuilder.Contour(spec, new SceneOptions(null, 400, 10, true, _style.Frame().Aspect));
    }

    [Benchmark(Baseline = true)]
    public byte[] Figure() => FigureExport.Encode(ContourFigure.Render(_scene, _style), _style, "png");

    [Benchmark]
    public byte[] FigureWithoutReport()
    {
        var plot = ContourFigure.Render(_scene, _style);
        // the report is the last render step (Regviz.Plotting's internal LayoutLog)
        plot.RenderManager.RenderActions.RemoveAll(a => a.GetType().Name == "LayoutLog");
        return FigureExport.Encode(plot, _style, "png");
    }

    [Benchmark]
    public byte[] FigureWithoutText() => FigureExport.Encode(ContourFigure.Render(_scene, _style, NoText), _style, "png");
}
