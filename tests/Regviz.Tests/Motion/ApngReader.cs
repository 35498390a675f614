using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Regviz.Tests.Motion;

/// <summary>
/// A minimal, independent reader of PNG and APNG (W3C PNG third edition), written from the specification for the
/// tests and sharing no code with the writer: it checks every chunk's CRC and the sequence numbers, inflates the image
/// data, undoes all five filters for 8-bit RGB and RGBA, and composes the frames as a viewer does (dispose and blend
/// operations), so a frame can be compared with a still figure pixel by pixel.
/// </summary>
internal sealed class ApngReader
{
    public sealed record Control(int Sequence, int Width, int Height, int X, int Y, int DelayNumerator, int DelayDenominator, int Dispose, int Blend);

    public sealed record Frame(Control Control, byte[] Data);

    public int Width { get; private set; }
    public int Height { get; private set; }
    public int ColourType { get; private set; }
    public int? AnimationFrames { get; private set; }
    public int? Plays { get; private set; }
    public List<string> ChunkTypes { get; } = [];
    public List<Frame> Frames { get; } = [];
    public byte[] DefaultImage { get; private set; } = [];
    public bool DefaultImageIsFirstFrame { get; private set; }

    /// <summary>Every sequence number of fcTL and fdAT, in file order.</summary>
    public List<int> Sequence { get; } = [];

    public static ApngReader Read(byte[] file)
    {
        var r = new ApngReader();
        byte[] signature = [137, 80, 78, 71, 13, 10, 26, 10];
        if (!file.AsSpan(0, 8).SequenceEqual(signature)) throw new InvalidDataException("not a PNG signature");
        int at = 8;
        Control? pending = null;
        var idat = new MemoryStream();
        var fdat = new MemoryStream();
        bool ended = false;
        while (at < file.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            string type = Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file.AsSpan(at + 8, length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at + 8 + length));
            if (crc != Crc(file.AsSpan(at + 4, length + 4))) throw new InvalidDataException($"bad CRC in {type} at byte {at}");
            r.ChunkTypes.Add(type);
            switch (type)
            {
                case "IHDR":
                    r.Width = BinaryPrimitives.ReadInt32BigEndian(data);
                    r.Height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    if (data[8] != 8 || data[12] != 0) throw new InvalidDataException("only 8-bit, non-interlaced images are read here");
                    r.ColourType = data[9];
                    break;
                case "acTL":
                    r.AnimationFrames = BinaryPrimitives.ReadInt32BigEndian(data);
                    r.Plays = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    break;
                case "fcTL":
                    Flush();
                    pending = new Control(BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]),
                        BinaryPrimitives.ReadInt32BigEndian(data[8..]), BinaryPrimitives.ReadInt32BigEndian(data[12..]),
                        BinaryPrimitives.ReadInt32BigEndian(data[16..]), BinaryPrimitives.ReadUInt16BigEndian(data[20..]),
                        BinaryPrimitives.ReadUInt16BigEndian(data[22..]), data[24], data[25]);
                    r.Sequence.Add(pending.Sequence);
                    if (r.Frames.Count == 0 && idat.Length == 0) r.DefaultImageIsFirstFrame = true;
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "fdAT":
                    r.Sequence.Add(BinaryPrimitives.ReadInt32BigEndian(data));
                    fdat.Write(data[4..]);
                    break;
                case "IEND":
                    ended = true;
                    break;
            }
            at += 12 + length;
        }
        if (!ended) throw new InvalidDataException("no IEND");
        Flush();
        r.DefaultImage = idat.ToArray();
        return r;

        void Flush()
        {
            if (pending is null) return;
            // the first fcTL before IDAT makes the default image the first frame
            byte[] frameData = r.Frames.Count == 0 && r.DefaultImageIsFirstFrame ? idat.ToArray() : fdat.ToArray();
            r.Frames.Add(new Frame(pending, frameData));
            fdat.SetLength(0);
            pending = null;
        }
    }

    /// <summary>The default image (what a viewer without animation shows) as RGBA.</summary>
    public byte[] DecodeDefault() => Decode(DefaultImage, Width, Height, ColourType);

    /// <summary>Every frame composed onto the canvas, as RGBA, in order.</summary>
    public List<byte[]> Compose()
    {
        var canvas = new byte[Width * Height * 4]; // fully transparent black, as the specification starts
        var frames = new List<byte[]>();
        foreach (var f in Frames)
        {
            var c = f.Control;
            var before = (byte[])canvas.Clone();
            var pixels = Decode(f.Data, c.Width, c.Height, ColourType);
            for (int y = 0; y < c.Height; y++)
                for (int x = 0; x < c.Width; x++)
                {
                    int s = (y * c.Width + x) * 4, d = ((c.Y + y) * Width + c.X + x) * 4;
                    if (c.Blend == 0) { Array.Copy(pixels, s, canvas, d, 4); continue; }
                    int a = pixels[s + 3];
                    if (a == 0) continue;
                    if (a == 255) { Array.Copy(pixels, s, canvas, d, 4); continue; }
                    throw new InvalidDataException("partial alpha is not expected in a figure"); // figures are opaque
                }
            frames.Add((byte[])canvas.Clone());
            if (c.Dispose == 1)
                for (int y = 0; y < c.Height; y++) Array.Clear(canvas, ((c.Y + y) * Width + c.X) * 4, c.Width * 4);
            else if (c.Dispose == 2) canvas = before;
        }
        return frames;
    }

    /// <summary>A PNG file (of the kinds this reader knows) as RGBA.</summary>
    public static (int Width, int Height, byte[] Rgba) DecodeFile(byte[] file)
    {
        var r = Read(file);
        return (r.Width, r.Height, r.DecodeDefault());
    }

    private static byte[] Decode(byte[] zlib, int width, int height, int colourType)
    {
        int channels = colourType switch { 2 => 3, 6 => 4, _ => throw new InvalidDataException($"colour type {colourType} is not read here") };
        int stride = width * channels;
        var raw = new MemoryStream();
        using (var z = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress)) z.CopyTo(raw);
        var bytes = raw.ToArray();
        if (bytes.Length != (stride + 1) * height) throw new InvalidDataException($"{bytes.Length} bytes of image data, {(stride + 1) * height} expected");
        var rows = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            int filter = bytes[y * (stride + 1)];
            for (int i = 0; i < stride; i++)
            {
                int x = bytes[y * (stride + 1) + 1 + i];
                int a = i >= channels ? rows[y * stride + i - channels] : 0;
                int b = y > 0 ? rows[(y - 1) * stride + i] : 0;
                int c = i >= channels && y > 0 ? rows[(y - 1) * stride + i - channels] : 0;
                rows[y * stride + i] = (byte)(filter switch
                {
                    0 => x,
                    1 => x + a,
                    2 => x + b,
                    3 => x + (a + b) / 2,
                    4 => x + PaethPredictor(a, b, c),
                    _ => throw new InvalidDataException($"filter type {filter}"),
                });
            }
        }
        if (channels == 4) return rows;
        var rgba = new byte[width * height * 4];
        for (int p = 0; p < width * height; p++)
        {
            rgba[p * 4] = rows[p * 3];
            rgba[p * 4 + 1] = rows[p * 3 + 1];
            rgba[p * 4 + 2] = rows[p * 3 + 2];
            rgba[p * 4 + 3] = 255;
        }
        return rgba;
    }

    private static int PaethPredictor(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc) return a;
        return pb <= pc ? b : c;
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }
}
