using Regviz.Core.Motion;
using ScottPlot;

namespace Regviz.Plotting;

/// <summary>How an animation plays.</summary>
/// <param name="FramesPerSecond">Frames a second, 1..100.</param>
/// <param name="Hold">Extra frame times the first and the last frame stay on screen, 0..1000: time to read them.</param>
/// <param name="Plays">How many times it plays; 0: for ever.</param>
public sealed record AnimationTiming(int FramesPerSecond = 20, int Hold = 20, int Plays = 0)
{
    /// <summary>The largest <see cref="FramesPerSecond"/>: a PNG frame delay is a fraction of 16-bit numbers, and faster is not seen.</summary>
    public const int MaxFramesPerSecond = 100;

    /// <summary>The largest <see cref="Hold"/>.</summary>
    public const int MaxHold = 1000;
}

/// <summary>A frame as the part that differs from a reference frame: a small PNG to draw over it at (X, Y).</summary>
/// <param name="Rect">Where the patch goes.</param>
/// <param name="Png">A PNG file of the patch; unchanged pixels are transparent.</param>
public sealed record FramePatch(FrameRect Rect, byte[] Png);

/// <summary>
/// Every frame of an animation as one full PNG, the reference, and for each frame the patch that turns the reference
/// into it (null where the frame is the reference pixel for pixel). The reference is, pixel by pixel, the value most
/// frames share: what does not move. It need not be any frame itself.
/// </summary>
/// <param name="Width">Pixels across.</param>
/// <param name="Height">Pixels down.</param>
/// <param name="ReferencePng">The reference as a PNG file.</param>
/// <param name="Patches">One per frame, in order.</param>
public sealed record PatchedFrames(int Width, int Height, byte[] ReferencePng, IReadOnlyList<FramePatch?> Patches);

/// <summary>
/// Renders the frames of a <see cref="ContourSweep"/> with <see cref="ContourFigure"/>, on every core, a few frames at a
/// time so memory stays bounded whatever the frame count: as an animated PNG, or as patches over one frame (for pages
/// that show one frame at a time).
/// </summary>
public static class ContourAnimation
{
    /// <summary>
    /// The animation as an APNG file, every frame drawn with one layout (<see cref="Layouts"/>). The style's
    /// <see cref="FigureStyle.Description"/> (<see cref="SweepText.Describe"/>), when it has one, goes in an iTXt "Description"
    /// chunk, as a still PNG carries it.
    /// </summary>
    /// <param name="layouts">When given (one element a frame), each frame's layout report (<see cref="FigureLayout"/>), in order.</param>
    public static byte[] Apng(ContourSweep sweep, FigureStyle style, AnimationTiming timing, CancellationToken cancel = default, FigureLayout?[]? layouts = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(timing);
        if (timing.FramesPerSecond < 1 || timing.FramesPerSecond > AnimationTiming.MaxFramesPerSecond)
            throw new ArgumentOutOfRangeException(nameof(timing), timing.FramesPerSecond, $"frames per second must be in 1..{AnimationTiming.MaxFramesPerSecond}");
        if (timing.Hold < 0 || timing.Hold > AnimationTiming.MaxHold)
            throw new ArgumentOutOfRangeException(nameof(timing), timing.Hold, $"hold must be in 0..{AnimationTiming.MaxHold}");
        int n = sweep.Frames.Count;
        if (layouts is not null && layouts.Length != n) throw new ArgumentException($"{n} frames need {n} layouts, not {layouts.Length}", nameof(layouts));
        var writer = new ApngWriter(style.Width, style.Height, n, timing.Plays);
        var plan = new Layouts(sweep, style);
        int window = Window(style);
        var options = new ParallelOptions { CancellationToken = cancel };
        // a window's frame buffers serve the next window: 60 fresh 2.5 MB arrays were 60 rounds of page faults
        var spare = new System.Collections.Concurrent.ConcurrentBag<byte[]>();
        int bytes = checked(style.Width * style.Height * 4);
        RgbaFrame? previous = null;
        for (int start = 0; start < n; start += window)
        {
            int count = Math.Min(window, n - start);
            var frames = new RgbaFrame[count];
            Parallel.For(0, count, options, i =>
            {
                var plot = plan.Plot(start + i);
                frames[i] = RgbaFrame.Render(plot, style.Width, style.Height, spare.TryTake(out var buffer) ? buffer : GC.AllocateUninitializedArray<byte>(bytes));
                if (layouts is not null) layouts[start + i] = FigureLayout.Of(plot);
            });
            var encoded = new (FrameRect Rect, byte[] Data, bool Over)[count];
            var before = previous;
            Parallel.For(0, count, options, i => encoded[i] = Encode(frames[i], i > 0 ? frames[i - 1] : before));
            for (int i = 0; i < count; i++)
            {
                int k = start + i;
                ushort delay = (ushort)(k == 0 || k == n - 1 ? 1 + timing.Hold : 1);
                writer.Add(encoded[i].Rect, encoded[i].Data, delay, (ushort)timing.FramesPerSecond, encoded[i].Over);
            }
            // every frame but the last is done with (the last is the next window's "before")
            if (previous is not null) spare.Add(previous.Pixels);
            for (int i = 0; i < count - 1; i++) spare.Add(frames[i].Pixels);
            previous = frames[^1];
        }
        return FigureExport.Described(writer.ToArray(), style.Description);
    }

