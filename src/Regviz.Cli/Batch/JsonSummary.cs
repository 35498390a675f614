using System.Text.Json;
using Regviz.Cli.Output;

namespace Regviz.Cli.Batch;

/// <summary>
/// --summary: the check as JSON for scripts, figures in manifest order with the same facts as the other reports.
/// Strings are the manifest's own (JSON can carry any of them); numbers are in round-trip form; a value that does not
/// apply is null rather than absent, so a script reads every key of every figure.
/// </summary>
internal static class JsonSummary
{
    public static void Write(CheckRun run, string target) => JsonOut.Write(target, TextWriter.Null, w =>
    {
        w.WriteStartObject();
        w.WriteString("manifest", Safe(run.ManifestPath));
        Nullable(w, "golden_dir", run.GoldenDir);
        Nullable(w, "hash_library", run.HashLibrary);
        w.WriteNumber("tolerance", run.Tolerance);
        Nullable(w, "update", run.Update is { } u ? UpdateModes.Words[(int)u] : null);
        w.WriteNumber("seconds", Math.Round(run.Seconds, 3));
        w.WriteStartObject("counts");
        w.WriteNumber("figures", run.Outcomes.Count);
        foreach (var status in Enum.GetValues<CheckStatus>()) w.WriteNumber(CheckOutcome.Word(status), run.Count(status));
        w.WriteEndObject();
        Renderer(w, run);
        w.WriteStartArray("figures");
        foreach (var o in run.Outcomes) Figure(w, o, run);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void Renderer(Utf8JsonWriter w, CheckRun run)
    {
        w.WriteStartObject("renderer");
        Components(w, "running", run.Renderer.Running);
        Components(w, "recorded", run.Renderer.Recorded);
        w.WriteStartArray("differences");
        foreach (var d in run.Renderer.Differences) w.WriteStringValue(Safe(d));
        w.WriteEndArray();
        Nullable(w, "note", run.RendererNote);
        w.WriteEndObject();
    }

    private static void Components(Utf8JsonWriter w, string name, IReadOnlyList<KeyValuePair<string, string>>? components)
    {
        if (components is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        foreach (var (key, value) in components) w.WriteString(Safe(key), Safe(value));
        w.WriteEndObject();
    }

    private static void Figure(Utf8JsonWriter w, FigureOutcome o, CheckRun run)
    {
        double tolerance = run.Tolerance;
        var c = o.Check;
        w.WriteStartObject();
        w.WriteString("out", Safe(o.Figure.Out));
        w.WriteNumber("line", o.Figure.Line);
        w.WriteString("status", CheckOutcome.Word(o.Status));
        w.WriteString("verdict", Safe(c?.Verdict ?? $"could not be made: {o.Error}"));
        Number(w, "rms", c?.Rms);
        w.WriteNumber("tolerance", c?.Tolerance ?? o.Figure.Tolerance ?? tolerance);
        Number(w, "passing_tolerance", c?.PassingTolerance);
        w.WriteNumber("different_pixels", c?.DifferentPixels ?? 0);
        Nullable(w, "golden", c?.Golden);
        Nullable(w, "actual", c?.Actual);
        Nullable(w, "diff", c?.Diff);
        Nullable(w, "sha256", c?.Sha256);
        if (c?.Meaning is { } meaning)
        {
            w.WriteStartObject("meaning");
            w.WriteString("kind", meaning.Word);
            w.WriteStartArray("changes");
            foreach (string line in meaning.Lines) w.WriteStringValue(Safe(line));
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else w.WriteNull("meaning");
        Nullable(w, "accept", run.AcceptFor(o));
        w.WriteNumber("seconds", Math.Round(o.Seconds, 3));
        Nullable(w, "error", o.Error);
        w.WriteStartArray("warnings");
        foreach (string warning in o.Warnings) w.WriteStringValue(Safe(warning));
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, Safe(value));
    }

    /// <summary>
    /// Input text as every other channel shows it (<see cref="Core.SafeText"/>): JSON could carry control characters
    /// escaped, but a bidi override or a zero-width character would reach whoever prints the value, and a lone
    /// surrogate cannot be encoded at all.
    /// </summary>
    private static string Safe(string s) => ReportText.Printable(s);
}
