using Regviz.Core.Contours;

namespace Regviz.Plotting;

/// <summary>
/// The fixed layout of a figure: margins for title and axis labels around a data area whose pixel size is
/// known before anything is drawn. That is what lets the scene choose an equal-aspect range and the labels
/// be placed in pixels.
/// </summary>
public sealed class PlotFrame
{
    public PlotFrame(int width, int height, float scale, float extraTop = 0)
    {
        Width = width;
        Height = height;
        Left = 78 * scale;
        Right = 24 * scale;
        Top = (52 + extraTop) * scale + 6;
        Bottom = 62 * scale;
    }

    public int Width { get; }
    public int Height { get; }
    public float Left { get; }
    public float Right { get; }
    public float Top { get; }
    public float Bottom { get; }
    public float DataWidth => Width - Left - Right;
    public float DataHeight => Height - Top - Bottom;
    public double Aspect => DataWidth / DataHeight;

    public ScottPlot.PixelPadding Padding => new(Left, Right, Bottom, Top);

    /// <summary>Pixel position of a point of the plane, given the range the axes show.</summary>
    public (float X, float Y) ToPixel(PlaneRange r, double x, double y) =>
        ((float)(Left + (x - r.X0) / r.Width * DataWidth), (float)(Top + (r.Y1 - y) / r.Height * DataHeight));

    public bool InsideData(float x, float y, float margin) =>
        x >= Left + margin && x <= Width - Right - margin && y >= Top + margin && y <= Height - Bottom - margin;
}
