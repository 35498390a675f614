using System.Text.Json;
using Regviz.Core.Motion;
using Regviz.Plotting;

namespace Regviz.Cli.Output;

/// <summary>
/// The sidecar of <c>animate</c> and <c>explore</c>: every frame's λ (and t) and its certified w*, and the range and frame
/// that reproduce the still figure (docs/conventions.md).
/// </summary>
internal static class SweepJson
{
    /// <param name="description">The whole animation in words (<see cref="SweepText.Describe"/>); each frame gets its own.</param>
    public static void Write(Utf8JsonWriter w, ContourSweep sweep, AnimationTiming? timing, FigureDescription description, IReadOnlyList<FigureDescription> frameWords)
    {
        var first = sweep.First;
        w.WriteStartObject();
        w.WriteString("alt", description.Alt);
        w.WriteString("caption", description.Caption);
        SceneJson.WritePenalty(w, sweep.Still.Penalty);
        w.WriteStrings("features", first.FeatureNames);
        w.WriteString("sweep", sweep.Parameter switch { SweepParameter.Lambda => "lambda", SweepParameter.Radius => "radius", _ => "trace" });
        w.WriteNumber("still_frame", sweep.StillIndex);
        w.WriteStartObject("range");
        w.WriteNumber("x0", sweep.Range.X0);
        w.WriteNumber("x1", sweep.Range.X1);
        w.WriteNumber("y0", sweep.Range.Y0);
        w.WriteNumber("y1", sweep.Range.Y1);
        w.WriteEndObject();
        if (timing is not null)
        {
            w.WriteNumber("fps", timing.FramesPerSecond);
            w.WriteNumber("hold", timing.Hold);
        }
        if (first.Unregularised is { } ls) w.WriteNumbers("unregularised", ls); else w.WriteNull("unregularised");
        if (sweep.Parameter == SweepParameter.Iterate)
        {
            var trace = first.Trace!;
            w.WriteString("trace_method", trace.Method.ToString().ToLowerInvariant());
            w.WriteNumber("trace_step", trace.Step);
            w.WriteBoolean("trace_diverged", trace.Diverged);
            w.WriteStartObject("optimum");
            Optimum(w, first.Optimum, null);
            w.WriteEndObject();
        }
        w.WriteStartArray("frames");
        foreach (var f in sweep.Frames)
        {
            w.WriteStartObject();
            w.WriteNumber("index", f.Index);
            w.WriteString("alt", frameWords[f.Index].Alt);
            w.WriteString("caption", frameWords[f.Index].Caption);
            if (sweep.Parameter == SweepParameter.Iterate)
            {
                // frames are paced by distance travelled: the last iterate shown whole, and where the line has got to beyond it
                int iterate = (int)f.Value;
                w.WriteNumber("iterate", iterate);
                w.WriteNumbers("weights", first.Trace!.Iterates[iterate]);
                if (sweep.Scene(f.Index).TracePen is { } pen) w.WriteNumbers("pen", pen); else w.WriteNull("pen");
            }
            else Optimum(w, f.Optimum, sweep.Parameter == SweepParameter.Radius ? f.Value : null);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Optimum(Utf8JsonWriter w, Core.Solvers.Solution o, double? radius)
    {
        w.WriteNumber("lambda", o.Lambda);
        if (radius is { } t) w.WriteNumber("radius", t);
        w.WriteNumbers("weights", o.Weights);
        w.WriteStartArray("zero");
        foreach (double v in o.Weights) w.WriteBooleanValue(v == 0);
        w.WriteEndArray();
        w.WriteNumber("intercept", o.Intercept);
        w.WriteNumber("objective", o.Objective);
        w.WriteNumber("data_term", o.DataTerm);
        w.WriteNumber("penalty", o.PenaltyValue);
        CertificateOut.WriteFields(w, o.Certificate);
    }
}
