using System.Buffers.Binary;
using CsCheck;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Print;

/// <summary>--size in in, cm, mm or pt at --dpi: the pixels are the length times the density, and the PNG records the density (pHYs).</summary>
[Collection(Support.CurrentDirectory.Collection)]
public class PhysicalSizeTests : Support.ScratchFolder
{
    private static readonly (string Unit, double PerInch)[] Units = [("in", 1), ("cm", 2.54), ("mm", 25.4), ("pt", 72)];

    [Fact]
    public void Pixels_are_length_times_dpi_and_png_records_the_dpi()
    {
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Double[1.5, 4], Gen.Double[1.5, 4], Gen.Int[72, 300]).Sample((u, v, a, b, dpi) =>
        {
            // lengths in inches, written in each unit with 3 decimals
            string W = FormattableString.Invariant($"{a * Units[u].PerInch:F3}"), H = FormattableString.Invariant($"{b * Units[v].PerInch:F3}");
            // a name per run: CsCheck samples on several threads at once
            string size = $"{W}{Units[u].Unit}x{H}{Units[v].Unit}", png = Path.Combine(Dir, Guid.NewGuid().ToString("N") + ".png");
            var r = CliRunner.Run("norm", "--norm", "l1", "--size", size, "--dpi", dpi.ToString(), "--out", png);
            Assert.True(r.ExitCode == 0, r.Stderr);
            var bytes = File.ReadAllBytes(png);
            var image = ImageComparison.Decode(bytes)!.Value;
            Assert.Equal((int)Math.Round(double.Parse(W, System.Globalization.CultureInfo.InvariantCulture) / Units[u].PerInch * dpi), image.Width);
            Assert.Equal((int)Math.Round(double.Parse(H, System.Globalization.CultureInfo.InvariantCulture) / Units[v].PerInch * dpi), image.Height);
            var phys = Chunk(bytes, "pHYs");
            Assert.NotNull(phys);
            Assert.Equal((uint)Math.Round(dpi / 0.0254), BinaryPrimitives.ReadUInt32BigEndian(phys));
            Assert.Equal((uint)Math.Round(dpi / 0.0254), BinaryPrimitives.ReadUInt32BigEndian(phys.AsSpan(4)));
            Assert.Equal(1, phys[8]);
        }, iter: 8);
    }

    [Theory]
    [InlineData("2in", 150, 300)]
    [InlineData("5cm", 254, 500)]
    public void One_physical_length_is_a_square(string size, int dpi, int pixels)
    {
        // --size N is NxN for pixels; a single length is the same shorthand for a physical size
        string png = Path.Combine(Dir, "square.png");
        var r = CliRunner.Run("norm", "--norm", "l1", "--size", size, "--dpi", dpi.ToString(), "--out", png);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var image = ImageComparison.Decode(File.ReadAllBytes(png))!.Value;
        Assert.Equal((pixels, pixels), (image.Width, image.Height));
    }

    [Fact]
    public void A_pixel_size_alone_writes_no_phys()
    {
        string png = Path.Combine(Dir, "f.png");
        Assert.Equal(0, CliRunner.Run("norm", "--size", "300x300", "--out", png).ExitCode);
        Assert.Null(Chunk(File.ReadAllBytes(png), "pHYs"));
    }

    [Theory]
    [InlineData("--size", "0.1inx3in", "outside 100x100")]
    [InlineData("--dpi", "5", "--dpi: 5 is outside")]
    [InlineData("--font-size", "200", "--font-size: 200 is outside")]
    public void Bad_print_options_are_refused(string option, string value, string message)
    {
        var r = CliRunner.Run("norm", option, value, "--out", Path.Combine(Dir, "x.png"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
    }

    [Fact]
    public void Font_size_in_points_sets_the_label_height()
    {
        // at 144 dpi a 20 pt label is 40 pixels: the w₁ axis label's ink, drawn with the style's font, grows with it
        string small = Path.Combine(Dir, "s.png"), large = Path.Combine(Dir, "l.png");
        Assert.Equal(0, CliRunner.Run("ball", "--norm", "l1", "--size", "4inx4in", "--dpi", "144", "--font-size", "8", "--out", small).ExitCode);
        Assert.Equal(0, CliRunner.Run("ball", "--norm", "l1", "--size", "4inx4in", "--dpi", "144", "--font-size", "16", "--out", large).ExitCode);
        int Ink(string file)
        {
            var image = ImageComparison.Decode(File.ReadAllBytes(file))!.Value;
            // the panel's title row, above the ball: dark pixels there are text
            int rows = 0;
            for (int y = 0; y < image.Height / 6; y++)
                for (int x = 0; x < image.Width; x++)
                {
                    int i = 3 * (y * image.Width + x);
                    if (image.Rgb[i] < 128 && image.Rgb[i + 1] < 128 && image.Rgb[i + 2] < 128) { rows++; break; }
                }
            return rows;
        }
        int s = Ink(small), l = Ink(large);
        Assert.InRange(l / (double)s, 1.6, 2.4);
    }

    private static byte[]? Chunk(byte[] png, string type)
    {
        for (int at = 8; at + 8 <= png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            if (System.Text.Encoding.ASCII.GetString(png, at + 4, 4) == type) return png.AsSpan(at + 8, length).ToArray();
            at += 12 + length;
        }
        return null;
    }
}
