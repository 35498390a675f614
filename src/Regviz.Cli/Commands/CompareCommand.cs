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
            string? diffPath = result.GetValue(diff) is { } dp ? OutputTargets.Prepare(dp, "--diff") : null;
            if (diffPath is not null && FigureExport.FormatOf(diffPath, "--diff") != "png")
                throw new InputException($"--diff: '{diffPath}' must end in .png (the diff image is PNG only)");
            string? target = result.GetValue(json) is { } j ? OutputTargets.Prepare(j, "--json") : null;
            if (diffPath is not null) OutputTargets.Distinct(diffPath, "--diff", target, "--json");
            var e = Load(result.GetValue(expected)!, "EXPECTED");
            var a = Load(result.GetValue(actual)!, "ACTUAL");
            var d = ImageComparison.Compare(e, a);
            if (diffPath is not null && !d.SizesDiffer)
                AtomicFile.WriteAllBytes(diffPath, ImageComparison.DiffImage(e, a));
            if (target is not null)
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

    /// <summary>
    /// Reads and decodes an image with its cost bounded: the file's first bytes must be an image signature (so
    /// /dev/zero is refused at once), the file is capped, and the pixel count is read from the header before decoding.
    /// </summary>
    internal static (byte[] Rgb, int Width, int Height) Load(string path, string role)
    {
        string Unreadable() => $"{role}: '{path}' is not a readable image";
        byte[] bytes = BoundedInput.ReadBytes(path, $"{role}: file", Limits.ImageBytes, 0, header =>
        {
            if (!ImageComparison.HasImageSignature(header)) throw new InputException(Unreadable());
        });
        try
        {
            return ImageComparison.Decode(bytes) ?? throw new InputException(Unreadable());
        }
        catch (ImageTooLargeException big)
        {
            throw new InputException($"{role}: '{path}' {big.Message}");
        }
    }
}
