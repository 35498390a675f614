using System.Buffers.Binary;

namespace Regviz.Plotting;

/// <summary>
/// Animated PNG (W3C PNG, third edition): an ordinary PNG whose image is the first frame, so a viewer that knows
/// nothing of animation shows it, plus <c>acTL</c> (frame count, loops), one <c>fcTL</c> per frame (its rectangle,
/// its delay, how it is drawn) and <c>fdAT</c> (sequence number + image data) for every frame after the first.
/// Sequence numbers run over fcTL and fdAT together, from 0.
/// </summary>
internal sealed class ApngWriter
{
    private readonly MemoryStream _out = new();
    private readonly int _width, _height, _frames;
    private int _written, _sequence;

    /// <param name="plays">How many times to play; 0: for ever.</param>
    public ApngWriter(int width, int height, int frames, int plays)
    {
        (_width, _height, _frames) = (width, height, frames);
        _out.Write(PngChunks.Signature);
        PngChunks.Write(_out, "IHDR", PngChunks.RgbaHeader(width, height));
        var actl = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(actl, frames);
        BinaryPrimitives.WriteInt32BigEndian(actl.AsSpan(4), plays);
        PngChunks.Write(_out, "acTL", actl);
    }

    /// <summary>
    /// Adds the next frame: compressed data (<see cref="PngEncoding.Compress"/>) of <paramref name="rect"/>, shown for
    /// <paramref name="delayNumerator"/>/<paramref name="delayDenominator"/> s. The first frame covers the whole image;
    /// later ones are drawn over the previous frame (<paramref name="over"/>: alpha-blended, else replacing the rectangle).
    /// </summary>
    public void Add(FrameRect rect, byte[] data, ushort delayNumerator, ushort delayDenominator, bool over)
    {
        if (_written == _frames) throw new InvalidOperationException($"all {_frames} frames are written");
        if (_written == 0 && rect != new FrameRect(0, 0, _width, _height)) throw new ArgumentException("the first frame must cover the whole image", nameof(rect));
        if (rect.X < 0 || rect.Y < 0 || rect.Width < 1 || rect.Height < 1 || rect.X + rect.Width > _width || rect.Y + rect.Height > _height)
            throw new ArgumentOutOfRangeException(nameof(rect), rect, "outside the image");
        var fctl = new byte[26];
        BinaryPrimitives.WriteInt32BigEndian(fctl, _sequence++);
        BinaryPrimitives.WriteInt32BigEndian(fctl.AsSpan(4), rect.Width);
        BinaryPrimitives.WriteInt32BigEndian(fctl.AsSpan(8), rect.Height);
        BinaryPrimitives.WriteInt32BigEndian(fctl.AsSpan(12), rect.X);
        BinaryPrimitives.WriteInt32BigEndian(fctl.AsSpan(16), rect.Y);
        BinaryPrimitives.WriteUInt16BigEndian(fctl.AsSpan(20), delayNumerator);
        BinaryPrimitives.WriteUInt16BigEndian(fctl.AsSpan(22), delayDenominator);
        fctl[24] = 0;                                   // dispose: leave the frame in place for the next
        fctl[25] = (byte)(_written > 0 && over ? 1 : 0); // blend: 1 over, 0 source
        PngChunks.Write(_out, "fcTL", fctl);
        if (_written == 0) PngChunks.Write(_out, "IDAT", data);
        else
        {
            var fdat = new byte[data.Length + 4];
            BinaryPrimitives.WriteInt32BigEndian(fdat, _sequence++);
            data.CopyTo(fdat, 4);
            PngChunks.Write(_out, "fdAT", fdat);
        }
        _written++;
    }

    /// <summary>The file, once every frame announced in acTL is written.</summary>
    public byte[] ToArray()
    {
        if (_written != _frames) throw new InvalidOperationException($"{_written} of {_frames} frames written");
        PngChunks.Write(_out, "IEND", []);
        return _out.ToArray();
    }
}
