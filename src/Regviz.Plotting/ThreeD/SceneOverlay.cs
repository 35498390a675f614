using Regviz.Core.ThreeD;
using SkiaSharp;

namespace Regviz.Plotting.ThreeD;

/// <summary>
/// Where the text and marks drawn over a 3-D scene go, worked out in pixels once the camera is known: axis labels
/// pushed out along their axis until clear of the projected solid, and which marked points a facet nearer the eye
/// covers.
/// </summary>
internal static class SceneOverlay
{
    /// <summary>How much nearer than a mark (put on the mesh) a facet must be to hide it, in model units (the box is 2 wide): rounding, not geometry.</summary>
    private const double HideMargin = 1e-6;

    /// <summary>
    /// How near the mesh a mark must be to count as on it, in model units: above the chords' stand-off (a few
    /// hundredths), below the floor's distance under the lowest surface (about 0.1 of the box's height of 1).
    /// </summary>
    private const double SnapDistance = 0.06;

    /// <summary>The ink box of each label, the label centred at its point pushed outward along the line from the scene's origin until it clears the convex hull of the projected facets.</summary>
    public static List<(string Text, SKRect Box)> Labels(Scene3 scene, Camera camera, SKFont font)
    {
        var placed = new List<(string, SKRect)>(scene.Labels.Count);
        if (scene.Labels.Count == 0) return placed;
        var hull = Hull(scene.Triangles.SelectMany(t => new[] { t.A, t.B, t.C }).Select(camera.Pixel).ToList());
        var (ox, oy) = camera.Pixel(new Vec3(0, 0, 0));
        foreach (var (text, at) in scene.Labels)
        {
            var (x, y) = camera.Pixel(at);
            double dx = x - ox, dy = y - oy, length = Math.Sqrt(dx * dx + dy * dy);
            // an axis seen end on has no outward direction on the screen: its label goes up
            if (length < 1) (dx, dy, length) = (0, -1, 1);
            float advance = font.MeasureText(text, out var ink);
            SKRect BoxAt(double cx, double cy) => new SKRect(ink.Left, ink.Top, ink.Right, ink.Bottom) is var r
                ? SKRect.Create((float)(cx - advance / 2 + r.Left), (float)(cy + font.Size * 0.35 + r.Top), r.Width, r.Height) : default;
            var box = BoxAt(x, y);
            // clear by a few pixels: the hull runs through the mesh's vertices, and the drawn solid reaches past it by
            // its chords' bulge, its anti-aliasing and the seam stroke
            float clear = 3 * (float)(font.Size / 12);
            for (int step = 1; step <= 600 && Overlaps(hull, SKRect.Inflate(box, clear, clear)); step++)
                box = BoxAt(x + step * dx / length, y + step * dy / length);
            placed.Add((text, box));
        }
        return placed;
    }

    /// <summary>
    /// Whether each marked point lies behind a facet nearer the eye (its pixel inside the facet's projection). A mark
    /// on a surface (w* on D) is first put on the mesh, at the height of the facet beneath or above it: the mesh's
    /// chords stand off the curved surface by up to a few hundredths of the box on a steep bowl, which would
    /// otherwise hide a mark under its own facet.
    /// </summary>
    public static bool[] Hidden(Scene3 scene, Camera camera)
    {
        var hidden = new bool[scene.Marks.Count];
        if (hidden.Length == 0) return hidden;
        var toward = camera.Toward;
        var marks = scene.Marks.Select(m => OnMesh(scene, camera, m.At)).Select(at => (P: camera.Pixel(at), Depth: camera.Depth(at))).ToArray();
        foreach (var t in scene.Triangles)
        {
            Vec3 ma = camera.Model(t.A), mb = camera.Model(t.B), mc = camera.Model(t.C);
            if (t.Closed && (mb - ma).Cross(mc - ma).Dot(toward) <= 0) continue;
            var (ax, ay) = camera.Pixel(t.A);
            var (bx, by) = camera.Pixel(t.B);
            var (cx, cy) = camera.Pixel(t.C);
            for (int k = 0; k < marks.Length; k++)
            {
                if (hidden[k] || Barycentric(ax, ay, bx, by, cx, cy, marks[k].P.X, marks[k].P.Y) is not var (u, v, w)) continue;
                // depth is affine over a flat facet, and so over its orthographic projection
                double depth = u * ma.Dot(toward) + v * mb.Dot(toward) + w * mc.Dot(toward);
                if (depth > marks[k].Depth + HideMargin) hidden[k] = true;
            }
        }
        return hidden;
    }

