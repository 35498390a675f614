namespace Regviz.Plotting;

/// <summary>
/// Registers the DejaVu Sans files shipped in Fonts/ under a family name no machine has, and makes it the
/// default. Skia on Linux otherwise picks whatever it finds in /usr/share/fonts (or nothing, silently), and
/// the same command would give different pixels on different machines.
/// </summary>
public static class FontRegistry
{
    /// <summary>The font family every figure uses (the shipped DejaVu Sans).</summary>
    public const string Family = "RegvizSans";
    private static readonly Lazy<string> Folder = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<SkiaSharp.SKTypeface> RegularFace = new(
        () => SkiaSharp.SKTypeface.FromFile(Path.Combine(Folder.Value, "DejaVuSans.ttf")), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The regular face for measuring and drawing text ourselves, loaded once per process: a face per figure
    /// (never disposed) kept the font's ~0.4 MB of native memory alive per figure, which a 2,000-figure batch felt.
    /// </summary>
    public static SkiaSharp.SKTypeface Regular => RegularFace.Value;

    /// <summary>Registers the shipped fonts with ScottPlot once, before the first figure.</summary>
    public static void EnsureRegistered() => _ = Folder.Value;

    /// <summary>The font files figures are drawn with (what <see cref="RendererFingerprint"/> hashes).</summary>
    internal static IEnumerable<string> Files => [Path.Combine(Folder.Value, "DejaVuSans.ttf"), Path.Combine(Folder.Value, "DejaVuSans-Bold.ttf")];

    private static string Register()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "Fonts");
        string regular = Path.Combine(folder, "DejaVuSans.ttf");
        string bold = Path.Combine(folder, "DejaVuSans-Bold.ttf");
        if (!File.Exists(regular) || !File.Exists(bold))
            throw new FileNotFoundException($"regviz's font files are missing from {folder} (a broken install?)");
        ScottPlot.Fonts.AddFontFile(Family, regular, bold: false, italic: false);
        ScottPlot.Fonts.AddFontFile(Family, bold, bold: true, italic: false);
        ScottPlot.Fonts.Default = Family;
        return folder;
    }
}
