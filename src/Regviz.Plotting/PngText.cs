using System.Buffers.Binary;
using System.Text;

namespace Regviz.Plotting;

/// <summary>
/// Adds an international text chunk (iTXt, PNG specification §11.3.4.5) to encoded PNG bytes, after the header
/// chunk and before the pixels, where every reader finds it. Skia's encoder writes no text chunks, so this is done
/// on the bytes: uncompressed (compression flag 0), no language tag, so the same text always gives the same bytes.
/// </summary>
internal static class PngText
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10];

    /// <summary>
    /// <paramref name="png"/> with an iTXt chunk of <paramref name="keyword"/> (Latin-1, 1..79 characters, e.g.
    /// "Description") and <paramref name="text"/> (UTF-8) right after IHDR.
    /// </summary>
    public static byte[] With(byte[] png, string keyword, string text)
    {
        if (keyword.Length is < 1 or > 79 || keyword.Any(c => c < 0x20 || c > 0xFF) || keyword != keyword.Trim())
            throw new ArgumentException($"'{keyword}' is not a PNG keyword (1 to 79 printable Latin-1 characters)", nameof(keyword));
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(Signature) || Encoding.ASCII.GetString(png, 12, 4) != "IHDR")
            throw new ArgumentException("not a PNG that starts with its header chunk", nameof(png));
        int afterHeader = 8 + 12 + BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(8));

        // keyword, NUL, compression flag 0, compression method 0, empty language tag, NUL, empty translated keyword, NUL, text;
        // NUL is not allowed in the text, and other control characters would only confuse a reader of it
        string clean = new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        var data = new List<byte>(keyword.Length + 5 + clean.Length * 2);
        data.AddRange(Encoding.Latin1.GetBytes(keyword));
        data.AddRange([0, 0, 0, 0, 0]);
        data.AddRange(Encoding.UTF8.GetBytes(clean));

        var result = new byte[png.Length + 12 + data.Count];
        png.AsSpan(0, afterHeader).CopyTo(result);
        var chunk = result.AsSpan(afterHeader, 12 + data.Count);
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Count);
        Encoding.ASCII.GetBytes("iTXt", chunk[4..8]);
        data.ToArray().CopyTo(chunk[8..]);
        BinaryPrimitives.WriteUInt32BigEndian(chunk[(8 + data.Count)..], Crc(chunk[4..(8 + data.Count)]));
        png.AsSpan(afterHeader).CopyTo(result.AsSpan(afterHeader + chunk.Length));
        return result;
    }

    private static readonly uint[] Table = MakeTable();

    private static uint[] MakeTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    /// <summary>The CRC-32 of the PNG specification (ISO 3309), over the chunk's type and data.</summary>
    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        uint c = 0xFFFFFFFF;
        foreach (byte b in bytes) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFF;
    }
}
