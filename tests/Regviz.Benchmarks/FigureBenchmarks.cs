using BenchmarkDotNet.Attributes;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Plotting;

namespace Regviz.Benchmarks;

/// <summary>One contour figure: the scene (solve, grid, contours, levels) and the PNG, as `regviz contour` makes them.</summary>
[MemoryDiagnoser]
public class FigureBenchmarks
{
    private ProblemSpec _spec = null!;
    private FigureStyle _style = null!;
    private ContourScene _scene = null!;

    [Params(400, 2000)]
    public int Grid { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _spec = new ProblemSpec(BuiltInDataset.Create(), LossKind.Mse, false, new L1Penalty(), 0.5, null);
        _style = new FigureStyle(800, 800, Theme.Light, null);
        FontRegistry.EnsureRegistered();
        _scene = Scene();
    }

    private ContourScene Scene() => SceneBuilder.Contour(_spec, new SceneOptions(null, Grid, 10, true, _style.Frame().Aspect));

    [Benchmark]
    public ContourScene BuildScene() => Scene();

    [Benchmark]
    public byte[] RenderPng() => FigureExport.Encode(ContourFigure.Render(_scene, _style), _style, "png");

    [Benchmark]
    public byte[] WholeFigure() => FigureExport.Encode(ContourFigure.Render(Scene(), _style), _style, "png");
}
