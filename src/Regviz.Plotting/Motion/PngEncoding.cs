using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Regviz.Plotting;

/// <summary>
/// The parts of PNG (W3C PNG, third edition) that the animation writers need: 8-bit RGBA scanlines filtered and
/// compressed into an image data stream, and chunks with their CRC. Skia writes PNG files but not APNG chunks, and
/// it cannot compress part of a frame, so the frames are encoded here. The output depends only on the pixels.
/// </summary>
internal static class PngEncoding
{
    public static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>
    /// The compressed image data of a <paramref name="width"/> × <paramref name="height"/> RGBA image. Each row takes the
    /// filter that leaves the smallest sum of absolute bytes (the heuristic the PNG specification suggests): Sub for
    /// flat colour, Up for long lines, Paeth for anti-aliased edges, None for transparent runs.
    /// </summary>
    public static byte[] Compress(ReadOnlySpan<byte> rgba, int width, int height)
    {
        int stride = width * 4;
        var filtered = new byte[(stride + 1) * height];
        var candidates = new byte[4][];
        for (int f = 0; f < 4; f++) candidates[f] = new byte[stride];
        for (int y = 0; y < height; y++)
        {
            var row = rgba.Slice(y * stride, stride);
            var above = y > 0 ? rgba.Slice((y - 1) * stride, stride) : default;
            int best = 0;
            long bestCost = long.MaxValue;
            for (int f = 0; f < 4; f++)
            {
                long cost = Filter(f, row, above, candidates[f]);
                if (cost < bestCost) (best, bestCost) = (f, cost);
            }
            int at = y * (stride + 1);
            filtered[at] = (byte)(best == 3 ? 4 : best); // types: 0 None, 1 Sub, 2 Up, 4 Paeth
            candidates[best].CopyTo(filtered.AsSpan(at + 1));
        }
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, new ZLibCompressionOptions { CompressionLevel = 9 }, leaveOpen: true))
            z.Write(filtered);
        return output.ToArray();
    }

    /// <summary>Filters one row (0 None, 1 Sub, 2 Up, 3 Paeth) into <paramref name="into"/>; returns Σ|signed byte|.</summary>
    private static long Filter(int kind, ReadOnlySpan<byte> row, ReadOnlySpan<byte> above, Span<byte> into)
    {
        long cost = 0;
        bool first = above.IsEmpty;
        for (int i = 0; i < row.Length; i++)
        {
            int a = i >= 4 ? row[i - 4] : 0, b = first ? 0 : above[i], c = i >= 4 && !first ? above[i - 4] : 0;
            int predictor = kind switch { 0 => 0, 1 => a, 2 => b, _ => Paeth(a, b, c) };
            byte v = (byte)(row[i] - predictor);
            into[i] = v;
            cost += v < 128 ? v : 256 - v;
        }
        return cost;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>The IHDR payload of an 8-bit RGBA image, not interlaced.</summary>
    public static byte[] Header(int width, int height)
    {
        var h = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(h, width);
        BinaryPrimitives.WriteInt32BigEndian(h.AsSpan(4), height);
        h[8] = 8;  // bits per sample
        h[9] = 6;  // RGBA
        return h;  // compression 0, filter method 0, no interlace
    }

    /// <summary>A whole PNG file of one RGBA image.</summary>
    public static byte[] File(ReadOnlySpan<byte> rgba, int width, int height)
    {
        using var s = new MemoryStream();
        s.Write(Signature);
        Chunk(s, "IHDR", Header(width, height));
        Chunk(s, "IDAT", Compress(rgba, width, height));
        Chunk(s, "IEND", []);
        return s.ToArray();
    }

    /// <summary>Writes a chunk: length, type, data, and the CRC of type and data.</summary>
    public static void Chunk(Stream s, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(four, data.Length);
        s.Write(four);
        Span<byte> name = stackalloc byte[4];
        Encoding.ASCII.GetBytes(type, name);
        s.Write(name);
        s.Write(data);
        uint crc = Crc.Update(Crc.Update(0xFFFFFFFFu, name), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(four, crc);
        s.Write(four);
    }

    /// <summary>CRC-32 of ISO 3309, as PNG defines it (the BCL has none without a package).</summary>
    private static class Crc
    {
        private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
        {
            uint c = (uint)n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            return c;
        }).ToArray();

        public static uint Update(uint crc, ReadOnlySpan<byte> data)
        {
            foreach (byte b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            return crc;
        }
    }
}
