using Regviz.Core.Contours;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Core.Solvers;

namespace Regviz.Core.ThreeD;

/// <summary>What the surface figure raises over the plane.</summary>
public enum SurfaceShow
{
    /// <summary>D(w), with λP(w) beside it (penalised form) or the constraint prism N(w) ≤ t (constrained form).</summary>
    Split,
    /// <summary>J(w) = D(w) + λP(w) alone.</summary>
    Objective,
}

/// <summary>
/// The surface figure's scene, in data units (w₁, w₂, height): D (or J) as a height field over the contour figure's
/// range, two facets a grid cell; λP beside it or the constraint prism; the floor below the lowest point with D's
/// contours and the penalty ball through w* drawn on it; w* and the least-squares point marked on the surface and on
/// the floor, joined by drop lines. The contour figure's own scene supplies range, contours and optimum, so the two
/// figures cannot disagree.
/// </summary>
public static class SurfaceMesh
{
    /// <summary>The height box's extent in model units, against 2 for the wider side of the plane.</summary>
    private const double BoxHeight = 1.0;

    /// <summary>The scene, and the model transform that fits the plane into [−1, 1]² (equal units for w₁ and w₂) and the heights into <see cref="BoxHeight"/>.</summary>
    public static (Scene3 Scene, Vec3 Offset, Vec3 AxisScale) Build(ProblemSpec spec, ContourScene contour, SurfaceShow show, int cells)
    {
        double? radius = (spec.Form as ConstrainedForm)?.Radius;
        if (show == SurfaceShow.Objective && radius is not null)
            throw new ArgumentException("J = D + λP needs the penalised form (λ), not a radius", nameof(show));
        var range = contour.Range;
        var loss = SceneBuilder.GeneralGrid(spec.Loss, range, cells);
        double lambda = (spec.Form as PenalisedForm)?.Lambda ?? 0;
        var penalty = spec.Penalty;
        double P(double x, double y) => lambda * penalty.Value([x, y]);
        double Main(double x, double y, int i, int j) => loss[i, j] + (show == SurfaceShow.Objective ? P(x, y) : 0);
        bool beside = show == SurfaceShow.Split && radius is null && lambda > 0;

        double lo = double.MaxValue, hi = double.MinValue;
        for (int j = 0; j <= cells; j++)
            for (int i = 0; i <= cells; i++)
            {
                double x = loss.X(i), y = loss.Y(j), z = Main(x, y, i, j);
                lo = Math.Min(lo, z); hi = Math.Max(hi, z);
                if (beside) { double p = P(x, y); lo = Math.Min(lo, p); hi = Math.Max(hi, p); }
            }
        // the surfaces are cut at the lowest height on the range's edge: the bowl's rim is then a closed level set
        // inside the view, as in explained.ai's figure, instead of corners where a quadratic dwarfs everything near w*
        double rim = double.MaxValue;
        for (int k = 0; k <= cells; k++)
            foreach (var (i, j) in new[] { (k, 0), (k, cells), (0, k), (cells, k) })
                rim = Math.Min(rim, Main(loss.X(i), loss.Y(j), i, j));
        double reach = hi, wanted = reach;
        // and no higher than a little above the level through the origin: the level set that holds w = 0, w* and the
        // fit is the part of the bowl the figure is about, and a taller wall hides the bowl's floor, where w* lies, from
        // any view that is not from overhead
        if (Inside(range, 0, 0))
        {
            double origin = spec.Loss.Value([0, 0]) + (show == SurfaceShow.Objective ? P(0, 0) : 0);
            wanted = Math.Min(wanted, origin + 0.3 * (origin - lo));
        }
        hi = Math.Min(wanted, rim);
        // unless that rim is the bowl's bottom (a fit on the range's edge): a box squeezed to nothing scaled the marks'
        // heights toward infinity, so the cut then lies a tenth of the wanted height above the marked points
        var w = contour.Optimum.Weights;
        double Height(double[] at) => spec.Loss.Value(at) + (show == SurfaceShow.Objective ? P(at[0], at[1]) : 0);
        // a fit between two nodes of the edge leaves the rim a little above the bottom, not at it: within a cell of the
        // edge the fit counts as on it (CI's draw: the rim just above a thousandth of the wanted height, w* far above the box)
        bool fitOnEdge = contour.Unregularised is { } f && Inside(range, f[0], f[1])
            && Math.Min(Math.Min(f[0] - range.X0, range.X1 - f[0]) / (range.X1 - range.X0), Math.Min(f[1] - range.Y0, range.Y1 - f[1]) / (range.Y1 - range.Y0)) <= 1.0 / cells;
        if (hi - lo < 1e-3 * (wanted - lo) || fitOnEdge)
        {
            double marked = Height(w);
            if (contour.Unregularised is { } fitted && Inside(range, fitted[0], fitted[1])) marked = Math.Max(marked, Height(fitted));
            hi = Math.Min(wanted, Math.Max(hi, marked + 0.1 * (wanted - lo)));
        }
        if (!(hi > lo) || !double.IsFinite(hi - lo)) hi = lo + 1;
        double floor = lo - 0.12 * (hi - lo);

        var scene = new Scene3();
        // λP beside D is a guide to its shape, not the figure's subject: it is drawn up to half the box's height (or
        // to its value at the least-squares point, its rim then the ball through the unregularised fit, if lower), so
        // a penalty that rises faster than D over the range is no pyramid as tall as the bowl, standing in front of it
        double penaltyTop = lo + 0.5 * (hi - lo);
        if (contour.Unregularised is { } fit && P(fit[0], fit[1]) > lo) penaltyTop = Math.Min(penaltyTop, P(fit[0], fit[1]));
        AddHeightFields(scene, loss, Main, beside ? P : null, hi, penaltyTop, show == SurfaceShow.Objective ? SurfaceRole.Objective : SurfaceRole.Loss);

        // the floor: its frame, D's contours and the ball through w* (or the constraint's ball)
        Vec3 F(double x, double y) => new(x, y, floor);
        scene.AddPolyline([F(range.X0, range.Y0), F(range.X1, range.Y0), F(range.X1, range.Y1), F(range.X0, range.Y1), F(range.X0, range.Y0)], LineRole.Frame);
        foreach (var level in contour.LossContours)
            foreach (var line in level.Lines)
                scene.AddPolyline(Enumerable.Range(0, line.Count).Select(k => F(line.X[k], line.Y[k])).ToList(), LineRole.FloorContour);
        var ball = radius is { } t
            ? [Polyline.From(spec.Penalty.LevelSet(spec.Penalty.ValueAtNorm(t)))]
            : contour.TouchingNorm?.Lines ?? [];
        foreach (var line in ball)
        {
            var kept = Enumerable.Range(0, line.Count).Where(k => Inside(range, line.X[k], line.Y[k])).Select(k => F(line.X[k], line.Y[k])).ToList();
            scene.AddPolyline(kept, LineRole.Boundary);
            if (radius is not null) AddPrism(scene, kept, floor, hi);
        }

        AddMark(scene, "optimum", new Vec3(w[0], w[1], Height(w)), floor);
        if (contour.Unregularised is { } ls && Inside(range, ls[0], ls[1]))
            AddMark(scene, "least_squares", new Vec3(ls[0], ls[1], Height(ls)), floor);

        foreach (double x in new[] { range.X0, range.X1 }) foreach (double y in new[] { range.Y0, range.Y1 }) foreach (double z in new[] { floor, hi })
            scene.Bounds.Add(new Vec3(x, y, z));
        double half = Math.Max(range.Width, range.Height) / 2;
        var offset = new Vec3((range.X0 + range.X1) / 2, (range.Y0 + range.Y1) / 2, (floor + hi) / 2);
        return (scene, offset, new Vec3(1 / half, 1 / half, BoxHeight / (hi - floor)));
    }

