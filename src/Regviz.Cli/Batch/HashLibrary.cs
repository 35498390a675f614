using System.Text.Encodings.Web;
using System.Text.Json;
using Regviz.Core;
using Regviz.Core.IO;

namespace Regviz.Cli.Batch;

/// <summary>
/// A pytest-mpl style hash library: one JSON object mapping each figure's out name to the SHA-256 of its bytes, so a
/// repository can keep baselines without keeping PNGs. The file is input from a pull request like any other: its size
/// is capped, and anything but an object of 64-digit hexadecimal strings is refused with its position.
/// </summary>
internal sealed class HashLibrary
{
    private readonly object _gate = new();
    private readonly SortedDictionary<string, string> _hashes;
    private readonly byte[]? _onDisk;

    private HashLibrary(string path, SortedDictionary<string, string> hashes, byte[]? onDisk)
    {
        Path = path;
        _hashes = hashes;
        _onDisk = onDisk;
    }

    public string Path { get; }

    /// <summary>Reads the library; a missing file is an empty library only when it is about to be written (--update).</summary>
    public static HashLibrary Open(string path, bool mayBeMissing)
    {
        const string what = "--hash-library";
        switch (FileKinds.Of(path))
        {
            case FileKind.Missing when mayBeMissing:
                return new HashLibrary(path, new SortedDictionary<string, string>(StringComparer.Ordinal), null);
            case FileKind.Missing:
                throw new InputException($"{what}: '{path}' does not exist (create it with --update)");
            case FileKind.Special:
                throw new InputException($"{what}: '{path}' is not a regular file"); // a FIFO would block the run
        }
        byte[] bytes = BoundedInput.ReadBytes(path, $"{what}: file", ToolLimits.ManifestBytes, Limits.LineBytes);
        return new HashLibrary(path, Parse(bytes, path), bytes);
    }

    private static SortedDictionary<string, string> Parse(byte[] bytes, string path)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        JsonDocument document;
        var json = bytes.AsMemory();
        if (json.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) json = json[3..]; // an editor's BOM
        try { document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = ToolLimits.YamlDepth }); }
        catch (JsonException e)
        {
            // the parser's own message may quote the file; its position says enough
            throw new InputException($"--hash-library: '{path}' is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        using (document)
        try
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InputException($"--hash-library: '{path}' must hold one JSON object of figure names and SHA-256 hashes");
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                string? hash = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString() : null;
                if (hash is null || hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
                    throw new InputException($"--hash-library: '{path}': the hash of '{Excerpt.Of(RegvizApp.OneLine(entry.Name))}' is not 64 hexadecimal digits (SHA-256)");
                hashes[SafeText.Canonical(entry.Name)] = hash.ToLowerInvariant();
            }
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to turn an escaped lone surrogate ("\ud800") into a .NET string
            throw new InputException($"--hash-library: '{path}' holds a name that is not valid Unicode (a lone surrogate)");
        }
        return hashes;
    }

    public string? Expected(string figure)
    {
        lock (_gate) return _hashes.GetValueOrDefault(SafeText.Canonical(figure));
    }

    public void Record(string figure, string sha256)
    {
        lock (_gate) _hashes[SafeText.Canonical(figure)] = sha256;
    }

    /// <summary>
    /// Writes the library, sorted by name, to <paramref name="target"/> (the checked destination of <see cref="Path"/>)
    /// unless its bytes would not change: an untouched library keeps its modification time, like an untouched golden.
    /// Names the manifest no longer has are kept: another manifest may share the library.
    /// </summary>
    public bool Save(string target)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            lock (_gate)
                foreach (var (name, hash) in _hashes) w.WriteString(name, hash);
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        byte[] bytes = buffer.ToArray();
        if (_onDisk is not null && bytes.AsSpan().SequenceEqual(_onDisk)) return false;
        AtomicFile.WriteAllBytes(target, bytes);
        return true;
    }
}
