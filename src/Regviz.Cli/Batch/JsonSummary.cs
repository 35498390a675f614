using Regviz.Cli.Output;
using Regviz.Core.Sidecars;

namespace Regviz.Cli.Batch;

/// <summary>
/// --summary: the check as JSON for scripts, figures in manifest order with the same facts as the other reports.
/// Strings are the manifest's own (JSON can carry any of them); numbers are in round-trip form; a value that does not
/// apply is null rather than absent, so a script reads every key of every figure.
/// </summary>
internal static class JsonSummary
{
    public static void Write(CheckRun run, string target) => JsonOut.Write(target, TextWriter.Null, new BatchSummarySidecar
    {
        Manifest = Safe(run.ManifestPath),
        GoldenDir = Nullable(run.GoldenDir),
        HashLibrary = Nullable(run.HashLibrary),
        Tolerance = run.Tolerance,
        Update = Nullable(run.Update is { } u ? UpdateModes.Words[(int)u] : null),
        Seconds = Math.Round(run.Seconds, 3),
        Counts = new BatchCountsSidecar
        {
            Figures = run.Outcomes.Count,
            Error = run.Count(CheckStatus.Error),
            Failed = run.Count(CheckStatus.Failed),
            Missing = run.Count(CheckStatus.Missing),
            Updated = run.Count(CheckStatus.Updated),
            Created = run.Count(CheckStatus.Created),
            Passed = run.Count(CheckStatus.Passed),
        },
        Renderer = new BatchRendererSidecar
        {
            Running = Components(run.Renderer.Running),
            Recorded = Components(run.Renderer.Recorded),
            Differences = [.. run.Renderer.Differences.Select(Safe)],
            Note = Nullable(run.RendererNote),
        },
        Figures = [.. run.Outcomes.Select(o => Figure(o, run))],
    });

    private static Dictionary<string, string>? Components(IReadOnlyList<KeyValuePair<string, string>>? components)
    {
        if (components is null) return null;
        var safe = new Dictionary<string, string>();
        foreach (var (key, value) in components) safe[Safe(key)] = Safe(value);
        return safe;
    }

    private static BatchFigureSidecar Figure(FigureOutcome o, CheckRun run)
    {
        var c = o.Check;
        return new BatchFigureSidecar
        {
            Out = Safe(o.Figure.Out),
            Line = o.Figure.Line,
            Status = CheckOutcome.Word(o.Status),
            Verdict = Safe(c?.Verdict ?? $"could not be made: {o.Error}"),
            Rms = c?.Rms,
            Tolerance = c?.Tolerance ?? o.Figure.Tolerance ?? run.Tolerance,
            PassingTolerance = c?.PassingTolerance,
            DifferentPixels = c?.DifferentPixels ?? 0,
            Golden = Nullable(c?.Golden),
            Actual = Nullable(c?.Actual),
            Diff = Nullable(c?.Diff),
            Sha256 = Nullable(c?.Sha256),
            Meaning = c?.Meaning is { } meaning ? new BatchMeaningSidecar { Kind = meaning.Word, Changes = [.. meaning.Lines.Select(Safe)] } : null,
            Accept = Nullable(run.AcceptFor(o)),
            Seconds = Math.Round(o.Seconds, 3),
            Error = Nullable(o.Error),
            Warnings = [.. o.Warnings.Select(Safe)],
        };
    }

    private static string? Nullable(string? value) => value is null ? null : Safe(value);

    /// <summary>
    /// Input text as every other channel shows it (<see cref="Core.SafeText"/>): JSON could carry control characters
    /// escaped, but a bidi override or a zero-width character would reach whoever prints the value, and a lone
    /// surrogate cannot be encoded at all.
    /// </summary>
    private static string Safe(string s) => ReportText.Printable(s);
}
