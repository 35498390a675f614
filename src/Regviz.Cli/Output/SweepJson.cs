using Regviz.Core.Motion;
using Regviz.Core.Sidecars;
using Regviz.Plotting;

namespace Regviz.Cli.Output;

/// <summary>
/// The sidecar of <c>animate</c> and <c>explore</c>: every frame's λ (and t) and its certified w*, and the range and frame
/// that reproduce the still figure (docs/conventions.md); a trace's frames are its iterates.
/// </summary>
internal static class SweepJson
{
    /// <param name="description">The whole animation in words (<see cref="SweepText.Describe"/>); each frame gets its own.</param>
    /// <param name="layouts">Each frame's layout report (animate), or null (explore).</param>
    public static object Sidecar(ContourSweep sweep, AnimationTiming? timing, FigureDescription description, IReadOnlyList<FigureDescription> frameWords, IReadOnlyList<FigureLayout>? layouts)
    {
        var first = sweep.First;
        var p = PenaltyMembers.Of(sweep.Still.Penalty);
        LayoutSidecar? Layout(int i) => layouts is not null && i < layouts.Count ? LayoutJson.Of(layouts[i]) : null;
        if (sweep.Parameter == SweepParameter.Iterate)
        {
            var trace = first.Trace!;
            return new TraceSidecar
            {
                Alt = description.Alt,
                Caption = description.Caption,
                Norm = sweep.Still.Penalty.Name,
                Alpha = p.Alpha,
                P = p.P,
                Gamma = p.Gamma,
                OtherParameters = p.Others,
                Features = first.FeatureNames,
                Sweep = "trace",
                StillFrame = sweep.StillIndex,
                Range = SceneJson.Range(sweep.Range),
                Fps = timing?.FramesPerSecond,
                Hold = timing?.Hold,
                Unregularised = first.Unregularised,
                TraceMethod = trace.Method.ToString().ToLowerInvariant(),
                TraceStep = trace.Step,
                TraceDiverged = trace.Diverged,
                Optimum = CertifiedAnswer.With(new SweepOptimumSidecar
                {
                    Lambda = first.Optimum.Lambda,
                    Weights = first.Optimum.Weights,
                    Zero = Zeros(first.Optimum.Weights),
                    Intercept = first.Optimum.Intercept,
                    Objective = first.Optimum.Objective,
                    DataTerm = first.Optimum.DataTerm,
                    Penalty = first.Optimum.PenaltyValue,
                }, first.Optimum.Certificate),
                // frames are paced by distance travelled: the last iterate shown whole, and where the line has got to beyond it
                Frames = [.. sweep.Frames.Select((f, i) => new TraceFrameSidecar
                {
                    Index = f.Index,
                    Alt = frameWords[f.Index].Alt,
                    Caption = frameWords[f.Index].Caption,
                    Iterate = (int)f.Value,
                    Weights = trace.Iterates[(int)f.Value],
                    Pen = sweep.Scene(f.Index).TracePen,
                    Layout = Layout(i),
                })],
            };
        }
        return new SweepSidecar
        {
            Alt = description.Alt,
            Caption = description.Caption,
            Norm = sweep.Still.Penalty.Name,
            Alpha = p.Alpha,
            P = p.P,
            Gamma = p.Gamma,
            OtherParameters = p.Others,
            Features = first.FeatureNames,
            Sweep = sweep.Parameter == SweepParameter.Lambda ? "lambda" : "radius",
            StillFrame = sweep.StillIndex,
            Range = SceneJson.Range(sweep.Range),
            Fps = timing?.FramesPerSecond,
            Hold = timing?.Hold,
            Unregularised = first.Unregularised,
            Frames = [.. sweep.Frames.Select((f, i) => CertifiedAnswer.With(new SweepFrameSidecar
            {
                Index = f.Index,
                Alt = frameWords[f.Index].Alt,
                Caption = frameWords[f.Index].Caption,
                Lambda = f.Optimum.Lambda,
                Radius = sweep.Parameter == SweepParameter.Radius ? f.Value : null,
                Weights = f.Optimum.Weights,
                Zero = Zeros(f.Optimum.Weights),
                Intercept = f.Optimum.Intercept,
                Objective = f.Optimum.Objective,
                DataTerm = f.Optimum.DataTerm,
                Penalty = f.Optimum.PenaltyValue,
                Layout = Layout(i),
            }, f.Optimum.Certificate))],
        };
    }

    private static bool[] Zeros(double[] weights) => [.. weights.Select(v => v == 0)];
}
