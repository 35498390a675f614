namespace Regviz.Core.ThreeD;

/// <summary>
/// A unit ball as facets, exact lines and vertices. Every penalty regviz draws has its creases where a coordinate
/// (or a group of them) is zero, so the mesh is an octahedron subdivided octant by octant, each point pushed out
/// to the exact boundary: the creases are mesh edges and stay sharp. The cube (L∞), whose edges are elsewhere,
/// is meshed face by face instead.
/// </summary>
public static class BallMesh
{
    /// <summary>How far the drawn axes reach beyond the ball's largest extent.</summary>
    private const double AxisReach = 1.35;

    /// <summary>The ball's facets (<paramref name="divisions"/> per octant edge or cube face edge), exact edges, vertices and axes.</summary>
    public static Scene3 Build(UnitBall ball, int divisions = 32)
    {
        var scene = new Scene3();
        if (ball.IsCube) AddCube(scene, divisions);
        else AddOctants(scene, ball, divisions);
        double reach = AxisReach * new[] { ball.Boundary(new(1, 0, 0)).X, ball.Boundary(new(0, 1, 0)).Y, ball.Boundary(new(0, 0, 1)).Z, ball.IsCube ? 1 : 0 }.Max();
        string[] names = ["w₁", "w₂", "w₃"];
        for (int j = 0; j < 3; j++)
        {
            var e = Axis(j);
            scene.Segments.Add(new Segment3(-reach * e, reach * e, LineRole.Axis));
            scene.Labels.Add((names[j], (reach + 0.12) * e));
        }
        foreach (var sx in new[] { -1, 1 }) foreach (var sy in new[] { -1, 1 }) foreach (var sz in new[] { -1, 1 })
            scene.Bounds.Add(reach * new Vec3(sx, sy, sz));
        return scene;
    }

    private static Vec3 Axis(int j) => j switch { 0 => new(1, 0, 0), 1 => new(0, 1, 0), _ => new(0, 0, 1) };

    private static void AddOctants(Scene3 scene, UnitBall ball, int n)
    {
        for (int octant = 0; octant < 8; octant++)
        {
            double sx = (octant & 1) == 0 ? 1 : -1, sy = (octant & 2) == 0 ? 1 : -1, sz = (octant & 4) == 0 ? 1 : -1;
            // node (i, j) of the octant's triangle: direction (i, j, n − i − j)/n with the octant's signs
            Vec3 Node(int i, int j) => ball.Boundary(new Vec3(sx * i / n, sy * j / n, sz * (n - i - j) / (double)n));
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n - i; j++)
                {
                    AddOutward(scene, Node(i, j), Node(i + 1, j), Node(i, j + 1));
                    if (i + j + 1 < n) AddOutward(scene, Node(i + 1, j), Node(i + 1, j + 1), Node(i, j + 1));
                }
            // the octant's three boundary arcs, each shared with a neighbour: drawn from the octants with sz > 0, and
            // the equator (z = 0) from those too, so each arc is drawn once
            if (sz > 0)
            {
                scene.AddPolyline(Enumerable.Range(0, n + 1).Select(k => Node(k, 0)).ToList(), LineRole.Edge);
                scene.AddPolyline(Enumerable.Range(0, n + 1).Select(k => Node(0, k)).ToList(), LineRole.Edge);
                scene.AddPolyline(Enumerable.Range(0, n + 1).Select(k => Node(k, n - k)).ToList(), LineRole.Edge);
            }
        }
        for (int j = 0; j < 3; j++)
            foreach (double s in new[] { 1.0, -1.0 })
                scene.Vertices.Add(ball.Boundary(s * Axis(j)));
    }

    private static void AddCube(Scene3 scene, int n)
    {
        for (int axis = 0; axis < 3; axis++)
            foreach (double side in new[] { -1.0, 1.0 })
            {
                Vec3 Point(int a, int b)
                {
                    double u = -1 + 2.0 * a / n, v = -1 + 2.0 * b / n;
                    return axis switch { 0 => new(side, u, v), 1 => new(v, side, u), _ => new(u, v, side) };
                }
                for (int a = 0; a < n; a++)
                    for (int b = 0; b < n; b++)
                    {
                        AddOutward(scene, Point(a, b), Point(a + 1, b), Point(a + 1, b + 1));
                        AddOutward(scene, Point(a, b), Point(a + 1, b + 1), Point(a, b + 1));
                    }
            }
        var corners = new List<Vec3>();
        foreach (var x in new[] { -1.0, 1 }) foreach (var y in new[] { -1.0, 1 }) foreach (var z in new[] { -1.0, 1 }) corners.Add(new(x, y, z));
        scene.Vertices.AddRange(corners);
        foreach (var a in corners)
            foreach (var b in corners)
                if (a.X + a.Y + a.Z < b.X + b.Y + b.Z && (a - b).Length == 2) // neighbours along one axis, each pair once
                    scene.Segments.Add(new Segment3(a, b, LineRole.Edge));
    }

    /// <summary>Adds a facet of a ball centred at the origin, its corners ordered so the normal points outward.</summary>
    private static void AddOutward(Scene3 scene, Vec3 a, Vec3 b, Vec3 c)
    {
        var normal = (b - a).Cross(c - a);
        if (normal.Dot(a + b + c) < 0) (b, c) = (c, b);
        scene.Triangles.Add(new Triangle3(a, b, c, SurfaceRole.Ball, Closed: true));
    }
}
