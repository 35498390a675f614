using System.CommandLine;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.IO;
using Regviz.Plotting;

namespace Regviz.Cli.Commands;

/// <summary>
/// <c>regviz compare EXPECTED ACTUAL</c>: image regression with matplotlib's RMS. Exit 0 when rms ≤ tolerance,
/// 1 when larger or the sizes differ, 2 when a file is missing or unreadable.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var expected = new Argument<string>("EXPECTED") { Description = "The reference image (PNG)" };
        var actual = new Argument<string>("ACTUAL") { Description = "The image to check (PNG)" };
        var tolerance = NumberOptions.Required("--tolerance", 0, "Largest RMS (0–255 scale) that still counts as equal", "T");
        var diff = new Option<string?>("--diff") { Description = "Write an image showing where they differ (PNG)", HelpName = "FILE" };
        var json = new Option<string?>("--json") { Description = "Write {rms, different_pixels, width, height} as JSON ('-': stdout)", HelpName = "FILE" };
        var command = new Command("compare", "Compare two images: RMS over R, G, B as matplotlib computes it") { expected, actual };
        command.Options.Add(tolerance);
        command.Options.Add(diff);
        command.Options.Add(json);
        command.SetAction(result =>
        {
            var stdout = result.InvocationConfiguration.Output;
            double t = result.GetValue(tolerance);
            if (t < 0) throw new InputException($"--tolerance: {RegularisationForm.RoundTrip(t)} must be ≥ 0");
            var e = Load(result.GetValue(expected)!, "EXPECTED");
            var a = Load(result.GetValue(actual)!, "ACTUAL");
            var d = ImageComparison.Compare(e, a);
            if (result.GetValue(diff) is { } diffPath && !d.SizesDiffer)
            {
                FigureExport.FormatOf(diffPath);
                AtomicFile.WriteAllBytes(diffPath, ImageComparison.DiffImage(e, a));
            }
            if (result.GetValue(json) is { } target)
                JsonOut.Write(target, stdout, w =>
                {
                    w.WriteStartObject();
                    if (d.SizesDiffer) w.WriteNull("rms"); else w.WriteNumber("rms", d.Rms);
                    w.WriteNumber("different_pixels", d.DifferentPixels);
                    w.WriteNumber("width", d.Width);
                    w.WriteNumber("height", d.Height);
                    w.WriteBoolean("sizes_differ", d.SizesDiffer);
                    w.WriteNumber("tolerance", t);
                    w.WriteEndObject();
                });
            bool same = !d.SizesDiffer && d.Rms <= t;
            if (result.GetValue(json) != "-")
                stdout.WriteLine(d.SizesDiffer
                    ? $"different: {d.SizeNote}"
                    : $"{(same ? "same" : "different")}: rms {d.Rms:0.####} (tolerance {RegularisationForm.RoundTrip(t)}), {d.DifferentPixels} of {(long)d.Width * d.Height} pixels differ");
            return same ? RegvizApp.Ok : RegvizApp.Difference;
        });
        return command;
    }

    internal static (byte[] Rgb, int Width, int Height) Load(string path, string role)
    {
        if (!File.Exists(path)) throw new InputException($"{role}: file '{path}' does not exist");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{role}: cannot read '{path}': {ex.Message}");
        }
        return ImageComparison.Decode(bytes) ?? throw new InputException($"{role}: '{path}' is not a readable image");
    }
}
