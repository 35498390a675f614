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

    /// <summary>Fonts added after start-up (a style's font file, fallbacks for missing glyphs), by family name.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (SkiaSharp.SKTypeface Regular, SkiaSharp.SKTypeface Bold)> Added = new();

    /// <summary>
    /// Registers a font from its file's bytes (TrueType or OpenType; <paramref name="bold"/> optional, the regular
    /// face serves for bold text without it) and returns the family name that selects it, e.g. for
    /// <see cref="Theme.FontFamily"/>. The name is made from the bytes, so the same font is registered once however
    /// many figures name it.
    /// </summary>
    public static string AddFont(byte[] regular, byte[]? bold = null)
    {
        EnsureRegistered();
        var hash = System.Security.Cryptography.SHA256.Create();
        hash.TransformBlock(regular, 0, regular.Length, null, 0);
        hash.TransformFinalBlock(bold ?? [], 0, bold?.Length ?? 0);
        string family = "RegvizFont-" + Convert.ToHexString(hash.Hash!)[..16];
        Added.GetOrAdd(family, _ =>
        {
            var r = StyleFonts.Face(regular, nameof(regular));
            return (r, bold is null ? r : StyleFonts.Face(bold, nameof(bold)));
        });
        return family;
    }

    /// <summary>The faces of style files' fonts: each distinct file once, all of them together capped.</summary>
    internal static readonly FontBudget StyleFonts = new(FontBudget.DefaultCap);

    /// <summary>Registers a face already loaded from <paramref name="file"/> (a fallback font) under a family named after the file.</summary>
    internal static string AddFace(string file, SkiaSharp.SKTypeface face)
    {
        EnsureRegistered();
        string family = "RegvizFile-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(file)))[..16];
        Added.TryAdd(family, (face, face));
        return family;
    }

    /// <summary>Registers <paramref name="regular"/> and <paramref name="bold"/> as <paramref name="family"/> (the first registration of a name stays).</summary>
    internal static void AddFamily(string family, SkiaSharp.SKTypeface regular, SkiaSharp.SKTypeface bold)
    {
        EnsureRegistered();
        Added.TryAdd(family, (regular, bold));
    }

    /// <summary>The bold face of <paramref name="family"/> (the shipped bold, a style's bold file, or its regular face when it has none).</summary>
    internal static SkiaSharp.SKTypeface BoldTypeface(string family) =>
        Added.TryGetValue(family, out var faces) ? faces.Bold : BoldFace.Value;

    private static readonly Lazy<SkiaSharp.SKTypeface> BoldFace = new(
        () => SkiaSharp.SKTypeface.FromFile(Path.Combine(Folder.Value, "DejaVuSans-Bold.ttf")), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The regular face of <paramref name="family"/> (the shipped font's own, or one added with <see cref="AddFont"/>), for measuring text.</summary>
    internal static SkiaSharp.SKTypeface Typeface(string family) =>
        Added.TryGetValue(family, out var faces) ? faces.Regular : Regular;

    /// <summary>
    /// Serves the families added with <see cref="AddFont"/> to ScottPlot. Registered once with the shipped font: the
    /// resolver list is not safe to change while figures render in parallel, and this dictionary is.
    /// </summary>
    private sealed class AddedFonts : ScottPlot.IFontResolver
    {
        public SkiaSharp.SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing spacing) =>
            Added.TryGetValue(fontName, out var faces) ? (weight >= ScottPlot.FontWeight.SemiBold ? faces.Bold : faces.Regular) : null;

        public SkiaSharp.SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            Added.TryGetValue(fontName, out var faces) ? (bold ? faces.Bold : faces.Regular) : null;
    }

    private static string Register()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "Fonts");
        string regular = Path.Combine(folder, "DejaVuSans.ttf");
        string bold = Path.Combine(folder, "DejaVuSans-Bold.ttf");
        if (!File.Exists(regular) || !File.Exists(bold))
            throw new FileNotFoundException($"regviz's font files are missing from {folder} (a broken install?)");
        ScottPlot.Fonts.AddFontFile(Family, regular, bold: false, italic: false);
        ScottPlot.Fonts.AddFontFile(Family, bold, bold: true, italic: false);
        ScottPlot.Fonts.FontResolvers.Add(new AddedFonts());
        ScottPlot.Fonts.Default = Family;
        return folder;
    }
}
