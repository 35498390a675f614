using Regviz.Core;
using SkiaSharp;

namespace Regviz.Plotting;

/// <summary>The outcome of comparing two images.</summary>
public sealed record ImageDifference(double Rms, long DifferentPixels, int Width, int Height, bool SizesDiffer, string? SizeNote);

/// <summary>
/// Image regression as matplotlib's <c>calculate_rms</c> defines it: both images composited onto white, then
/// the root mean square of the differences over the R, G and B values (0–255) of every pixel.
/// </summary>
public static class ImageComparison
{
    /// <summary>
    /// Pixels as RGB bytes composited onto white; null when the bytes are not a whole, readable image (a truncated
    /// PNG is unreadable, not "different"). The size is read from the header and checked before any pixel memory
    /// is taken: a 1 MB PNG can claim 100000×100000.
    /// </summary>
    public static (byte[] Rgb, int Width, int Height)? Decode(byte[] encoded)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        if (codec is null) return null;
        long pixels = (long)codec.Info.Width * codec.Info.Height;
        if (pixels > Limits.ImagePixels)
            throw new ImageTooLargeException($"is {codec.Info.Width}x{codec.Info.Height} = {pixels:N0} pixels; at most {Limits.ImagePixels:N0} are read");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not SKCodecResult.Success) return null;
        var rgba = bitmap.GetPixelSpan();
        var rgb = new byte[info.Width * info.Height * 3];
        for (int p = 0, q = 0; p < rgba.Length; p += 4, q += 3)
        {
            int a = rgba[p + 3];
            for (int c = 0; c < 3; c++)
                rgb[q + c] = (byte)((rgba[p + c] * a + 255 * (255 - a) + 127) / 255);
        }
        return (rgb, info.Width, info.Height);
    }

    /// <summary>True when the first bytes are those of a format Skia decodes: PNG, JPEG, GIF, WebP or BMP.</summary>
    public static bool HasImageSignature(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])
        || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || head.StartsWith("GIF8"u8)
        || head.StartsWith("BM"u8)
        || (head.StartsWith("RIFF"u8) && head.Length >= 12 && head[8..12].SequenceEqual("WEBP"u8));

    /// <summary>Compares two RGB images by matplotlib's RMS over channels.</summary>
    public static ImageDifference Compare((byte[] Rgb, int Width, int Height) expected, (byte[] Rgb, int Width, int Height) actual)
    {
        if (expected.Width != actual.Width || expected.Height != actual.Height)
            return new ImageDifference(double.PositiveInfinity, 0, actual.Width, actual.Height, true,
                $"sizes differ: expected {expected.Width}x{expected.Height}, actual {actual.Width}x{actual.Height}");
        var rms = new RmsSum();
        rms.Add(expected.Rgb, actual.Rgb);
        return rms.Difference(actual.Width, actual.Height);
    }

    /// <summary>
    /// matplotlib's RMS summed piece by piece (RGB on white), so an animation's frames can be compared a row at a time
    /// without an RGB copy of each frame.
    /// </summary>
    internal struct RmsSum
    {
        private double _sum;
        private long _differing, _values;

        public void Add(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
        {
            for (int p = 0; p < expected.Length; p += 3)
            {
                bool differs = false;
                for (int c = 0; c < 3; c++)
                {
                    int d = expected[p + c] - actual[p + c];
                    if (d != 0) { _sum += d * d; differs = true; }
                }
                if (differs) _differing++;
            }
            _values += expected.Length;
        }

        public readonly ImageDifference Difference(int width, int height) =>
            new(Math.Sqrt(_sum / _values), _differing, width, height, false, null);
    }

    /// <summary>
    /// A picture of where two same-sized images differ: the expected image faded to a light grey ghost, with
    /// every differing pixel in saturated magenta so that even one stray pixel is visible.
    /// </summary>
    public static byte[] DiffImage((byte[] Rgb, int Width, int Height) expected, (byte[] Rgb, int Width, int Height) actual)
    {
        var info = new SKImageInfo(actual.Width, actual.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var px = bitmap.GetPixelSpan();
        for (int p = 0, q = 0; q < actual.Rgb.Length; p += 4, q += 3)
        {
            bool differs = expected.Rgb[q] != actual.Rgb[q] || expected.Rgb[q + 1] != actual.Rgb[q + 1] || expected.Rgb[q + 2] != actual.Rgb[q + 2];
            if (differs)
            {
                px[p] = 255; px[p + 1] = 0; px[p + 2] = 200;
            }
            else
            {
                byte grey = (byte)(215 + (expected.Rgb[q] + expected.Rgb[q + 1] + expected.Rgb[q + 2]) / 3 * 40 / 255);
                px[p] = px[p + 1] = px[p + 2] = grey;
            }
            px[p + 3] = 255;
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}

/// <summary>An image whose header claims more pixels than regviz reads (<see cref="Limits.ImagePixels"/>).</summary>
public sealed class ImageTooLargeException(string message) : Exception(message);
