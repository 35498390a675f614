using System.Diagnostics;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Tools;

/// <summary>
/// --out f.pdf: rasterised by poppler's pdftoppm (Debian's poppler-utils; .ci/run installs it) at the figure's own
/// density, the PDF is the PNG's picture within <see cref="Tolerance"/>; its fonts are embedded as subsets (pdffonts) and
/// every text of the figure is extractable (pdftotext); the same
/// command gives the same bytes; the alt text is the document's Subject (pdfinfo). Without poppler these tests fail:
/// a PDF that nobody checked is not a passing test.
/// </summary>
[Collection(Support.CurrentDirectory.Collection)]
public class PdfTests : Support.ScratchFolder
{
    /// <summary>
    /// RMS on 0–255 after both pictures are blurred by a 5×5 box filter. Poppler snaps a one-pixel line to other
    /// pixels than Skia does, so unblurred a contour figure differs by RMS 38 from its own PNG; blurred, the same
    /// figure measured 8.3 (contour), 3.3 (norm panels), under 3 (ball, surface), while the contour figure at λ = 0.6
    /// instead of 0.5 is 17.9 and at l2 instead of l1 22.1 from it (<see cref="A_different_figure_is_over_the_tolerance"/>).
    /// </summary>
    private const double Tolerance = 11.0;

    private const int BlurRadius = 2;

    public static TheoryData<string[]> Figures => new()
    {
        new[] { "contour", "--norm", "l1", "--lambda", "0.5", "--size", "400x400", "--grid", "100" },
        new[] { "ball", "--norm", "l1,group", "--size", "300x300" },
        new[] { "surface", "--norm", "l2", "--lambda", "0.5", "--size", "400x400", "--grid", "100" },
        new[] { "norm", "--norm", "l1,l2", "--size", "300x300" },
        new[] { "contour", "--norm", "l1,l2", "--overlay", "--lambda", "0.5", "--size", "400x400", "--grid", "100" },
        new[] { "path", "--norm", "l1", "--size", "400x300" },
        new[] { "sparsity", "--trials", "30", "--size", "300x300" },
        new[] { "shrink", "--size", "400x400" },
    };

