using System.Text.Encodings.Web;
using System.Text.Json;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.IO;

namespace Regviz.Cli.Batch;

/// <summary>What a golden's sidecar file says: the words that made the figure and its numbers (null when not recorded).</summary>
internal sealed record FigureRecord(IReadOnlyList<string> Args, JsonElement? Numbers);

/// <summary>
/// <c>NAME.png.json</c> beside each golden <c>NAME.png</c>, written by --update: the figure's canonical arguments
/// (<see cref="FigureJob.Canonical"/>) and its sidecar, so a later check can say what a difference means
/// (<see cref="Meaning"/>). The sidecar is kept without what only drawing needs (contour polylines, the layout
/// report): the numbers a reader checks stay, a golden folder stays small. Read back, the file is hostile input (a
/// golden folder comes from a pull request): regular, inside the folder after links, bounded, JSON of a known shape.
/// </summary>
internal static class GoldenSidecar
{
    /// <summary>The most a record may weigh, written or read: a sidecar without its polylines takes a few kilobytes.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The most arguments a record may list (a manifest's args line is far shorter).</summary>
    private const int MaxArgs = 4096;

    /// <summary>Sidecar keys of drawing, not meaning: thousands of polyline points, where labels landed.</summary>
    private static readonly HashSet<string> Drawing = ["lines", "layout"];

    /// <summary>The record's name beside the golden: the out name and ".json", so fig.png and fig.svg keep one each.</summary>
    public static string NameOf(string figure) => figure + ".json";

    /// <summary>The record of a figure just made, as --update writes it (UTF-8 JSON).</summary>
    public static byte[] Build(IReadOnlyList<string> args, byte[]? sidecar)
    {
        byte[] bytes = Serialise(args, sidecar);
        // a sidecar too large even without its polylines is left out: the arguments still say what changed
        return bytes.Length <= MaxBytes ? bytes : Serialise(args, null);
    }

    private static byte[] Serialise(IReadOnlyList<string> args, byte[]? sidecar)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("about", "the arguments and numbers of the golden beside this file; written by regviz batch --update");
            w.WriteStrings("args", args);
            w.WritePropertyName("sidecar");
            if (sidecar is null) w.WriteNullValue();
            else
            {
                using var doc = JsonDocument.Parse(sidecar);
                WithoutDrawing(w, doc.RootElement);
            }
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WithoutDrawing(Utf8JsonWriter w, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var p in e.EnumerateObject())
                {
                    if (Drawing.Contains(p.Name)) continue;
                    w.WritePropertyName(p.Name);
                    WithoutDrawing(w, p.Value);
                }
                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var item in e.EnumerateArray()) WithoutDrawing(w, item);
                w.WriteEndArray();
                break;
            default:
                e.WriteTo(w);
                break;
        }
    }

    /// <summary>Reads a record built by <see cref="Build"/> (from this run's bytes, trusted).</summary>
    public static FigureRecord Parse(byte[] record) => Read(record) ?? throw new InvalidOperationException("a record this run built does not read back");

    /// <summary>
    /// The record beside <paramref name="figure"/>'s golden: null when there is none; an <see cref="InputException"/>
    /// saying what is wrong with one that cannot be used.
    /// </summary>
    public static FigureRecord? Load(string goldenDir, string figure)
    {
        string path = Path.Combine(goldenDir, NameOf(figure));
        switch (FileKinds.Of(path))
        {
            case FileKind.Missing: return null;
            case FileKind.Folder or FileKind.Special: throw new InputException("not a regular file");
        }
        if (!RealPath.IsInside(path, goldenDir)) throw new InputException("a symbolic link out of the golden folder");
        byte[] bytes = BoundedInput.ReadBytes(path, "golden sidecar", MaxBytes, 0);
        return Read(bytes) ?? throw new InputException("not a record of arguments and numbers");
    }

    private static FigureRecord? Read(byte[] bytes)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("args", out var args) || args.ValueKind != JsonValueKind.Array
                || args.GetArrayLength() is 0 or > MaxArgs || args.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
                return null;
            JsonElement? numbers = root.TryGetProperty("sidecar", out var s) && s.ValueKind == JsonValueKind.Object ? s.Clone() : null;
            return new FigureRecord(args.EnumerateArray().Select(a => a.GetString()!).ToList(), numbers);
        }
        catch (JsonException e)
        {
            throw new InputException($"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        catch (InvalidOperationException)
        {
            throw new InputException("holds a string that is not valid Unicode (a lone surrogate)");
        }
    }

    /// <summary>
    /// Whether the record beside the golden should be (re)written: when there is none, or (<paramref name="rewrite"/>:
    /// its golden was just written, or --update all) when it says something else. An unchanged record keeps its time.
    /// </summary>
    public static bool Stale(string goldenDir, string figure, byte[] record, bool rewrite)
    {
        string path = Path.Combine(goldenDir, NameOf(figure));
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Missing) return true;
        if (!rewrite) return false;
        if (kind != FileKind.Regular || !RealPath.IsInside(path, goldenDir)) return true; // Save refuses what it cannot replace, and says so
        return new FileInfo(path).Length != record.Length || !File.ReadAllBytes(path).AsSpan().SequenceEqual(record);
    }

    /// <summary>Writes the record beside the golden, confined to the golden folder (from the pull request, like the goldens).</summary>
    public static void Save(string goldenDir, string figure, byte[] record)
    {
        // a FIFO committed under the record's name would block the write, a folder would take it
        if (FileKinds.Of(Path.Combine(goldenDir, NameOf(figure))) is FileKind.Folder or FileKind.Special)
            throw new InputException($"'{ReportText.Printable(NameOf(figure), 80)}' in the golden folder is not a regular file");
        AtomicFile.WriteAllBytes(OutputTargets.Inside(goldenDir).Prepare(NameOf(figure), "--check"), record);
    }
}
