namespace Regviz.Core.Motion;

/// <summary>What changes from one frame of an animation to the next.</summary>
public enum SweepParameter
{
    /// <summary>λ of the penalised form, log-spaced: each frame solves min D(w) + λP(w).</summary>
    Lambda,

    /// <summary>The radius t of the constrained form, evenly spaced: each frame solves min D(w) subject to N(w) ≤ t.</summary>
    Radius,

    /// <summary>Nothing is re-solved: frame k shows an optimiser's iterates 0..k at one λ.</summary>
    Iterate,
}

/// <summary>
/// A sweep of <paramref name="Frames"/> values of λ or t from <paramref name="From"/> to <paramref name="To"/>; an end
/// left null takes the default of <see cref="SweepValues.Of"/>. <paramref name="Reverse"/> plays the frames backwards.
/// </summary>
/// <param name="Parameter">λ or t (<see cref="SweepParameter.Iterate"/> is not a sweep of values and is refused here).</param>
/// <param name="Frames">How many frames, 2..<see cref="MaxFrames"/>.</param>
/// <param name="From">The first value (before <paramref name="Reverse"/>), or null for the default.</param>
/// <param name="To">The last value (before <paramref name="Reverse"/>), or null for the default.</param>
/// <param name="Reverse">Play the frames in the opposite order.</param>
public sealed record SweepRequest(SweepParameter Parameter, int Frames, double? From = null, double? To = null, bool Reverse = false)
{
    /// <summary>The most frames one sweep may have: each is a full solve and a full figure.</summary>
    public const int MaxFrames = 1000;

    /// <summary>The default frame count: three seconds at 20 frames a second.</summary>
    public const int DefaultFrames = 60;
}
