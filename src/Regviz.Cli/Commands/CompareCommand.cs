using System.CommandLine;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core.IO;
using Regviz.Core.Sidecars;
using Regviz.Core;
using Regviz.Plotting;

namespace Regviz.Cli.Commands;

/// <summary>
/// <c>regviz compare EXPECTED ACTUAL</c>: image regression with matplotlib's RMS. Exit 0 when rms ≤ tolerance,
/// 1 when larger or the sizes differ, 2 when a file is missing or unreadable.
/// </summary>
internal sealed class CompareCommand
{
    // options belong to one command tree (see RegvizApp.CreateRoot), so each tree gets its own instance
    private readonly Argument<string> _expected = new("EXPECTED") { Description = "The reference image (PNG)" };
    private readonly Argument<string> _actual = new("ACTUAL") { Description = "The image to check (PNG)" };
    private readonly Option<double> _tolerance = NumberOptions.Required("--tolerance", 0, "Largest RMS (0–255 scale) that still counts as equal", "T");
    private readonly Option<string?> _diff = new("--diff") { Description = "Write an image showing where they differ (PNG)", HelpName = "FILE" };
    private readonly Option<string?> _json = new("--json") { Description = "Write {rms, different_pixels, width, height} as JSON ('-': stdout)", HelpName = "FILE" };

    public static Command Create() => new CompareCommand().Build();

    private Command Build()
    {
        var command = new Command("compare", "Compare two images: RMS over R, G, B as matplotlib computes it") { _expected, _actual };
        foreach (var option in new Option[] { _tolerance, _diff, _json }) command.Options.Add(option);
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult result)
    {
        var stdout = result.InvocationConfiguration.Output;
        double t = result.GetValue(_tolerance);
        if (t < 0) throw new InputException($"--tolerance: {RegularisationForm.RoundTrip(t)} must be ≥ 0");
        var outputs = RunContext.Of(result).Outputs;
        string? diffPath = result.GetValue(_diff) is { } dp ? outputs.Prepare(dp, "--diff") : null;
        if (diffPath is not null && FigureExport.FormatOf(diffPath, "--diff") != "png")
            throw new InputException($"--diff: '{diffPath}' must end in .png (the diff image is PNG only)");
        string? target = result.GetValue(_json) is { } j ? outputs.Prepare(j, "--json") : null;
        if (diffPath is not null) OutputTargets.Distinct(diffPath, "--diff", target, "--json");
        var e = Load(result.GetValue(_expected)!, "EXPECTED");
        var a = Load(result.GetValue(_actual)!, "ACTUAL");
        var d = ImageComparison.Compare(e, a);
        if (diffPath is not null && !d.SizesDiffer)
            AtomicFile.WriteAllBytes(diffPath, ImageComparison.DiffImage(e, a));
        if (target is not null) JsonOut.Write(RunContext.Of(result), target, new CompareSidecar
        {
            Rms = d.SizesDiffer ? null : d.Rms,
            DifferentPixels = d.DifferentPixels,
            Width = d.Width,
            Height = d.Height,
            SizesDiffer = d.SizesDiffer,
            Tolerance = t,
        });
        bool same = !d.SizesDiffer && d.Rms <= t;
        if (target != "-") stdout.WriteLine(Verdict(d, t, same));
        return same ? RegvizApp.Ok : RegvizApp.Difference;
    }

    private static string Verdict(ImageDifference d, double tolerance, bool same) => d.SizesDiffer
        ? $"different: {d.SizeNote}"
        : $"{(same ? "same" : "different")}: rms {d.Rms:0.####} (tolerance {RegularisationForm.RoundTrip(tolerance)}), {d.DifferentPixels} of {(long)d.Width * d.Height} pixels {(d.DifferentPixels == 1 ? "differs" : "differ")}";

    /// <summary>
    /// Reads and decodes an image with its cost bounded: the file's first bytes must be an image signature (so
    /// /dev/zero is refused at once), the file is capped, and the pixel count is read from the header before decoding.
    /// </summary>
    internal static (byte[] Rgb, int Width, int Height) Load(string path, string role)
    {
        string Unreadable() => $"{role}: '{path}' is not a readable image";
        byte[] bytes = BoundedInput.ReadBytes(path, $"{role}: file", ToolLimits.ImageBytes, 0, header =>
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
