using System.Buffers.Binary;

namespace Regviz.Plotting;

/// <summary>
/// The pHYs chunk (PNG specification §11.3.5.3): pixels per metre, so a 3.3-inch figure written at 300 dpi opens
/// at 3.3 inches in a word processor or LaTeX. Only written when the user gives a physical size or --dpi, so a
/// pixel-sized figure keeps the bytes it always had.
/// </summary>
internal static class PngPhysicalSize
{
    public static byte[] With(byte[] png, double dpi)
    {
        int afterHeader = 8 + 12 + BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(8));
        uint perMetre = (uint)Math.Round(dpi / 0.0254);
        var data = new byte[9];
        BinaryPrimitives.WriteUInt32BigEndian(data, perMetre);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), perMetre);
        data[8] = 1; // unit: the metre
        var result = new byte[png.Length + 12 + data.Length];
        png.AsSpan(0, afterHeader).CopyTo(result);
        int written = PngChunks.Write(result.AsSpan(afterHeader), "pHYs", data);
        png.AsSpan(afterHeader).CopyTo(result.AsSpan(afterHeader + written));
        return result;
    }
}
