using System.Text.Json;
using System.Text.Json.Serialization;

namespace Regviz.Core.Sidecars;

/// <summary>
/// The sidecar of a panel figure (a comma list) or an <c>--overlay</c> figure of <c>contour</c> or <c>norm</c>: what
/// varies, its values, and each panel's own sidecar, in order.
/// </summary>
/// <typeparam name="TPanel"><see cref="ContourSidecar"/> or <see cref="NormSidecar"/>.</typeparam>
public sealed record PanelSidecar<TPanel> where TPanel : class
{
    /// <inheritdoc cref="ContourSidecar.Alt"/>
    public required string Alt { get; init; }
    /// <inheritdoc cref="ContourSidecar.Caption"/>
    public required string Caption { get; init; }
    /// <summary>What varies across the panels: norm, lambda, radius, or a penalty parameter's name.</summary>
    public required string Varies { get; init; }
    /// <summary>Its value in each panel: a penalty's name (norm) or a number.</summary>
    public required IReadOnlyList<JsonElement> Values { get; init; }
    /// <summary>"overlay" for an overlaid figure; absent for panels.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Arrangement { get; init; }
    /// <summary>Panels per row; absent for an overlay.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Columns { get; init; }
    /// <summary>Rows of panels; absent for an overlay.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Rows { get; init; }
    /// <summary>Each panel's sidecar, left to right and top to bottom; absent for an overlay.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<TPanel>? Panels { get; init; }
    /// <summary>Each overlaid figure's sidecar; absent for panels.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<TPanel>? Overlay { get; init; }
    /// <inheritdoc cref="ContourSidecar.Layout"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public LayoutSidecar? Layout { get; init; }
}
