using CsCheck;
using Regviz.Core.Motion;
using Xunit;

namespace Regviz.Tests.Motion;

/// <summary>
/// Trace animations are paced by distance travelled (#24): frame k of n draws the route up to k/(n−1) of its length,
/// so a method that reaches w* in five long steps fills the animation instead of leaving thirty-five frames still.
/// Routes are generated here (long steps then tiny ones, repeated points, zig-zags) and the distance is summed here.
/// </summary>
public class TracePacingTests
{
    private static double Length(double[] a, double[] b) => Math.Sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]));

    /// <summary>How far along the route a frame's line reaches: through its iterates, then on to its pen.</summary>
    private static double Drawn(IReadOnlyList<double[]> route, TraceFrame f)
    {
        double d = 0;
        for (int i = 1; i < f.Shown; i++) d += Length(route[i - 1], route[i]);
        if (f.Pen is { } pen) d += Length(route[f.Shown - 1], pen);
        return d;
    }

    /// <summary>A route whose steps shrink geometrically by a random factor (as a converging method's), with random turns and repeats.</summary>
    private static readonly Gen<double[][]> Routes =
        Gen.Select(Gen.Int[2, 60], Gen.Double[0.05, 1.0], Gen.Double[-3, 3], Gen.Double[-3, 3], Gen.ULong).Select((n, shrink, x, y, seed) =>
        {
            var random = new Random((int)(seed % int.MaxValue));
            var route = new double[n][];
            route[0] = [x, y];
            double step = 1;
            for (int i = 1; i < n; i++)
            {
                double angle = random.NextDouble() * 2 * Math.PI;
                double length = random.Next(5) == 0 ? 0 : step; // now and then an iterate that does not move
                route[i] = [route[i - 1][0] + length * Math.Cos(angle), route[i - 1][1] + length * Math.Sin(angle)];
                step *= shrink;
            }
            return route;
        });

    [Fact]
    public void Each_frame_draws_its_equal_share_of_the_route_and_its_pen_lies_on_the_next_step()
    {
        Routes.Sample(route =>
        {
            int n = route.Length;
            double total = 0;
            for (int i = 1; i < n; i++) total += Length(route[i - 1], route[i]);
            var frames = TracePacing.Frames(route, n, diverged: false);
            Assert.Equal(n, frames.Length);
            Assert.Equal(new TraceFrame(n, null), frames[^1]);
            Assert.Null(frames[0].Pen); // frame 0 draws no distance: the start (and any iterates that did not move from it)
            for (int k = 0; k < n; k++)
            {
                var f = frames[k];
                if (total > 0)
                    Assert.True(Math.Abs(Drawn(route, f) - total * k / (n - 1)) <= 1e-9 * total, $"frame {k}: {Drawn(route, f)} of {total}, not {total * k / (n - 1)}");
                if (k > 0) Assert.True(f.Shown >= frames[k - 1].Shown, "iterates never disappear");
                if (f.Pen is { } pen)
                {
                    // on the segment from the last iterate shown to the next one
                    var (a, b) = (route[f.Shown - 1], route[f.Shown]);
                    Assert.True(Math.Abs(Length(a, pen) + Length(pen, b) - Length(a, b)) <= 1e-9 * Math.Max(1, Length(a, b)));
                }
            }
        });
    }

    [Fact]
    public void A_method_that_arrives_in_five_steps_moves_in_nearly_every_frame()
    {
        // five long steps to the optimum, then 35 that do not move: one iterate a frame would leave 35 frames still
        var route = new List<double[]> { new[] { 2.0, 2.0 } };
        for (int i = 1; i <= 5; i++) route.Add([2.0 - 0.4 * i, 2.0 - 0.3 * i]);
        for (int i = 0; i < 35; i++) route.Add(route[^1]);
        var frames = TracePacing.Frames(route, route.Count, diverged: false);
        int moving = Enumerable.Range(1, frames.Length - 1).Count(k => Drawn(route, frames[k]) > Drawn(route, frames[k - 1]));
        Assert.Equal(frames.Length - 1, moving);
    }

    [Fact]
    public void A_diverging_route_or_one_that_stays_put_is_paced_one_iterate_a_frame()
    {
        double[][] still = [[1.0, 1.0], [1.0, 1.0], [1.0, 1.0]];
        Assert.Equal([new(1, null), new(2, null), new(3, null)], TracePacing.Frames(still, 3, diverged: false));
        double[][] away = [[0.0, 0.0], [1.0, 0.0], [10.0, 0.0], [1000.0, 0.0]];
        Assert.Equal([new(1, null), new(2, null), new(3, null), new(4, null)], TracePacing.Frames(away, 4, diverged: true));
    }
}
