using Regviz.Plotting;

namespace Regviz.Cli.Output;

/// <summary>
/// The one warning a text gets when the figure's font lacks some of its characters: which font of this machine
/// draws them (the image then depends on that font, and a golden made here may differ elsewhere), or that none
/// does and they will be boxes.
/// </summary>
internal static class GlyphWarnings
{
    /// <param name="quote">Whether the characters may be quoted: not those of a file read for a manifest (its column names), whose warnings reach public CI logs.</param>
    public static void Warn(IWarnings warnings, string what, string text, string family, bool quote)
    {
        var report = FontFallback.Check(text, family);
        if (report.Missing.Count == 0) return;
        var said = new List<string>();
        var drawn = report.Missing.Except(report.Unresolved).ToList();
        if (report.Used.Count > 0)
            said.Add($"the figure's font lacks {List(drawn, quote)}: drawn with {string.Join(", ", report.Used.Select(u => $"{u.Family} ({u.File})"))} "
                + $"from this machine, so the image depends on {(report.Used.Count == 1 ? "that font" : "those fonts")}");
        if (report.Unresolved.Count > 0)
            said.Add($"no font here has {List(report.Unresolved, quote)}: drawn as boxes (install a font that has them, or name a folder of fonts in {FontFallback.FoldersVariable})");
        warnings.Warn($"{what}: {string.Join("; ", said)}");
    }

    /// <summary>"中 (U+4E2D), 文 (U+6587)": the characters and their code points, the first eight of them.</summary>
    private static string List(IReadOnlyList<string> elements, bool quote)
    {
        // a column name read through a manifest is not quoted, not even character by character
        if (!quote) return Text.Count(elements.Count, "character");
        string Code(string e) => string.Join(" ", Enumerable.Range(0, e.Length).Where(i => !char.IsLowSurrogate(e[i])).Select(i => $"U+{char.ConvertToUtf32(e, i):X4}"));
        var shown = elements.Take(8).Select(e => $"{e} ({Code(e)})");
        return string.Join(", ", shown) + (elements.Count > 8 ? $" and {elements.Count - 8} more" : "");
    }
}
