using System.Collections.Concurrent;

namespace Regviz.Plotting;

/// <summary>
/// The typefaces loaded from font files a style names, one per distinct file (by the SHA-256 of its bytes), with the
/// bytes of all of them together capped. ScottPlot keeps every typeface it is handed in a private cache for the life
/// of the process, so a face cannot be released after its figure; what a batch of hostile style files can hold is
/// bounded here instead: the same file named by 1,000 figures is loaded once, and distinct files stop at the cap.
/// </summary>
internal sealed class FontBudget(long capBytes)
{
    /// <summary>What one process may load from style files: three fonts at the 32 MB a style's font may have.</summary>
    public const long DefaultCap = 96L << 20;

    private readonly ConcurrentDictionary<string, SkiaSharp.SKTypeface> _faces = new();
    private readonly Lock _gate = new();
    private long _loaded;

    /// <summary>The bytes of the distinct font files loaded so far.</summary>
    public long LoadedBytes => Interlocked.Read(ref _loaded);

    /// <summary>
    /// The typeface of <paramref name="bytes"/>, loaded on first use; <see cref="ArgumentException"/> (naming
    /// <paramref name="parameter"/>) when Skia cannot read it or when a new file would pass the cap.
    /// </summary>
    public SkiaSharp.SKTypeface Face(byte[] bytes, string parameter)
    {
        string key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
        if (_faces.TryGetValue(key, out var face)) return face;
        lock (_gate)
        {
            if (_faces.TryGetValue(key, out face)) return face;
            if (_loaded + bytes.Length > capBytes)
                throw new ArgumentException(
                    $"one run loads at most {capBytes >> 20} MB of distinct font files from style files, and this one would pass it (each stays loaded until the run ends; name fewer distinct fonts)",
                    parameter);
            using var data = SkiaSharp.SKData.CreateCopy(bytes);
            face = SkiaSharp.SKTypeface.FromData(data)
                ?? throw new ArgumentException("not a font file Skia can read (TrueType or OpenType)", parameter);
            _faces[key] = face;
            Interlocked.Add(ref _loaded, bytes.Length);
            return face;
        }
    }
}
