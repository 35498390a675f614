using Regviz.Core.Motion;

namespace Regviz.Plotting;

/// <summary>
/// An animation in words, as <see cref="FigureText"/> words a still figure: the whole sweep in one alt text (what moves,
/// from where to where, and in which frames a weight is exactly 0), and each frame as the still figure of its scene.
/// </summary>
public static class SweepText
{
    /// <summary>The whole animation: an alt text for the APNG or the page, and a caption to print beneath it.</summary>
    public static FigureDescription Describe(ContourSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return sweep.Parameter == SweepParameter.Iterate ? DescribeTrace(sweep) : DescribeSweep(sweep);
    }

    /// <summary>Frame <paramref name="index"/> as a figure of its own; only the dashed trail is worded for what it is.</summary>
    public static FigureDescription Frame(ContourSweep sweep, int index)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var scene = sweep.Scene(index);
        // the still frame draws no path (unless --path asked for the whole path), the others the trail w* has left so far
        bool trail = sweep.Parameter != SweepParameter.Iterate && sweep.First.Path is null;
        return FigureText.Describe(scene, trail ? "the dashed line is the path w* has taken since the first frame" : null);
    }

    /// <summary>The title of every frame of a sweep: the penalty and the range swept, the same words in every frame.</summary>
    internal static string Title(ContourSweep sweep)
    {
        var frames = sweep.Frames;
        string note = sweep.First.LossNote is { } n ? $", {n}" : "";
        string name = PenaltyNames.Display(sweep.First.Penalty);
        return sweep.Parameter == SweepParameter.Radius
            ? $"{name}, ball N(w) ≤ t for t from {FigureText.N(frames[0].Value)} to {FigureText.N(frames[^1].Value)}{note}"
            : $"{name}, λ from {FigureText.N(frames[0].Optimum.Lambda)} to {FigureText.N(frames[^1].Optimum.Lambda)}{note}";
    }

    /// <summary>What a frame of a sweep shows that the title does not: its λ (or t and λ), and which weight is exactly 0.</summary>
    internal static string Value(ContourSweep sweep, SweepFrame frame)
    {
        string at = sweep.Parameter == SweepParameter.Radius
            ? $"t = {FigureText.N(frame.Value)} (λ = {FigureText.N(frame.Optimum.Lambda)})"
            : $"λ = {FigureText.N(frame.Optimum.Lambda)}";
        return ContourFigure.Punchline(frame.Optimum.Weights) is { } p ? $"{at}: {p}" : at;
    }

    private static FigureDescription DescribeSweep(ContourSweep sweep)
    {
        var frames = sweep.Frames;
        var first = sweep.First;
        bool radius = sweep.Parameter == SweepParameter.Radius;
        string symbol = radius ? "t" : "λ";
        double Value(SweepFrame f) => radius ? f.Value : f.Optimum.Lambda;
        double a = Value(frames[0]), b = Value(frames[^1]);
        string moves = $"{(b < a ? "falls" : "grows")} from {FigureText.N(a)} to {FigureText.N(b)}";
        string what = radius ? $"the ball's radius t {moves}" : $"λ {moves}";
        string head = $"{PenaltyNames.Display(first.Penalty)} animation, {FigureText.Counted(frames.Count, "frame")} as {what}";
        string motion = $"w* moves from {FigureText.Point(frames[0].Optimum.Weights)} to {FigureText.Point(frames[^1].Optimum.Weights)}";

        string ZeroRuns(bool withNames, bool withValues)
        {
            var parts = new List<string>();
            for (int j = 0; j < 2; j++)
            {
                var zero = frames.Where(f => f.Optimum.Weights[j] == 0).Select(f => f.Index).ToList();
                if (zero.Count == 0) continue;
                string weight = withNames ? WeightNames.InText(j, first.FeatureNames[j]) : $"w{FigureText.Sub(j)}";
                if (zero.Count == frames.Count) parts.Add($"{weight} is exactly 0 in every frame");
                else if (zero[^1] - zero[0] + 1 == zero.Count)
                {
                    string span = zero.Count == 1 ? $"frame {zero[0]}" : $"frames {zero[0]}–{zero[^1]}";
                    string values = !withValues ? ""
                        : zero.Count == 1 ? $" ({symbol} = {FigureText.N(Value(frames[zero[0]]))})"
                        : $" ({symbol} {FigureText.N(Value(frames[zero[0]]))} to {FigureText.N(Value(frames[zero[^1]]))})";
                    parts.Add($"{weight} is exactly 0 in {span}{values}");
                }
                else parts.Add($"{weight} is exactly 0 in {zero.Count} of the frames");
            }
            return parts.Count == 0 ? "; neither weight is exactly 0 in any frame" : "; " + string.Join(", ", parts);
        }

        string alt = FigureText.Shortest(
            $"{head}: {motion}{ZeroRuns(true, true)}.",
            $"{head}: {motion}{ZeroRuns(false, true)}.",
            $"{head}: {motion}{ZeroRuns(false, false)}.",
            $"{head}: {motion}.");

        string aside = first.LossNote is { } n ? $" ({n})" : "";
        string shape = first.Penalty.Shape.Noun;
        var caption = new List<string>
        {
            $"Each frame is the contour figure at its {symbol}: the thin contours of the data term D(w){aside} and of the penalty P(w) stay where they are, "
                + $"while the bold level set and the bold {shape} through the regularised optimum ● move with it and touch there.",
            first.Path is null ? "The dashed line is the path w* has taken since the first frame." : "The dashed line is the whole path of w* as λ grows from 0.",
            radius
                ? $"The title and legend stay the same in every frame; the box beside the legend gives the frame's t, from the ball N(w) ≤ {FigureText.N(a)} in the first frame."
                : $"The title and legend stay the same in every frame; the box beside the legend gives the frame's λ, from λ = {FigureText.N(a)} in the first frame.",
        };
        return new FigureDescription(alt, string.Join(" ", caption));
    }

    private static FigureDescription DescribeTrace(ContourSweep sweep)
    {
        var first = sweep.First;
        var trace = first.Trace!;
        var o = first.Optimum;
        string name = FigureText.TraceName(trace.Method);
        int steps = trace.Iterates.Count - 1;
        string form = o.Radius is { } t ? $"ball N(w) ≤ {FigureText.N(t)}" : $"λ = {FigureText.N(o.Lambda)}";
        string head = $"{name} on the {PenaltyNames.Display(first.Penalty)} problem, {form}, paced by distance travelled";
        string route = trace.Diverged
            ? $"from {FigureText.Point(trace.Iterates[0])} it diverges within {FigureText.Counted(steps, "step")}"
            : $"{FigureText.Counted(steps, "step")} from {FigureText.Point(trace.Iterates[0])} to {FigureText.Point(trace.Iterates[^1])}";
        string alt = FigureText.Shortest(
            $"{head}: {route}; the optimum is w* = {FigureText.Point(o.Weights)}.",
            $"{head}: {route}.");
        string pacing = trace.Diverged
            ? "Each frame adds one iterate"
            : "The frames are paced by distance travelled: each draws the route a further equal share of its length, so long steps take several frames and the tiny last ones few, and frame by frame adds the iterates";
        string caption = $"{pacing} of {name} (step 1/L = {FigureText.N(trace.Step)}) to the contour figure, whose contours, "
            + $"level set and ball through the regularised optimum ● w* = {FigureText.Point(o.Weights)} stay where they are. "
            + "The last frame, with every iterate, is the still figure.";
        return new FigureDescription(alt, caption);
    }
}
