using CsCheck;
using Regviz.Plotting;
using ScottPlot;
using SkiaSharp;
using Xunit;

namespace Regviz.Tests.Figures.Layout;

/// <summary>
/// The box a label reserves holds everything ScottPlot then draws for it (background and glyphs): the layout engine and
/// the layout report both trust that box, so a label wider than its box covers what the box promised to keep clear.
/// </summary>
public sealed class LabelBoxTests
{
    // the characters captions, values and legends are made of: digits, signs, Latin, Greek, subscripts and the maths signs
    private static readonly Gen<string> Texts = Gen.String[Gen.Char["0123456789.,:;=()[]−-+·*e abcdefghijklmnopqrstuvwxyzWSTLλαμ‖₁₂₃⁻"], 1, 40];

    [Fact]
    public void Everything_a_label_draws_lies_inside_the_box_it_reserves()
    {
        FontRegistry.EnsureRegistered();
        Gen.Select(Texts, Gen.Float[5, 40], Gen.Bool, Gen.Float[0, 8]).Sample((text, size, bold, padding) =>
        {
            var placer = new LabelPlacer(new PlotFrame(800, 800, 1), new Regviz.Core.Contours.PlaneRange(-1, 1, -1, 1))
            {
                Padding = padding,
                Typeface = FontRegistry.Regular,
                BoldTypeface = FontRegistry.BoldTypeface(FontRegistry.Family),
            };
            var (w, h) = placer.Measure(text, size, bold);
            var (ink, width, height) = Drawn(text, size, bold, padding);
            const float cx = 600.3f, cy = 100.7f;
            // one pixel of anti-aliasing around the box
            Assert.True(ink.Left >= cx - w / 2 - 1 && ink.Right <= cx + w / 2 + 1 && ink.Top >= cy - h / 2 - 1 && ink.Bottom <= cy + h / 2 + 1,
                $"'{text}' at {size:0.##} px (bold {bold}, padding {padding:0.##}): drawn over x {ink.Left}..{ink.Right}, y {ink.Top}..{ink.Bottom}; box x {cx - w / 2:0.#}..{cx + w / 2:0.#}, y {cy - h / 2:0.#}..{cy + h / 2:0.#} in {width}x{height}");
        }, iter: 400, print: t => t.ToString());
    }

    /// <summary>The pixels a label centred at (600.3, 100.7) colours, drawn by ScottPlot as <see cref="PlotCanvas.Label"/> sets it up.</summary>
    private static (SKRectI Ink, int Width, int Height) Drawn(string text, float size, bool bold, float padding)
    {
        const int width = 1200, height = 200;
        using var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        var style = new LabelStyle
        {
            Text = text,
            Font = Fonts.GetTypeface(FontRegistry.Family, bold, false),
            FontSize = size,
            Bold = bold,
            ForeColor = Colors.Black,
            BackgroundColor = Colors.Orange,
            PixelPadding = new PixelPadding(padding),
            Alignment = Alignment.MiddleCenter,
        };
        using var paint = Paint.NewDisposablePaint();
        style.Render(canvas, new Pixel(600.3f, 100.7f), paint);
        int left = width, right = -1, top = height, bottom = -1;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                if (bitmap.GetPixel(x, y) != SKColors.White)
                {
                    left = Math.Min(left, x); right = Math.Max(right, x + 1);
                    top = Math.Min(top, y); bottom = Math.Max(bottom, y + 1);
                }
        return (new SKRectI(left, top, right, bottom), width, height);
    }
}
