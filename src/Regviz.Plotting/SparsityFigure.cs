using Regviz.Core.Contours;
using Regviz.Core.Sparsity;
using ScottPlot;
using SkiaSharp;

namespace Regviz.Plotting;

/// <summary>
/// The sparsity experiment as a picture: one panel per norm, side by side, each showing the cloud of optima
/// over the norm ball, with the optima that have an exactly-zero coefficient in a colour of their own and the
/// measured fraction in the panel's title.
/// </summary>
public static class SparsityFigure
{
    /// <summary>The sparsity experiment's panels, one per penalty, as PNG bytes.</summary>
    public static byte[] RenderPng(IReadOnlyList<SparsityResult> results, double? radius, double? lambda, string header, FigureStyle style)
    {
        FontRegistry.EnsureRegistered();
        int panels = results.Count;
        string text = style.Title ?? header;
        float headerSize = style.Theme.Fonts.Title * 16 / 17 * style.Scale;
        var layout = TitleText.Layout(text, style.Theme.FontFamily, headerSize, style.Width - 64 * style.Scale, bold: false);
        float headerHeight = 34 * style.Scale + (layout.Lines.Count - 1) * layout.LineHeight;
        int panelWidth = style.Width / panels, panelHeight = (int)(style.Height - headerHeight);
        var panelStyle = style with { Width = panelWidth, Height = panelHeight, Title = null };

        using var surface = SKSurface.Create(new SKImageInfo(style.Width, style.Height))
            ?? throw new InvalidOperationException($"Skia could not allocate a {style.Width}x{style.Height} surface");
        var canvas = surface.Canvas;
        canvas.Clear(ToSk(style.Theme.Background));
        if (!layout.Simple)
            layout.Draw(canvas, style.Width / 2f, 34 * style.Scale * 0.7f - layout.Size, ToSk(style.Theme.Foreground), bold: false);
        else
        {
            using var font = new SKFont(FontRegistry.Typeface(style.Theme.FontFamily), headerSize);
            using var paint = new SKPaint { Color = ToSk(style.Theme.Foreground), IsAntialias = true };
            canvas.DrawText(text, style.Width / 2f, headerHeight * 0.7f, SKTextAlign.Center, font, paint);
        }
        for (int i = 0; i < panels; i++)
        {
            // ScottPlot clears whatever canvas it renders to, so each panel gets a surface of its own; its pixels
            // are copied across as they are (no PNG round trip)
            using var panel = SKSurface.Create(new SKImageInfo(panelWidth, panelHeight))
                ?? throw new InvalidOperationException("Skia could not allocate a panel");
            Panel(results[i], radius, lambda, panelStyle).Render(panel);
            using var image = panel.Snapshot();
            canvas.DrawImage(image, i * panelWidth, headerHeight);
        }
        return FigureExport.Described(FigureExport.EncodePng(surface), style.Description);
    }

    private static Plot Panel(SparsityResult r, double? radius, double? lambda, FigureStyle style)
    {
        var sample = r.Sample;
        double t = radius ?? 1.0;
        double extent = lambda is null
            ? 1.3 * t
            : 1.1 * Math.Max(sample.Max(w => Math.Max(Math.Abs(w.X), Math.Abs(w.Y))), 1e-9);
        var range = new PlaneRange(-extent, extent, -extent, extent).WithAspect(style.Frame().Aspect, 1);
        string title = $"{PenaltyNames.Display(r.Penalty)}: {100 * r.SparseFraction:0.0}% have a zero";
        var c = new PlotCanvas(style, range, title, "w₁", "w₂");
        var theme = c.Theme;
        float s = c.Scale;

        if (lambda is null)
            c.Line(Polyline.From(r.Penalty.LevelSet(r.Penalty.ValueAtNorm(t))), theme.Norm, theme.Lines.Ball * s, theme.Dashes.Penalty);

        var sparse = sample.Where(SparsityExperiment.IsSparse).ToArray();
        var dense = sample.Where(w => !SparsityExperiment.IsSparse(w)).ToArray();
        if (dense.Length > 0)
        {
            var sc = c.Plot.Add.ScatterPoints(dense.Select(w => w.X).ToArray(), dense.Select(w => w.Y).ToArray(), theme.Foreground.WithAlpha(0.25));
            sc.MarkerSize = 4 * s;
        }
        if (sparse.Length > 0)
        {
            var sc = c.Plot.Add.ScatterPoints(sparse.Select(w => w.X).ToArray(), sparse.Select(w => w.Y).ToArray(), theme.Loss);
            sc.MarkerSize = 7 * s;
        }
        c.Legend(Alignment.UpperRight,
        [
            c.MarkerItem($"a coefficient is 0 ({sparse.Length})", MarkerShape.FilledCircle, theme.Loss, 8 * s),
            c.MarkerItem($"both non-zero ({dense.Length})", MarkerShape.FilledCircle, theme.Muted, 8 * s),
        ]);
        c.ReserveLegend(Alignment.UpperRight, 2, 200);
        CountHalfAxes(c, sparse);
        return c.Plot;
    }

    /// <summary>
    /// Optima on an axis pile up (for a ball, all at its corner), so a dot cannot show how many there are:
    /// each half-axis gets its count written beside the pile.
    /// </summary>
    private static void CountHalfAxes(PlotCanvas c, (double X, double Y)[] sparse)
    {
        var groups = sparse
            .Where(w => w.X != 0 || w.Y != 0)
            .GroupBy(w => w.Y == 0 || Math.Abs(w.Y) < Math.Abs(w.X) ? (Axis: 0, Sign: Math.Sign(w.X)) : (Axis: 1, Sign: Math.Sign(w.Y)));
        foreach (var g in groups)
        {
            double x = g.Average(w => w.X), y = g.Average(w => w.Y);
            string text = g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture);
            float size = c.Theme.Fonts.Label(13) * c.Scale;
            if (c.Labels.Beside(x, y, text, size, 8 * c.Scale) is { } at)
                c.Label(text, x, y, size, c.Theme.Loss, at.Dx, at.Dy, bold: true);
        }
    }

    private static SKColor ToSk(Color c) => new(c.R, c.G, c.B, c.A);
}
