namespace Regviz.Cli.Batch;

/// <summary>Everything the reports say about one checked batch: the same facts for the HTML page, JUnit and JSON.</summary>
internal sealed record CheckRun(
    string ManifestPath,
    IReadOnlyList<FigureOutcome> Outcomes,
    double Seconds,
    DateTime StartedUtc,
    double Tolerance,
    string? GoldenDir,
    string? HashLibrary,
    UpdateMode? Update,
    RendererCheck Renderer)
{
    /// <summary>Builds each failure's accept command (null: none is offered).</summary>
    public AcceptCommand? Accept { get; init; }

    /// <summary>The command that accepts <paramref name="o"/>'s new image: for a difference or a missing golden, not for a figure that was not made.</summary>
    public string? AcceptFor(FigureOutcome o) => o.Status is CheckStatus.Failed or CheckStatus.Missing && Accept is { } a ? a.For(o.Figure.Out) : null;

    public int Count(CheckStatus status) => Outcomes.Count(o => o.Status == status);

    public bool AnyFailed => Outcomes.Any(o => o.Status is CheckStatus.Failed or CheckStatus.Missing);

    /// <summary>Why baselines may have moved, said only when some figure failed.</summary>
    public string? RendererNote => Renderer.Explain(AnyFailed);

    /// <summary>Failures first (errors, then differences, then missing baselines), then what --update wrote, then passes; manifest order within each.</summary>
    public IEnumerable<FigureOutcome> WorstFirst() => Outcomes.OrderBy(o => o.Status).ThenBy(o => o.Index);
}
