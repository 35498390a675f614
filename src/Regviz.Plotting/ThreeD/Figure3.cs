using Regviz.Core.IO;
using Regviz.Core.ThreeD;
using SkiaSharp;

namespace Regviz.Plotting.ThreeD;

/// <summary>One panel of a 3-D figure: its scene, its title, and the names the figure writes beside marked points.</summary>
public sealed record Panel3(Scene3 Scene, string Title, IReadOnlyDictionary<string, string>? MarkLabels = null);

/// <summary>
/// A 3-D figure: panels of <see cref="FigureStyle.Width"/> × <see cref="FigureStyle.Height"/> pixels each, in rows of
/// at most three, seen from one view, each panel's title above its scene. Panels share one scale, so balls side by
/// side compare by eye. Drawn by <see cref="Scene3Renderer"/> onto any Skia canvas: PNG, SVG or PDF alike.
/// </summary>
public sealed class Figure3
{
    private readonly IReadOnlyList<Panel3> _panels;
    private readonly FigureStyle _style;

    /// <summary>The figure of <paramref name="panels"/> seen from (<paramref name="azimuth"/>, <paramref name="elevation"/>) degrees, through the model transform (w − offset)∘axisScale.</summary>
    public Figure3(IReadOnlyList<Panel3> panels, FigureStyle style, double azimuth, double elevation, Vec3 offset, Vec3 axisScale)
    {
        _panels = panels;
        _style = style;
        Columns = Math.Min(3, panels.Count);
        int rows = (panels.Count + Columns - 1) / Columns;
        Width = Columns * style.Width;
        Height = rows * style.Height + (int)Math.Ceiling(HeaderHeight);
        var fits = panels.Select((p, i) => Fit(p, i, azimuth, elevation, offset, axisScale, null)).ToList();
        double scale = fits.Min(c => c.S);
        Cameras = panels.Select((p, i) => Fit(p, i, azimuth, elevation, offset, axisScale, scale)).ToList();
    }

    /// <summary>The image's width in pixels: the panels' columns.</summary>
    public int Width { get; }
    /// <summary>The image's height in pixels: the title and the panels' rows.</summary>
    public int Height { get; }
    private int Columns { get; }

    /// <summary>Each panel's camera, in pixels of the whole image.</summary>
    public IReadOnlyList<Camera> Cameras { get; }

    /// <summary>Panel <paramref name="index"/>'s axis labels as drawn: each text and its ink box in pixels of the image.</summary>
    public IReadOnlyList<(string Text, float Left, float Top, float Right, float Bottom)> LabelBoxes(int index)
    {
        using var font = Scene3Renderer.LabelFont(_style.Theme, Scale);
        return [.. SceneOverlay.Labels(_panels[index].Scene, Cameras[index], font).Select(l => (l.Text, l.Box.Left, l.Box.Top, l.Box.Right, l.Box.Bottom))];
    }

    /// <summary>For each marked point of panel <paramref name="index"/>, whether a facet nearer the eye covers it (it is then drawn as a faded ring).</summary>
    public IReadOnlyList<bool> HiddenMarks(int index) => SceneOverlay.Hidden(_panels[index].Scene, Cameras[index]);

    private float Scale => _style.Scale;
    private float TitleSize => _style.Theme.Fonts.Title * Scale;
    private float PanelTitleSize => _style.Theme.Fonts.AxisLabels * Scale;
    private float HeaderHeight => _style.Title is null ? 0 : TitleSize * 1.9f;

    private (float X, float Y) Origin(int index) =>
        (index % Columns * _style.Width, HeaderHeight + index / Columns * _style.Height);

    /// <summary>The camera that fits panel <paramref name="index"/>'s scene in its box below its title; <paramref name="scale"/> null: as large as fits.</summary>
    private Camera Fit(Panel3 panel, int index, double azimuth, double elevation, Vec3 offset, Vec3 axisScale, double? scale)
    {
        var (x, y) = Origin(index);
        float margin = 18 * Scale, top = PanelTitleSize * 2.2f;
        var points = panel.Scene.Triangles.SelectMany(t => new[] { t.A, t.B, t.C })
            .Concat(panel.Scene.Segments.SelectMany(s => new[] { s.A, s.B }))
            .Concat(panel.Scene.Labels.Select(l => l.At)).Concat(panel.Scene.Bounds).ToList();
        var camera = Camera.Fit(azimuth, elevation, offset, axisScale, points, x + margin, y + top, x + _style.Width - margin, y + _style.Height - margin);
        if (scale is not { } s) return camera;
        // the same scale for every panel: shrink about the box's centre
        double cx = x + _style.Width / 2.0, cy = y + (top + _style.Height - margin) / 2.0;
        return camera with { S = s, Cx = cx + (camera.Cx - cx) * s / camera.S, Cy = cy + (camera.Cy - cy) * s / camera.S };
    }

