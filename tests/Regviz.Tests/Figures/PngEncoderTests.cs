using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Plotting;
using Regviz.Core.Solvers;
using SkiaSharp;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>
/// Figures are encoded by <see cref="PngEncoder"/> rather than Skia: the decoded pixels must be exactly the ones
/// Skia's encoder gives (every channel, alpha included), only the compressed bytes may differ; a surface the
/// encoder does not handle (a pixel not fully opaque) is left to Skia.
/// </summary>
public class PngEncoderTests
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public void A_figure_decodes_to_the_pixels_of_skias_encoding(string theme)
    {
        var style = new FigureStyle(640, 480, Theme.Find(theme)!, null);
        FontRegistry.EnsureRegistered();
        var spec = new ProblemSpec(BuiltInDataset.Create(), LossKind.Mse, false, new L1Penalty(), Form.Penalised(0.5));
        var scene = SceneBuilder.Contour(spec, new SceneOptions(null, 120, 10, true, style.Frame().Aspect));
        using var surface = SKSurface.Create(new SKImageInfo(style.Width, style.Height))!;
        ContourFigure.Render(scene, style).Render(surface);
        AssertSamePixels(surface);
    }

    [Fact]
    public void Rows_of_any_width_decode_exactly()
    {
        // 13 pixels: the vector loops' tails; random colours: every byte value through the Up filter
        var random = new Random(7);
        using var surface = SKSurface.Create(new SKImageInfo(13, 9))!;
        for (int y = 0; y < 9; y++)
            for (int x = 0; x < 13; x++)
                surface.Canvas.DrawPoint(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        AssertSamePixels(surface);
    }

    [Fact]
    public void A_surface_with_a_translucent_pixel_is_left_to_skia()
    {
        using var surface = SKSurface.Create(new SKImageInfo(40, 40))!;
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawPoint(39, 39, new SKColor(10, 20, 30, 128));
        using var pixels = surface.PeekPixels();
        Assert.Null(PngEncoder.TryEncode(pixels));
        using var skia = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Up, 2))!;
        Assert.Equal(skia.ToArray(), FigureExport.EncodePng(surface));
    }

    [Fact]
    public void Chunk_crcs_are_the_crc32_of_the_png_specification()
    {
        Assert.Equal(0xCBF43926u, Regviz.Plotting.PngChunks.Crc("123456789"u8)); // the standard check value
        var random = new Random(3);
        for (int length = 0; length < 40; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            Assert.Equal(BitByBit(bytes), Regviz.Plotting.PngChunks.Crc(bytes));
        }
        // and every chunk of an encoded figure carries its own
        using var surface = SKSurface.Create(new SKImageInfo(30, 20))!;
        surface.Canvas.Clear(SKColors.Teal);
        var png = FigureExport.EncodePng(surface);
        for (int at = 8; at < png.Length;)
        {
            int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            Assert.Equal(BitByBit(png.AsSpan(at + 4, 4 + length)), System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length)));
            at += 12 + length;
        }
    }

    private static uint BitByBit(ReadOnlySpan<byte> bytes)
    {
        uint c = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            c ^= b;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        }
        return c ^ 0xFFFFFFFF;
    }

    private static void AssertSamePixels(SKSurface surface)
    {
        using var pixels = surface.PeekPixels();
        var ours = PngEncoder.TryEncode(pixels);
        Assert.NotNull(ours);
        using var skia = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Up, 2))!;
        using var expected = SKBitmap.Decode(skia.ToArray());
        using var actual = SKBitmap.Decode(ours);
        Assert.Equal((expected.Width, expected.Height, expected.ColorType, expected.AlphaType), (actual.Width, actual.Height, actual.ColorType, actual.AlphaType));
        Assert.True(expected.Bytes.AsSpan().SequenceEqual(actual.Bytes), "decoded pixels differ");
        Assert.Equal(ours, FigureExport.EncodePng(surface));
    }
}
