using System.Text.Json.Serialization;

namespace Regviz.Core.Sidecars;

/// <summary>
/// The layout report (docs/sidecars.md): where a figure put its text, legend and protected marks, in pixels of the
/// written image, origin top left, every box [x0, y0, x1, y1] rounded to a tenth of a pixel.
/// </summary>
public sealed record LayoutSidecar
{
    /// <summary>[width, height] of the image.</summary>
    public required IReadOnlyList<int> Image { get; init; }
    /// <summary>One per set of axes.</summary>
    public required IReadOnlyList<LayoutPanelSidecar> Panels { get; init; }
    /// <summary>The legend's box, or null without one.</summary>
    public required IReadOnlyList<double>? Legend { get; init; }
    /// <summary>Why a figure with legend entries draws no legend; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LegendOmitted { get; init; }
    /// <summary>Every piece of text.</summary>
    public required IReadOnlyList<LayoutTextSidecar> Texts { get; init; }
}

/// <summary>A set of axes: its data area and the protected marks inside it.</summary>
public sealed record LayoutPanelSidecar
{
    /// <summary>The data area's box.</summary>
    public required IReadOnlyList<double> DataArea { get; init; }
    /// <summary>The protected marks.</summary>
    public required IReadOnlyList<LayoutMarkSidecar> Marks { get; init; }
}

/// <summary>A protected mark: its role, centre and colour.</summary>
public sealed record LayoutMarkSidecar
{
    /// <summary>optimum, least_squares, twin, corner, trace_start, trace_end, path_end or knot.</summary>
    public required string Role { get; init; }
    /// <summary>[x, y], the mark's centre.</summary>
    public required IReadOnlyList<double> At { get; init; }
    /// <summary>#rrggbb.</summary>
    public required string Color { get; init; }
}

/// <summary>A piece of text: what it says, its role, and its box.</summary>
public sealed record LayoutTextSidecar
{
    /// <summary>The text (empty for a leader line).</summary>
    public required string Text { get; init; }
    /// <summary>title, axis_label, tick, caption, contour_label, legend, line_name, leader or frame_value.</summary>
    public required string Role { get; init; }
    /// <summary>Its box.</summary>
    public required IReadOnlyList<double> Box { get; init; }
}
