namespace Regviz.Plotting;

/// <summary>A rectangle of the written image in pixels, origin top left, as <c>[x0, y0, x1, y1]</c>.</summary>
public readonly record struct LayoutBox(float X0, float Y0, float X1, float Y1)
{
    /// <summary>Whether the two rectangles share any area (touching edges do not count).</summary>
    public bool Overlaps(LayoutBox o) => X0 < o.X1 && o.X0 < X1 && Y0 < o.Y1 && o.Y0 < Y1;

    /// <summary>Whether the pixel position is within <paramref name="margin"/> pixels of the rectangle (inside it, or nearer than that).</summary>
    public bool Near(float x, float y, float margin) => x > X0 - margin && x < X1 + margin && y > Y0 - margin && y < Y1 + margin;

    /// <summary>This rectangle moved by (<paramref name="dx"/>, <paramref name="dy"/>).</summary>
    public LayoutBox Offset(float dx, float dy) => new(X0 + dx, Y0 + dy, X1 + dx, Y1 + dy);
}

/// <summary>A protected mark (w*, the ×, a ball's corner, a trace's ends, a knot…) and the pixel it is drawn at, in its colour (<c>#rrggbb</c>).</summary>
public sealed record LayoutMark(string Role, float X, float Y, string Color);

/// <summary>One piece of text and the box it covers (its background included); a leader line is reported as role "leader" with an empty text.</summary>
public sealed record LayoutText(string Text, string Role, LayoutBox Box);

/// <summary>One set of axes: its data area and the marks that no text or legend may cover.</summary>
public sealed record LayoutPanel(LayoutBox DataArea, IReadOnlyList<LayoutMark> Marks);

/// <summary>
/// Where a figure's text and marks landed, in pixels of the written image (docs/sidecars.md): what the sidecar's
/// <c>layout</c> reports and the layout lint checks.
/// </summary>
public sealed record FigureLayout(int Width, int Height, IReadOnlyList<LayoutPanel> Panels, LayoutBox? Legend, IReadOnlyList<LayoutText> Texts)
{
    /// <summary>The layout of <paramref name="plot"/>'s last render (PNG, SVG or PDF), or null when it was never rendered.</summary>
    public static FigureLayout? Of(ScottPlot.Plot plot) => LayoutLog.Find(plot)?.Last;

    /// <summary>Why a figure with legend entries draws no legend (<c>--no-legend</c>, or no room clear of every mark); null otherwise.</summary>
    public string? LegendOmitted { get; init; }
}
