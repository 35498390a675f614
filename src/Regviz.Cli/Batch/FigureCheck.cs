using System.Security.Cryptography;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.IO;
using Regviz.Plotting;

namespace Regviz.Cli.Batch;

/// <summary>What --check, --hash-library, --update, --diff and --report ask of every figure.</summary>
internal sealed record CheckRequest(string? GoldenDir, HashLibrary? Hashes, double Tolerance, string? DiffDir, UpdateMode? Update, ReportFolder? Report, bool KeepsResults)
{
    /// <summary>How the running renderer differs from the one recorded with the baselines: a rendering change names it.</summary>
    public IReadOnlyList<string> RendererDifferences { get; init; } = [];
}

/// <summary>
/// Checks one rendered figure against its baselines. The hash library (when given) decides first: a matching hash
/// passes. Without golden images a missing or different hash is the verdict; with them the image comparison decides
/// (matplotlib's RMS against the figure's tolerance). Then --update writes what its mode asks for, and the figure's
/// pictures go to the report.
/// </summary>
internal static class FigureCheck
{
    private enum HashState { None, Match, Differs, Absent }

    /// <summary>The image comparison and what the report and --update need from it.</summary>
    private sealed record ImageCheck(CheckStatus Status, string Verdict)
    {
        public double? Rms { get; init; }
        public long DifferentPixels { get; init; }
        public byte[]? Golden { get; init; }
        public bool GoldenIsImage { get; init; }
        public bool Identical { get; init; }
        public byte[]? Diff { get; init; }
        public (int Width, int Height) Size { get; init; }
    }

    /// <param name="record">
    /// The figure's arguments and numbers (<see cref="GoldenSidecar.Build"/>): said against the golden's when it fails,
    /// written beside it by --update; built only then (a passing check needs none of it).
    /// </param>
    public static CheckOutcome Run(CheckRequest c, string outDir, ManifestFigure figure, int index, Lazy<byte[]> record)
    {
        double tolerance = figure.Tolerance ?? c.Tolerance;
        string actualPath = Path.Combine(outDir, figure.Out);
        byte[] actual;
        try { actual = BoundedInput.ReadBytes(actualPath, "figure", ToolLimits.ImageBytes, 0); }
        catch (InputException e) { return new CheckOutcome(CheckStatus.Failed, $"UNREADABLE ({e.Message})") { Tolerance = tolerance }; }
        string sha = Convert.ToHexStringLower(SHA256.HashData(actual));

        string? expected = c.Hashes?.Expected(figure.Out);
        var hash = c.Hashes is null ? HashState.None : expected is null ? HashState.Absent : expected == sha ? HashState.Match : HashState.Differs;
        string? goldenPath = c.GoldenDir is { } g ? Path.Combine(g, figure.Out) : null;
        // a matching hash settles the verdict; the images are still compared when they are about to be replaced or shown
        var image = goldenPath is not null && (hash != HashState.Match || c.Update is not null || c.Report is not null)
            ? CompareImages(goldenPath, actual, figure.Out, tolerance, wantDiff: c.Report is not null || c.DiffDir is not null)
            : null;

        var status = Combine(hash, image);
        string verdict = Verdict(hash, image, status);
        // what the difference means comes first: a reviewer reads "λ 0.5 → 0.6" before "812 pixels"
        Meaning? meaning = null;
        if (status == CheckStatus.Failed && image?.Golden is not null && c.GoldenDir is { } goldens)
        {
            meaning = MeaningOf(goldens, figure.Out, record, c.RendererDifferences);
            verdict = $"{meaning.Text}; {verdict}";
        }
        string? diffPath = null;
        if (status == CheckStatus.Failed && image?.Diff is { } diff && c.DiffDir is { } diffDir)
            (diffPath, verdict) = WriteDiff(diffDir, figure.Out, diff, verdict);
        if (c.Update is { } mode)
            (status, verdict) = Update(c, mode, figure, actual, sha, hash, image, status, verdict, record);

        var outcome = new CheckOutcome(status, verdict)
        {
            Rms = image?.Rms,
            DifferentPixels = image?.DifferentPixels ?? 0,
            Tolerance = tolerance,
            PassingTolerance = image?.Rms is { } rms ? CheckOutcome.PassingAt(rms) : hash == HashState.Match ? 0 : null,
            Golden = goldenPath is not null && FileKinds.Of(goldenPath) == FileKind.Regular ? goldenPath : null,
            Actual = c.KeepsResults ? actualPath : null,
            Diff = diffPath,
            Sha256 = sha,
            Meaning = meaning,
        };
        return c.Report is { } report ? WithReportImages(outcome, report, index, figure.Out, actual, image) : outcome;
    }

