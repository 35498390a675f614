namespace Regviz.Core.Sidecars;

/// <summary>
/// <c>regviz batch --check --summary FILE</c>: the check for scripts, figures in manifest order. A value that does not
/// apply is null rather than absent, so every key of every figure is there to read.
/// </summary>
public sealed record BatchSummarySidecar
{
    /// <summary>The manifest's path.</summary>
    public required string Manifest { get; init; }
    /// <summary>The golden folder, or null (a hash library alone).</summary>
    public required string? GoldenDir { get; init; }
    /// <summary>The hash library, or null.</summary>
    public required string? HashLibrary { get; init; }
    /// <summary>The default RMS tolerance.</summary>
    public required double Tolerance { get; init; }
    /// <summary>The --update mode, or null.</summary>
    public required string? Update { get; init; }
    /// <summary>Seconds the run took.</summary>
    public required double Seconds { get; init; }
    /// <summary>How many figures, and how many of each status.</summary>
    public required BatchCountsSidecar Counts { get; init; }
    /// <summary>The renderer running and the one that made the baselines.</summary>
    public required BatchRendererSidecar Renderer { get; init; }
    /// <summary>One per figure, in manifest order.</summary>
    public required IReadOnlyList<BatchFigureSidecar> Figures { get; init; }
}

/// <summary>The number of figures, and of each status.</summary>
public sealed record BatchCountsSidecar
{
    /// <summary>All figures.</summary>
    public required int Figures { get; init; }
    /// <summary>Figures that could not be made.</summary>
    public required int Error { get; init; }
    /// <summary>Figures that differ from their baseline.</summary>
    public required int Failed { get; init; }
    /// <summary>Figures without a baseline.</summary>
    public required int Missing { get; init; }
    /// <summary>Baselines rewritten.</summary>
    public required int Updated { get; init; }
    /// <summary>Baselines written for the first time.</summary>
    public required int Created { get; init; }
    /// <summary>Figures that match.</summary>
    public required int Passed { get; init; }
}

/// <summary>The renderer's components (name → version or hash), running and recorded beside the baselines.</summary>
public sealed record BatchRendererSidecar
{
    /// <summary>The components running now.</summary>
    public required Dictionary<string, string>? Running { get; init; }
    /// <summary>The components recorded beside the baselines, or null where none were.</summary>
    public required Dictionary<string, string>? Recorded { get; init; }
    /// <summary>The components that differ, in words.</summary>
    public required IReadOnlyList<string> Differences { get; init; }
    /// <summary>A note on the comparison, or null.</summary>
    public required string? Note { get; init; }
}

/// <summary>A figure's check.</summary>
public sealed record BatchFigureSidecar
{
    /// <summary>The figure's out name.</summary>
    public required string Out { get; init; }
    /// <summary>Its line in the manifest.</summary>
    public required int Line { get; init; }
    /// <summary>error, failed, missing, updated, created or passed.</summary>
    public required string Status { get; init; }
    /// <summary>The verdict in words.</summary>
    public required string Verdict { get; init; }
    /// <summary>The RMS against the golden, or null.</summary>
    public required double? Rms { get; init; }
    /// <summary>The tolerance applied.</summary>
    public required double Tolerance { get; init; }
    /// <summary>The smallest tolerance that would pass, or null.</summary>
    public required double? PassingTolerance { get; init; }
    /// <summary>Pixels that differ.</summary>
    public required long DifferentPixels { get; init; }
    /// <summary>The golden's path, or null.</summary>
    public required string? Golden { get; init; }
    /// <summary>The figure made, or null.</summary>
    public required string? Actual { get; init; }
    /// <summary>The diff image, or null.</summary>
    public required string? Diff { get; init; }
    /// <summary>The figure's SHA-256, or null.</summary>
    public required string? Sha256 { get; init; }
    /// <summary>What a difference means (the figure's numbers against the golden's record), or null.</summary>
    public required BatchMeaningSidecar? Meaning { get; init; }
    /// <summary>The command that accepts the figure as the new golden, or null.</summary>
    public required string? Accept { get; init; }
    /// <summary>Seconds the figure took.</summary>
    public required double Seconds { get; init; }
    /// <summary>Why the figure could not be made, or null.</summary>
    public required string? Error { get; init; }
    /// <summary>The warnings the figure gave.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}

/// <summary>What a difference means: its kind and the changes, in words.</summary>
public sealed record BatchMeaningSidecar
{
    /// <summary>The kind of change.</summary>
    public required string Kind { get; init; }
    /// <summary>The changes, one a line.</summary>
    public required IReadOnlyList<string> Changes { get; init; }
}
