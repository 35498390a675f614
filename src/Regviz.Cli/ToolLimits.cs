using Regviz.Core;

namespace Regviz.Cli;

/// <summary>
/// The command line's caps on its own untrusted inputs, beside the library's (<see cref="Limits"/>): a manifest and its
/// YAML, the style and font files a figure names, the images compare and batch --check read. They come from pull
/// requests in CI, and each cap turns a resource bomb into one error line; the README's table of limits lists them.
/// </summary>
internal static class ToolLimits
{
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

    /// <summary>An image read by compare or batch --check (its pixels: <see cref="Limits.ImagePixels"/>).</summary>
    public const long ImageBytes = 64L << 20;
}
