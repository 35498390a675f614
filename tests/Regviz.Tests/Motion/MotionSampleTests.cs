using Regviz.Plotting;
using Regviz.Tests.Cli;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Motion;

/// <summary>
/// The animations in samples/motion are what their commands (samples/motion/README.md) make now, frame by frame, at the
/// golden tolerance: a change that moves a frame fails here. REGVIZ_UPDATE_GOLDENS=1 rewrites them; look at them before
/// committing.
/// </summary>
public class MotionSampleTests : ScratchFolder
{
    [Theory]
    [InlineData("animate-l1.png", "--norm", "l1")]
    [InlineData("animate-l2.png", "--norm", "l2")]
    [InlineData("animate-l1-trace-ista.png", "--norm", "l1", "--trace", "ista", "--steps", "30")]
    public void A_sample_animation_matches_its_command_frame_by_frame(string name, params string[] args)
    {
        string made = Path.Combine(Dir, name), sample = Repository.Path("samples", "motion", name);
        var run = CliRunner.Run(["animate", .. args, "--out", made]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        if (Environment.GetEnvironmentVariable("REGVIZ_UPDATE_GOLDENS") == "1")
        {
            File.Copy(made, sample, overwrite: true);
            return;
        }
        var expected = ApngReader.Read(File.ReadAllBytes(sample));
        var actual = ApngReader.Read(File.ReadAllBytes(made));
        Assert.Equal(expected.Frames.Count, actual.Frames.Count);
        Assert.Equal(expected.Frames.Select(f => (f.Control.DelayNumerator, f.Control.DelayDenominator)),
            actual.Frames.Select(f => (f.Control.DelayNumerator, f.Control.DelayDenominator)));
        var e = expected.Compose();
        var a = actual.Compose();
        var worst = Enumerable.Range(0, e.Count)
            .Select(k => (Frame: k, Diff: ImageComparison.Compare(Rgb(e[k], expected), Rgb(a[k], actual))))
            .MaxBy(d => d.Diff.Rms);
        Assert.True(worst.Diff.Rms <= Figures.Golden.Tolerance,
            $"{name}: frame {worst.Frame} differs from the sample by RMS {worst.Diff.Rms:F3} ({worst.Diff.DifferentPixels} pixels)");
    }

    private static (byte[] Rgb, int Width, int Height) Rgb(byte[] rgba, ApngReader image)
    {
        var rgb = new byte[image.Width * image.Height * 3];
        for (int p = 0; p < image.Width * image.Height; p++)
        {
            rgb[p * 3] = rgba[p * 4];
            rgb[p * 3 + 1] = rgba[p * 4 + 1];
            rgb[p * 3 + 2] = rgba[p * 4 + 2];
        }
        return (rgb, image.Width, image.Height);
    }
}
