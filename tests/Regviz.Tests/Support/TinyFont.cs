using System.Buffers.Binary;

namespace Regviz.Tests.Support;

/// <summary>
/// A TrueType font made in memory with one glyph, a filled square, for one character: the fallback tests need a font
/// that has a glyph the shipped DejaVu Sans lacks (CJK), and no such font can be assumed on the machine. Only the
/// tables a TrueType rasteriser needs are written (head, hhea, maxp, hmtx, cmap, loca, glyf, post).
/// </summary>
internal static class TinyFont
{
    public static byte[] Square(char character)
    {
        // glyph 1: a square from (100, 0) to (900, 800) in a 1000-unit em, one contour of four on-curve points
        var glyph = new List<byte>();
        void U16(List<byte> b, int v) { b.Add((byte)(v >> 8)); b.Add((byte)v); }
        U16(glyph, 1); U16(glyph, 100); U16(glyph, 0); U16(glyph, 900); U16(glyph, 800);
        U16(glyph, 3);          // end point of the contour
        U16(glyph, 0);          // no instructions
        glyph.AddRange([1, 1, 1, 1]);                      // on-curve, two-byte coordinates
        foreach (int dx in new[] { 100, 800, 0, -800 }) U16(glyph, dx);
        foreach (int dy in new[] { 0, 0, 800, 0 }) U16(glyph, dy);
        while (glyph.Count % 4 != 0) glyph.Add(0);

        var head = new List<byte>();
        U16(head, 1); U16(head, 0);                 // version 1.0
        U16(head, 1); U16(head, 0);                 // font revision
        U16(head, 0); U16(head, 0);                 // checksum adjustment (not checked by rasterisers)
        U16(head, 0x5F0F); U16(head, 0x3CF5);       // magic number
        U16(head, 0b1011);                          // flags: baseline at 0, lsb at 0, integer scaling
        U16(head, 1000);                            // units per em
        head.AddRange(new byte[16]);                // created, modified
        U16(head, 0); U16(head, 0); U16(head, 1000); U16(head, 800);
        U16(head, 0); U16(head, 8); U16(head, 2);   // mac style, smallest size, direction hint
        U16(head, 0); U16(head, 0);                 // short loca, glyph data format

        var hhea = new List<byte>();
        U16(hhea, 1); U16(hhea, 0);
        U16(hhea, 800); U16(hhea, unchecked((ushort)-200)); U16(hhea, 0);
        U16(hhea, 1000); U16(hhea, 0); U16(hhea, 100); U16(hhea, 900);
        U16(hhea, 1); U16(hhea, 0); U16(hhea, 0);
        hhea.AddRange(new byte[8]);
        U16(hhea, 0); U16(hhea, 2);                 // metric data format, two horizontal metrics

        var maxp = new List<byte>();
        U16(maxp, 1); U16(maxp, 0); U16(maxp, 2);   // version 1.0, two glyphs
        U16(maxp, 4); U16(maxp, 1); U16(maxp, 0); U16(maxp, 0); U16(maxp, 2);
        for (int i = 0; i < 8; i++) U16(maxp, 0);

        var hmtx = new List<byte>();
        U16(hmtx, 1000); U16(hmtx, 0); U16(hmtx, 1000); U16(hmtx, 100);

        var cmap = new List<byte>();
        U16(cmap, 0); U16(cmap, 1); U16(cmap, 3); U16(cmap, 1); U16(cmap, 0); U16(cmap, 12);
        U16(cmap, 4); U16(cmap, 32); U16(cmap, 0);  // format 4, length, language
        U16(cmap, 4); U16(cmap, 4); U16(cmap, 1); U16(cmap, 0);
        U16(cmap, character); U16(cmap, 0xFFFF); U16(cmap, 0);
        U16(cmap, character); U16(cmap, 0xFFFF);
        U16(cmap, (1 - character) & 0xFFFF); U16(cmap, 1);
        U16(cmap, 0); U16(cmap, 0);

        var loca = new List<byte>();
        U16(loca, 0); U16(loca, 0); U16(loca, glyph.Count / 2);

        var post = new List<byte>();
        U16(post, 3); U16(post, 0);
        post.AddRange(new byte[28]);

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["cmap"] = [.. cmap], ["glyf"] = [.. glyph], ["head"] = [.. head], ["hhea"] = [.. hhea],
            ["hmtx"] = [.. hmtx], ["loca"] = [.. loca], ["maxp"] = [.. maxp], ["post"] = [.. post],
        };
        var font = new List<byte>();
        U16(font, 1); U16(font, 0); U16(font, tables.Count); U16(font, 128); U16(font, 3); U16(font, tables.Count * 16 - 128);
        int offset = 12 + 16 * tables.Count;
        var body = new List<byte>();
        foreach (var (tag, data) in tables)
        {
            font.AddRange(System.Text.Encoding.ASCII.GetBytes(tag));
            var word = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(word, 0); font.AddRange(word);
            BinaryPrimitives.WriteInt32BigEndian(word, offset + body.Count); font.AddRange(word);
            BinaryPrimitives.WriteInt32BigEndian(word, data.Length); font.AddRange(word);
            body.AddRange(data);
            while (body.Count % 4 != 0) body.Add(0);
        }
        font.AddRange(body);
        return [.. font];
    }
}
