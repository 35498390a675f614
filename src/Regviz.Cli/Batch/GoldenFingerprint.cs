using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.IO;
using Regviz.Plotting;

namespace Regviz.Cli.Batch;

/// <summary>
/// <c>regviz-golden.json</c> beside the goldens (or beside a hash library when there are no golden images): the renderer
/// that made them, written by --update. When a check fails, a difference between it and the running renderer is the
/// likely cause, and the reports say so; goldens that moved for no change of regviz's own are explained at once.
/// </summary>
internal static class GoldenFingerprint
{
    public const string FileName = "regviz-golden.json";
    private const long MaxBytes = 1 << 20;

    /// <summary>The running renderer: regviz's own version first, then what <see cref="RendererFingerprint"/> measures.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Running { get; } =
        [new("regviz", OwnVersion()), .. RendererFingerprint.Current];

    /// <summary>regviz's version without build metadata: a commit hash after '+' would make every build look like a new renderer.</summary>
    private static string OwnVersion()
    {
        string version = typeof(GoldenFingerprint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return version.Split('+')[0];
    }

    /// <summary>The recorded fingerprint in <paramref name="folder"/>; null when there is none. A malformed one is refused: it is input like any other.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>>? Load(string folder)
    {
        string path = Path.Combine(folder, FileName);
        switch (FileKinds.Of(path))
        {
            case FileKind.Missing: return null;
            case FileKind.Folder or FileKind.Special: throw new InputException($"'{path}' is not a regular file");
        }
        byte[] bytes = BoundedInput.ReadBytes(path, "renderer fingerprint", MaxBytes, Limits.LineBytes);
        string Bad(string why) => $"renderer fingerprint '{path}' {why} (delete it, or rewrite it with --update)";
        try
        {
            using var document = JsonDocument.Parse(bytes.AsMemory(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0));
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("renderer", out var renderer) || renderer.ValueKind != JsonValueKind.Object)
                throw new InputException(Bad("has no \"renderer\" object"));
            var recorded = new List<KeyValuePair<string, string>>();
            foreach (var p in renderer.EnumerateObject())
                recorded.Add(new(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : throw new InputException(Bad($"gives '{Excerpt.Of(RegvizApp.OneLine(p.Name))}' as something other than a string"))));
            return recorded;
        }
        catch (JsonException e)
        {
            throw new InputException(Bad($"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})"));
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to turn an escaped lone surrogate ("\udc00") into a .NET string
            throw new InputException(Bad("holds a string that is not valid Unicode (a lone surrogate)"));
        }
    }

    /// <summary>Checks, before any work, that the fingerprint can be written into <paramref name="folder"/>, confined to it.</summary>
    public static string Prepare(string folder) => OutputTargets.Inside(folder).Prepare(FileName, "--update");

    /// <summary>Writes the running renderer to <paramref name="target"/> unless that is what it already says (its modification time then stays).</summary>
    public static void Save(string target, IReadOnlyList<KeyValuePair<string, string>>? recorded)
    {
        if (recorded is not null && RendererFingerprint.Differences(recorded, Running).Count == 0) return;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("about", "the renderer these baselines were made with; written by regviz batch --update");
            w.WriteStartObject("renderer");
            foreach (var (name, value) in Running) w.WriteString(name, value);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        AtomicFile.WriteAllBytes(target, buffer.ToArray());
    }
}

/// <summary>What a check knows of the renderer: the one running, the one recorded beside the baselines (if any), and how they differ.</summary>
internal sealed record RendererCheck(IReadOnlyList<KeyValuePair<string, string>> Running, IReadOnlyList<KeyValuePair<string, string>>? Recorded)
{
    public IReadOnlyList<string> Differences { get; } = Recorded is null ? [] : RendererFingerprint.Differences(Recorded, Running);

    /// <summary>The sentence every report gives when figures fail: the renderer moved (the likely cause), or nothing recorded it.</summary>
    public string? Explain(bool anyFailed) => !anyFailed ? null
        : Recorded is null ? $"No renderer fingerprint beside the baselines ({GoldenFingerprint.FileName}, written by --update): whether the renderer changed is unknown."
        : Differences.Count > 0 ? $"The baselines were made with another renderer ({string.Join("; ", Differences.Take(8))}{(Differences.Count > 8 ? $"; {Differences.Count - 8} more" : "")}): the likely cause of the differences."
        : "The baselines were made with this same renderer: the differences come from the figures themselves.";
}