    /// <summary>The point of the mesh straight above or below <paramref name="at"/> when one lies within <see cref="SnapDistance"/> of it (in model units), else <paramref name="at"/>.</summary>
    private static Vec3 OnMesh(Scene3 scene, Camera camera, Vec3 at)
    {
        var best = at;
        double nearest = SnapDistance;
        foreach (var t in scene.Triangles)
        {
            if (Barycentric(t.A.X, t.A.Y, t.B.X, t.B.Y, t.C.X, t.C.Y, at.X, at.Y) is not var (u, v, w)) continue;
            var on = at with { Z = u * t.A.Z + v * t.B.Z + w * t.C.Z };
            double distance = (camera.Model(on) - camera.Model(at)).Length;
            if (distance < nearest) (best, nearest) = (on, distance);
        }
        return best;
    }

    /// <summary>The weights of (px, py) in the triangle a, b, c, or null when it lies outside or the triangle is a line.</summary>
    private static (double U, double V, double W)? Barycentric(double ax, double ay, double bx, double by, double cx, double cy, double px, double py)
    {
        double det = (by - cy) * (ax - cx) + (cx - bx) * (ay - cy);
        if (Math.Abs(det) < 1e-12) return null;
        double u = ((by - cy) * (px - cx) + (cx - bx) * (py - cy)) / det;
        double v = ((cy - ay) * (px - cx) + (ax - cx) * (py - cy)) / det;
        double w = 1 - u - v;
        return u < 0 || v < 0 || w < 0 ? null : (u, v, w);
    }

    /// <summary>The convex hull of points, counter-clockwise in pixels (Andrew's monotone chain).</summary>
    private static List<(double X, double Y)> Hull(List<(double X, double Y)> points)
    {
        var p = points.Distinct().OrderBy(q => q.X).ThenBy(q => q.Y).ToList();
        if (p.Count < 3) return p;
        var hull = new List<(double X, double Y)>(2 * p.Count);
        static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) => (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);
        foreach (var pass in new[] { p, Enumerable.Reverse(p).ToList() })
        {
            int start = hull.Count;
            foreach (var q in pass)
            {
                while (hull.Count >= start + 2 && Cross(hull[^2], hull[^1], q) <= 0) hull.RemoveAt(hull.Count - 1);
                hull.Add(q);
            }
            hull.RemoveAt(hull.Count - 1);
        }
        return hull;
    }

    /// <summary>
    /// Whether a rectangle and a convex polygon share any point, by separating axes: the rectangle's two, and each
    /// edge's outward normal, beyond which the polygon lies wholly on one side.
    /// </summary>
    private static bool Overlaps(List<(double X, double Y)> hull, SKRect box)
    {
        if (hull.Count < 3) return false;
        if (hull.Max(q => q.X) < box.Left || hull.Min(q => q.X) > box.Right || hull.Max(q => q.Y) < box.Top || hull.Min(q => q.Y) > box.Bottom) return false;
        double mx = hull.Average(q => q.X), my = hull.Average(q => q.Y);
        (double X, double Y)[] corners = [(box.Left, box.Top), (box.Right, box.Top), (box.Right, box.Bottom), (box.Left, box.Bottom)];
        for (int k = 0; k < hull.Count; k++)
        {
            var a = hull[k];
            var b = hull[(k + 1) % hull.Count];
            double nx = b.Y - a.Y, ny = a.X - b.X;
            if (nx * (mx - a.X) + ny * (my - a.Y) > 0) (nx, ny) = (-nx, -ny); // outward: away from the polygon's inside
            if (corners.All(c => nx * (c.X - a.X) + ny * (c.Y - a.Y) > 0)) return false;
        }
        return true;
    }
}
