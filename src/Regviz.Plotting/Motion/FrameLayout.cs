using ScottPlot;

namespace Regviz.Plotting;

/// <summary>A caption placed once and drawn at the same spot on every frame of an animation.</summary>
internal sealed record FixedLabel(string Text, double X, double Y, float Dx, float Dy, float Size, Color Color, bool Bold, string Role = "caption");

/// <summary>
/// What an animation's frames share so that nothing jumps between them: the legend's corner and the captions of what
/// does not move (thin contours, the unregularised fit). A frame drawn with <see cref="Fixed"/> draws those captions
/// where they were placed once, and places only its moving ones (w*, the touching contours, a trace's numbers) around
/// them; a frame drawn without records in <see cref="Placed"/> where its own went.
/// </summary>
internal sealed class FrameLayout
{
    /// <summary>The legend's corner; null: the figure's own choice, recorded here once it is made.</summary>
    public Alignment? Corner { get; set; }

    /// <summary>The legend's words for the path, when the frames draw it differently from the still figure.</summary>
    public string? PathLegend { get; init; }

    /// <summary>Captions to draw as they are instead of placing the fit's caption and the thin contours' labels.</summary>
    public IReadOnlyList<FixedLabel>? Fixed { get; init; }

    /// <summary>Points no caption may cover besides the frame's own: every position w* takes in the animation.</summary>
    public IReadOnlyList<(double X, double Y)> Avoid { get; init; } = [];

    /// <summary>
    /// Place the fit's caption before w*'s: a frame drawn to lay out the others, whose own w* (wherever it ends up) must
    /// not take the fit's spot for every frame.
    /// </summary>
    public bool FitCaptionFirst { get; init; }

    /// <summary>The title of every frame, the same in all (a title that changed would change width from frame to frame).</summary>
    public string? Title { get; init; }

    /// <summary>
    /// The scene whose legend every frame draws: the frame with the most entries (the ball through w*, the path so far), so
    /// no entry appears or vanishes. Legends of frames are opaque, so nothing moving behind one shows through.
    /// </summary>
    public Regviz.Core.Scenes.ContourScene? LegendScene { get; init; }

    /// <summary>This frame's moving numbers (λ or t, and which weight is exactly 0), drawn by <see cref="FrameValue"/>.</summary>
    public string? Value { get; init; }

    /// <summary>The width reserved for <see cref="Value"/>: the widest of any frame's, so the labels around it do not move.</summary>
    public float ValueWidth { get; init; }

    /// <summary>The opaque pad under the legend that every frame shares (<see cref="Plotting.LegendPad"/>); null: none.</summary>
    public LegendPad? LegendPad { get; set; }

    /// <summary>
    /// The band below the figure the legend takes, in pixels (0: the legend is inside); null: not decided yet, the frame
    /// drawn to lay out the others decides it (<see cref="PlotCanvas.Fitting"/>) as a still figure would, against every
    /// position w* takes, and records it here with <see cref="CompactLegend"/> and <see cref="LegendShown"/>.
    /// </summary>
    public float? Band { get; set; }

    /// <summary>Whether the frames draw the compact legend (see <see cref="PlotCanvas.Fitting"/>).</summary>
    public bool CompactLegend { get; set; }

    /// <summary>Whether the frames draw their legend at all: false when the first frame found no room for one clear of every mark.</summary>
    public bool LegendShown { get; set; } = true;

    /// <summary>This layout for one frame, with that frame's <paramref name="value"/>.</summary>
    public FrameLayout ForFrame(string? value) => new()
    {
        Corner = Corner, PathLegend = PathLegend, Fixed = Fixed, Avoid = Avoid, FitCaptionFirst = FitCaptionFirst,
        Title = Title, LegendScene = LegendScene, Value = value, ValueWidth = ValueWidth, LegendPad = LegendPad,
        Band = Band, CompactLegend = CompactLegend, LegendShown = LegendShown,
    };

    /// <summary>The frame's canvas: laid out as decided, or (the frame that decides) as <see cref="PlotCanvas.Fitting"/> lays out a still figure.</summary>
    internal PlotCanvas Canvas(FigureStyle style, Regviz.Core.Scenes.ContourScene scene, string title, string xLabel, string yLabel, FigureParts parts,
        Func<PlotCanvas, bool, IReadOnlyList<LegendItem>> items, IEnumerable<(double X, double Y)> keep)
    {
        float lead = Value is null ? 0 : FrameValue.Lead(style);
        if (Band is { } band) return PlotCanvas.Laid(style, scene.Range, title, xLabel, yLabel, parts, band, CompactLegend, band > 0 ? lead : 0);
        var canvas = PlotCanvas.Fitting(style, scene.Range, title, xLabel, yLabel, parts, items, keep.Concat(Avoid), lead,
            Value is null ? null : c => new Beside(ValueWidth, FrameValue.Height(c)));
        (Band, CompactLegend) = (canvas.LegendBelow, canvas.CompactLegend);
        return canvas;
    }

    /// <summary>Where this render put the fit's caption and the thin contours' labels.</summary>
    public List<FixedLabel> Placed { get; } = [];

    /// <summary>Called once the legend is reserved: the fixed captions take their spots before anything else is placed.</summary>
    internal void Begin(PlotCanvas canvas, Alignment corner)
    {
        Corner ??= corner;
        foreach (var label in Fixed ?? [])
        {
            var (px, py) = canvas.Frame.ToPixel(canvas.Range, label.X, label.Y);
            var (w, h) = canvas.Labels.Measure(label.Text, label.Size);
            canvas.Labels.Reserve(PixelBox.Centred(px + label.Dx, py + label.Dy, w, h));
            canvas.Label(label.Text, label.X, label.Y, label.Size, label.Color, label.Dx, label.Dy, label.Bold, label.Role);
        }
    }
}
