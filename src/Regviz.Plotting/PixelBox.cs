namespace Regviz.Plotting;

/// <summary>An axis-aligned rectangle in pixels, for keeping labels apart.</summary>
internal readonly record struct PixelBox(float X0, float Y0, float X1, float Y1)
{
    public static PixelBox Centred(float x, float y, float width, float height) =>
        new(x - width / 2, y - height / 2, x + width / 2, y + height / 2);

    public bool Overlaps(PixelBox o) => X0 < o.X1 && o.X0 < X1 && Y0 < o.Y1 && o.Y0 < Y1;

    public bool Contains(float x, float y) => x >= X0 && x <= X1 && y >= Y0 && y <= Y1;

    public PixelBox Grow(float by) => new(X0 - by, Y0 - by, X1 + by, Y1 + by);
}
