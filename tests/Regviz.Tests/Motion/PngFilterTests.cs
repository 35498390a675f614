using System.IO.Compression;
using CsCheck;
using Regviz.Plotting;
using Xunit;

namespace Regviz.Tests.Motion;

/// <summary>
/// The animation encoder's filters run 32 bytes at a time (#24 speed); its output must stay byte for byte what the
/// PNG specification's heuristic gives: each row the filter (None, Sub, Up or Paeth, Average never) with the least
/// sum of |signed byte|, earlier filters winning ties. The reference below is written here, one byte at a time, and
/// compared with the inflated image data for images of every width from 1 pixel (no full vector) up.
/// </summary>
public class PngFilterTests
{
    private static readonly Gen<(int W, int H, byte[] Rgba)> Images =
        Gen.Select(Gen.Int[1, 70], Gen.Int[1, 12], Gen.Int[0, 3], Gen.ULong).Select((w, h, kind, seed) =>
        {
            var r = new Random((int)(seed % int.MaxValue));
            var rgba = new byte[w * h * 4];
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    for (int c = 0; c < 4; c++)
                        rgba[(y * w + x) * 4 + c] = kind switch
                        {
                            0 => (byte)r.Next(256),                            // noise
                            1 => (byte)(x * 7 + c * 40),                       // a gradient along the row: Sub
                            2 => (byte)(y * 11 + c + (x > w / 2 ? 128 : 0)),   // columns: Up
                            _ => (byte)(r.Next(4) == 0 ? r.Next(256) : 255),   // mostly opaque white: anti-aliased edges
                        };
            return (w, h, rgba);
        });

    [Fact]
    public void Every_row_is_filtered_as_the_byte_by_byte_heuristic_filters_it()
    {
        Images.Sample(t =>
        {
            var compressed = PngEncoding.Compress(t.Rgba, t.W, t.H);
            using var z = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            var actual = new MemoryStream();
            z.CopyTo(actual);
            Assert.Equal(Reference(t.Rgba, t.W, t.H), actual.ToArray());
        }, iter: 300);
    }

    private static byte[] Reference(byte[] rgba, int width, int height)
    {
        int stride = width * 4;
        var output = new List<byte>();
        for (int y = 0; y < height; y++)
        {
            byte[] best = [], candidate;
            long bestCost = long.MaxValue;
            byte bestType = 0;
            foreach (byte type in new byte[] { 0, 1, 2, 4 })
            {
                if (y == 0 && type is 2 or 4) continue; // no row above: Up and Paeth are None and Sub
                candidate = new byte[stride];
                for (int i = 0; i < stride; i++)
                {
                    int raw = rgba[y * stride + i];
                    int a = i >= 4 ? rgba[y * stride + i - 4] : 0;
                    int b = y > 0 ? rgba[(y - 1) * stride + i] : 0;
                    int c = i >= 4 && y > 0 ? rgba[(y - 1) * stride + i - 4] : 0;
                    int predictor = type switch
                    {
                        0 => 0,
                        1 => a,
                        2 => b,
                        _ => Paeth(a, b, c),
                    };
                    candidate[i] = (byte)(raw - predictor);
                }
                long cost = candidate.Sum(v => v < 128 ? (long)v : 256 - v);
                if (cost < bestCost) (best, bestCost, bestType) = (candidate, cost, type);
                if (bestCost == 0) break;
            }
            output.Add(bestType);
            output.AddRange(best);
        }
        return [.. output];
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
