using System.Text;

namespace Regviz.Tests.Figures;

/// <summary>
/// A PNG chunk reader written from the specification (§5.3, §11.3.4.5), independent of the code that writes the
/// chunks: every chunk's length, type and CRC are checked, and iTXt chunks are split into their fields.
/// </summary>
internal static class PngChunks
{
    public sealed record Chunk(string Type, byte[] Data);

    public sealed record InternationalText(string Keyword, int CompressionFlag, int CompressionMethod, string Language, string TranslatedKeyword, string Text);

    public static List<Chunk> Read(byte[] png)
    {
        byte[] signature = [137, 80, 78, 71, 13, 10, 26, 10];
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(signature)) throw new FormatException("no PNG signature");
        var chunks = new List<Chunk>();
        int at = 8;
        while (at < png.Length)
        {
            if (at + 12 > png.Length) throw new FormatException($"truncated chunk at byte {at}");
            long length = ((long)png[at] << 24) | ((long)png[at + 1] << 16) | ((long)png[at + 2] << 8) | png[at + 3];
            if (length > int.MaxValue || at + 12 + length > png.Length) throw new FormatException($"chunk at byte {at} runs past the end");
            string type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, (int)length).ToArray();
            int crcAt = at + 8 + (int)length;
            uint stored = ((uint)png[crcAt] << 24) | ((uint)png[crcAt + 1] << 16) | ((uint)png[crcAt + 2] << 8) | png[crcAt + 3];
            uint computed = Crc32(png.AsSpan(at + 4, 4 + (int)length));
            if (stored != computed) throw new FormatException($"{type} chunk: CRC {stored:X8} stored, {computed:X8} computed");
            chunks.Add(new Chunk(type, data));
            at = crcAt + 4;
            if (type == "IEND") break;
        }
        if (at != png.Length) throw new FormatException($"{png.Length - at} bytes after IEND");
        return chunks;
    }

    public static InternationalText ParseITxt(byte[] data)
    {
        int k = Array.IndexOf(data, (byte)0);
        string keyword = Encoding.Latin1.GetString(data, 0, k);
        int flag = data[k + 1], method = data[k + 2];
        int langEnd = Array.IndexOf(data, (byte)0, k + 3);
        string language = Encoding.ASCII.GetString(data, k + 3, langEnd - (k + 3));
        int transEnd = Array.IndexOf(data, (byte)0, langEnd + 1);
        string translated = Encoding.UTF8.GetString(data, langEnd + 1, transEnd - (langEnd + 1));
        if (flag != 0) throw new FormatException("compressed iTXt: not expected here");
        string text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(data, transEnd + 1, data.Length - (transEnd + 1));
        return new InternationalText(keyword, flag, method, language, translated, text);
    }

    /// <summary>CRC-32 bit by bit (polynomial 0xEDB88320), as the specification's sample code computes it.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int i = 0; i < 8; i++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }
}