    private static bool Inside(PlaneRange r, double x, double y) => x >= r.X0 && x <= r.X1 && y >= r.Y0 && y <= r.Y1;

    /// <summary>A node of the mesh: where it is, and the heights of the main surface and of the one beside it there.</summary>
    private readonly record struct Node(double X, double Y, double Main, double Beside)
    {
        public static Node Lerp(Node a, Node b, double t) =>
            new(a.X + t * (b.X - a.X), a.Y + t * (b.Y - a.Y), a.Main + t * (b.Main - a.Main), a.Beside + t * (b.Beside - a.Beside));
    }

    /// <summary>
    /// The main surface (two facets a cell) and, when given, the surface beside it on the same grid. Where both are
    /// drawn, each facet is first cut along the line where the two cross (both are linear on a facet, so their
    /// difference is, and the line is exact): every piece of one then lies wholly above or below the matching piece
    /// of the other, over the same footprint, and the painter's order by depth cannot interleave them into the
    /// saw-tooth a facet-sized straddle gives.
    /// </summary>
    private static void AddHeightFields(Scene3 scene, ScalarGrid grid, Func<double, double, int, int, double> main, Func<double, double, double>? beside,
        double mainTop, double besideTop, SurfaceRole role)
    {
        int n = grid.Cells;
        var nodes = new Node[(n + 1) * (n + 1)];
        for (int j = 0; j <= n; j++)
            for (int i = 0; i <= n; i++)
            {
                double x = grid.X(i), y = grid.Y(j);
                nodes[j * (n + 1) + i] = new Node(x, y, main(x, y, i, j), beside?.Invoke(x, y) ?? 0);
            }
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                Node a = nodes[j * (n + 1) + i], b = nodes[j * (n + 1) + i + 1], c = nodes[(j + 1) * (n + 1) + i + 1], d = nodes[(j + 1) * (n + 1) + i];
                foreach (var facet in new[] { new[] { a, b, c }, new[] { a, c, d } })
                {
                    if (beside is null) { AddBelow(scene, Main(facet), mainTop, role); continue; }
                    foreach (var piece in new[] { Side(facet, +1), Side(facet, -1) })
                    {
                        if (piece.Count < 3) continue;
                        AddBelow(scene, Main(piece), mainTop, role);
                        AddBelow(scene, [.. piece.Select(v => new Vec3(v.X, v.Y, v.Beside))], besideTop, SurfaceRole.Penalty);
                    }
                }
            }

