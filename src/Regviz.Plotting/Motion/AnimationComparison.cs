namespace Regviz.Plotting;

/// <summary>
/// Two animations compared frame by frame with <see cref="ImageComparison.Compare"/>.
/// </summary>
/// <param name="ExpectedFrames">Frames of the golden.</param>
/// <param name="ActualFrames">Frames of the figure made now.</param>
/// <param name="WorstFrame">The frame (from 0) with the largest RMS; -1 when the frame counts or sizes differ.</param>
/// <param name="Worst">That frame's difference (its RMS is the animation's); null when the frame counts or sizes differ.</param>
/// <param name="Diff">The worst frame's diff image as PNG, when asked for and some pixel differs.</param>
/// <param name="Mismatch">Why no frame was compared ("60 frames in the golden, 59 here", "golden is 800x800, figure is 400x400").</param>
public sealed record AnimationDifference(int ExpectedFrames, int ActualFrames, int WorstFrame, ImageDifference? Worst, byte[]? Diff, string? Mismatch);

/// <summary>
/// Image regression of animations: an APNG (<c>regviz animate</c>) or an explore page (<c>regviz explore</c>, its frames
/// rebuilt from the reference image and patches), compared frame by frame at the still figures' RMS. Frames are decoded
/// one at a time from both files, so memory holds a few frames whatever the count; both files are bounded as hostile
/// input (at most 1000 frames and 200,000,000 frame pixels, the caps of a sweep).
/// </summary>
public static class AnimationComparison
{
    /// <summary>True when <paramref name="png"/> is an animated PNG (it has an acTL chunk before its image data).</summary>
    public static bool IsAnimated(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        return AnimationFrames.IsAnimated(png);
    }

    /// <summary>
    /// Compares <paramref name="expected"/> with <paramref name="actual"/>, both APNGs (or PNGs) or both explore pages
    /// (<paramref name="page"/>). Throws <see cref="Regviz.Core.InputException"/> naming the file that cannot be read.
    /// </summary>
    public static AnimationDifference Compare(byte[] expected, byte[] actual, bool page, bool wantDiff)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var (ew, eh, en) = page ? AnimationFrames.PageHeader(expected, "golden") : AnimationFrames.Header(expected, "golden");
        var (aw, ah, an) = page ? AnimationFrames.PageHeader(actual, "figure") : AnimationFrames.Header(actual, "figure");
        if (en != an) return new AnimationDifference(en, an, -1, null, null, $"{en} frames in the golden, {an} here");
        if (ew != aw || eh != ah) return new AnimationDifference(en, an, -1, null, null, $"golden is {ew}x{eh}, figure is {aw}x{ah}");
        var (worst, worstDiff) = Scan(expected, actual, page, ew, eh, aw, ah);
        // the worst pair is decoded again for its diff image rather than copied whenever a frame was the worst so far
        var diff = wantDiff && worstDiff!.DifferentPixels > 0
            ? ImageComparison.DiffImage(
                AnimationFrames.OnWhite(Frame(expected, page, "golden", worst), ew, eh),
                AnimationFrames.OnWhite(Frame(actual, page, "figure", worst), aw, ah))
            : null;
        return new AnimationDifference(en, an, worst, worstDiff!, diff, null);
    }

    /// <summary>
    /// The frame with the largest RMS and its difference: frames compared a row at a time on white, so memory is the two
    /// canvases (released when this returns), within what two still images take.
    /// </summary>
    private static (int Worst, ImageDifference WorstDiff) Scan(byte[] expected, byte[] actual, bool page, int ew, int eh, int aw, int ah)
    {
        using var e = (page ? AnimationFrames.Page(expected, "golden") : AnimationFrames.Apng(expected, "golden")).GetEnumerator();
        using var a = (page ? AnimationFrames.Page(actual, "figure") : AnimationFrames.Apng(actual, "figure")).GetEnumerator();
        int k = 0, worst = 0;
        ImageDifference? worstDiff = null;
        var (eRow, aRow) = (new byte[ew * 3], new byte[aw * 3]);
        while (e.MoveNext() && a.MoveNext())
        {
            var sum = new ImageComparison.RmsSum();
            for (int y = 0; y < eh; y++)
            {
                AnimationFrames.OnWhite(e.Current.AsSpan(y * ew * 4, ew * 4), eRow);
                AnimationFrames.OnWhite(a.Current.AsSpan(y * aw * 4, aw * 4), aRow);
                sum.Add(eRow, aRow);
            }
            var d = sum.Difference(aw, ah);
            if (worstDiff is null || d.Rms > worstDiff.Rms) (worst, worstDiff) = (k, d);
            k++;
        }
        return (worst, worstDiff!);
    }

    private static byte[] Frame(byte[] file, bool page, string role, int index) =>
        (page ? AnimationFrames.Page(file, role) : AnimationFrames.Apng(file, role)).ElementAt(index);
}
