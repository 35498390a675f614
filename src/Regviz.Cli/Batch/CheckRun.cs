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
    public int Count(CheckStatus status) => Outcomes.Count(o => o.Status == status);

    public bool AnyFailed => Outcomes.Any(o => o.Status is CheckStatus.Failed or CheckStatus.Missing);

    /// <summary>Why baselines may have moved, said only when some figure failed.</summary>
    public string? RendererNote => Renderer.Explain(AnyFailed);

    /// <summary>Failures first (errors, then differences, then missing baselines), then what --update wrote, then passes; manifest order within each.</summary>
    public IEnumerable<FigureOutcome> WorstFirst() => Outcomes.OrderBy(o => o.Status).ThenBy(o => o.Index);
}
