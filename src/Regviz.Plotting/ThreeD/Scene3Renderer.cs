using Regviz.Core.ThreeD;
using SkiaSharp;

namespace Regviz.Plotting.ThreeD;

/// <summary>
/// Draws a <see cref="Scene3"/> through a <see cref="Camera"/> with hidden surfaces removed by the painter's
/// algorithm: facets of a closed solid that face away from the eye are dropped (back-face culling), every line is
/// cut into pieces no longer than a facet, and facets and pieces are drawn far to near by the depth of their
/// centres, each over what is behind it. An edge lying on a ball's surface is moved toward the eye by about one facet, so
/// an edge is drawn over the facets it borders but stays hidden behind the near side of the solid. Facets are lit
/// by one light from the upper left front (Lambert: 25% ambient, 75% diffuse), so the shape reads in greyscale.
/// Text and marked points are drawn last: axis labels pushed clear of the solid, and a marked point that a facet
/// nearer the eye covers drawn as a faded hollow ring (it is there, behind), so a mark never seems to float in front.
/// </summary>
internal static class Scene3Renderer
{
    /// <summary>Longest piece of a line, in model units (a ball's radius is about 1).</summary>
    private const double Piece = 0.04;

    /// <summary>How far an edge (a line on a ball's surface) is brought toward the eye, in model units: about the size of a facet.</summary>
    private const double LineBias = 0.06;

    /// <summary>Most pieces one line is cut into: a line across the whole box is about 100.</summary>
    private const int MaxPieces = 1000;

