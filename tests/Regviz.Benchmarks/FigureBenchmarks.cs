using BenchmarkDotNet.Attributes;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Plotting;
using Regviz.Core.Solvers;

namespace Regviz.Benchmarks;

/// <summary>One contour figure: the scene (solve, grid, contours, levels) and the PNG, as `regviz contour` makes them.</summary>
[MemoryDiagnoser]
public class FigureBenchmarks
{
    private ProblemSpec _spec = null!;
    private FigureStyle _style = null!;
    private ContourScene _scene = null!;
    private SkiaSharp.SKSurface _surface = null!;

    [Params(400, 2000)]
    public int Grid { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _spec = new ProblemSpec(BuiltInDataset.Create(), LossKind.Mse, false, new L1Penalty(), Form.Penalised(0.5));
        _style = new FigureStyle(800, 800, Theme.Light, null);
        FontRegistry.EnsureRegistered();
        _scene = Scene();
        _surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(_style.Width, _style.Height))!;
        ContourFigure.Render(_scene, _style).Render(_surface);
    }

    [GlobalCleanup]
    public void Cleanup() => _surface.Dispose();

    private ContourScene Scene() => SceneBuilder.Contour(_spec, new SceneOptions(null, Grid, 10, true, _style.Frame().Aspect));

    [Benchmark]
    public ContourScene BuildScene() => Scene();

    [Benchmark]
    public byte[] RenderPng() => FigureExport.Encode(ContourFigure.Render(_scene, _style), _style, "png");

    /// <summary>The figure's pixels as PNG the way Skia encodes them (libpng + zlib, Up filter, level 2): the baseline.</summary>
    [Benchmark]
    public byte[] EncodePngSkia()
    {
        using var pixels = _surface.PeekPixels();
        using var data = pixels.Encode(new SkiaSharp.SKPngEncoderOptions(SkiaSharp.SKPngEncoderFilterFlags.Up, 2))!;
        return data.ToArray();
    }

    /// <summary>The same pixels as regviz encodes them (zlib-ng, same filter and level): identical when decoded.</summary>
    [Benchmark]
    public byte[] EncodePng() => FigureExport.EncodePng(_surface);

    [Benchmark]
    public byte[] WholeFigure() => FigureExport.Encode(ContourFigure.Render(Scene(), _style), _style, "png");
}
