using Regviz.Plotting;
using SkiaSharp;
using Xunit;

namespace Regviz.Tests.Figures;

public class ImageComparisonTests
{
    private static byte[] Png(int w, int h, Action<SKBitmap> paint)
    {
        using var bmp = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bmp.Erase(new SKColor(10, 20, 30, 255));
        paint(bmp);
        using var img = SKImage.FromBitmap(bmp);
        return img.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    [Fact]
    public void One_channel_of_one_pixel_changed_by_255_gives_255_over_root_3WH()
    {
        var a = ImageComparison.Decode(Png(40, 30, b => b.SetPixel(3, 4, new SKColor(0, 20, 30))))!.Value;
        var b = ImageComparison.Decode(Png(40, 30, b => b.SetPixel(3, 4, new SKColor(255, 20, 30))))!.Value;
        var d = ImageComparison.Compare(a, b);
        Assert.Equal(255 / Math.Sqrt(3 * 40 * 30), d.Rms, 12);
        Assert.Equal(1, d.DifferentPixels);
    }

    [Fact]
    public void Identical_images_have_zero_rms()
    {
        var a = ImageComparison.Decode(Png(8, 8, _ => { }))!.Value;
        Assert.Equal(0, ImageComparison.Compare(a, a).Rms);
    }

    [Fact]
    public void Transparent_pixels_are_composited_onto_white()
    {
        var clear = ImageComparison.Decode(Png(2, 2, b => b.Erase(new SKColor(0, 0, 0, 0))))!.Value;
        Assert.All(clear.Rgb, v => Assert.Equal(255, v));
        var half = ImageComparison.Decode(Png(1, 1, b => b.Erase(new SKColor(0, 0, 0, 128))))!.Value;
        Assert.All(half.Rgb, v => Assert.Equal(127, v)); // 255·(1 − 128/255) = 127
    }

    [Fact]
    public void Different_sizes_are_reported_not_compared()
    {
        var a = ImageComparison.Decode(Png(8, 8, _ => { }))!.Value;
        var b = ImageComparison.Decode(Png(8, 9, _ => { }))!.Value;
        var d = ImageComparison.Compare(a, b);
        Assert.True(d.SizesDiffer);
        Assert.Contains("8x8", d.SizeNote);
    }

    [Fact]
    public void Unreadable_bytes_decode_to_null() => Assert.Null(ImageComparison.Decode([1, 2, 3, 4]));
}