    private static Meaning MeaningOf(string goldenDir, string figure, Lazy<byte[]> record, IReadOnlyList<string> rendererDifferences)
    {
        FigureRecord? golden;
        try { golden = GoldenSidecar.Load(goldenDir, figure); }
        catch (InputException e) { return Meaning.Unknown($"golden sidecar {GoldenSidecar.NameOf(ReportText.Printable(figure, 80))} is unusable ({e.Message})"); }
        return golden is null
            ? Meaning.Unknown("golden has no sidecar")
            : Meaning.Compare(golden, GoldenSidecar.Parse(record.Value), rendererDifferences);
    }

    private static (string? Path, string Verdict) WriteDiff(string diffDir, string figure, byte[] diff, string verdict)
    {
        try
        {
            string name = Path.ChangeExtension(figure, null) + "-diff.png";
            AtomicFile.WriteAllBytes(OutputTargets.Inside(diffDir).Prepare(name, "--diff"), diff);
            return (Path.Combine(diffDir, name), verdict);
        }
        catch (InputException ex) { return (null, $"{verdict}; no diff image: {ex.Message}"); }
    }

    /// <summary>Copies the figure's pictures into the report; where the run kept no result or diff of its own, the copies are the ones named.</summary>
    private static CheckOutcome WithReportImages(CheckOutcome outcome, ReportFolder report, int index, string figure, byte[] actual, ImageCheck? image)
    {
        byte[]? shownGolden = image is { Golden: { } golden, Identical: false, GoldenIsImage: true } ? golden : null;
        var size = image?.Size is { Width: > 0 } s ? s : PngSize(actual);
        var images = report.Save(index, Path.GetExtension(figure).ToLowerInvariant(), actual, shownGolden, image?.Diff, size);
        if (image is { Identical: true }) images = images with { Golden = images.Actual };
        return outcome with
        {
            Images = images,
            Actual = outcome.Actual ?? report.PathOf(images.Actual),
            Diff = outcome.Diff ?? (images.Diff is { } d ? report.PathOf(d) : null),
        };
    }

    private static CheckStatus Combine(HashState hash, ImageCheck? image) => hash switch
    {
        HashState.Match => CheckStatus.Passed,
        _ when image is not null => image.Status,
        HashState.Absent => CheckStatus.Missing,
        _ => CheckStatus.Failed,
    };

    private static string Verdict(HashState hash, ImageCheck? image, CheckStatus status)
    {
        if (hash == HashState.Match) return "ok (hash matches)";
        if (image is null) return hash == HashState.Absent ? "MISSING HASH" : "DIFFERENT (hash differs)";
        return hash switch
        {
            HashState.Differs => $"{image.Verdict}; hash differs",
            HashState.Absent => $"{image.Verdict}; no hash",
            _ => image.Verdict,
        } + (status == CheckStatus.Failed && image.Rms is { } rms ? $"; passes with tolerance {RegularisationForm.RoundTrip(CheckOutcome.PassingAt(rms))}" : "");
    }

