using System.Globalization;
using System.Text.Json;
using Regviz.Core;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Regviz.Tests.Cli;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Motion;

/// <summary>
/// <c>regviz animate</c> read back by the tests' own APNG reader: the chunk structure the specification asks for, the
/// timing, frame 0 against the still contour figure (but for the title, legend and value box), and every frame's w* against the solver façade.
/// </summary>
public class AnimateTests : ScratchFolder
{
    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private (ApngReader Apng, JsonElement Json, byte[] Bytes) Animate(string name, params string[] args)
    {
        string png = Path.Combine(Dir, name + ".png"), json = Path.Combine(Dir, name + ".json");
        var run = CliRunner.Run(["animate", .. args, "--out", png, "--json", json]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(png, run.Stdout.Trim());
        var bytes = File.ReadAllBytes(png);
        return (ApngReader.Read(bytes), JsonDocument.Parse(File.ReadAllText(json)).RootElement, bytes);
    }

    [Fact]
    public void The_default_l1_sweep_is_a_well_formed_APNG_of_60_frames()
    {
        var (apng, json, _) = Animate("l1", "--norm", "l1");
        Assert.Equal(800, apng.Width);
        Assert.Equal(800, apng.Height);
        Assert.Equal(6, apng.ColourType);
        Assert.Equal(60, apng.AnimationFrames);
        Assert.Equal(0, apng.Plays); // loops for ever
        Assert.Equal(60, apng.Frames.Count);
        Assert.Equal(60, json.GetProperty("frames").GetArrayLength());
        // acTL before the first IDAT, the first fcTL before IDAT (the default image is frame 0), IEND last
        Assert.True(apng.ChunkTypes.IndexOf("acTL") < apng.ChunkTypes.IndexOf("IDAT"));
        Assert.True(apng.DefaultImageIsFirstFrame);
        Assert.Equal("IEND", apng.ChunkTypes[^1]);
        Assert.Equal(59, apng.ChunkTypes.Count(t => t == "fdAT"));
        // sequence numbers: 0, 1, 2, … over fcTL and fdAT together, none missing or repeated
        Assert.Equal(Enumerable.Range(0, 119), apng.Sequence);
        // frame 0 covers the image; every frame lies inside it
        Assert.Equal((800, 800, 0, 0), (apng.Frames[0].Control.Width, apng.Frames[0].Control.Height, apng.Frames[0].Control.X, apng.Frames[0].Control.Y));
        Assert.All(apng.Frames, f => Assert.True(f.Control.X + f.Control.Width <= 800 && f.Control.Y + f.Control.Height <= 800));
        // 20 frames a second; the first and last held 20 frame times more
        Assert.All(apng.Frames, f => Assert.Equal(20, f.Control.DelayDenominator));
        Assert.Equal(21, apng.Frames[0].Control.DelayNumerator);
        Assert.Equal(21, apng.Frames[^1].Control.DelayNumerator);
        Assert.All(apng.Frames.Skip(1).SkipLast(1), f => Assert.Equal(1, f.Control.DelayNumerator));
        // the frames differ: something moves
        var frames = apng.Compose();
        Assert.NotEqual(frames[0], frames[30]);
    }

    /// <summary>The pixels of <paramref name="a"/> and <paramref name="b"/> that differ, as their bounding box (null: none).</summary>
    private static (int X0, int Y0, int X1, int Y1)? Differences(byte[] a, byte[] b, int width)
    {
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
        for (int i = 0; i < a.Length; i += 4)
        {
            if (a.AsSpan(i, 4).SequenceEqual(b.AsSpan(i, 4))) continue;
            int x = i / 4 % width, y = i / 4 / width;
            (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
        }
        return x1 < 0 ? null : (x0, y0, x1, y1);
    }

    [Fact]
    public void Frame_0_is_the_contour_figure_at_its_lambda_below_the_plane_and_carries_the_sweep_s_title()
    {
        // #24: every frame has the animation's title, the fullest frame's legend and a box with its own λ, so frame 0 is the
        // still contour figure at its λ and range everywhere else: the x axis and its label, the plane below the legend
        var (apng, json, _) = Animate("l1", "--norm", "l1", "--frames", "8");
        var frame0 = json.GetProperty("frames")[0];
        var range = json.GetProperty("range");
        string rangeText = $"{R(range.GetProperty("x0").GetDouble())}:{R(range.GetProperty("x1").GetDouble())},{R(range.GetProperty("y0").GetDouble())}:{R(range.GetProperty("y1").GetDouble())}";
        string still = Path.Combine(Dir, "still.png");
        var run = CliRunner.Run("contour", "--norm", "l1", "--lambda", R(frame0.GetProperty("lambda").GetDouble()), $"--range={rangeText}", "--out", still);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var (w, h, pixels) = ApngReader.DecodeFile(File.ReadAllBytes(still));
        Assert.Equal((apng.Width, apng.Height), (w, h));
        Assert.Equal(apng.Compose()[0], apng.DecodeDefault());
        // below the plane (the x axis, its ticks and label: 62 px at 800 px) frame 0 is the still figure; the captions in the
        // plane are placed once for the whole sweep, clear of every w*, so they need not sit where the still figure put them
        int band = 4 * w * (h - 60);
        Assert.True(pixels.AsSpan(band).SequenceEqual(apng.Compose()[0].AsSpan(band)), "frame 0's x axis is not the still figure's");
        // and the title is the sweep's, not one λ's
        Assert.NotNull(Differences(pixels.AsSpan(0, 4 * w * 40).ToArray(), apng.Compose()[0].AsSpan(0, 4 * w * 40).ToArray(), w));
    }

    [Fact]
    public void A_trace_ends_on_the_still_contour_trace_figure_but_for_the_legend_s_pad()
    {
        var (apng, json, _) = Animate("trace", "--norm", "l1", "--trace", "ista", "--lambda", "0.5", "--steps", "12");
        Assert.Equal(13, apng.Frames.Count);
        Assert.Equal(12, json.GetProperty("still_frame").GetInt32());
        string still = Path.Combine(Dir, "still.png");
        var run = CliRunner.Run("contour", "--norm", "l1", "--trace", "ista", "--lambda", "0.5", "--steps", "12", "--out", still);
        Assert.True(run.ExitCode == 0, run.Stderr);
        // the legend sits on an opaque pad in every frame (so what moves behind it cannot change it): only there may the
        // last frame differ from the still figure, a box no bigger than a legend
        var last = apng.Compose()[^1];
        if (Differences(ApngReader.DecodeFile(File.ReadAllBytes(still)).Rgba, last, apng.Width) is { } box)
            Assert.True(box.X1 - box.X0 < apng.Width / 2 && box.Y1 - box.Y0 < apng.Height / 3, $"the last frame differs from the still figure over {box}");
        // frame 0 draws the start alone and the last frame every iterate
        var frames = json.GetProperty("frames");
        Assert.Equal(0, frames[0].GetProperty("iterate").GetInt32());
        Assert.Equal(12, frames[12].GetProperty("iterate").GetInt32());
        // in between, paced by distance: the iterate shown never goes back
        var shown = frames.EnumerateArray().Select(f => f.GetProperty("iterate").GetInt32()).ToList();
        Assert.True(shown.Zip(shown.Skip(1)).All(p => p.Second >= p.First));
    }

    [Theory]
    [InlineData("l1")]
    [InlineData("elasticnet")]
    [InlineData("l2")]
    [InlineData("linf")]
    public void Every_frame_s_w_is_the_facade_s_optimum_at_its_lambda_bit_for_bit(string norm)
    {
        var (_, json, _) = Animate(norm, "--norm", norm, "--frames", "12");
        var loss = QuadraticLoss.FromDataset(BuiltInDataset.Create(), LossKind.Mse, intercept: false);
        var penalty = PenaltyCatalogue.Create(norm, PenaltyArguments.None.With("alpha", 0.5).With("p", 0.5))!;
        var lambdas = new List<double>();
        foreach (var frame in json.GetProperty("frames").EnumerateArray())
        {
            double lambda = frame.GetProperty("lambda").GetDouble();
            lambdas.Add(lambda);
            var s = Regularised.Solve(loss, penalty.At(lambda), Form.Penalised(lambda));
            var w = frame.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(s.Weights, w);
            Assert.True(frame.GetProperty("certified").GetBoolean());
            // "zero" says exactly 0, nothing rounded
            Assert.Equal(w.Select(v => v == 0), frame.GetProperty("zero").EnumerateArray().Select(e => e.GetBoolean()));
        }
        // λ falls, log-spaced: equal ratios
        var ratios = lambdas.Zip(lambdas.Skip(1), (a, b) => b / a).ToArray();
        Assert.All(ratios, r => Assert.Equal(ratios[0], r, 12));
        Assert.True(ratios[0] < 1);
    }

    [Fact]
    public void The_first_l1_frame_is_at_lambda_max_where_w_is_exactly_0_and_solve_agrees()
    {
        var (_, json, _) = Animate("l1", "--norm", "l1", "--frames", "4");
        var first = json.GetProperty("frames")[0];
        Assert.All(first.GetProperty("weights").EnumerateArray(), v => Assert.Equal(0.0, v.GetDouble()));
        var solve = CliRunner.Run("solve", "--norm", "l1", "--lambda", R(first.GetProperty("lambda").GetDouble()), "--json", "-");
        var weights = JsonDocument.Parse(solve.Stdout).RootElement.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble());
        Assert.Equal([0.0, 0.0], weights);
    }

    [Fact]
    public void A_radius_sweep_meets_each_ball()
    {
        var (apng, json, _) = Animate("radius", "--norm", "l1", "--sweep", "radius", "--frames", "6");
        Assert.Equal(6, apng.Frames.Count);
        Assert.Equal("radius", json.GetProperty("sweep").GetString());
        var loss = QuadraticLoss.FromDataset(BuiltInDataset.Create(), LossKind.Mse, intercept: false);
        var radii = new List<double>();
        foreach (var frame in json.GetProperty("frames").EnumerateArray())
        {
            double t = frame.GetProperty("radius").GetDouble();
            radii.Add(t);
            var s = Regularised.Solve(loss, new L1Penalty(), Form.Constrained(t));
            Assert.Equal(s.Weights, frame.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()));
            Assert.True(frame.GetProperty("certified").GetBoolean());
        }
        var steps = radii.Zip(radii.Skip(1), (a, b) => b - a).ToArray();
        Assert.All(steps, d => Assert.Equal(steps[0], d, 9)); // evenly spaced
    }