        static Vec3[] Main(IEnumerable<Node> polygon) => [.. polygon.Select(v => new Vec3(v.X, v.Y, v.Main))];
    }

    /// <summary>The part of a polygon where sign·(main − beside) ≥ 0 (Sutherland–Hodgman against one linear function).</summary>
    private static List<Node> Side(Node[] polygon, int sign)
    {
        var kept = new List<Node>(5);
        for (int k = 0; k < polygon.Length; k++)
        {
            Node a = polygon[k], b = polygon[(k + 1) % polygon.Length];
            double fa = sign * (a.Main - a.Beside), fb = sign * (b.Main - b.Beside);
            if (fa >= 0) kept.Add(a);
            if ((fa >= 0) != (fb >= 0) && fa != fb) kept.Add(Node.Lerp(a, b, fa / (fa - fb)));
        }
        // a piece that only touches the line has no area: the other side draws it (a facet wholly on the line, once)
        bool area = kept.Any(v => sign * (v.Main - v.Beside) > 0) || (sign > 0 && polygon.All(v => v.Main == v.Beside));
        return kept.Count >= 3 && area ? kept : [];
    }

    /// <summary>The part of a facet at or below the height <paramref name="top"/> (a polygon clipped by one plane), as a fan of facets.</summary>
    private static void AddBelow(Scene3 scene, Vec3[] corners, double top, SurfaceRole role)
    {
        var kept = new List<Vec3>(4);
        for (int k = 0; k < corners.Length; k++)
        {
            Vec3 a = corners[k], b = corners[(k + 1) % corners.Length];
            if (a.Z <= top) kept.Add(a);
            if ((a.Z <= top) != (b.Z <= top)) kept.Add(a + (top - a.Z) / (b.Z - a.Z) * (b - a));
        }
        for (int k = 2; k < kept.Count; k++) scene.Triangles.Add(new Triangle3(kept[0], kept[k - 1], kept[k], role));
    }

    /// <summary>The constraint's walls: a translucent band over each piece of the ball's boundary, from the floor to the top of the box.</summary>
    private static void AddPrism(Scene3 scene, List<Vec3> boundary, double floor, double top)
    {
        for (int k = 1; k < boundary.Count; k++)
        {
            Vec3 a = boundary[k - 1], b = boundary[k];
            Vec3 at = a with { Z = top }, bt = b with { Z = top };
            scene.Triangles.Add(new Triangle3(a, b, bt, SurfaceRole.Prism));
            scene.Triangles.Add(new Triangle3(a, bt, at, SurfaceRole.Prism));
        }
        scene.AddPolyline(boundary.Select(p => p with { Z = top }).ToList(), LineRole.Boundary);
    }

    /// <summary>A point on the surface, its shadow on the floor, and the drop line between them.</summary>
    private static void AddMark(Scene3 scene, string name, Vec3 at, double floor)
    {
        var shadow = at with { Z = floor };
        scene.Marks.Add(new Mark3(name, at));
        scene.Marks.Add(new Mark3(name + "_floor", shadow));
        scene.Segments.Add(new Segment3(at, shadow, LineRole.Drop));
    }
}