    private static ImageCheck CompareImages(string golden, byte[] actual, string name, double tolerance, bool wantDiff)
    {
        switch (FileKinds.Of(golden))
        {
            case FileKind.Missing: return new ImageCheck(CheckStatus.Missing, "MISSING GOLDEN");
            case FileKind.Special or FileKind.Folder: return new ImageCheck(CheckStatus.Failed, "UNREADABLE GOLDEN (not a regular file)"); // a FIFO would block
        }
        byte[] expected;
        try { expected = BoundedInput.ReadBytes(golden, "golden", ToolLimits.ImageBytes, 0); }
        catch (InputException) { return new ImageCheck(CheckStatus.Failed, "UNREADABLE GOLDEN"); }
        bool png = name.EndsWith(".png", StringComparison.OrdinalIgnoreCase);
        // the common case in CI: the same bytes, known without decoding two images
        if (expected.AsSpan().SequenceEqual(actual))
            return new ImageCheck(CheckStatus.Passed, png ? "ok" : "ok (identical)") { Rms = png ? 0 : null, Golden = expected, GoldenIsImage = png, Identical = true };
        bool page = Path.GetExtension(name).ToLowerInvariant() is ".html" or ".htm";
        if (page || (png && (AnimationComparison.IsAnimated(expected) || AnimationComparison.IsAnimated(actual))))
            return CompareAnimations(expected, actual, page, tolerance, wantDiff);
        if (!png) return new ImageCheck(CheckStatus.Failed, "DIFFERENT (not identical)") { Golden = expected };

        (byte[] Rgb, int Width, int Height) e, a;
        try { e = Decode(expected, golden, "golden"); }
        catch (InputException) { return new ImageCheck(CheckStatus.Failed, "UNREADABLE GOLDEN"); }
        try { a = Decode(actual, name, "figure"); }
        catch (InputException ex) { return new ImageCheck(CheckStatus.Failed, $"UNREADABLE ({ex.Message})") { Golden = expected, GoldenIsImage = IsPlainPng(expected) }; }
        var d = ImageComparison.Compare(e, a);
        var check = new ImageCheck(CheckStatus.Failed, "") { Golden = expected, GoldenIsImage = IsPlainPng(expected), Size = (a.Width, a.Height) };
        if (d.SizesDiffer) return check with { Verdict = $"DIFFERENT ({d.SizeNote})" };
        bool passed = d.Rms <= tolerance;
        return check with
        {
            Status = passed ? CheckStatus.Passed : CheckStatus.Failed,
            Verdict = passed ? "ok" : $"DIFFERENT ({d.DifferentPixels} {(d.DifferentPixels == 1 ? "pixel" : "pixels")})",
            Rms = d.Rms,
            DifferentPixels = d.DifferentPixels,
            Diff = wantDiff && d.DifferentPixels > 0 ? ImageComparison.DiffImage(e, a) : null,
        };
    }

    /// <summary>
    /// An animation (APNG) or an explore page, frame by frame: its RMS is its worst frame's, named in the verdict, and the
    /// diff image is that frame's. A different frame count or frame size fails without comparing pixels.
    /// </summary>
    private static ImageCheck CompareAnimations(byte[] expected, byte[] actual, bool page, double tolerance, bool wantDiff)
    {
        AnimationDifference d;
        try { d = AnimationComparison.Compare(expected, actual, page, wantDiff); }
        catch (InputException ex) when (ex.Label == "golden")
        {
            return new ImageCheck(CheckStatus.Failed, $"UNREADABLE GOLDEN ({ex.Reason})");
        }
        catch (InputException ex) { return new ImageCheck(CheckStatus.Failed, $"UNREADABLE ({ex.Message})") { Golden = expected, GoldenIsImage = !page && IsPlainPng(expected) }; }
        var check = new ImageCheck(CheckStatus.Failed, "") { Golden = expected, GoldenIsImage = !page && IsPlainPng(expected), Size = page ? (0, 0) : PngSize(actual) };
        if (d.Mismatch is { } mismatch) return check with { Verdict = $"DIFFERENT ({mismatch})" };
        var worst = d.Worst!;
        bool passed = worst.Rms <= tolerance;
        string frames = $"{d.ActualFrames} frames";
        return check with
        {
            Status = passed ? CheckStatus.Passed : CheckStatus.Failed,
            Verdict = passed
                ? $"ok ({frames}, worst frame {d.WorstFrame} at RMS {RegularisationForm.RoundTrip(Math.Round(worst.Rms, 4))})"
                : $"DIFFERENT (frame {d.WorstFrame} of {frames}: RMS {RegularisationForm.RoundTrip(Math.Round(worst.Rms, 4))}, {worst.DifferentPixels} pixels)",
            Rms = worst.Rms,
            DifferentPixels = worst.DifferentPixels,
            Diff = d.Diff,
        };
    }

