namespace Regviz.Cli.Batch;

/// <summary>
/// Where a checked figure stands. Created and Updated pass: --update wrote their baseline in this run.
/// The order is the order of a report: what needs a look first.
/// </summary>
internal enum CheckStatus { Error, Failed, Missing, Updated, Created, Passed }

/// <summary>
/// A figure compared with its baseline (golden image, hash, or both). Paths are the files as they are on disk after
/// the run, or null when there is none to point at (no golden, or the result rendered into a temporary folder and no
/// report copy of it).
/// </summary>
internal sealed record CheckOutcome(CheckStatus Status, string Verdict)
{
    public bool Passed => Status is CheckStatus.Passed or CheckStatus.Created or CheckStatus.Updated;

    /// <summary>RMS over R, G, B (0–255); null when no image comparison gave one (sizes differ, hash only, missing golden).</summary>
    public double? Rms { get; init; }
    public long DifferentPixels { get; init; }

    /// <summary>The tolerance this figure was held to: its own from the manifest, else --tolerance.</summary>
    public double Tolerance { get; init; }

    /// <summary>The smallest tolerance with which the comparison passes; null when none would (sizes differ, no golden).</summary>
    public double? PassingTolerance { get; init; }

    public string? Golden { get; init; }
    public string? Actual { get; init; }
    public string? Diff { get; init; }
    public string? Sha256 { get; init; }

    /// <summary>What the difference means (arguments, numbers, or only rendering); null unless the figure failed against a golden image.</summary>
    public Meaning? Meaning { get; init; }

    /// <summary>The figure's images inside the report folder, relative to it (null without --report).</summary>
    public ReportImages? Images { get; init; }

    public static string Word(CheckStatus status) => status switch
    {
        CheckStatus.Error => "error",
        CheckStatus.Failed => "failed",
        CheckStatus.Missing => "missing",
        CheckStatus.Updated => "updated",
        CheckStatus.Created => "created",
        _ => "passed",
    };

    /// <summary>
    /// The smallest tolerance, at four decimals, that <paramref name="rms"/> passes (rms ≤ tolerance). Rounded up, not
    /// to nearest: a printed tolerance that the figure then fails would be worse than none.
    /// </summary>
    public static double PassingAt(double rms)
    {
        double t = Math.Ceiling(rms * 1e4) / 1e4;
        while (t < rms) t = Math.Round(t + 1e-4, 4);
        return t;
    }
}

/// <summary>A figure's pictures in the report folder; Golden may be the same file as Actual when they are byte-identical.</summary>
internal sealed record ReportImages(string? Golden, string Actual, string? Diff, int Width, int Height);
