using Regviz.Core.Contours;

namespace Regviz.Plotting;

/// <summary>
/// The fixed layout of a figure: margins for title and axis labels around a data area whose pixel size is
/// known before anything is drawn. That is what lets the scene choose an equal-aspect range and the labels
/// be placed in pixels.
/// </summary>
public sealed class PlotFrame
{
    /// <summary>The layout of a <paramref name="width"/> × <paramref name="height"/> image at <paramref name="scale"/>.</summary>
    public PlotFrame(int width, int height, float scale, float extraTop = 0)
    {
        Width = width;
        Height = height;
        Left = 78 * scale;
        Right = 24 * scale;
        Top = (52 + extraTop) * scale + 6;
        Bottom = 62 * scale;
    }

    /// <summary>This layout with <paramref name="pixels"/> more room right of the data area (the path figure's line names go there).</summary>
    internal PlotFrame WiderRight(float pixels) => new(this, Right + pixels);

    private PlotFrame(PlotFrame other, float right, float bottom = -1)
    {
        (Width, Height, Left, Top, Bottom) = (other.Width, other.Height, other.Left, other.Top, bottom >= 0 ? bottom : other.Bottom);
        Right = right;
    }

    /// <summary>This layout with <paramref name="pixels"/> more room below the x axis's label (a legend drawn outside goes there).</summary>
    internal PlotFrame TallerBottom(float pixels) => new(this, Right, Bottom + pixels);

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }
    /// <summary>Image height in pixels.</summary>
    public int Height { get; }
    /// <summary>The data area's left edge, in pixels.</summary>
    public float Left { get; }
    /// <summary>The data area's right edge, in pixels.</summary>
    public float Right { get; }
    /// <summary>The data area's top edge, in pixels.</summary>
    public float Top { get; }
    /// <summary>The data area's bottom edge, in pixels.</summary>
    public float Bottom { get; }
    /// <summary>The data area's width in pixels.</summary>
    public float DataWidth => Width - Left - Right;
    /// <summary>The data area's height in pixels.</summary>
    public float DataHeight => Height - Top - Bottom;
    /// <summary>Data-area width over height: the aspect an equal-aspect range is widened to.</summary>
    public double Aspect => DataWidth / DataHeight;

    /// <summary>Margins around the data area, in pixels.</summary>
    public ScottPlot.PixelPadding Padding => new(Left, Right, Bottom, Top);

    /// <summary>Pixel position of a point of the plane, given the range the axes show.</summary>
    public (float X, float Y) ToPixel(PlaneRange r, double x, double y) =>
        ((float)(Left + (x - r.X0) / r.Width * DataWidth), (float)(Top + (r.Y1 - y) / r.Height * DataHeight));

    /// <summary>Whether a pixel is inside the data area by at least <paramref name="margin"/>.</summary>
    public bool InsideData(float x, float y, float margin) =>
        x >= Left + margin && x <= Width - Right - margin && y >= Top + margin && y <= Height - Bottom - margin;
}
