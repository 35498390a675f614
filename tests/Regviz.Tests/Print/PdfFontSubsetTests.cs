using CsCheck;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using SkiaSharp;
using Xunit;

namespace Regviz.Tests.Print;

/// <summary>
/// A PDF embeds each font as a true subset: of the shipped DejaVu Sans (about 5,900 outlines) it carries the outlines
/// of the glyphs the page shows and few others, under a subset tag (six capitals and +). Read with the test's own
/// parser (<see cref="EmbeddedFonts"/>); which glyphs are shown is taken from Skia's ToUnicode map or, for drawn text,
/// from the font's own character map. tests/Regviz.ToolTests rasterise the same kinds with poppler and extract their text.
/// </summary>
[Collection(Support.CurrentDirectory.Collection)]
public class PdfFontSubsetTests : Support.ScratchFolder
{
    public static TheoryData<string[]> Kinds => new()
    {
        new[] { "contour", "--norm", "l1", "--lambda", "0.5", "--size", "400x400", "--grid", "80" },
        new[] { "contour", "--norm", "l1,l2", "--lambda", "0.5", "--size", "300x300", "--grid", "60" },
        new[] { "contour", "--norm", "l1,l2", "--overlay", "--lambda", "0.5", "--size", "400x400", "--grid", "80" },
        new[] { "norm", "--norm", "l1,l2,linf", "--size", "300x300" },
        new[] { "path", "--norm", "elasticnet", "--size", "400x300" },
        new[] { "sparsity", "--trials", "30", "--size", "300x300" },
        new[] { "shrink", "--size", "400x400" },
        new[] { "ball", "--norm", "l1,group", "--size", "300x300" },
        new[] { "surface", "--norm", "l1", "--lambda", "0.5", "--size", "300x300", "--grid", "40" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_figure_kind_embeds_subsets_of_the_glyphs_it_shows_and_the_same_bytes_twice(string[] args)
    {
        string pdf = Path.Combine(Dir, "f.pdf"), again = Path.Combine(Dir, "g.pdf");
        foreach (var output in new[] { pdf, again })
        {
            var r = CliRunner.Run([.. args, "--out", output]);
            Assert.True(r.ExitCode == 0, r.Stderr);
        }
        byte[] bytes = File.ReadAllBytes(pdf);
        Assert.Equal(bytes, File.ReadAllBytes(again));
        Assert.True(EmbeddedFonts.XrefIsTrue(bytes), "an object is not where the cross-reference table says");

        var fonts = EmbeddedFonts.Of(bytes);
        Assert.NotEmpty(fonts);
        foreach (var font in fonts)
        {
            Assert.Matches(@"^[A-Z]{6}\+DejaVuSans(-Bold)?$", font.Name);
            var whole = EmbeddedFonts.Outlines(File.ReadAllBytes(font.Name.EndsWith("-Bold") ? FontRegistry.Files.Last() : FontRegistry.Files.First()));
            var kept = EmbeddedFonts.Outlines(font.Program);
            Assert.NotEmpty(font.Listed);
            var lost = font.Listed.Where(g => whole.Contains(g) && !kept.Contains(g)).ToList();
            Assert.True(lost.Count == 0, $"{font.Name} lost the outlines of shown glyphs {string.Join(", ", lost)}");
            // composite glyphs bring their parts: a handful more than the glyphs shown, never a font's worth
            Assert.True(kept.Count <= font.Listed.Count + 20 && kept.Count * 40 < whole.Count,
                $"{font.Name} keeps {kept.Count} outlines of {whole.Count} for {font.Listed.Count} glyphs shown");
        }
    }

    /// <summary>Measured: contour 0.96, path 0.71, norm 1.77 times the PNG's bytes at the default size (were 4.9, 19.5 and 9.2 with whole fonts).</summary>
    [Theory]
    [InlineData("contour", "--norm", "l1", "--lambda", "0.5")]
    [InlineData("path", "--norm", "l1")]
    [InlineData("norm", "--norm", "l1,l2")]
    public void Pdf_is_at_most_twice_the_png(params string[] args)
    {
        string png = Path.Combine(Dir, "f.png"), pdf = Path.Combine(Dir, "f.pdf");
        foreach (var output in new[] { png, pdf })
            Assert.Equal(0, CliRunner.Run([.. args, "--out", output]).ExitCode);
        long pngBytes = new FileInfo(png).Length, pdfBytes = new FileInfo(pdf).Length;
        Assert.True(pdfBytes <= 2 * pngBytes, $"PDF {pdfBytes} bytes, PNG {pngBytes}");
    }

    private static readonly string Characters =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;()[]<>{}%\\/*-+=≤≥−·×λαβγδθσωΣ‖|₀₁₂³²ⁿ→∞éüñçÅ≈√∂∫∑ЖЯ";

    /// <summary>
    /// Any text, in the regular or the bold face, drawn on the page or inside a translucent layer (which Skia writes
    /// as a form XObject with its own content stream): every glyph it draws keeps its outline, the font keeps few
    /// others, the file's objects are where its table says, and it is at least 4 times smaller than Skia's own PDF.
    /// Delimiters of PDF syntax are among the characters on purpose.
    /// </summary>
    [Fact]
    public void Any_text_keeps_every_glyph_it_draws()
    {
        FontRegistry.EnsureRegistered();
        var texts = Gen.String[Gen.Char[Characters], 1, 40].Array[1, 4];
        Gen.Select(texts, Gen.Bool, Gen.Bool).Sample((lines, bold, layer) =>
        {
            var typeface = bold ? FontRegistry.BoldTypeface(FontRegistry.Family) : FontRegistry.Regular;
            void Draw(SKCanvas canvas)
            {
                using var font = new SKFont(typeface, 14);
                using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
                if (layer) canvas.SaveLayer(new SKPaint { Color = SKColors.Black.WithAlpha(128) });
                for (int i = 0; i < lines.Length; i++) canvas.DrawText(lines[i], 10, 20 + 20 * i, font, paint);
                if (layer) canvas.Restore();
            }
            byte[] subset = PdfDocument.Write(Draw, 400, 120, 96, null, null);
            byte[] skias = SkiaPdf(Draw);
            Assert.True(EmbeddedFonts.XrefIsTrue(subset));
            Assert.True(subset.Length * 4 < skias.Length, $"{subset.Length} bytes against Skia's {skias.Length}");

            var embedded = Assert.Single(EmbeddedFonts.Of(subset));
            var kept = EmbeddedFonts.Outlines(embedded.Program);
            var whole = EmbeddedFonts.Outlines(File.ReadAllBytes(bold ? FontRegistry.Files.Last() : FontRegistry.Files.First()));
            using var measure = new SKFont(typeface, 14);
            var drawn = lines.SelectMany(l => measure.GetGlyphs(l)).Select(g => (int)g).Where(whole.Contains).ToHashSet();
            Assert.Subset(kept, drawn);
            Assert.True(kept.Count <= drawn.Count + 20, $"{kept.Count} outlines kept for {drawn.Count} drawn");
        }, iter: 40);
    }

    /// <summary>The PDF as Skia writes it, whole fonts and all: what regviz wrote before.</summary>
    private static byte[] SkiaPdf(Action<SKCanvas> draw)
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Creator = "test" }))
        {
            draw(document.BeginPage(400, 120));
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>A file cut short or with a byte changed anywhere comes back as it was or as a PDF whose table is true; it never throws.</summary>
    [Fact]
    public void A_damaged_file_is_left_alone_or_rewritten_whole()
    {
        FontRegistry.EnsureRegistered();
        byte[] pdf = SkiaPdf(c =>
        {
            using var font = new SKFont(FontRegistry.Regular, 14);
            c.DrawText("λ = 0.5 (w₁, w₂)", 10, 20, font, new SKPaint());
        });
        Gen.Select(Gen.Int[0, pdf.Length - 1], Gen.Byte, Gen.Bool).Sample((at, value, cut) =>
        {
            byte[] damaged = cut ? pdf[..at] : [.. pdf[..at], value, .. pdf[(at + 1)..]];
            byte[] result = PdfFontSubsets.Apply(damaged);
            Assert.True(ReferenceEquals(result, damaged) || EmbeddedFonts.XrefIsTrue(result));
        }, iter: 300);
    }
}
