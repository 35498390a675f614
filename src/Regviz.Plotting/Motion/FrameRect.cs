namespace Regviz.Plotting;

/// <summary>A rectangle of pixels: the part of a frame that changed.</summary>
/// <param name="X">Left column.</param>
/// <param name="Y">Top row.</param>
/// <param name="Width">Columns, at least 1.</param>
/// <param name="Height">Rows, at least 1.</param>
public readonly record struct FrameRect(int X, int Y, int Width, int Height);
