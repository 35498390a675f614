using SkiaSharp;

namespace Regviz.Plotting;

/// <summary>
/// A figure as a one-page vector PDF through Skia's PDF backend: lines, fills and text stay vectors, the text's
/// fonts are embedded as subsets of the glyphs the page shows (<see cref="PdfFontSubsets"/>), and the page is the figure's physical size
/// (its pixels at the given dpi, 72 points an inch). The metadata carries the title and the alt text
/// (as the document's Subject) and no dates: Skia writes a creation date only when given one, and no document id
/// outside PDF/A, so the same figure gives the same bytes.
/// </summary>
internal static class PdfDocument
{
    public static byte[] Write(Action<SKCanvas> draw, int width, int height, double dpi, FigureDescription? description, string? title) =>
        Write(draw, width, height, dpi, description, title, out _);

    /// <summary><see cref="Write(Action{SKCanvas}, int, int, double, FigureDescription?, string?)"/>, saying which font programs Skia embedded (<see cref="PdfFontSubsets.Apply(byte[], out PdfFontSubsets.Embedded?)"/>).</summary>
    public static byte[] Write(Action<SKCanvas> draw, int width, int height, double dpi, FigureDescription? description, string? title, out PdfFontSubsets.Embedded? embedded)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title ?? "",
            Subject = description?.Alt ?? "",
            Creator = "regviz",
            Producer = "regviz",
            RasterDpi = (float)dpi,
            EncodingQuality = 101, // lossless for any raster part (ScottPlot's heatmaps are images)
            PdfA = false,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata)
            ?? throw new InvalidOperationException("this Skia build has no PDF backend"))
        {
            float points = (float)(72 / dpi);
            var canvas = document.BeginPage(width * points, height * points);
            canvas.Scale(points);
            draw(canvas);
            document.EndPage();
            document.Close();
        }
        return PdfFontSubsets.Apply(stream.ToArray(), out embedded);
    }
}