    public static void Draw(SKCanvas canvas, Scene3 scene, Camera camera, Theme theme, float scale, IReadOnlyDictionary<string, string>? markLabels = null, bool vector = false, SKTypeface? typeface = null)
    {
        var toward = camera.Toward;
        var light = (-0.45 * camera.Right + 0.65 * camera.Up + 0.6 * toward).Unit();
        var items = new List<(double Depth, int Index, bool IsLine)>(scene.Triangles.Count + scene.Segments.Count * 4);
        var pieces = new List<(Vec3 A, Vec3 B, LineRole Role)>();
        for (int i = 0; i < scene.Triangles.Count; i++)
        {
            var t = scene.Triangles[i];
            Vec3 a = camera.Model(t.A), b = camera.Model(t.B), c = camera.Model(t.C);
            if (t.Closed && (b - a).Cross(c - a).Dot(toward) <= 0) continue;
            items.Add(((a + b + c).Dot(toward) / 3, i, false));
        }
        foreach (var s in scene.Segments)
        {
            Vec3 a = camera.Model(s.A), b = camera.Model(s.B);
            // a line far outside the box (a scene whose height box collapsed) costs no more than a line across it
            int count = (int)Math.Clamp(Math.Ceiling((b - a).Length / Piece), 1, MaxPieces);
            for (int k = 0; k < count; k++)
            {
                Vec3 p = s.A + (double)k / count * (s.B - s.A), q = s.A + (double)(k + 1) / count * (s.B - s.A);
                pieces.Add((p, q, s.Role));
                items.Add(((camera.Model(p) + camera.Model(q)).Dot(toward) / 2 + (s.Role == LineRole.Edge ? LineBias : 0), pieces.Count - 1, true));
            }
        }
        items.Sort((x, y) => x.Depth != y.Depth ? x.Depth.CompareTo(y.Depth) : x.IsLine.CompareTo(y.IsLine));

        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.StrokeAndFill, StrokeWidth = Math.Max(1f, 0.6f * scale), StrokeJoin = SKStrokeJoin.Round };
        using var line = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round };
        using var path = new SKPath();
        // on a vector canvas (PDF, SVG) a run of items drawn alike, one after another in the painter's order, is one
        // path: the same picture (nothing else comes between them) in a fraction of the drawing operations, which a
        // PDF writes one by one with their own state (a ball's flat face is a thousand facets of one colour)
        bool pendingLine = false;
        void Flush()
        {
            if (path.IsEmpty) return;
            canvas.DrawPath(path, pendingLine ? line : fill);
            path.Rewind();
        }
        foreach (var (_, index, isLine) in items)
        {
            if (isLine)
            {
                var (a, b, role) = pieces[index];
                var (colour, width) = LineStyle(role, theme, scale);
                var (ax, ay) = camera.Pixel(a);
                var (bx, by) = camera.Pixel(b);
                if (!vector)
                {
                    (line.Color, line.StrokeWidth) = (colour, width);
                    canvas.DrawLine((float)ax, (float)ay, (float)bx, (float)by, line);
                    continue;
                }
                if (!pendingLine || line.Color != colour || line.StrokeWidth != width)
                {
                    Flush();
                    (pendingLine, line.Color, line.StrokeWidth) = (true, colour, width);
                }
                path.MoveTo((float)ax, (float)ay);
                path.LineTo((float)bx, (float)by);
                continue;
            }
            var t = scene.Triangles[index];
            Vec3 ma = camera.Model(t.A), mb = camera.Model(t.B), mc = camera.Model(t.C);
            var normal = (mb - ma).Cross(mc - ma);
            double length = normal.Length;
            double lit = length == 0 ? 1 : Math.Abs(normal.Dot(light)) / length; // two-sided: an open surface seen from below is lit too
            var face = Colour(t.Role, theme);
            double ambient = Ambient(face);
            var shade = Shade(face, ambient + (1 - ambient) * lit);
            if (!vector || pendingLine || fill.Color != shade)
            {
                Flush();
                pendingLine = false;
                // each opaque facet is also stroked in its own colour, a pixel wide: two anti-aliased fills meeting on an edge
                // each cover half its pixels and leave a light seam that the stroke closes.
                // a translucent wall (the constraint prism) is filled alone: a stroke over its fill would double its alpha at the seams
                // and without anti-aliasing, whose half-covered seam pixels would stripe the wall
                fill.Style = shade.Alpha == 255 ? SKPaintStyle.StrokeAndFill : SKPaintStyle.Fill;
                fill.IsAntialias = shade.Alpha == 255;
                fill.Color = shade;
            }
            var (x0, y0) = camera.Pixel(t.A);
            var (x1, y1) = camera.Pixel(t.B);
            var (x2, y2) = camera.Pixel(t.C);
            path.MoveTo((float)x0, (float)y0);
            path.LineTo((float)x1, (float)y1);
            path.LineTo((float)x2, (float)y2);
            path.Close();
            if (!vector) Flush();
        }
        Flush();

        typeface ??= FontRegistry.Typeface(theme.FontFamily);
        using var font = new SKFont(typeface, theme.Fonts.AxisLabels * scale);
        using var text = new SKPaint { IsAntialias = true, Color = Skia(theme.Foreground) };
        foreach (var (label, box) in SceneOverlay.Labels(scene, camera, font))
        {
            font.MeasureText(label, out var ink);
            canvas.DrawText(label, box.Left - ink.Left, box.Top - ink.Top, SKTextAlign.Left, font, text);
        }
        var hidden = SceneOverlay.Hidden(scene, camera);
        using var dot = new SKPaint { IsAntialias = true, Color = Skia(theme.Optimum) };
        using var ring = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f * scale, Color = Skia(theme.Background) };
        using var behind = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f * scale, Color = Skia(theme.Optimum).WithAlpha(150) };
        using var small = new SKFont(typeface, theme.Fonts.Labels * scale);
        // a caption may fall on a dark surface: a halo in the background colour keeps it readable
        using var halo = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3f * scale, StrokeJoin = SKStrokeJoin.Round, Color = Skia(theme.Background) };
        for (int k = 0; k < scene.Marks.Count; k++)
        {
            var mark = scene.Marks[k];
            var (x, y) = camera.Pixel(mark.At);
            float r = 4.5f * scale;
            if (hidden[k]) canvas.DrawCircle((float)x, (float)y, r, behind);
            else
            {
                canvas.DrawCircle((float)x, (float)y, r, dot);
                canvas.DrawCircle((float)x, (float)y, r, ring);
            }
            if (markLabels is not null && markLabels.TryGetValue(mark.Name, out var caption))
            {
                canvas.DrawText(caption, (float)x + 2 * r, (float)y - r, SKTextAlign.Left, small, halo);
                canvas.DrawText(caption, (float)x + 2 * r, (float)y - r, SKTextAlign.Left, small, text);
            }
        }
    }

    /// <summary>The axis labels' font.</summary>
    internal static SKFont LabelFont(Theme theme, float scale) => new(FontRegistry.Typeface(theme.FontFamily), theme.Fonts.AxisLabels * scale);

    private static (SKColor, float) LineStyle(LineRole role, Theme theme, float scale) => role switch
    {
        LineRole.Edge => (Skia(theme.Foreground), 1.6f * scale),
        LineRole.Axis => (Skia(theme.Muted), 1.1f * scale),
        LineRole.FloorContour => (Skia(theme.Loss).WithAlpha(200), 1.1f * scale),
        LineRole.Boundary => (Skia(theme.Norm), 2f * scale),
        LineRole.Drop => (Skia(theme.Optimum), 1f * scale),
        _ => (Skia(theme.AxisLine), 1f * scale),
    };

    /// <summary>The base colour of a surface: the ball and the penalty in the penalty's colour, D and J in the loss's.</summary>
    internal static SKColor Colour(SurfaceRole role, Theme theme) => role switch
    {
        SurfaceRole.Ball or SurfaceRole.Penalty => Shadeable(Skia(theme.Norm)),
        SurfaceRole.Prism => Skia(theme.Norm).WithAlpha(64),
        _ => Shadeable(Skia(theme.Loss)),
    };

    /// <summary>
    /// A line colour made fit to be shaded. A grey one (the print style's black loss, grey penalty) becomes a light
    /// grey, darker for a darker line so D and λP stay apart, and keeps a higher ambient light
    /// (<see cref="Ambient"/>): print reads in greyscale as light faces under dark edges, not as a dark blot.
    /// A near-black colour is lifted to a grey whose shades still read; the light and dark styles' colours are kept.
    /// </summary>
    private static SKColor Shadeable(SKColor c)
    {
        if (IsGrey(c))
        {
            byte v = (byte)Math.Round(240 - 0.35 * c.Red);
            return new SKColor(v, v, v, c.Alpha);
        }
        double luma = (0.2126 * c.Red + 0.7152 * c.Green + 0.0722 * c.Blue) / 255;
        if (luma >= 0.2) return c;
        static byte Lift(byte v) => (byte)Math.Round(v + 0.65 * (255 - v));
        return new SKColor(Lift(c.Red), Lift(c.Green), Lift(c.Blue), c.Alpha);
    }

    private static bool IsGrey(SKColor c) => Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) <= 16;

    /// <summary>The light a facet turned away from the lamp still gets: more on the light greys of greyscale faces, which would otherwise go dark.</summary>
    private static double Ambient(SKColor c) => IsGrey(c) ? 0.55 : 0.25;

    private static SKColor Shade(SKColor c, double k) =>
        new((byte)Math.Round(c.Red * k), (byte)Math.Round(c.Green * k), (byte)Math.Round(c.Blue * k), c.Alpha);

    internal static SKColor Skia(ScottPlot.Color c) => new(c.R, c.G, c.B, c.A);
}
