using SkiaSharp;

namespace Regviz.Plotting;

/// <summary>
/// A title laid out to fit the figure: wrapped at spaces (anywhere inside a word longer than a line, as CJK text has
/// no spaces), and drawn run by run, each run in the first font that has its characters: the style's font, then a
/// fallback of this machine (<see cref="FontFallback"/>). A title that fits on one line in the style's font is left
/// to ScottPlot, which has always drawn it, so those figures keep their bytes.
/// </summary>
internal sealed class TitleText
{
    /// <summary>One stretch of a line in one face.</summary>
    public sealed record Run(string Text, SKTypeface Face, bool Fallback, float Width);

    private TitleText(IReadOnlyList<IReadOnlyList<Run>> lines, float size, float lineHeight)
    {
        Lines = lines;
        Size = size;
        LineHeight = lineHeight;
    }

    public IReadOnlyList<IReadOnlyList<Run>> Lines { get; }
    public float Size { get; }
    public float LineHeight { get; }

    /// <summary>Whether ScottPlot's own one-line title in the style's font draws this title as well as this layout would.</summary>
    public bool Simple => Lines.Count <= 1 && Lines.All(l => l.All(r => !r.Fallback));

    /// <summary>
    /// <paramref name="text"/> at <paramref name="size"/> pixels in <paramref name="family"/> (regular: ScottPlot's
    /// titles here are drawn in the face the plot's font was set to, whatever their bold flag), broken into lines no
    /// wider than <paramref name="width"/> pixels; explicit newlines are kept.
    /// </summary>
    public static TitleText Layout(string text, string family, float size, float width, bool bold = false)
    {
        var primary = bold ? FontRegistry.BoldTypeface(family) : FontRegistry.Typeface(family);
        var lines = new List<IReadOnlyList<Run>>();
        foreach (string paragraph in text.Replace("\r\n", "\n").Split('\n'))
            lines.AddRange(Wrap(Words(paragraph, primary, size), width, size));
        return new TitleText(lines, size, size * 1.25f);
    }

    /// <summary>Draws the lines centred on <paramref name="centreX"/>, the first line's top at <paramref name="top"/>.</summary>
    public void Draw(SKCanvas canvas, float centreX, float top, SKColor color, bool bold = false)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        for (int i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            float x = centreX - line.Sum(r => r.Width) / 2;
            float baseline = top + i * LineHeight + Size;
            foreach (var run in line)
            {
                // a fallback font rarely has a bold face: Skia thickens the regular one
                using var font = TextFont.AsDrawn(run.Face, Size);
                font.Embolden = bold && run.Fallback;
                canvas.DrawText(run.Text, x, baseline, SKTextAlign.Left, font, paint);
                x += run.Width;
            }
        }
    }

    /// <summary>The paragraph as words (a space-separated word, or a single character of a script without spaces), each as runs of one face.</summary>
    private static List<List<Run>> Words(string paragraph, SKTypeface primary, float size)
    {
        var words = new List<List<Run>>();
        List<Run>? current = null;
        foreach (string element in FontFallback.Elements(paragraph))
        {
            bool space = element == " ";
            var (face, fallback) = FontFallback.Covers(primary, element) ? (primary, false)
                : FontFallback.FaceFor(element) is { } f ? (f.Face, true) : (primary, false);
            // a wide character (CJK) is a word of its own: lines may break between any two of them
            bool alone = element.Length > 0 && IsWide(char.ConvertToUtf32(element, 0));
            if (space || alone || current is null)
            {
                current = [];
                words.Add(current);
            }
            if (current.Count > 0 && current[^1].Face == face) current[^1] = current[^1] with { Text = current[^1].Text + element };
            else current.Add(new Run(element, face, fallback, 0));
            if (alone) current = null;
        }
        foreach (var word in words)
            for (int i = 0; i < word.Count; i++)
            {
                using var font = TextFont.AsDrawn(word[i].Face, size);
                word[i] = word[i] with { Width = font.MeasureText(word[i].Text) };
            }
        return words;
    }

    /// <summary>Greedy wrapping: words go on a line while it fits; a word wider than a line is cut between its characters.</summary>
    private static IEnumerable<IReadOnlyList<Run>> Wrap(List<List<Run>> words, float width, float size)
    {
        var line = new List<Run>();
        float used = 0;
        foreach (var word in words)
        {
            float w = word.Sum(r => r.Width);
            if (line.Count > 0 && used + w > width)
            {
                yield return Trim(line, size);
                line = [];
                used = 0;
                word[0] = word[0] with { Text = word[0].Text.TrimStart(), Width = Measure(word[0].Text.TrimStart(), word[0].Face, size) };
                w = word.Sum(r => r.Width);
            }
            if (w > width)
            {
                // longer than a line on its own: cut it element by element
                foreach (var run in word)
                    foreach (string element in FontFallback.Elements(run.Text))
                    {
                        float ew = Measure(element, run.Face, size);
                        if (line.Count > 0 && used + ew > width) { yield return Trim(line, size); line = []; used = 0; }
                        Append(line, run with { Text = element, Width = ew });
                        used += ew;
                    }
                continue;
            }
            foreach (var run in word) Append(line, run);
            used += w;
        }
        if (line.Count > 0) yield return Trim(line, size);
    }

    private static void Append(List<Run> line, Run run)
    {
        if (line.Count > 0 && line[^1].Face == run.Face) line[^1] = line[^1] with { Text = line[^1].Text + run.Text, Width = line[^1].Width + run.Width };
        else line.Add(run);
    }

    /// <summary>The line without the space it ended on, so it centres on its visible text.</summary>
    private static List<Run> Trim(List<Run> line, float size)
    {
        var last = line[^1];
        string text = last.Text.TrimEnd();
        if (text.Length == last.Text.Length) return line;
        if (text.Length == 0) line.RemoveAt(line.Count - 1);
        else line[^1] = last with { Text = text, Width = Measure(text, last.Face, size) };
        return line;
    }

    /// <summary>
    /// Draws a title as the last step of a ScottPlot render (after its panels), for PNG and SVG alike; with a
    /// <paramref name="Pivot"/>, turned a quarter counter-clockwise about it (a y-axis label, read upwards), the
    /// position then relative to the pivot.
    /// </summary>
    public sealed class Step(TitleText title, float centreX, float top, ScottPlot.Color color, (float X, float Y)? Pivot = null) : ScottPlot.IRenderAction
    {
        public void Render(ScottPlot.RenderPack rp)
        {
            var canvas = rp.Canvas;
            canvas.Save();
            // the coordinates are the figure's own: a panel of a grid is drawn at an offset (see PanelGrid)
            canvas.Translate(rp.FigureRect.Left, rp.FigureRect.Top);
            if (Pivot is { } p)
            {
                canvas.Translate(p.X, p.Y);
                canvas.RotateDegrees(-90);
            }
            title.Draw(canvas, centreX, top, new SKColor(color.R, color.G, color.B, color.A));
            canvas.Restore();
        }
    }

    private static float Measure(string text, SKTypeface face, float size)
    {
        using var font = TextFont.AsDrawn(face, size);
        return font.MeasureText(text);
    }

    /// <summary>CJK ideographs, kana, hangul and fullwidth forms: scripts written without spaces between words.</summary>
    private static bool IsWide(int cp) =>
        cp is (>= 0x1100 and <= 0x11FF) or (>= 0x2E80 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFF00 and <= 0xFFEF) or (>= 0x20000 and <= 0x3FFFF);
}