    [Fact]
    public void The_same_command_gives_the_same_bytes()
    {
        var a = Animate("a", "--norm", "l2", "--frames", "10").Bytes;
        var b = Animate("b", "--norm", "l2", "--frames", "10").Bytes;
        Assert.Equal(a, b);
    }

    [Fact]
    public void Reverse_plays_the_same_frames_backwards()
    {
        var forward = Animate("f", "--norm", "l1", "--frames", "5").Json.GetProperty("frames");
        var backward = Animate("b", "--norm", "l1", "--frames", "5", "--reverse").Json.GetProperty("frames");
        for (int i = 0; i < 5; i++)
            Assert.Equal(forward[i].GetProperty("lambda").GetDouble(), backward[4 - i].GetProperty("lambda").GetDouble());
    }

    [Theory]
    [InlineData("--frames: 1 is outside 2..1000", "--frames", "1")]
    [InlineData("--frames: 1001 is outside 2..1000", "--frames", "1001")]
    [InlineData("--frames: 1000 frames of 800x800", "--frames", "1000")]
    [InlineData("--size: 5000x5000 is larger than an animation's 4000x4000", "--size", "5000x5000")]
    [InlineData("--fps: 0 is outside 1..100", "--fps", "0")]
    [InlineData("--hold: -1 is outside 0..1000", "--hold", "-1")]
    [InlineData("--from: 0 is not allowed", "--from", "0")]
    [InlineData("--to: equals --from", "--from", "0.5", "--to", "0.5")]
    [InlineData("--lambda: animate sweeps λ", "--lambda", "0.3")]
    [InlineData("--frames: with --trace the frames are the optimiser's steps", "--trace", "ista", "--frames", "10")]
    [InlineData("--steps: 5000 is outside 1..999", "--trace", "ista", "--steps", "5000")]
    [InlineData("must end in .png", "--out", "x.svg")]
    public void Bad_input_is_one_error_line_and_exit_2(string message, params string[] args)
    {
        var run = CliRunner.Run(["animate", .. args.Select(a => a == "x.svg" ? Path.Combine(Dir, a) : a)]);
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(message, line);
        Assert.Empty(Directory.GetFiles(Dir));
    }
}
