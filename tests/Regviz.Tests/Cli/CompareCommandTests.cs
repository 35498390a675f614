using System.Text.Json;
using SkiaSharp;
using Xunit;

namespace Regviz.Tests.Cli;

public class CompareCommandTests : Support.ScratchFolder
{
    private string Png(string name, int w, int h, Action<SKBitmap>? paint = null)
    {
        using var bmp = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bmp.Erase(new SKColor(200, 200, 200, 255));
        paint?.Invoke(bmp);
        using var img = SKImage.FromBitmap(bmp);
        string path = Path.Combine(Dir, name);
        File.WriteAllBytes(path, img.Encode(SKEncodedImageFormat.Png, 100).ToArray());
        return path;
    }

    [Fact]
    public void Same_images_exit_0()
    {
        var a = Png("a.png", 20, 10);
        Assert.Equal(0, CliRunner.Run("compare", a, a).ExitCode);
    }

    [Fact]
    public void Difference_exits_1_with_hand_computed_rms_and_a_diff_image()
    {
        var a = Png("a.png", 20, 10);
        var b = Png("b.png", 20, 10, bmp => bmp.SetPixel(5, 5, new SKColor(200, 200, 200 - 150)));
        string diff = Path.Combine(Dir, "d.png");
        var r = CliRunner.Run("compare", a, b, "--json", "-", "--diff", diff);
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(150 / Math.Sqrt(3 * 20 * 10), doc.RootElement.GetProperty("rms").GetDouble(), 12);
        Assert.Equal(1, doc.RootElement.GetProperty("different_pixels").GetInt32());
        Assert.Equal(20, doc.RootElement.GetProperty("width").GetInt32());
        Assert.Equal(10, doc.RootElement.GetProperty("height").GetInt32());
        var d = Regviz.Plotting.ImageComparison.Decode(File.ReadAllBytes(diff))!.Value;
        Assert.Equal((255, 0, 200), (d.Rgb[(5 * 20 + 5) * 3], d.Rgb[(5 * 20 + 5) * 3 + 1], d.Rgb[(5 * 20 + 5) * 3 + 2]));
    }

    [Theory]
    [InlineData(1, "1 of 200 pixels differs")]
    [InlineData(2, "2 of 200 pixels differ")]
    public void Different_pixels_are_counted_in_the_right_number(int count, string said)
    {
        var a = Png("a.png", 20, 10);
        var b = Png("b.png", 20, 10, bmp =>
        {
            for (int x = 0; x < count; x++) bmp.SetPixel(x, 0, new SKColor(0, 0, 0));
        });
        var r = CliRunner.Run("compare", a, b);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(said, r.Stdout);
    }

    [Fact]
    public void Tolerance_lets_a_small_difference_pass()
    {
        var a = Png("a.png", 20, 10);
        var b = Png("b.png", 20, 10, bmp => bmp.SetPixel(0, 0, new SKColor(100, 200, 200)));
        double rms = 100 / Math.Sqrt(600);
        Assert.Equal(0, CliRunner.Run("compare", a, b, "--tolerance", (rms + 1e-9).ToString("R")).ExitCode);
        Assert.Equal(1, CliRunner.Run("compare", a, b, "--tolerance", (rms - 1e-9).ToString("R")).ExitCode);
    }

    [Fact]
    public void Different_sizes_exit_1_and_say_so()
    {
        var r = CliRunner.Run("compare", Png("a.png", 20, 10), Png("b.png", 10, 20));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("sizes differ: expected 20x10, actual 10x20", r.Stdout);
    }

    [Fact]
    public void Missing_or_unreadable_file_exits_2()
    {
        var a = Png("a.png", 4, 4);
        var missing = CliRunner.Run("compare", a, Path.Combine(Dir, "none.png"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("ACTUAL: file", missing.Stderr);
        string junk = Path.Combine(Dir, "junk.png");
        File.WriteAllText(junk, "not a png");
        var unreadable = CliRunner.Run("compare", junk, a);
        Assert.Equal(2, unreadable.ExitCode);
        Assert.Contains("EXPECTED: '" + junk + "' is not a readable image", unreadable.Stderr);
    }
}
