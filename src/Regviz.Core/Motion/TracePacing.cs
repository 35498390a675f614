namespace Regviz.Core.Motion;

/// <summary>One frame of a trace animation: how many iterates it shows whole, and where the line has got to beyond the last of them.</summary>
/// <param name="Shown">Iterates 0..Shown−1 are drawn, with their dots and numbers.</param>
/// <param name="Pen">The point partway from iterate Shown−1 to the next where this frame's share of the route ends; null when it ends on an iterate.</param>
internal sealed record TraceFrame(int Shown, double[]? Pen);

/// <summary>
/// Paces a trace animation by distance travelled, not by iterate: frame k of n draws the route through the iterates up to
/// k/(n−1) of its whole length, so the long first steps of a method that reaches w* in five iterates take most of the
/// frames and the tiny steps that follow take few, instead of five frames of motion and thirty-five still ones. Distance
/// is measured in the plane, which the figure draws with equal aspect, so it is distance on screen too.
/// </summary>
internal static class TracePacing
{
    /// <summary>
    /// The <paramref name="frames"/> frames of a trace through <paramref name="iterates"/>. A route of no length, or one
    /// that diverges (its last steps would take every frame), is paced one iterate a frame instead.
    /// </summary>
    public static TraceFrame[] Frames(IReadOnlyList<double[]> iterates, int frames, bool diverged)
    {
        ArgumentNullException.ThrowIfNull(iterates);
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);
        int n = iterates.Count;
        var travelled = new double[n];
        for (int i = 1; i < n; i++)
            travelled[i] = travelled[i - 1] + Math.Sqrt(Square(iterates[i][0] - iterates[i - 1][0]) + Square(iterates[i][1] - iterates[i - 1][1]));
        double total = n > 0 ? travelled[^1] : 0;
        if (diverged || !(total > 0) || !double.IsFinite(total))
            return [.. Enumerable.Range(0, frames).Select(k => new TraceFrame(Math.Min(k + 1, n), null))];

        var result = new TraceFrame[frames];
        int shown = 1;
        for (int k = 0; k < frames; k++)
        {
            // the last frame ends exactly on the last iterate, whatever rounding the sum of lengths has
            if (k == frames - 1 || frames == 1) { result[k] = new TraceFrame(n, null); continue; }
            double at = total * k / (frames - 1);
            while (shown < n && travelled[shown] <= at) shown++;
            double[]? pen = null;
            if (shown < n && at > travelled[shown - 1])
            {
                double f = (at - travelled[shown - 1]) / (travelled[shown] - travelled[shown - 1]);
                var (a, b) = (iterates[shown - 1], iterates[shown]);
                pen = [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])];
            }
            result[k] = new TraceFrame(shown, pen);
        }
        return result;
    }

    private static double Square(double v) => v * v;
}