    /// <summary>The first frame whole; any other as the patch over the frame before it.</summary>
    internal static (FrameRect, byte[], bool) Encode(RgbaFrame frame, RgbaFrame? before)
    {
        if (before is null) return (FrameDelta.Whole(frame), PngEncoding.Compress(frame.Pixels, frame.Width, frame.Height), false);
        // an unchanged frame still needs a rectangle: one transparent pixel, blended over, changes nothing
        var rect = FrameDelta.Changed(frame, before) ?? new FrameRect(0, 0, 1, 1);
        // the patch lives only until it is compressed: one buffer a thread (a new one a frame was fresh pages each time)
        var pixels = PngEncoding.Buffer(ref t_patch, rect.Width * rect.Height * 4);
        FrameDelta.Patch(frame, before, rect, pixels, out bool over);
        return (rect, PngEncoding.Compress(pixels, rect.Width, rect.Height), over);
    }

    [ThreadStatic] private static byte[]? t_patch;

    /// <summary>
    /// Every frame as a patch over the pixels most frames share. The frames are drawn twice, once to vote on each pixel and
    /// once to cut the patches, so memory holds a window of frames and not all of them.
    /// </summary>
    public static PatchedFrames Patches(ContourSweep sweep, FigureStyle style, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(style);
        var layouts = new Layouts(sweep, style);
        int n = sweep.Frames.Count, window = Window(style);
        var options = new ParallelOptions { CancellationToken = cancel };
        var vote = new PixelVote(style.Width * style.Height);
        for (int start = 0; start < n; start += window)
        {
            int count = Math.Min(window, n - start);
            var frames = new RgbaFrame[count];
            Parallel.For(0, count, options, i => frames[i] = RgbaFrame.Render(layouts.Plot(start + i), style.Width, style.Height));
            foreach (var frame in frames) vote.Add(frame);
        }
        var reference = RgbaFrame.FromPixels(style.Width, style.Height, vote.Winners());
        var patches = new FramePatch?[n];
        Parallel.For(0, n, options, k =>
        {
            var frame = RgbaFrame.Render(layouts.Plot(k), style.Width, style.Height);
            if (FrameDelta.Changed(frame, reference) is not { } rect) return;
            var pixels = FrameDelta.Patch(frame, reference, rect, out bool over);
            if (!over) throw new InvalidOperationException("a frame has pixels that are not opaque: it cannot be drawn as a patch");
            patches[k] = new FramePatch(rect, PngEncoding.File(pixels, rect.Width, rect.Height));
        });
        return new PatchedFrames(style.Width, style.Height, PngEncoding.File(reference.Pixels, reference.Width, reference.Height), patches);
    }

    /// <summary>Frames held at once: twice the cores keeps both busy; large frames fewer, so a window stays under 128 MB.</summary>
    private static int Window(FigureStyle style) =>
        (int)Math.Clamp((128L << 20) / (4L * style.Width * style.Height), 1, Math.Max(4, 2 * Environment.ProcessorCount));

    /// <summary>
    /// The value most frames have at each pixel, by the Boyer–Moore majority vote (one pass, two numbers a pixel). Where
    /// no value has a majority the winner is some frame's value, which only makes that pixel's patches larger.
    /// </summary>
    private sealed class PixelVote(int pixels)
    {
        private readonly uint[] _candidate = new uint[pixels];
        private readonly int[] _count = new int[pixels];

        public void Add(RgbaFrame frame)
        {
            var values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(frame.Pixels.AsSpan());
            for (int i = 0; i < values.Length; i++)
            {
                if (_count[i] == 0) { _candidate[i] = values[i]; _count[i] = 1; }
                else if (_candidate[i] == values[i]) _count[i]++;
                else _count[i]--;
            }
        }

        public byte[] Winners() => System.Runtime.InteropServices.MemoryMarshal.AsBytes(_candidate.AsSpan()).ToArray();
    }

