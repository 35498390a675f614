using System.Text.RegularExpressions;

namespace Regviz.Plotting;

/// <summary>
/// Makes the subset tag true. Skia's PDF backend as SkiaSharp builds it has no font subsetter: it names an embedded
/// TrueType font as a subset (AAAAAA+DejaVuSans) but writes the whole file, 760 KB of DejaVu Sans (twice when two
/// typefaces of it draw). Here each embedded font program (FontFile2) is cut by HarfBuzz (<see cref="PdfFonts.Subset"/>)
/// to the glyphs the document shows, every glyph keeping its id, so the page, the widths and the ToUnicode map Skia
/// wrote stay right. The glyphs are the hex strings of every content stream (the page's, its forms' and patterns'),
/// each counted for the font the last Tf chose, mapped through the resource dictionaries; a glyph whose font cannot be
/// told is kept in every font, so a font may keep a glyph too many, never one too few. A file laid out otherwise
/// (<see cref="PdfObjects"/>) or a content stream that cannot be read leaves the PDF as Skia wrote it.
/// </summary>
internal static partial class PdfFontSubsets
{
    /// <summary><paramref name="pdf"/> with its TrueType fonts cut to the glyphs it shows, or as it is when it cannot be read.</summary>
    public static byte[] Apply(byte[] pdf) => Apply(pdf, out _);

    /// <summary>What a PDF embeds: the length of each font program as Skia wrote it, and whether any text shows glyph 0 (.notdef: a character its font lacks).</summary>
    internal sealed record Embedded(IReadOnlyList<int> ProgramLengths, bool NotdefShown);

    /// <summary><see cref="Apply(byte[])"/>, saying what the PDF embedded (null when it could not be read: nothing is known).</summary>
    internal static byte[] Apply(byte[] pdf, out Embedded? embedded)
    {
        embedded = null;
        if (PdfObjects.Read(pdf) is not { } objects) return pdf;
        var dicts = objects.Numbers.ToDictionary(n => n, objects.Dictionary);
        var contents = new HashSet<int>();
        var named = new Dictionary<string, HashSet<int>>(); // a font's resource name → the font objects it names
        foreach (var (number, dict) in dicts)
        {
            foreach (Match list in Contents().Matches(dict))
                foreach (Match reference in Reference().Matches(list.Groups[1].Value)) contents.Add(Number(reference));
            if (ContentStream().IsMatch(dict)) contents.Add(number);
            foreach (Match resources in FontResources().Matches(dict))
                foreach (Match entry in NamedReference().Matches(resources.Groups[1].Value))
                {
                    if (!named.TryGetValue(entry.Groups[1].Value, out var fonts)) named[entry.Groups[1].Value] = fonts = [];
                    fonts.Add(Number(entry, 2));
                }
        }
        var fontFiles = dicts.Values.SelectMany(d => FontFile2().Matches(d)).Select(m => Number(m)).ToHashSet();
        if (fontFiles.Count == 0 || !contents.All(dicts.ContainsKey) || !fontFiles.All(dicts.ContainsKey)) return pdf;

        // a composite font's program: Type0 font → DescendantFonts → FontDescriptor → FontFile2
        int? Follow(int number, Regex key) => dicts.TryGetValue(number, out var d) && key.Match(d) is { Success: true } m ? Number(m) : null;
        var programOf = new Dictionary<int, int>();
        foreach (int font in named.Values.SelectMany(f => f).Distinct())
        {
            if (!dicts.TryGetValue(font, out var dict) || !dict.Contains("/DescendantFonts", StringComparison.Ordinal)) continue;
            if (Follow(font, DescendantFont()) is not int cid || Follow(cid, Descriptor()) is not int descriptor) return pdf;
            if (Follow(descriptor, FontFile2()) is int file) programOf[font] = file;
        }

        var shown = new Dictionary<string, HashSet<int>>();
        var everyFont = new HashSet<int>(); // glyphs whose font cannot be told go in every program
        foreach (int number in contents)
            if (objects.StreamData(number) is not { } content || !ShownGlyphs(content, shown, everyFont)) return pdf;
        bool notdefShown = everyFont.Contains(0) || shown.Values.Any(set => set.Contains(0));
        everyFont.Add(0); // .notdef goes in every program
        var glyphs = fontFiles.ToDictionary(f => f, _ => new HashSet<int>(everyFont));
        foreach (var (name, set) in shown)
        {
            if (!named.TryGetValue(name, out var fonts))
                foreach (var g in glyphs.Values) g.UnionWith(set); // shown in a font no resource names: never one too few
            else
                foreach (int font in fonts)
                    if (programOf.TryGetValue(font, out int file) && glyphs.TryGetValue(file, out var g)) g.UnionWith(set);
        }

        var replaced = new Dictionary<int, byte[]>();
        var lengths = new List<int>();
        bool allRead = true;
        foreach (var (number, kept) in glyphs)
        {
            if (objects.StreamData(number) is not { } font) { allRead = false; continue; }
            lengths.Add(font.Length);
            if (PdfFonts.Subset(font, kept) is not { } cut || cut.Length >= font.Length) continue;
            replaced[number] = PdfObjects.FlateStream(number, $"/Length1 {cut.Length}", cut);
        }
        embedded = allRead ? new Embedded(lengths, notdefShown) : null;
        return replaced.Count == 0 ? pdf : objects.Write(replaced);
    }

