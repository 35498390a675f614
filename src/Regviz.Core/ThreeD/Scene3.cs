namespace Regviz.Core.ThreeD;

/// <summary>What a 3-D figure draws with one colour: the ball, the loss D, the penalty λP, J = D + λP, the constraint prism.</summary>
public enum SurfaceRole
{
    /// <summary>A unit ball.</summary>
    Ball,
    /// <summary>The data term D(w).</summary>
    Loss,
    /// <summary>The penalty λP(w).</summary>
    Penalty,
    /// <summary>The objective J = D + λP.</summary>
    Objective,
    /// <summary>The constraint N(w) ≤ t as a prism on the floor.</summary>
    Prism,
}

/// <summary>What a 3-D line is: an exact edge or section of a ball, an axis, a contour on the floor, the floor's frame, a drop line.</summary>
public enum LineRole
{
    /// <summary>An exact edge or coordinate section of a ball.</summary>
    Edge,
    /// <summary>A coordinate axis.</summary>
    Axis,
    /// <summary>A contour of D projected on the floor.</summary>
    FloorContour,
    /// <summary>The floor's frame.</summary>
    Frame,
    /// <summary>A vertical line from a marked point down to the floor.</summary>
    Drop,
    /// <summary>The penalty ball's boundary on the floor.</summary>
    Boundary,
}

/// <summary>One facet of a mesh. <paramref name="Closed"/>: it bounds a closed solid and faces outward, so a facet turned away from the eye is hidden.</summary>
public sealed record Triangle3(Vec3 A, Vec3 B, Vec3 C, SurfaceRole Role, bool Closed = false);

/// <summary>A straight piece of line from A to B.</summary>
public sealed record Segment3(Vec3 A, Vec3 B, LineRole Role);

/// <summary>A point the figure marks and the sidecar locates: its name says what it is (w*, least squares, a ball's corner).</summary>
public sealed record Mark3(string Name, Vec3 At);

/// <summary>
/// Everything a 3-D figure draws, in model coordinates before the camera: facets, lines, marked points, the ball's
/// vertices (corners and axis intercepts) and text at points. The renderer orders facets and lines by depth.
/// </summary>
public sealed class Scene3
{
    /// <summary>The facets.</summary>
    public List<Triangle3> Triangles { get; } = [];
    /// <summary>The lines.</summary>
    public List<Segment3> Segments { get; } = [];
    /// <summary>The marked points.</summary>
    public List<Mark3> Marks { get; } = [];
    /// <summary>A ball's corners and axis intercepts, which the sidecar locates.</summary>
    public List<Vec3> Vertices { get; } = [];
    /// <summary>Text centred at points (axis names).</summary>
    public List<(string Text, Vec3 At)> Labels { get; } = [];

    /// <summary>The corners of the box that must stay in view.</summary>
    public List<Vec3> Bounds { get; } = [];

    /// <summary>Adds the polyline through <paramref name="points"/> as segments.</summary>
    public void AddPolyline(IReadOnlyList<Vec3> points, LineRole role)
    {
        for (int i = 1; i < points.Count; i++) Segments.Add(new Segment3(points[i - 1], points[i], role));
    }
}
