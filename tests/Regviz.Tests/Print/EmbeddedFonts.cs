using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Regviz.Tests.Print;

/// <summary>
/// The test's own reading of the TrueType fonts a PDF embeds, written apart from regviz's (it reads PDFs as Skia lays
/// them out, which is all these tests need): each font's name, its program, the glyph ids its ToUnicode map lists
/// (the glyphs Skia recorded as shown), and from the program the glyphs that have an outline.
/// </summary>
internal static class EmbeddedFonts
{
    public sealed record Font(string Name, byte[] Program, IReadOnlyCollection<int> Listed);

    public static IReadOnlyList<Font> Of(byte[] pdf)
    {
        string text = Encoding.Latin1.GetString(pdf);
        var fonts = new List<Font>();
        foreach (Match descriptor in Regex.Matches(text, @"/FontName /(\S+)[^>]*?/FontFile2 (\d+) 0 R", RegexOptions.Singleline))
        {
            string name = descriptor.Groups[1].Value;
            var program = Stream(pdf, text, int.Parse(descriptor.Groups[2].Value));
            var type0 = Regex.Match(text, @"/Subtype /Type0\s*/BaseFont /" + Regex.Escape(name) + @"[^>]*?/ToUnicode (\d+) 0 R", RegexOptions.Singleline);
            var listed = new HashSet<int>();
            if (type0.Success)
            {
                string cmap = Encoding.Latin1.GetString(Stream(pdf, text, int.Parse(type0.Groups[1].Value)));
                foreach (Match m in Regex.Matches(cmap, @"^<([0-9A-F]{4})> <([0-9A-F]{4})> <[0-9A-F]+>$", RegexOptions.Multiline))
                    for (int g = Convert.ToInt32(m.Groups[1].Value, 16); g <= Convert.ToInt32(m.Groups[2].Value, 16); g++) listed.Add(g);
                foreach (Match m in Regex.Matches(cmap, @"^<([0-9A-F]{4})> <[0-9A-F]+>$", RegexOptions.Multiline))
                    listed.Add(Convert.ToInt32(m.Groups[1].Value, 16));
            }
            fonts.Add(new Font(name, program, listed));
        }
        return fonts;
    }

    /// <summary>The inflated data of stream object <paramref name="number"/>.</summary>
    private static byte[] Stream(byte[] pdf, string text, int number)
    {
        var head = Regex.Match(text, @"(?:^|\n)" + number + @" 0 obj\s*<<(.*?)>>\s*stream\r?\n", RegexOptions.Singleline);
        if (!head.Success) throw new InvalidDataException($"no stream object {number}");
        int length = int.Parse(Regex.Match(head.Groups[1].Value, @"/Length (\d+)(?!\d)").Groups[1].Value);
        using var inflate = new ZLibStream(new MemoryStream(pdf, head.Index + head.Length, length), CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflate.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Whether every object the cross-reference table names (one section from object 0, as Skia writes it) is at the offset it gives.</summary>
    public static bool XrefIsTrue(byte[] pdf)
    {
        string text = Encoding.Latin1.GetString(pdf);
        var start = Regex.Match(text, @"startxref\s+(\d+)\s+%%EOF\s*$");
        if (!start.Success) return false;
        string table = text[int.Parse(start.Groups[1].Value)..];
        if (!table.StartsWith("xref")) return false;
        var entries = Regex.Matches(table, @"^(\d{10}) (\d{5}) ([nf]) ?\r?$", RegexOptions.Multiline);
        for (int n = 0; n < entries.Count; n++)
            if (entries[n].Groups[3].Value == "n" && !text.AsSpan(int.Parse(entries[n].Groups[1].Value)).StartsWith($"{n} 0 obj")) return false;
        return entries.Count > 1;
    }

    /// <summary>The glyph ids that have an outline (a non-empty 'glyf' entry) in a TrueType font program.</summary>
    public static HashSet<int> Outlines(byte[] font)
    {
        var tables = new Dictionary<string, int>();
        int count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (int i = 0; i < count; i++)
            tables[Encoding.ASCII.GetString(font, 12 + 16 * i, 4)] = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(12 + 16 * i + 8));
        int glyphs = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["maxp"] + 4));
        bool longOffsets = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(tables["head"] + 50)) == 1;
        long Offset(int g) => longOffsets
            ? BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(tables["loca"] + 4 * g))
            : 2L * BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["loca"] + 2 * g));
        var outlines = new HashSet<int>();
        for (int g = 0; g < glyphs; g++)
            if (Offset(g + 1) > Offset(g)) outlines.Add(g);
        return outlines;
    }
}
