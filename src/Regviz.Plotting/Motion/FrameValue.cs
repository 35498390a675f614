using ScottPlot;

namespace Regviz.Plotting;

/// <summary>
/// What changes from frame to frame of a sweep, "λ = 0.2888: w₂ = 0 exactly", in a box of its own beside the legend:
/// the title stays the same in every frame, so neither it nor the legend jumps, and the eye finds the moving number
/// in one place. The box is as wide as the widest frame's text and reserved before any label is placed.
/// </summary>
internal static class FrameValue
{
    /// <summary>The text's size: a label's, bold.</summary>
    public static float Size(Theme theme, float scale) => theme.Fonts.Label(14) * scale;

    /// <summary>The widest of <paramref name="texts"/> as drawn (bold, with the label's padding): the width every frame reserves.</summary>
    public static float Width(IEnumerable<string> texts, FigureStyle style)
    {
        FontRegistry.EnsureRegistered();
        using var font = TextFont.AsDrawn(FontRegistry.BoldTypeface(style.Theme.FontFamily), Size(style.Theme, style.Scale));
        float padding = 3 * style.Scale; // PlotCanvas's label padding
        return texts.Select(t => font.MeasureText(t) + 2 * padding).DefaultIfEmpty(0).Max() + 2 * style.Scale;
    }

    /// <summary>The height of the value's box beside a legend inside the data area (<see cref="Box"/> adds the gap to the legend).</summary>
    public static float Height(PlotCanvas canvas) => canvas.Labels.Measure("λ", Size(canvas.Theme, canvas.Scale), bold: true).Height;

    /// <summary>The line a legend below the figure keeps above itself for the value (<see cref="PlotCanvas.BandLead"/>).</summary>
    public static float Lead(FigureStyle style) => 1.5f * Size(style.Theme, style.Scale) + 6 * style.Scale;

    /// <summary>
    /// Draws <paramref name="text"/> beside <paramref name="legend"/> (below it in an upper corner, above it in a lower
    /// one), or, when the legend is below the figure, centred on the line the band keeps above it.
    /// </summary>
    public static void Draw(PlotCanvas canvas, PixelBox legend, Alignment corner, string text, float width)
    {
        if (canvas.LegendBelow > 0 && canvas.BandLead > 0)
        {
            InBand(canvas, text, width);
            return;
        }
        float s = canvas.Scale, size = Size(canvas.Theme, s);
        var (_, h) = canvas.Labels.Measure(text, size);
        bool left = corner is Alignment.UpperLeft or Alignment.LowerLeft;
        var frame = canvas.Frame;
        var box = Box(frame, s, legend, corner, width, h);
        var (x0, y0) = (box.X0, box.Y0);
        canvas.Labels.Reserve(box);

        // a pixel position as plane coordinates: ScottPlot places text in data units
        var r = canvas.Range;
        float px = left ? x0 : x0 + width, py = y0 + h / 2;
        double x = r.X0 + (px - frame.Left) / frame.DataWidth * r.Width, y = r.Y1 - (py - frame.Top) / frame.DataHeight * r.Height;
        // reported as the box reserved for it, the widest frame's: every frame's report holds the same box
        canvas.Log.Text(text, "frame_value", x, y, new PixelBox(x0 - px, y0 - py, x0 + width - px, y0 + h - py));
        var label = canvas.Plot.Add.Text(text, x, y);
        label.LabelFontName = canvas.Theme.FontFamily;
        label.LabelStyle.Font = canvas.FaceOf(bold: true);
        label.LabelFontSize = size;
        label.LabelBold = true;
        label.LabelFontColor = canvas.Theme.Foreground;
        label.LabelBackgroundColor = canvas.Theme.Background;
        label.LabelPadding = canvas.Labels.Padding;
        label.LabelAlignment = left ? Alignment.MiddleLeft : Alignment.MiddleRight;
    }

    /// <summary>
    /// Where the value's box of <paramref name="width"/> × <paramref name="height"/> sits beside <paramref name="legend"/>
    /// in <paramref name="corner"/>: from the same edge of the data area as the legend, 2 px (scaled) off it. The legend's
    /// placement judges the pair with this box (<see cref="PlotCanvas.PlaceLegend"/>), so the two never disagree.
    /// </summary>
    public static PixelBox Box(PlotFrame frame, float scale, PixelBox legend, Alignment corner, float width, float height)
    {
        bool top = corner is Alignment.UpperLeft or Alignment.UpperRight;
        bool left = corner is Alignment.UpperLeft or Alignment.LowerLeft;
        float edge = 8 * scale; // the legend's own margin from the data area's edge
        float x0 = left ? frame.Left + edge : frame.Width - frame.Right - edge - width;
        float y0 = top ? legend.Y1 + 2 * scale : legend.Y0 - 2 * scale - height;
        return new PixelBox(x0, y0, x0 + width, y0 + height);
    }

    /// <summary>The value on the band's line, outside the data area where ScottPlot clips text: drawn as a last render step.</summary>
    private static void InBand(PlotCanvas canvas, string text, float width)
    {
        float size = Size(canvas.Theme, canvas.Scale);
        var (_, h) = canvas.Labels.Measure(text, size, bold: true);
        var line = canvas.BandLine;
        float centre = canvas.Style.Width / 2f, top = (line.Y0 + line.Y1 - h) / 2;
        canvas.Log.Fixed(text, "frame_value", new PixelBox(centre - width / 2, top, centre + width / 2, top + h));
        canvas.Plot.RenderManager.RenderActions.Add(new BandText(text, centre, top + h / 2, FontRegistry.BoldTypeface(canvas.Theme.FontFamily), size, canvas.Theme.Foreground));
    }

    private sealed class BandText(string text, float centreX, float middleY, SkiaSharp.SKTypeface face, float size, Color color) : IRenderAction
    {
        public void Render(RenderPack rp)
        {
            using var font = TextFont.AsDrawn(face, size);
            using var paint = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(color.R, color.G, color.B, color.A), IsAntialias = true };
            font.MeasureText(text, out var ink);
            // the figure's own pixels: a panel of a grid is drawn at an offset
            rp.Canvas.DrawText(text, rp.FigureRect.Left + centreX, rp.FigureRect.Top + middleY - ink.MidY, SkiaSharp.SKTextAlign.Center, font, paint);
        }
    }
}
