using System.Buffers.Binary;
using System.IO.Hashing;

namespace Regviz.Plotting;

/// <summary>
/// The framing every PNG regviz writes or reads shares (W3C PNG, third edition, §5): the signature, and chunks of
/// length, type, data and the CRC-32 of type and data. One place for the figure encoder, the alt-text chunk, the
/// animation writer and the bounded reader of golden animations.
/// </summary>
internal static class PngChunks
{
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10];

    /// <summary>The CRC stored after a chunk: CRC-32 (ISO 3309, as PNG defines it) of its type and data.</summary>
    public static uint Crc(ReadOnlySpan<byte> typeAndData) => Crc32.HashToUInt32(typeAndData);

    /// <summary>Writes a chunk at the start of <paramref name="into"/> (12 bytes more than the data); returns its length.</summary>
    public static int Write(Span<byte> into, string type, ReadOnlySpan<byte> data)
    {
        var chunk = into[..(12 + data.Length)];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        for (int k = 0; k < 4; k++) chunk[4 + k] = (byte)type[k];
        data.CopyTo(chunk[8..]);
        BinaryPrimitives.WriteUInt32BigEndian(chunk[(8 + data.Length)..], Crc(chunk[4..(8 + data.Length)]));
        return chunk.Length;
    }

    /// <summary>Writes a chunk to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, string type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[12 + data.Length];
        Write(chunk, type, data);
        stream.Write(chunk);
    }

    /// <summary>The IHDR payload of an 8-bit RGBA image: deflate, adaptive filtering, not interlaced.</summary>
    public static byte[] RgbaHeader(int width, int height)
    {
        var h = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(h, width);
        BinaryPrimitives.WriteInt32BigEndian(h.AsSpan(4), height);
        h[8] = 8; // bits per sample
        h[9] = 6; // RGBA
        return h;
    }
}
