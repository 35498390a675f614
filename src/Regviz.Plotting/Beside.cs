namespace Regviz.Plotting;

/// <summary>The size of a box beside the legend, an animation's moving value (<see cref="PlotCanvas.PlaceLegend"/>); default: none.</summary>
internal readonly record struct Beside(float Width, float Height);