    /// <summary>The object number a reference names; -1 (no object) when it has more digits than any object number.</summary>
    private static int Number(Match reference, int group = 1) => int.TryParse(reference.Groups[group].Value, out int n) ? n : -1;

    /// <summary>
    /// Adds the 16-bit codes of every hex string in <paramref name="content"/> (under Identity-H, as Skia writes every
    /// TrueType font, a code is a glyph id) to <paramref name="shown"/> under the name of the font that the last Tf
    /// selected, or to <paramref name="unattributed"/> before any Tf; false if the stream holds an inline image, whose
    /// binary data could not be told from operators.
    /// </summary>
    internal static bool ShownGlyphs(ReadOnlySpan<byte> content, Dictionary<string, HashSet<int>> shown, HashSet<int> unattributed)
    {
        string? lastName = null;
        var glyphs = unattributed;
        int i = 0;
        while (i < content.Length)
        {
            byte c = content[i];
            if (c == '%')
                while (i < content.Length && content[i] is not ((byte)'\n' or (byte)'\r')) i++;
            else if (c == '(')
            {
                // a literal string: balanced parentheses, a backslash escapes the next byte
                int depth = 0;
                do
                {
                    if (content[i] == '\\') i++;
                    else if (content[i] == '(') depth++;
                    else if (content[i] == ')') depth--;
                    i++;
                }
                while (i < content.Length && depth > 0);
            }
            else if (c == '<' && i + 1 < content.Length && content[i + 1] == '<') i += 2;
            else if (c == '<')
            {
                int value = 0, digits = 0;
                for (i++; i < content.Length && content[i] != '>'; i++)
                {
                    int digit = HexDigit(content[i]);
                    if (digit < 0) continue; // white space within a hex string is allowed and means nothing
                    value = value * 16 + digit;
                    if (++digits < 4) continue;
                    glyphs.Add(value);
                    (value, digits) = (0, 0);
                }
                if (digits > 0) glyphs.Add(value << (4 * (4 - digits))); // a last odd digit is followed by an implied 0
                i++;
            }
            else if (Regular(c))
            {
                int start = i;
                while (i < content.Length && Regular(content[i])) i++;
                var token = content[start..i];
                if (token.SequenceEqual("ID"u8)) return false;
                if (token.SequenceEqual("Tf"u8) && lastName is not null)
                {
                    if (!shown.TryGetValue(lastName, out glyphs)) shown[lastName] = glyphs = [];
                }
            }
            else if (c == '/')
            {
                int start = ++i;
                while (i < content.Length && Regular(content[i])) i++;
                lastName = System.Text.Encoding.Latin1.GetString(content[start..i]);
            }
            else i++;
        }
        return true;
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>A byte of an operator, number or name: neither white space nor a delimiter.</summary>
    private static bool Regular(byte c) =>
        c is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0
            or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%');

    [GeneratedRegex(@"/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)")]
    private static partial Regex Contents();

    [GeneratedRegex(@"(\d+)\s+0\s+R")]
    private static partial Regex Reference();

    /// <summary>Streams that are drawn like a page: form XObjects and tiling patterns.</summary>
    [GeneratedRegex(@"/Subtype\s*/Form\b|/PatternType\s+1\b")]
    private static partial Regex ContentStream();

    [GeneratedRegex(@"/FontFile2\s+(\d+)\s+0\s+R")]
    private static partial Regex FontFile2();

    /// <summary>A resource dictionary's fonts: /Font &lt;&lt;/F4 4 0 R /F9 9 0 R&gt;&gt;.</summary>
    [GeneratedRegex(@"/Font\s*<<([^<>]*)>>")]
    private static partial Regex FontResources();

    [GeneratedRegex(@"/([^\s/<>\[\]()]+)\s+(\d+)\s+0\s+R")]
    private static partial Regex NamedReference();

    [GeneratedRegex(@"/DescendantFonts\s*\[\s*(\d+)\s+0\s+R")]
    private static partial Regex DescendantFont();

    [GeneratedRegex(@"/FontDescriptor\s+(\d+)\s+0\s+R")]
    private static partial Regex Descriptor();
}
