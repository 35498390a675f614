using System.Diagnostics;
using CsCheck;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Hostile;

/// <summary>An optimiser trace costs time linear in its steps: its retraced segments are drawn once.</summary>
public class TraceCostTests : HostileFolder
{
    private static (long, long) Segment((float X, float Y) a, (float X, float Y) b)
    {
        static long Key((float X, float Y) p) => ((long)MathF.Round(p.X * 4) << 32) ^ (uint)(int)MathF.Round(p.Y * 4);
        long ka = Key(a), kb = Key(b);
        return ka <= kb ? (ka, kb) : (kb, ka);
    }

    [Fact]
    public void The_runs_draw_every_segment_of_the_trace_once()
    {
        // zig-zags on a small lattice retrace their segments often, as subgradient descent does near a kink
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, 6]).Array[1, 400].Sample(points =>
        {
            var pixels = points.Select(p => ((float)p.Item1 * 3, (float)p.Item2 * 3)).ToArray();
            var runs = TraceMarks.NewRuns(pixels);
            var all = Enumerable.Range(1, pixels.Length - 1).Select(i => Segment(pixels[i - 1], pixels[i])).ToHashSet();
            var drawn = runs.SelectMany(r => Enumerable.Range(r.From + 1, r.To - r.From).Select(i => Segment(pixels[i - 1], pixels[i]))).ToList();
            Assert.Equal(all, drawn.ToHashSet());
            Assert.Equal(drawn.Count, drawn.Distinct().Count());
            Assert.All(runs, r => Assert.True(r.From <= r.To && r.To < pixels.Length));
        });
    }

    [Fact]
    public void A_trace_of_100000_subgradient_steps_is_drawn_in_seconds()
    {
        var clock = Stopwatch.StartNew();
        var r = CliRunner.Run("contour", "--trace", "gd", "--steps", "100000", "--size", "400x400", "--out", PathOf("gd.png"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        // 27 s (growing faster than the steps) when one path held every step; about 1.5 s now on a 2-core machine
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"{clock.Elapsed.TotalSeconds:0.0} s");
    }
}

/// <summary>A golden APNG is compared in memory of the order of two still images, whatever its frame count.</summary>
public class ApngMemoryTests : HostileFolder
{
    [Fact]
    public void Comparing_an_animation_allocates_no_more_than_twice_what_two_still_decodes_do()
    {
        string a = PathOf("a.png"), b = PathOf("b.png");
        Assert.Equal(0, CliRunner.Run("animate", "--frames", "8", "--size", "600x600", "--grid", "20", "--out", a).ExitCode);
        Assert.Equal(0, CliRunner.Run("animate", "--frames", "8", "--size", "600x600", "--grid", "20", "--title", "other", "--out", b).ExitCode);
        byte[] expected = File.ReadAllBytes(a), actual = File.ReadAllBytes(b);
        // the still decoder on the first frames (a viewer without animation shows the first frame: a PNG like any other)
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = ImageComparison.Decode(expected)!.Value;
        var f = ImageComparison.Decode(actual)!.Value;
        ImageComparison.Compare(e, f);
        long still = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        var d = AnimationComparison.Compare(expected, actual, page: false, wantDiff: false);
        long animation = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Null(d.Mismatch);
        Assert.Equal(8, d.ActualFrames);
        // eight frames each decoded whole, twice over, allocated about 25 times the still decode; rows onto one canvas, 2
        Assert.True(animation <= 2 * still, $"animation {animation >> 20} MB, two stills {still >> 20} MB");
    }
}
