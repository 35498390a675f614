namespace Regviz.Core;

/// <summary>
/// Every cap on untrusted input in one place (the README's table of limits lists the same numbers): inputs come
/// from pull requests in CI, and each cap turns a resource bomb into one error line.
/// </summary>
public static class Limits
{
    /// <summary>A CSV file: whole file and one line.</summary>
    public const long CsvBytes = 128L << 20;
    /// <summary>The longest line a text input may have.</summary>
    public const int LineBytes = 1 << 20;

    /// <summary>
    /// The most columns a CSV may have: the Gram matrix grows with their square (12,000 columns of a 141 KB file reached
    /// 6 GB); path figures draw a line per column, and a thousand lines are already unreadable.
    /// </summary>
    public const int CsvColumns = 1000;
    /// <summary>The most cells (rows × columns) a CSV may have: 80 MB of numbers, whatever the shape.</summary>
    public const long CsvCells = 10_000_000;
    /// <summary>The longest column name drawn or written: longer ones are cut with an ellipsis (their full text still selects them).</summary>
    public const int NameChars = 100;

    /// <summary>A batch manifest: whole file, nesting depth of its YAML, number of figures.</summary>
    public const long ManifestBytes = 10L << 20;
    /// <summary>The deepest nesting a manifest may have.</summary>
    public const int YamlDepth = 64;
    /// <summary>The most figures one manifest may ask for.</summary>
    public const int Figures = 100_000;

    /// <summary>A style file (YAML): colours, widths and sizes need a few hundred bytes; a megabyte is generous.</summary>
    public const long StyleBytes = 1L << 20;
    /// <summary>A font file named by a style: Noto Sans CJK, among the largest, is about 16 MB.</summary>
    public const long FontBytes = 32L << 20;

    /// <summary>An image read by compare or batch --check: the file, and its pixels (the output limit, 10000 × 10000).</summary>
    public const long ImageBytes = 64L << 20;
    /// <summary>The most pixels an image read for comparison may have.</summary>
    public const long ImagePixels = 100_000_000;

    /// <summary>A byte count for messages ("64 MB").</summary>
    public static string Bytes(long n) => n >= 1 << 20 ? $"{n >> 20} MB" : n >= 1 << 10 ? $"{n >> 10} KB" : $"{n} bytes";
}
