using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Regviz.Core;

namespace Regviz.Plotting;

/// <summary>
/// The frames of an animation read back for image regression: an APNG (any PNG: a still one is one frame) composed as a
/// viewer composes it, or an <c>explore</c> page's reference image with each frame's patch over it. Frames come one at a
/// time, as RGBA, in one buffer that the next frame overwrites, so reading costs a few frames of memory whatever the count.
/// Every input is hostile: a golden file can claim any size, frame count or compressed length, so each is bounded before
/// the work it would cause (<see cref="MaxFrames"/>, <see cref="MaxPixels"/>), and decompression stops at the bytes the
/// header allows.
/// </summary>
internal static class AnimationFrames
{
    /// <summary>The most frames read: regviz writes at most 1000 (a sweep's cap).</summary>
    public const int MaxFrames = 1000;

    /// <summary>Frames × pixels read at most: regviz's own cap on a sweep (60 frames of 800×800 are 38 million).</summary>
    public const long MaxPixels = 200_000_000;


    /// <summary>True when <paramref name="png"/> is a PNG with an animation control chunk (acTL) before its image data.</summary>
    public static bool IsAnimated(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(PngChunks.Signature)) return false;
        // a long offset: a chunk length near 2^31 or 2^32 must step past the end, not wrap round to a negative int
        for (long at = 8; at + 8 <= png.Length;)
        {
            long length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan((int)at));
            string type = Encoding.ASCII.GetString(png, (int)at + 4, 4);
            if (type == "acTL") return true;
            if (type is "IDAT" or "IEND") return false;
            at += 12 + length;
        }
        return false;
    }

    /// <summary>Width, height and frame count of an APNG (a still PNG: one frame), read from its chunks without decoding.</summary>
    public static (int Width, int Height, int Frames) Header(byte[] png, string role = "image")
    {
        var chunks = Chunks(png, role);
        var (w, h, _) = Ihdr(png, chunks, role);
        if (chunks.FirstOrDefault(c => c.Type == "acTL") is not { Type: not null } ac) return (w, h, 1);
        if (ac.Length < 8) throw Bad(role, "its acTL chunk is too short");
        long announced = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(ac.Start));
        // the frames are its fcTL chunks: a file with more (or fewer) than acTL announces is not what it says it is, and a
        // comparison that stops at the shorter file would never look at the rest
        int present = chunks.Count(c => c.Type == "fcTL");
        if (present != announced) throw Bad(role, $"{present} frames where its acTL announces {announced}");
        return (w, h, present);
    }

    /// <summary>
    /// Every frame of <paramref name="png"/> as RGBA (the buffer is reused: copy what must outlive the next frame).
    /// The frame count is acTL's; a still PNG is one frame. Throws <see cref="InputException"/> naming <paramref name="role"/>.
    /// </summary>
    public static IEnumerable<byte[]> Apng(byte[] png, string role)
    {
        var chunks = Chunks(png, role);
        var (width, height, colour) = Ihdr(png, chunks, role);
        var control = chunks.Where(c => c.Type == "acTL").ToList();
        var canvas = new byte[checked(width * height * 4)];
        if (control.Count == 0)
        {
            InflateRows(Concat(png, chunks.Where(c => c.Type == "IDAT")), width, height, colour, role,
                (y, row) => row.CopyTo(canvas.AsSpan(y * width * 4, width * 4)));
            yield return canvas;
            yield break;
        }
        long count = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(control[0].Start));
        Bound(count, width, height, role);
        byte[]? saved = null;
        int seen = 0;
        // frames in file order: each fcTL and the IDAT (frame 0 when its fcTL comes first) or fdAT chunks after it
        for (int i = 0; i < chunks.Count; i++)
        {
            if (chunks[i].Type != "fcTL") continue;
            if (chunks[i].Length < 26) throw Bad(role, "an fcTL chunk is too short");
            var d = png.AsSpan(chunks[i].Start, 26);
            int fw = (int)BinaryPrimitives.ReadUInt32BigEndian(d[4..]), fh = (int)BinaryPrimitives.ReadUInt32BigEndian(d[8..]);
            int fx = (int)BinaryPrimitives.ReadUInt32BigEndian(d[12..]), fy = (int)BinaryPrimitives.ReadUInt32BigEndian(d[16..]);
            byte dispose = d[24], blend = d[25];
            if (fw <= 0 || fh <= 0 || fx < 0 || fy < 0 || (long)fx + fw > width || (long)fy + fh > height)
                throw Bad(role, $"frame {seen} does not lie inside the image");
            var data = new List<(int Start, int Length)>();
            for (int j = i + 1; j < chunks.Count && chunks[j].Type != "fcTL"; j++)
            {
                if (chunks[j].Type == "IDAT" && seen == 0) data.Add((chunks[j].Start, chunks[j].Length));
                else if (chunks[j].Type == "fdAT")
                {
                    if (chunks[j].Length < 4) throw Bad(role, "an fdAT chunk is too short");
                    data.Add((chunks[j].Start + 4, chunks[j].Length - 4));
                }
            }
            if (dispose == 2) saved = (byte[])canvas.Clone();
            // each row goes straight onto the canvas: no frame-sized buffer besides the canvas itself
            InflateRows(Concat(png, data), fw, fh, colour, role, (y, src) =>
            {
                var row = canvas.AsSpan(((fy + y) * width + fx) * 4, fw * 4);
                if (blend == 0) src.CopyTo(row);
                else Over(src, row);
            });
            yield return canvas;
            seen++;
            if (seen > count) throw Bad(role, $"more frames than the {count} its acTL announces");
            // what happens to the frame's region before the next frame is drawn
            if (dispose == 1)
                for (int y = 0; y < fh; y++) canvas.AsSpan(((fy + y) * width + fx) * 4, fw * 4).Clear();
            else if (dispose == 2 && saved is not null) { saved.CopyTo(canvas, 0); saved = null; }
        }
        if (seen != count) throw Bad(role, $"{seen} frames where its acTL announces {count}");
    }

    /// <summary>
    /// Every frame of an <c>explore</c> page: the reference image (img#figure) with the frame's patch (its opaque pixels)
    /// over it. Frame count and sizes are bounded as for an APNG.
    /// </summary>
    public static IEnumerable<byte[]> Page(byte[] html, string role) => PageFrames(html, role, out _, out _, out _);

    /// <summary>Width, height and frame count of an explore page.</summary>
    public static (int Width, int Height, int Frames) PageHeader(byte[] html, string role)
    {
        PageFrames(html, role, out int w, out int h, out int n);
        return (w, h, n);
    }

    private static IEnumerable<byte[]> PageFrames(byte[] html, string role, out int width, out int height, out int count)
    {
        string text = Encoding.UTF8.GetString(html);
        const string open = "<script type=\"application/json\" id=\"frames\">";
        int start = text.IndexOf(open, StringComparison.Ordinal);
        int end = start < 0 ? -1 : text.IndexOf("</script>", start, StringComparison.Ordinal);
        int img = text.IndexOf("<img id=\"figure\"", StringComparison.Ordinal);
        const string dataUri = "src=\"data:image/png;base64,";
        int src = img < 0 ? -1 : text.IndexOf(dataUri, img, StringComparison.Ordinal);
        int srcEnd = src < 0 ? -1 : text.IndexOf('"', src + dataUri.Length);
        if (end < 0 || srcEnd < 0) throw Bad(role, "not an explore page (no frames data or no figure)");
        byte[] reference;
        JsonElement frames;
        try
        {
            reference = Convert.FromBase64String(text[(src + dataUri.Length)..srcEnd]);
            using var doc = JsonDocument.Parse(text[(start + open.Length)..end], new JsonDocumentOptions { MaxDepth = 8 });
            frames = doc.RootElement.GetProperty("frames").Clone();
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw Bad(role, "its frames data cannot be read");
        }
        if (frames.ValueKind != JsonValueKind.Array) throw Bad(role, "its frames data cannot be read");
        var (w, h, _) = Header(reference, role);
        width = w;
        height = h;
        count = frames.GetArrayLength();
        Bound(count, w, h, role);
        return Compose(reference, frames, w, h, role);
    }

    private static IEnumerable<byte[]> Compose(byte[] reference, JsonElement frames, int width, int height, string role)
    {
        var base_ = Apng(reference, role).First().ToArray();
        var canvas = new byte[base_.Length];
        foreach (var f in frames.EnumerateArray())
        {
            base_.CopyTo(canvas, 0);
            if (f.ValueKind == JsonValueKind.Object && f.TryGetProperty("patch", out var p))
            {
                int x0, y0;
                byte[] png;
                try { (x0, y0, png) = (p.GetProperty("x").GetInt32(), p.GetProperty("y").GetInt32(), Convert.FromBase64String(p.GetProperty("png").GetString() ?? "")); }
                catch (Exception e) when (e is FormatException or KeyNotFoundException or InvalidOperationException) { throw Bad(role, "a frame's patch cannot be read"); }
                var (pw, ph, _) = Header(png, role);
                if (x0 < 0 || y0 < 0 || (long)x0 + pw > width || (long)y0 + ph > height) throw Bad(role, "a frame's patch does not lie inside the figure");
                var patch = Apng(png, role).First();
                for (int y = 0; y < ph; y++)
                    for (int x = 0; x < pw; x++)
                        if (patch[(y * pw + x) * 4 + 3] == 255)
                            Array.Copy(patch, (y * pw + x) * 4, canvas, ((y0 + y) * width + x0 + x) * 4, 4);
            }
            yield return canvas;
        }
    }

    private static void Bound(long count, int width, int height, string role)
    {
        if (count < 1 || count > MaxFrames) throw Bad(role, $"{count} frames (at most {MaxFrames} are read)");
        if (count * width * height > MaxPixels) throw Bad(role, $"{count} frames of {width}x{height} are more than {MaxPixels:N0} pixels");
    }

    /// <summary>The RGBA frame on white as RGB, as <see cref="ImageComparison"/> composites images before comparing them.</summary>
    public static (byte[] Rgb, int Width, int Height) OnWhite(byte[] rgba, int width, int height)
    {
        var rgb = new byte[width * height * 3];
        OnWhite(rgba, rgb);
        return (rgb, width, height);
    }

    /// <summary>RGBA pixels on white into RGB (<paramref name="rgb"/> holds three bytes for every four of <paramref name="rgba"/>).</summary>
    public static void OnWhite(ReadOnlySpan<byte> rgba, Span<byte> rgb)
    {
        for (int p = 0, q = 0; p < rgba.Length; p += 4, q += 3)
        {
            int a = rgba[p + 3];
            for (int c = 0; c < 3; c++) rgb[q + c] = (byte)((rgba[p + c] * a + 255 * (255 - a) + 127) / 255);
        }
    }

    private static void Over(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        for (int i = 0; i < src.Length; i += 4)
        {
            int a = src[i + 3];
            if (a == 255) src.Slice(i, 4).CopyTo(dst.Slice(i, 4));
            else if (a > 0)
            {
                int da = dst[i + 3], outA = a + da * (255 - a) / 255;
                for (int c = 0; c < 3; c++)
                    dst[i + c] = (byte)(outA == 0 ? 0 : (src[i + c] * a + dst[i + c] * da * (255 - a) / 255) / outA);
                dst[i + 3] = (byte)outA;
            }
        }
    }

    private readonly record struct Chunk(string Type, int Start, int Length);

    private static List<Chunk> Chunks(byte[] png, string role = "image")
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(PngChunks.Signature)) throw Bad(role, "not a PNG");
        var chunks = new List<Chunk>();
        int at = 8;
        while (true)
        {
            if (at + 12 > png.Length) throw Bad(role, "it ends inside a chunk");
            long length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            if (length > png.Length - at - 12) throw Bad(role, "a chunk runs past the end");
            string type = Encoding.ASCII.GetString(png, at + 4, 4);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + (int)length));
            if (crc != PngChunks.Crc(png.AsSpan(at + 4, 4 + (int)length))) throw Bad(role, $"bad CRC in its {type} chunk");
            chunks.Add(new Chunk(type, at + 8, (int)length));
            at += 12 + (int)length;
            if (type == "IEND") return chunks;
        }
    }

    private static (int Width, int Height, int Colour) Ihdr(byte[] png, List<Chunk> chunks, string role = "image")
    {
        if (chunks.Count == 0 || chunks[0].Type != "IHDR" || chunks[0].Length != 13) throw Bad(role, "no header chunk first");
        var d = png.AsSpan(chunks[0].Start, 13);
        long w = BinaryPrimitives.ReadUInt32BigEndian(d), h = BinaryPrimitives.ReadUInt32BigEndian(d[4..]);
        if (w < 1 || h < 1 || w * h > MaxPixels) throw Bad(role, $"{w}x{h} pixels (at most {MaxPixels:N0} are read)");
        // regviz writes 8-bit RGBA (and reads RGB too), never interlaced: anything else is not one of its figures
        if (d[8] != 8 || d[9] is not (2 or 6) || d[12] != 0) throw Bad(role, "not an 8-bit RGB or RGBA, non-interlaced PNG");
        return ((int)w, (int)h, d[9]);
    }

    private static byte[] Concat(byte[] png, IEnumerable<Chunk> chunks) => Concat(png, chunks.Select(c => (c.Start, c.Length)));

    private static byte[] Concat(byte[] png, IEnumerable<(int Start, int Length)> parts)
    {
        var all = new MemoryStream();
        foreach (var (s, l) in parts) all.Write(png, s, l);
        return all.ToArray();
    }

    /// <summary>One decoded row of a frame, as RGBA (the buffer is reused for the next row).</summary>
    private delegate void RowSink(int y, ReadOnlySpan<byte> rgba);

    /// <summary>
    /// The image data of a <paramref name="width"/>×<paramref name="height"/> frame, inflated row by row (no further than
    /// the frame's size) and unfiltered, each row handed to <paramref name="sink"/> as RGBA: memory is two rows, not a
    /// frame (a 7000×7000 golden APNG took 2.5 times a still golden's memory when each frame was inflated whole).
    /// </summary>
    private static void InflateRows(byte[] zlib, int width, int height, int colour, string role, RowSink sink)
    {
        int bpp = colour == 6 ? 4 : 3;
        long longStride = (long)width * bpp;
        if (longStride * 4 / bpp > int.MaxValue) throw Bad(role, "a frame is too large");
        int stride = (int)longStride;
        var prior = new byte[stride];
        var line = new byte[stride];
        var rgba = new byte[width * 4];
        try
        {
            using var z = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
            for (int y = 0; y < height; y++)
            {
                int filter = z.ReadByte();
                if (filter < 0) throw Bad(role, "a frame's image data is short");
                z.ReadExactly(line);
                for (int x = 0; x < stride; x++)
                {
                    int a = x >= bpp ? line[x - bpp] : 0, b = prior[x], c = x >= bpp ? prior[x - bpp] : 0;
                    line[x] = (byte)(line[x] + filter switch
                    {
                        0 => 0,
                        1 => a,
                        2 => b,
                        3 => (a + b) >> 1,
                        4 => Paeth(a, b, c),
                        _ => throw Bad(role, $"filter type {filter} is not one of PNG's five"),
                    });
                }
                for (int x = 0; x < width; x++)
                {
                    rgba[x * 4] = line[x * bpp];
                    rgba[x * 4 + 1] = line[x * bpp + 1];
                    rgba[x * 4 + 2] = line[x * bpp + 2];
                    rgba[x * 4 + 3] = bpp == 4 ? line[x * bpp + 3] : (byte)255;
                }
                sink(y, rgba);
                (prior, line) = (line, prior);
            }
        }
        catch (EndOfStreamException) { throw Bad(role, "a frame's image data is short"); }
        catch (InvalidDataException) { throw Bad(role, "a frame's image data is not zlib"); }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static InputException Bad(string role, string why) => new(role, why);
}
