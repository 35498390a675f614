using BenchmarkDotNet.Attributes;
using Regviz.Core.Data;
using Regviz.Core.Motion;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Plotting;
using Regviz.Core.Solvers;

namespace Regviz.Benchmarks;

/// <summary>
/// The default animation and page, as `regviz animate` and `regviz explore` make them: 60 frames at 800×800 of the l1
/// (or l2) sweep. The sweep's scenes (60 solves, one loss grid) and the frames (render, diff, encode, all cores).
/// </summary>
[MemoryDiagnoser]
public class MotionBenchmarks
{
    private ProblemSpec _spec = null!;
    private FigureStyle _style = null!;
    private ContourSweep _sweep = null!;
    private Penalty _penalty = null!;

    [Params("l1", "l2")]
    public string Norm { get; set; } = "l1";

    [GlobalSetup]
    public void Setup()
    {
        _penalty = PenaltyCatalogue.Create(Norm, PenaltyArguments.None.With("alpha", 0.5).With("p", 0.5))!;
        _spec = new ProblemSpec(BuiltInDataset.Create(), LossKind.Mse, false, _penalty, Form.Penalised(0.5));
        _style = new FigureStyle(800, 800, Theme.Light, null);
        FontRegistry.EnsureRegistered();
        _sweep = Sweep();
    }

    private ContourSweep Sweep() => Sweeps.Contour(_spec, _penalty, new SceneOptions(null, 400, 10, false, _style.Frame().Aspect),
        new SweepRequest(SweepParameter.Lambda, SweepRequest.DefaultFrames));

    [Benchmark]
    public ContourSweep SweepScenes() => Sweep();

    [Benchmark]
    public ContourScene OneLaterFrameScene() => _sweep.Scene(30);

    [Benchmark]
    public byte[] Apng60Frames() => ContourAnimation.Apng(_sweep, _style, new AnimationTiming());

    [Benchmark]
    public PatchedFrames Explore60Frames() => ContourAnimation.Patches(_sweep, _style);
}