    /// <summary>Draws the whole figure onto <paramref name="canvas"/>, in pixels.</summary>
    public void Draw(SKCanvas canvas) => Draw(canvas, vector: false);

    /// <summary>Draws the figure; on a vector canvas (PDF, SVG) runs of facets and lines drawn alike go as one path each.</summary>
    private void Draw(SKCanvas canvas, bool vector, (SKTypeface Regular, SKTypeface Bold)? faces = null)
    {
        var theme = _style.Theme;
        var (regular, bold) = faces ?? (FontRegistry.Typeface(theme.FontFamily), FontRegistry.BoldTypeface(theme.FontFamily));
        canvas.Clear(Scene3Renderer.Skia(theme.Background));
        using var paint = new SKPaint { IsAntialias = true, Color = Scene3Renderer.Skia(theme.Foreground) };
        if (_style.Title is { } title)
        {
            using var font = new SKFont(bold, TitleSize);
            canvas.DrawText(title, Width / 2f, TitleSize * 1.35f, SKTextAlign.Center, font, paint);
        }
        using var panelFont = new SKFont(regular, PanelTitleSize);
        for (int i = 0; i < _panels.Count; i++)
        {
            var (x, y) = Origin(i);
            canvas.Save();
            canvas.ClipRect(new SKRect(x, y, x + _style.Width, y + _style.Height));
            canvas.DrawText(_panels[i].Title, x + _style.Width / 2f, y + PanelTitleSize * 1.5f, SKTextAlign.Center, panelFont, paint);
            Scene3Renderer.Draw(canvas, _panels[i].Scene, Cameras[i], theme, Scale, _panels[i].MarkLabels, vector, regular);
            canvas.Restore();
        }
    }

    /// <summary>
    /// The shipped font cut down to the repertoire of regviz's own words when every text of this figure is in it
    /// (<see cref="PdfFonts"/>), for a smaller, faster PDF; a style's own font, or a title beyond it, keeps the whole font.
    /// </summary>
    private (SKTypeface, SKTypeface)? PdfFaces()
    {
        if (_style.Theme.FontFamily != FontRegistry.Family) return null;
        var texts = _panels.SelectMany(p => p.Scene.Labels.Select(l => l.Text).Append(p.Title).Concat(p.MarkLabels?.Values ?? []));
        return PdfFonts.For(_style.Title is { } title ? texts.Append(title) : texts);
    }

    /// <summary>The figure as PNG, SVG or PDF bytes, carrying the style's description.</summary>
    public byte[] Encode(string format)
    {
        var description = _style.Description;
        switch (format)
        {
            case "pdf":
                var faces = PdfFaces();
                return PdfDocument.Write(c => Draw(c, vector: true, faces), Width, Height, _style.Dpi ?? FigureStyle.ScreenDpi, description, _style.Title);
            case "svg":
                using (var stream = new MemoryStream())
                {
                    using (var svg = SKSvgCanvas.Create(new SKRect(0, 0, Width, Height), stream)) Draw(svg, vector: true);
                    string text = FigureExport.StableIds(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                    return new System.Text.UTF8Encoding(false).GetBytes(FigureExport.Described(text, description));
                }
            default:
                using (var surface = SKSurface.Create(new SKImageInfo(Width, Height))
                    ?? throw new InvalidOperationException($"Skia could not allocate a {Width}x{Height} surface"))
                {
                    Draw(surface.Canvas);
                    return FigureExport.Physical(FigureExport.Described(FigureExport.EncodePng(surface), description), _style);
                }
        }
    }

    /// <summary>Writes the figure as PNG, SVG or PDF (by extension), atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllBytes(path, Encode(FigureExport.FormatOf(path, nameof(path))));
}
