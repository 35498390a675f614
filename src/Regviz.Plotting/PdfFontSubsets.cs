using System.Text.RegularExpressions;

namespace Regviz.Plotting;

/// <summary>
/// Makes the subset tag true. Skia's PDF backend as SkiaSharp builds it has no font subsetter: it names an embedded
/// TrueType font as a subset (AAAAAA+DejaVuSans) but writes the whole file, 760 KB of DejaVu Sans (twice when two
/// typefaces of it draw). Here each embedded font program (FontFile2) is cut by HarfBuzz (<see cref="PdfFonts.Subset"/>)
/// to the glyphs the document shows, every glyph keeping its id, so the page, the widths and the ToUnicode map Skia
/// wrote stay right. The glyphs are read from every hex string of every content stream (the page's, its forms' and
/// patterns'), all fonts together: a few glyphs too many for a font, never one too few. A file laid out otherwise
/// (<see cref="PdfObjects"/>) or a content stream that cannot be read leaves the PDF as Skia wrote it.
/// </summary>
internal static partial class PdfFontSubsets
{
    /// <summary><paramref name="pdf"/> with its TrueType fonts cut to the glyphs it shows, or as it is when it cannot be read.</summary>
    public static byte[] Apply(byte[] pdf)
    {
        if (PdfObjects.Read(pdf) is not { } objects) return pdf;
        var contents = new HashSet<int>();
        var fontFiles = new HashSet<int>();
        foreach (int number in objects.Numbers)
        {
            string dict = objects.Dictionary(number);
            foreach (Match list in Contents().Matches(dict))
                foreach (Match reference in Reference().Matches(list.Groups[1].Value)) contents.Add(int.Parse(reference.Groups[1].Value));
            if (ContentStream().IsMatch(dict)) contents.Add(number);
            foreach (Match file in FontFile2().Matches(dict)) fontFiles.Add(int.Parse(file.Groups[1].Value));
        }
        if (fontFiles.Count == 0) return pdf;
        var known = objects.Numbers.ToHashSet();
        if (!contents.IsSubsetOf(known) || !fontFiles.IsSubsetOf(known)) return pdf;

        var glyphs = new HashSet<int> { 0 }; // .notdef, which every TrueType font must keep
        foreach (int number in contents)
            if (objects.StreamData(number) is not { } content || !ShownGlyphs(content, glyphs)) return pdf;

        var replaced = new Dictionary<int, byte[]>();
        foreach (int number in fontFiles)
        {
            if (objects.StreamData(number) is not { } font || PdfFonts.Subset(font, glyphs) is not { } cut || cut.Length >= font.Length) continue;
            replaced[number] = PdfObjects.FlateStream(number, $"/Length1 {cut.Length}", cut);
        }
        return replaced.Count == 0 ? pdf : objects.Write(replaced);
    }

    /// <summary>
    /// Adds to <paramref name="glyphs"/> the 16-bit codes of every hex string in <paramref name="content"/> (under
    /// Identity-H, as Skia writes every TrueType font, a code is a glyph id); false if the stream holds an inline image,
    /// whose binary data could not be told from operators.
    /// </summary>
    internal static bool ShownGlyphs(ReadOnlySpan<byte> content, HashSet<int> glyphs)
    {
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
                if (i - start == 2 && content[start] == 'I' && content[start + 1] == 'D') return false;
            }
            else if (c == '/')
                for (i++; i < content.Length && Regular(content[i]);) i++;
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
}