    /// <summary>
    /// Writes the baselines that <paramref name="mode"/> asks for: the golden image (confined to the golden folder, which
    /// comes from the pull request) and the hash entry, each judged by its own verdict. A golden that cannot be written
    /// leaves the figure's status as it was, with the reason in its verdict.
    /// </summary>
    private static (CheckStatus, string) Update(CheckRequest c, UpdateMode mode, ManifestFigure figure, byte[] actual, string sha,
        HashState hash, ImageCheck? image, CheckStatus status, string verdict, Lazy<byte[]> record)
    {
        bool wroteGolden = false, wroteHash = false;
        if (c.GoldenDir is { } goldenDir && image is not null && mode.Writes(image.Status, bytesDiffer: !image.Identical))
        {
            try
            {
                AtomicFile.WriteAllBytes(OutputTargets.Inside(goldenDir).Prepare(figure.Out, "--check"), actual);
                wroteGolden = true;
            }
            catch (InputException ex) { verdict += $"; golden not written: {ex.Message}"; }
        }
        // the record goes with its golden: written with it, or beside a golden that passes and has none (goldens made before records)
        if (c.GoldenDir is { } folder && image is not null && (wroteGolden || image.Status == CheckStatus.Passed))
        {
            try
            {
                if (GoldenSidecar.Stale(folder, figure.Out, record.Value, rewrite: wroteGolden || mode == UpdateMode.All))
                    GoldenSidecar.Save(folder, figure.Out, record.Value);
            }
            catch (InputException ex) { verdict += $"; golden sidecar not written: {ex.Message}"; }
        }
        var hashStatus = hash switch { HashState.Absent => CheckStatus.Missing, HashState.Differs => CheckStatus.Failed, _ => CheckStatus.Passed };
        if (c.Hashes is { } library && hash != HashState.Match && mode.Writes(hashStatus, bytesDiffer: true))
        {
            library.Record(figure.Out, sha);
            wroteHash = true;
        }
        if (!wroteGolden && !wroteHash) return (status, verdict);
        var now = Combine(wroteHash ? HashState.Match : hash, wroteGolden ? image! with { Status = CheckStatus.Passed } : image);
        if (now != CheckStatus.Passed) return (status, verdict);
        // a golden written where there was none is created, even when a matching hash had already passed the figure
        if (status == CheckStatus.Missing || (wroteGolden && image!.Status == CheckStatus.Missing))
            return (CheckStatus.Created, wroteGolden ? "created golden" : "hash recorded");
        if (status == CheckStatus.Failed || wroteGolden)
            return (CheckStatus.Updated, $"updated {(wroteGolden ? "golden" : "hash")} (was {verdict})");
        return (status, $"{verdict}; hash recorded");
    }

    private static readonly byte[] IendChunk = [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];

    /// <summary>
    /// A golden the report may copy: a PNG that ends where its image ends. Skia decodes a PNG with anything after its
    /// IEND chunk (an HTML page appended), and a copy of that file in the report folder would carry the rest along.
    /// </summary>
    private static bool IsPlainPng(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) && bytes.AsSpan().EndsWith(IendChunk);

    /// <summary>An image read for a check: refused in the words of <c>compare</c>, on bytes already read (and hashed).</summary>
    private static (byte[] Rgb, int Width, int Height) Decode(byte[] bytes, string path, string role)
    {
        string unreadable = $"{role}: '{path}' is not a readable image";
        if (!ImageComparison.HasImageSignature(bytes.AsSpan(0, Math.Min(bytes.Length, 64)))) throw new InputException(unreadable);
        try { return ImageComparison.Decode(bytes) ?? throw new InputException(unreadable); }
        catch (ImageTooLargeException big) { throw new InputException($"{role}: '{path}' {big.Message}"); }
    }

    /// <summary>Width and height from a PNG's header (0 × 0 for anything else): the report sizes its thumbnails before they load.</summary>
    internal static (int Width, int Height) PngSize(byte[] png) =>
        png.Length >= 24 && png.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])
            ? ((int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16)), (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20)))
            : (0, 0);
}
