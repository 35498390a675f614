using Regviz.Plotting;
using Regviz.Tests.Cli;
using Regviz.Tests.Motion;
using Xunit;

namespace Regviz.Tests.ThreeD;

/// <summary>ball/surface --rotate: an APNG whose frame k is, pixel for pixel, the still figure at azimuth start + k·DEG/N.</summary>
[Collection(Support.CurrentDirectory.Collection)]
public class TurntableTests : Support.ScratchFolder
{
    [Theory]
    [InlineData("ball", "--norm", "l1", 360, 8)]
    [InlineData("surface", "--norm", "l2", 90, 4)]
    public void Each_frame_is_the_still_figure_at_its_azimuth(string command, string option, string norm, int degrees, int frames)
    {
        string[] grid = command == "surface" ? ["--grid", "60"] : [];
        string apng = Path.Combine(Dir, "t.png");
        var r = CliRunner.Run([command, option, norm, "--view", "20,25", "--rotate", degrees.ToString(), "--frames", frames.ToString(), "--size", "200x200", .. grid, "--out", apng]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var reader = ApngReader.Read(File.ReadAllBytes(apng));
        Assert.Equal(frames, reader.AnimationFrames);
        Assert.Equal(0, reader.Plays);
        var composed = reader.Compose();
        foreach (int k in new[] { 0, frames / 2, frames - 1 })
        {
            double az = 20 + (double)degrees * k / frames;
            string still = Path.Combine(Dir, $"still{k}.png");
            var s = CliRunner.Run([command, option, norm, "--view", FormattableString.Invariant($"{az:R},25"), "--size", "200x200", .. grid, "--out", still]);
            Assert.True(s.ExitCode == 0, s.Stderr);
            Assert.Equal(ApngReader.DecodeFile(File.ReadAllBytes(still)).Rgba, composed[k]);
        }
    }

    [Theory]
    [InlineData("light", "turntable-l1-group.png")]
    [InlineData("print", "turntable-l1-group-print.png")]
    public void Golden_turntable(string style, string name)
    {
        string apng = Path.Combine(Dir, "t.png");
        Assert.Equal(0, CliRunner.Run("ball", "--norm", "l1,group", "--rotate", "360", "--frames", "12", "--size", "200x200", "--style", style, "--out", apng).ExitCode);
        string golden = Path.Combine(Figures.Golden.Folder(), name);
        if (Environment.GetEnvironmentVariable("REGVIZ_UPDATE_GOLDENS") == "1") File.Copy(apng, golden, overwrite: true);
        var expected = ApngReader.Read(File.ReadAllBytes(golden));
        var actual = ApngReader.Read(File.ReadAllBytes(apng));
        Assert.Equal(expected.AnimationFrames, actual.AnimationFrames);
        var e = expected.Compose();
        var a = actual.Compose();
        for (int k = 0; k < e.Count; k++)
        {
            var diff = ImageComparison.Compare((Rgb(e[k]), expected.Width, expected.Height), (Rgb(a[k]), actual.Width, actual.Height));
            Assert.True(diff.Rms <= Figures.Golden.Tolerance, $"frame {k}: RMS {diff.Rms:F3}");
        }
    }

    private static byte[] Rgb(byte[] rgba) => rgba.Where((_, i) => i % 4 != 3).ToArray();

    [Theory]
    [InlineData("--rotate", "0", "--rotate: 0 is outside")]
    [InlineData("--frames", "1", "--frames: 1 is outside 2..360")]
    public void Bad_turns_are_refused(string option, string value, string message)
    {
        string[] args = option == "--frames" ? ["--rotate", "90", option, value] : [option, value];
        var r = CliRunner.Run(["ball", .. args, "--out", Path.Combine(Dir, "x.png")]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
    }
}