    [Theory]
    [MemberData(nameof(Figures))]
    public void Pdf_rasterises_to_the_png_with_fonts_embedded_and_the_same_bytes_twice(string[] args)
    {
        string png = Path.Combine(Dir, "f.png"), pdf = Path.Combine(Dir, "f.pdf"), again = Path.Combine(Dir, "g.pdf");
        foreach (var output in new[] { png, pdf, again })
        {
            var r = CliRunner.Run([.. args, "--out", output]);
            Assert.True(r.ExitCode == 0, r.Stderr);
        }
        Assert.Equal(File.ReadAllBytes(pdf), File.ReadAllBytes(again));
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(pdf), 0, 5));

        // 96 dpi: a pixel-sized figure's page is its pixels at 96 per inch, so this gives back the PNG's size
        Tool("pdftoppm", "-png", "-r", "96", "-singlefile", pdf, Path.Combine(Dir, "raster"));
        double rms = BlurredRms(png, Path.Combine(Dir, "raster.png"));
        Assert.True(rms <= Tolerance, $"RMS {rms:F2} > {Tolerance} (5x5 blurred)");

        var fonts = Tool("pdffonts", pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(fonts);
        // columns: name type encoding emb sub uni object ID; every font embedded, as a subset with its tag
        Assert.All(fonts, line => Assert.Matches(@"^[A-Z]{6}\+DejaVuSans\S*\s.*\s+yes\s+yes\s+", line));

        // every text the figure draws (the SVG of the same command holds each as a <text>) is extractable from the PDF
        string svg = Path.Combine(Dir, "f.svg");
        Assert.Equal(0, CliRunner.Run([.. args, "--out", svg]).ExitCode);
        var labels = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(svg), "<text[^>]*>([^<]*)</text>")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).Where(t => t.Trim().Length > 0).ToList();
        Assert.NotEmpty(labels);
        string extracted = WithoutSpace(Tool("pdftotext", pdf, "-"));
        Assert.All(labels, label => Assert.Contains(WithoutSpace(label), extracted));
    }

    /// <summary>pdftotext lays out the page's text in its own lines and spaces: compare without white space.</summary>
    private static string WithoutSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The comparison can fail: the PDF of λ = 0.5 against the PNG of λ = 0.6 is well over the tolerance.</summary>
    [Fact]
    public void A_different_figure_is_over_the_tolerance()
    {
        string png = Path.Combine(Dir, "f.png"), pdf = Path.Combine(Dir, "f.pdf");
        Assert.Equal(0, CliRunner.Run("contour", "--norm", "l1", "--lambda", "0.6", "--size", "400x400", "--grid", "100", "--out", png).ExitCode);
        Assert.Equal(0, CliRunner.Run("contour", "--norm", "l1", "--lambda", "0.5", "--size", "400x400", "--grid", "100", "--out", pdf).ExitCode);
        Tool("pdftoppm", "-png", "-r", "96", "-singlefile", pdf, Path.Combine(Dir, "raster"));
        Assert.True(BlurredRms(png, Path.Combine(Dir, "raster.png")) > Tolerance);
    }

    /// <summary>matplotlib's RMS of the two pictures after a (2r+1)² box blur of each, which forgives where a rasteriser puts a thin line's pixels.</summary>
    private static double BlurredRms(string expectedPng, string actualPng)
    {
        var e = ImageComparison.Decode(File.ReadAllBytes(expectedPng))!.Value;
        var a = ImageComparison.Decode(File.ReadAllBytes(actualPng))!.Value;
        Assert.Equal((e.Width, e.Height), (a.Width, a.Height));
        double[] x = Blur(e.Rgb, e.Width, e.Height), y = Blur(a.Rgb, a.Width, a.Height);
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += (x[i] - y[i]) * (x[i] - y[i]);
        return Math.Sqrt(sum / x.Length);
    }

    private static double[] Blur(byte[] rgb, int width, int height)
    {
        var result = new double[rgb.Length];
        for (int py = 0; py < height; py++)
            for (int px = 0; px < width; px++)
                for (int c = 0; c < 3; c++)
                {
                    double sum = 0;
                    int count = 0;
                    for (int y = Math.Max(0, py - BlurRadius); y <= Math.Min(height - 1, py + BlurRadius); y++)
                        for (int x = Math.Max(0, px - BlurRadius); x <= Math.Min(width - 1, px + BlurRadius); x++)
                        {
                            sum += rgb[3 * (y * width + x) + c];
                            count++;
                        }
                    result[3 * (py * width + px) + c] = sum / count;
                }
        return result;
    }

    [Fact]
    public void Alt_text_is_the_documents_subject()
    {
        string pdf = Path.Combine(Dir, "f.pdf"), json = Path.Combine(Dir, "f.json");
        var r = CliRunner.Run("ball", "--norm", "l1", "--out", pdf, "--json", json);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        string alt = doc.RootElement.GetProperty("alt").GetString()!;
        var subject = Tool("pdfinfo", pdf).Split('\n').Single(l => l.StartsWith("Subject:"));
        Assert.Equal(alt, subject["Subject:".Length..].Trim());
    }

    [Fact]
    public void Physical_size_sets_the_page_in_points()
    {
        string pdf = Path.Combine(Dir, "f.pdf");
        var r = CliRunner.Run("ball", "--norm", "l2", "--size", "3.3inx2.5in", "--dpi", "300", "--out", pdf);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var page = Tool("pdfinfo", pdf).Split('\n').Single(l => l.StartsWith("Page size:"));
        // 3.3 in = 237.6 pt; the panel is 990×750 pixels at 300 dpi
        Assert.Matches(@"237\.6 x 180 pts", page);
    }

    internal static string Tool(string name, params string[] args)
    {
        var start = new ProcessStartInfo(name, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail($"{name} is not installed: install Debian's poppler-utils (apt-get install poppler-utils); the PDF tests need it");
            throw;
        }
        using (process)
        {
            string output = process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{name} failed: {error}");
            return output;
        }
    }
}
