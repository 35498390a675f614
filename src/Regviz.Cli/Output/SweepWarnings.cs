using Regviz.Core.Motion;

namespace Regviz.Cli.Output;

/// <summary>What an animation or an explore page owes its reader: a warning for frames that fell short of their certificate, and the trace's divergence, as contour says them.</summary>
internal static class SweepWarnings
{
    public static void Warn(IWarnings warnings, ContourSweep sweep, string? method)
    {
        var uncertified = sweep.Parameter == SweepParameter.Iterate ? [] : sweep.Frames.Where(f => !f.Optimum.Certificate.Certified).ToList();
        if (uncertified.Count > 0)
            warnings.Warn($"{Text.Count(uncertified.Count, "frame")} of {sweep.Frames.Count} not certified (first: frame {uncertified[0].Index}, λ = {Text.Readable(uncertified[0].Optimum.Lambda)}, KKT residual {Text.Readable(uncertified[0].Optimum.Certificate.Kkt)})");
        if (sweep.Parameter == SweepParameter.Iterate) CertificateOut.Warn(warnings, sweep.First.Optimum.Certificate, "the optimum");
        if (sweep.First.Trace is { Diverged: true } diverged)
            warnings.Warn($"--trace {method} diverged after {diverged.Iterates.Count - 1} steps (step 1/L = {Text.Readable(diverged.Step)}); the frames show the steps before it");
    }
}
