using System.CommandLine;
using System.Globalization;
using Regviz.Core;
using Regviz.Plotting;
using Regviz.Plotting.ThreeD;

namespace Regviz.Cli.Options;

/// <summary>--rotate DEG on ball and surface: the figure turning about the vertical axis as an animated PNG, --frames views at --fps.</summary>
internal sealed class TurntableOptions
{
    public const int MaxFrames = 360;

    public readonly Option<double?> Rotate = NumberOptions.Nullable("--rotate", "Turn the view by this many degrees of azimuth (-3600..3600, not 0) as an animated PNG (APNG), starting at --view; 360 loops seamlessly", "DEG");
    public readonly Option<int> Frames = new("--frames") { Description = $"Views in the turn, with --rotate (2..{MaxFrames})", DefaultValueFactory = _ => 36, HelpName = "N" };
    public readonly Option<int> Fps = new("--fps") { Description = $"Frames a second, with --rotate (1..{AnimationTiming.MaxFramesPerSecond})", DefaultValueFactory = _ => 12, HelpName = "N" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Rotate, Frames, Fps }) command.Options.Add(option);
    }

    /// <summary>The turn's settings, checked before any drawing, or null without --rotate; an animation is a .png.</summary>
    public (double Degrees, int Frames, int Fps)? Bind(ParseResult r, string output, FigureStyle style)
    {
        // --frames and --fps without --rotate are refused before the command runs (OptionsWithoutEffect)
        if (r.GetValue(Rotate) is not { } degrees) return null;
        int frames = r.GetValue(Frames), fps = r.GetValue(Fps);
        Check(degrees, frames, output, style);
        if (fps < 1 || fps > AnimationTiming.MaxFramesPerSecond) throw new InputException($"--fps: {fps} is outside 1..{AnimationTiming.MaxFramesPerSecond}");
        return (degrees, frames, fps);
    }

    /// <summary>A turn's angle, views and output, as ball, surface and animate check them.</summary>
    public static void Check(double degrees, int frames, string output, FigureStyle style)
    {
        if (degrees == 0 || Math.Abs(degrees) > 3600)
            throw new InputException($"--rotate: {degrees.ToString(CultureInfo.InvariantCulture)} is outside -3600..3600 or 0");
        if (frames is < 2 or > MaxFrames) throw new InputException($"--frames: {frames} is outside 2..{MaxFrames}");
        if (FigureExport.FormatOf(output, "--out") != "png") throw new InputException($"--rotate: the turn is an animated PNG; '{Excerpt.Of(output)}' must end in .png");
        if ((long)frames * style.Width * style.Height > SweepOptions.MaxPixels)
            throw new InputException($"--frames: {frames} frames of {style.Width}x{style.Height} are more than {SweepOptions.MaxPixels:N0} pixels");
    }

    /// <summary>Writes the figure, or its turn when --rotate was given.</summary>
    public static void Save(Func<double, Figure3> figureAt, double azimuth, (double Degrees, int Frames, int Fps)? turn, FigureDescription description, string output)
    {
        if (turn is not { } t) figureAt(azimuth).Save(output);
        else Core.IO.AtomicFile.WriteAllBytes(output, Turntable.Apng(figureAt, azimuth, t.Degrees, t.Frames, new AnimationTiming(t.Fps, Hold: 0), description));
    }
}
