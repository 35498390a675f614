namespace Regviz.Plotting;

/// <summary>
/// Registers the DejaVu Sans files shipped in Fonts/ under a family name no machine has, and makes it the
/// default. Skia on Linux otherwise picks whatever it finds in /usr/share/fonts (or nothing, silently), and
/// the same command would give different pixels on different machines.
/// </summary>
public static class FontRegistry
{
    public const string Family = "RegvizSans";
    private static readonly Lazy<string> Folder = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string RegularFile => Path.Combine(Folder.Value, "DejaVuSans.ttf");

    public static void EnsureRegistered() => _ = Folder.Value;

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
