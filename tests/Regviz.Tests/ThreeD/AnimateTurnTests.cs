using Regviz.Tests.Cli;
using Regviz.Tests.Motion;
using Xunit;

namespace Regviz.Tests.ThreeD;

/// <summary>
/// animate --rotate: a surface or a ball turning, with a sweep's frame rules (--frames views, --fps, --hold on the
/// first and last frame, looping for ever); each frame is the still figure at its azimuth, so the turn is the
/// surface's and ball's own --rotate with animate's timing.
/// </summary>
[Collection(Support.CurrentDirectory.Collection)]
public class AnimateTurnTests : Support.ScratchFolder
{
    [Theory]
    [InlineData("ball", new[] { "--norm", "l1,group" }, 360, 6)]
    [InlineData("surface", new[] { "--norm", "l2", "--lambda", "0.3", "--grid", "60" }, -90, 4)]
    public void Frames_are_the_stills_at_their_azimuths(string figure, string[] problem, int degrees, int frames)
    {
        string apng = Path.Combine(Dir, "turn.png");
        var r = CliRunner.Run(["animate", "--rotate", degrees.ToString(), "--figure", figure, .. problem, "--view", "10,40", "--frames", frames.ToString(), "--size", "160x160", "--out", apng]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var reader = ApngReader.Read(File.ReadAllBytes(apng));
        Assert.Equal(frames, reader.AnimationFrames);
        Assert.Equal(0, reader.Plays);
        var composed = reader.Compose();
        for (int k = 0; k < frames; k++)
        {
            string still = Path.Combine(Dir, $"still{k}.png");
            double az = 10 + (double)degrees * k / frames;
            var s = CliRunner.Run([figure, .. problem, "--view", FormattableString.Invariant($"{az:R},40"), "--size", "160x160", "--out", still]);
            Assert.True(s.ExitCode == 0, s.Stderr);
            Assert.True(ApngReader.DecodeFile(File.ReadAllBytes(still)).Rgba.SequenceEqual(composed[k]), $"frame {k} differs from the still at azimuth {az}");
        }
    }

    [Fact]
    public void Fps_and_hold_time_the_frames_as_a_sweeps_do()
    {
        string apng = Path.Combine(Dir, "turn.png");
        var r = CliRunner.Run("animate", "--rotate", "180", "--figure", "ball", "--frames", "5", "--fps", "8", "--hold", "3", "--size", "120", "--out", apng);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var delays = ApngReader.Read(File.ReadAllBytes(apng)).Frames.Select(f => (f.Control.DelayNumerator, f.Control.DelayDenominator)).ToList();
        Assert.Equal([(4, 8), (1, 8), (1, 8), (1, 8), (4, 8)], delays);
        // without --hold a turn has no first and last state to dwell on: every frame 1/fps
        var plain = CliRunner.Run("animate", "--rotate", "180", "--figure", "ball", "--frames", "3", "--fps", "8", "--size", "120", "--out", apng);
        Assert.True(plain.ExitCode == 0, plain.Stderr);
        Assert.All(ApngReader.Read(File.ReadAllBytes(apng)).Frames, f => Assert.Equal((1, 8), (f.Control.DelayNumerator, f.Control.DelayDenominator)));
    }

    [Theory]
    [InlineData(new[] { "ball", "--fps", "10" }, "--fps has no effect without --rotate")]
    [InlineData(new[] { "surface", "--frames", "10" }, "--frames has no effect without --rotate")]
    [InlineData(new[] { "animate", "--figure", "ball" }, "--figure has no effect without --rotate")]
    [InlineData(new[] { "animate", "--view", "10,20" }, "--view has no effect without --rotate")]
    [InlineData(new[] { "animate", "--rotate", "90", "--trace", "gd" }, "--trace: with --rotate the frames are views")]
    [InlineData(new[] { "animate", "--rotate", "90", "--from", "1" }, "--from: with --rotate the frames are views")]
    [InlineData(new[] { "animate", "--rotate", "90", "--figure", "ball", "--lambda", "1" }, "--lambda has no effect with --figure ball")]
    [InlineData(new[] { "animate", "--rotate", "90", "--groups", "1:3" }, "--groups has no effect with --figure surface")]
    [InlineData(new[] { "animate", "--rotate", "90", "--figure", "cone" }, "--figure")]
    [InlineData(new[] { "animate", "--rotate", "0" }, "--rotate: 0 is outside")]
    [InlineData(new[] { "animate", "--rotate", "90", "--frames", "400" }, "--frames: 400 is outside 2..360")]
    public void Turn_options_out_of_place_are_one_error_line(string[] args, string message)
    {
        string output = Path.Combine(Dir, "x.png");
        var r = CliRunner.Run([.. args, "--out", output]);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(r.ErrorLines));
        Assert.Contains(message, r.Stderr);
        Assert.False(File.Exists(output));
    }
}
