using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Regviz.Plotting;

/// <summary>
/// The parts of PNG (W3C PNG, third edition) that the animation writers need: 8-bit RGBA scanlines filtered and
/// compressed into an image data stream (the chunks are <see cref="PngChunks"/>). Skia writes PNG files but not APNG chunks, and
/// it cannot compress part of a frame, so the frames are encoded here. The output depends only on the pixels.
/// </summary>
internal static class PngEncoding
{
    /// <summary>
    /// The compressed image data of a <paramref name="width"/> × <paramref name="height"/> RGBA image. Each row takes the
    /// filter that leaves the smallest sum of absolute bytes (the heuristic the PNG specification suggests): Sub for
    /// flat colour, Up for long lines, Paeth for anti-aliased edges, None for transparent runs.
    /// </summary>
    public static byte[] Compress(ReadOnlySpan<byte> rgba, int width, int height)
    {
        int stride = width * 4;
        // every byte of the filtered rows is written below, so a buffer kept from the thread's last image serves: a new
        // one per animation frame (up to 2.5 MB, on the large object heap) was fresh pages to fault in every time
        var filtered = Buffer(ref t_filtered, (stride + 1) * height);
        var candidate = Buffer(ref t_candidate, stride);
        for (int y = 0; y < height; y++)
        {
            var row = rgba.Slice(y * stride, stride);
            var into = filtered.Slice(y * (stride + 1) + 1, stride);
            // None first: a transparent (unchanged) row costs nothing and needs no other try
            row.CopyTo(into);
            long best = Cost(into);
            byte type = 0;
            for (byte kind = 1; kind <= 4 && best > 0; kind++)
            {
                if (kind == 3 || (kind != 1 && y == 0)) continue; // Average is rarely best; with no row above, Up and Paeth are None and Sub
                var above = y > 0 ? rgba.Slice((y - 1) * stride, stride) : default;
                if (kind == 1) Sub(row, candidate);
                else if (kind == 2) Up(row, above, candidate);
                else Paeth(row, above, candidate);
                long cost = Cost(candidate);
                if (cost >= best) continue;
                (best, type) = (cost, kind);
                candidate.CopyTo(into);
            }
            filtered[y * (stride + 1)] = type;
        }
        var output = t_output ??= new MemoryStream();
        output.SetLength(0);
        using (var z = new ZLibStream(output, new ZLibCompressionOptions { CompressionLevel = Level }, leaveOpen: true))
            z.Write(filtered);
        return output.ToArray();
    }

    [ThreadStatic] private static byte[]? t_filtered;
    [ThreadStatic] private static byte[]? t_candidate;
    [ThreadStatic] private static MemoryStream? t_output;

    /// <summary>The first <paramref name="length"/> bytes of the thread's buffer, grown when too short (its old contents are not kept).</summary>
    internal static Span<byte> Buffer(ref byte[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length) buffer = GC.AllocateUninitializedArray<byte>(length);
        return buffer.AsSpan(0, length);
    }

    /// <summary>
    /// zlib's level: measured on the 59 patches of the default l1 sweep, 6 gives files 7% larger than 9 in 0.6 of the time;
    /// the sweep's time is what a reader waits for.
    /// </summary>
    private const int Level = 6;

