namespace Regviz.Core;

/// <summary>
/// The library's caps on untrusted input (data files, names, images): inputs come from pull requests in CI, and each
/// cap turns a resource bomb into one error line. The command line's own inputs (manifests, style and font files,
/// images to compare) have theirs in the tool; the README's table of limits lists both.
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

    /// <summary>The most pixels an image read for comparison may have.</summary>
    public const long ImagePixels = 100_000_000;

    /// <summary>A byte count for messages ("64 MB").</summary>
    public static string Bytes(long n) => n >= 1 << 20 ? $"{n >> 20} MB" : n >= 1 << 10 ? $"{n >> 10} KB" : $"{n} bytes";
}
