namespace Regviz.Core.Contours;

/// <summary>A contour line in parameter coordinates; closed when its last point equals its first.</summary>
public sealed record Polyline(double[] X, double[] Y)
{
    /// <summary>How many points the line has.</summary>
    public int Count => X.Length;
    /// <summary>Whether the line ends where it starts (a closed level set rather than one cut by the view).</summary>
    public bool IsClosed => Count > 2 && X[0] == X[^1] && Y[0] == Y[^1];

    /// <summary>A polyline through <paramref name="points"/>, in order.</summary>
    public static Polyline From(IReadOnlyList<(double X, double Y)> points) =>
        new(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
}

/// <summary>All lines of one contour level: a value of D (loss contours) or of P (norm contours).</summary>
public sealed record ContourLevel(double Level, IReadOnlyList<Polyline> Lines);