    /// <summary>
    /// The one layout every frame is drawn with, so that only what moves, moves: the same title, the same legend (the
    /// fullest frame's entries, on an opaque pad) in the same corner, the captions of what does not move (thin contours, the fit)
    /// where they were placed once, and for a sweep a box beside the legend with the frame's own λ or t. For a trace
    /// that is the whole trace's figure, the last frame; for a sweep the last frame, which carries the whole trail, is
    /// drawn once to choose the corner and place the captions clear of every w* of the sweep.
    /// </summary>
    internal sealed class Layouts
    {
        private readonly ContourSweep _sweep;
        private readonly FigureStyle _style;
        private readonly FrameLayout _layout;
        private readonly string[]? _values;

        public Layouts(ContourSweep sweep, FigureStyle style)
        {
            _sweep = sweep;
            _style = style;
            if (sweep.Parameter == SweepParameter.Iterate)
            {
                var whole = new FrameLayout { LegendScene = sweep.First };
                ContourFigure.Render(sweep.First, style, FigureParts.All, whole);
                _layout = new FrameLayout
                {
                    Corner = whole.Corner, Fixed = whole.Placed, LegendScene = sweep.First, LegendPad = new LegendPad(),
                    Band = whole.Band, CompactLegend = whole.CompactLegend, LegendShown = whole.LegendShown,
                };
                return;
            }
            string? pathLegend = sweep.First.Path is null ? "path of w* so far" : null;
            // the frame with the most to name (played backwards, the last frame is w* = 0, with no ball through it)
            var last = sweep.Scene(sweep.Frames.Count - 1);
            var legendScene = new[] { sweep.Scene(0), sweep.Scene(sweep.Frames.Count / 2), last }.MaxBy(Entries)!;
            string title = SweepText.Title(sweep);
            _values = [.. sweep.Frames.Select(f => SweepText.Value(sweep, f))];
            float width = FrameValue.Width(_values, style);
            string widest = _values.MaxBy(v => v.Length)!;
            var probe = new FrameLayout
            {
                PathLegend = pathLegend,
                Avoid = ClearOfTheFit(sweep, style),
                FitCaptionFirst = true,
                Title = title,
                LegendScene = legendScene,
                Value = widest,
                ValueWidth = width,
            };
            ContourFigure.Render(last, style, FigureParts.All, probe);
            _layout = new FrameLayout
            {
                Corner = probe.Corner, PathLegend = pathLegend, Fixed = probe.Placed, Title = title, LegendScene = legendScene, ValueWidth = width,
                LegendPad = new LegendPad(), Band = probe.Band, CompactLegend = probe.CompactLegend, LegendShown = probe.LegendShown,
            };
        }

        /// <summary>How many of the legend's optional entries a frame's scene has (the ball and level set through w*, the path, −w*).</summary>
        private static int Entries(Regviz.Core.Scenes.ContourScene scene) =>
            (scene.TouchingNorm is null ? 0 : 1) + (scene.TouchingLoss is null ? 0 : 1) + (scene.Path is null ? 0 : 1) + (scene.Twin is null ? 0 : 1);

        /// <summary>
        /// Every w* of the sweep and every corner of its balls on the axes, except those right beside the unregularised fit: w* ends there for l2, and reserving
        /// those spots would leave the fit's caption no room at all.
        /// </summary>
        private static (double X, double Y)[] ClearOfTheFit(ContourSweep sweep, FigureStyle style)
        {
            var frame = style.Frame();
            var range = sweep.First.Range;
            var ls = sweep.First.Unregularised is { } u ? frame.ToPixel(range, u[0], u[1]) : ((float X, float Y)?)null;
            float near = 24 * style.Scale;
            // −w* too where the still figure marks it (a tanh neuron): it moves with w*
            bool twins = sweep.First.Twin is not null;
            var optima = sweep.Frames.SelectMany(f => twins
                ? new[] { (f.Optimum.Weights[0], f.Optimum.Weights[1]), (-f.Optimum.Weights[0], -f.Optimum.Weights[1]) }
                : [(f.Optimum.Weights[0], f.Optimum.Weights[1])]);
            // and every corner a frame's ball has on an axis: protected in the frame that draws it
            var corners = Enumerable.Range(0, sweep.Frames.Count).Select(sweep.Ball)
                .SelectMany(b => b.Ball is { } ball ? NormFigure.AxisCorners(b.Penalty, ball, range) : []);
            return optima.Concat(corners).Where(w => ls is not { } p || Distance(frame.ToPixel(range, w.Item1, w.Item2), p) > near).Distinct().ToArray();
        }

        private static float Distance((float X, float Y) a, (float X, float Y) b) => MathF.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

        /// <summary>Frame <paramref name="index"/>'s plot; each is a new plot, so frames may be drawn on different threads.</summary>
        public Plot Plot(int index) =>
            ContourFigure.Render(_sweep.Scene(index), _style, FigureParts.All, _layout.ForFrame(_values?[index]));
    }
}
