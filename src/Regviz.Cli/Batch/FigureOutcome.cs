namespace Regviz.Cli.Batch;

/// <summary>How one figure of a batch ended: made or not (<see cref="Error"/>), and with --check how it compared.</summary>
internal sealed record FigureOutcome(ManifestFigure Figure, string? Error, double Seconds)
{
    public bool Made => Error is null;
    public CheckOutcome? Check { get; init; }

    /// <summary>Its place in the manifest (0-based): names its images in a report, whatever the manifest calls it.</summary>
    public int Index { get; init; }

    /// <summary>The status every report gives: a figure that could not be made is an error, whether checking or not.</summary>
    public CheckStatus Status => !Made ? CheckStatus.Error : Check?.Status ?? CheckStatus.Passed;
}