    /// <summary>Σ|signed byte|: the smaller, the better the row compresses (the heuristic of the PNG specification).</summary>
    private static long Cost(ReadOnlySpan<byte> filtered)
    {
        long cost = 0;
        int i = 0;
        if (Avx2.IsSupported)
        {
            // |v| as a signed byte, read unsigned (|−128| wraps to 0x80 = 128, as the scalar sum counts it), summed
            // eight bytes to a 64-bit lane by the sum of absolute differences against zero
            var sum = Vector256<ulong>.Zero;
            ref byte start = ref MemoryMarshal.GetReference(filtered);
            for (; i + 32 <= filtered.Length; i += 32)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)i).AsSByte();
                sum += Avx2.SumAbsoluteDifferences(Vector256.Abs(v).AsByte(), Vector256<byte>.Zero).AsUInt64();
            }
            cost = (long)Vector256.Sum(sum);
        }
        for (; i < filtered.Length; i++)
        {
            byte v = filtered[i];
            cost += v < 128 ? v : 256 - v;
        }
        return cost;
    }

    private static void Sub(ReadOnlySpan<byte> row, Span<byte> into)
    {
        row[..4].CopyTo(into);
        int i = 4;
        ref byte r = ref MemoryMarshal.GetReference(row);
        ref byte o = ref MemoryMarshal.GetReference(into);
        for (; i + 32 <= row.Length; i += 32)
            (Vector256.LoadUnsafe(ref r, (nuint)i) - Vector256.LoadUnsafe(ref r, (nuint)(i - 4))).StoreUnsafe(ref o, (nuint)i);
        for (; i < row.Length; i++) into[i] = (byte)(row[i] - row[i - 4]);
    }

    private static void Up(ReadOnlySpan<byte> row, ReadOnlySpan<byte> above, Span<byte> into)
    {
        int i = 0;
        ref byte r = ref MemoryMarshal.GetReference(row);
        ref byte b = ref MemoryMarshal.GetReference(above);
        ref byte o = ref MemoryMarshal.GetReference(into);
        for (; i + 32 <= row.Length; i += 32)
            (Vector256.LoadUnsafe(ref r, (nuint)i) - Vector256.LoadUnsafe(ref b, (nuint)i)).StoreUnsafe(ref o, (nuint)i);
        for (; i < row.Length; i++) into[i] = (byte)(row[i] - above[i]);
    }

    private static void Paeth(ReadOnlySpan<byte> row, ReadOnlySpan<byte> above, Span<byte> into)
    {
        for (int k = 0; k < 4; k++) into[k] = (byte)(row[k] - above[k]); // no left neighbour: Paeth picks the one above
        int i = 4;
        ref byte r = ref MemoryMarshal.GetReference(row);
        ref byte u = ref MemoryMarshal.GetReference(above);
        ref byte o = ref MemoryMarshal.GetReference(into);
        // 32 bytes at a time in 16-bit lanes: the same predictor as the scalar loop below, byte for byte
        for (; i + 32 <= row.Length; i += 32)
        {
            var (aLo, aHi) = Vector256.Widen(Vector256.LoadUnsafe(ref r, (nuint)(i - 4)));
            var (bLo, bHi) = Vector256.Widen(Vector256.LoadUnsafe(ref u, (nuint)i));
            var (cLo, cHi) = Vector256.Widen(Vector256.LoadUnsafe(ref u, (nuint)(i - 4)));
            var predictor = Vector256.Narrow(Predict(aLo.AsInt16(), bLo.AsInt16(), cLo.AsInt16()), Predict(aHi.AsInt16(), bHi.AsInt16(), cHi.AsInt16()));
            (Vector256.LoadUnsafe(ref r, (nuint)i) - predictor).StoreUnsafe(ref o, (nuint)i);
        }
        for (; i < row.Length; i++)
        {
            int a = row[i - 4], b = above[i], c = above[i - 4];
            int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            into[i] = (byte)(row[i] - (pa <= pb && pa <= pc ? a : pb <= pc ? b : c));
        }
    }

    /// <summary>Paeth's predictor of each lane: a where |p − a| is least, else b, else c (p = a + b − c), ties in that order.</summary>
    private static Vector256<ushort> Predict(Vector256<short> a, Vector256<short> b, Vector256<short> c)
    {
        var pa = Vector256.Abs(b - c); // |p − a|
        var pb = Vector256.Abs(a - c); // |p − b|
        var pc = Vector256.Abs(a + b - c - c);
        var takeA = Vector256.LessThanOrEqual(pa, pb) & Vector256.LessThanOrEqual(pa, pc);
        var bOrC = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(pb, pc), b, c);
        return Vector256.ConditionalSelect(takeA, a, bOrC).AsUInt16();
    }

    /// <summary>A whole PNG file of one RGBA image.</summary>
    public static byte[] File(ReadOnlySpan<byte> rgba, int width, int height)
    {
        using var s = new MemoryStream();
        s.Write(PngChunks.Signature);
        PngChunks.Write(s, "IHDR", PngChunks.RgbaHeader(width, height));
        PngChunks.Write(s, "IDAT", Compress(rgba, width, height));
        PngChunks.Write(s, "IEND", []);
        return s.ToArray();
    }
}
