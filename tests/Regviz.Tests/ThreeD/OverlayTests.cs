using System.Text.Json;
using CsCheck;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Core.ThreeD;
using Regviz.Plotting;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.ThreeD;

/// <summary>
/// What a 3-D figure draws over its solids, and where two solids meet: axis labels clear of the ball, marks behind a
/// surface known to be behind it (checked against a ray cast through the exact J, not the mesh), D and λP cut along
/// their crossing, print's light faces.
/// </summary>
[Collection(Support.CurrentDirectory.Collection)]
public class OverlayTests : Support.ScratchFolder
{
    private static double[] Numbers(JsonElement e) => FigureRun.Numbers(e);

    [Fact]
    public void Axis_labels_lie_off_the_ball_inside_the_image()
    {
        string[] norms = ["l1", "l2", "linf", "elasticnet", "lp", "group"];
        Gen.Select(Gen.Int[0, norms.Length - 1], Gen.Double[-180, 180], Gen.Double[-70, 70]).Sample((n, az, el) =>
        {
            var (png, json) = FigureRun.Render(Dir, "ball", "--norm", norms[n], "--view", FormattableString.Invariant($"{az:R},{el:R}"), "--size", "300x300");
            var image = ImageComparison.Decode(png)!.Value;
            var labels = json.GetProperty("labels").EnumerateArray().ToList();
            Assert.Equal(["w₁", "w₂", "w₃"], labels.Select(l => l.GetProperty("text").GetString()!).Order());
            foreach (var label in labels)
            {
                var box = Numbers(label.GetProperty("box"));
                Assert.True(box[0] >= 0 && box[1] >= 0 && box[2] <= image.Width && box[3] <= image.Height, $"{norms[n]} at {az},{el}: label box {string.Join(", ", box)} leaves the image");
                // the ball's faces are the light style's penalty blue, shaded; text, axes and background are greys
                for (int y = (int)Math.Floor(box[1]); y < (int)Math.Ceiling(box[3]); y++)
                    for (int x = (int)Math.Floor(box[0]); x < (int)Math.Ceiling(box[2]); x++)
                    {
                        int i = 3 * (y * image.Width + x);
                        Assert.False(image.Rgb[i + 2] > image.Rgb[i] + 25, $"{norms[n]} at {az},{el}: the ball shows at ({x}, {y}) under label {label.GetProperty("text")}");
                    }
            }
        }, iter: 10, threads: 1);
    }

    /// <summary>
    /// J(w) = (w − c)ᵀA(w − c) + λP(w) (--centre, --hessian, --show j), so the test knows the surface exactly: from each
    /// mark it walks toward the eye (the direction the sidecar's camera gives) and asks whether the ray crosses the
    /// surface where it is drawn (inside the range, not above the top the sidecar states). Marks whose ray grazes the
    /// surface, within 3% of the box's height, and
    /// marks within two mesh cells of the l1 term's crease are left undecided. About a third are decided (w* and its
    /// floor mark sit at the bowl's bottom, which rays leave nearly flat, and lasso optima on the crease): so figures
    /// are drawn until <see cref="DecidedMarks"/> are decided, rather than a fixed number of figures whose decided
    /// count sat at a third (16 of 48) in a CI run.
    /// </summary>
    [Fact]
    public void A_mark_is_hidden_exactly_when_the_surface_is_between_it_and_the_eye()
    {
        int decided = 0, total = 0;
        var gen = Gen.Select(Gen.Double[-180, 180], Gen.Double[15, 80], Gen.Double[-1.2, 1.2], Gen.Double[-1.2, 1.2], Gen.Double[-0.8, 0.8], Gen.Bool);
        gen.Sample((az, el, cx, cy, b, l1) =>
        {
            if (decided >= DecidedMarks) return;
            double a = 1, d = 2.5, lambda = 0.4;
            string Num(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            var (_, json) = FigureRun.Render(Dir, "surface", "--centre", $"{Num(cx)},{Num(cy)}", "--hessian", $"{Num(a)},{Num(b)},{Num(d)}",
                "--norm", l1 ? "l1" : "l2", "--lambda", Num(lambda), "--show", "j", "--range", "-2:2,-2:2", "--grid", "60",
                "--view", $"{Num(az)},{Num(el)}", "--size", "300x300");
            double J(double x, double y)
            {
                double u = x - cx, v = y - cy;
                return a * u * u + 2 * b * u * v + d * v * v + lambda * (l1 ? Math.Abs(x) + Math.Abs(y) : x * x + y * y);
            }
            // J's slope along the unit direction (dx, dy): the l1 term's at a zero weight (to rounding) is λ|d| either way
            double Slope(double x, double y, double dx, double dy)
            {
                double u = x - cx, v = y - cy;
                double gx = 2 * (a * u + b * v), gy = 2 * (b * u + d * v);
                double pen = l1 ? (Math.Abs(x) < 1e-9 ? Math.Abs(dx) : Math.Sign(x) * dx) + (Math.Abs(y) < 1e-9 ? Math.Abs(dy) : Math.Sign(y) * dy) : 2 * (x * dx + y * dy);
                return gx * dx + gy * dy + lambda * pen;
            }
            var heights = Numbers(json.GetProperty("heights"));
            double floor = heights[0], top = heights[1], tol = 0.03 * (top - floor);
            var p = json.GetProperty("camera").GetProperty("pixel_matrix").EnumerateArray().Select(Numbers).ToArray();
            double e = el * Math.PI / 180, t = az * Math.PI / 180;
            // pixels per data unit across the plane and up the height axis
            double kx = Math.Sqrt(p[0][0] * p[0][0] + p[0][1] * p[0][1]), kz = -p[1][2] / Math.Cos(e);
            double[] toward = [Math.Cos(e) * Math.Cos(t) / kx, Math.Cos(e) * Math.Sin(t) / kx, Math.Sin(e) / kz]; // a step of one pixel of depth
            foreach (var mark in json.GetProperty("marks").EnumerateArray())
            {
                // walk from the mark toward the eye over the drawn surface (inside the range, not above its top): the
                // mark is behind the surface when the ray crosses it. A mark on the surface starts above it when the
                // surface falls away along the ray faster than the ray rises (J's slope toward the eye below the
                // ray's), a mark on the floor below it.
                var w = Numbers(mark.GetProperty("w"));
                bool onFloor = mark.GetProperty("name").GetString()!.EndsWith("_floor");
                double along = Math.Sqrt(toward[0] * toward[0] + toward[1] * toward[1]), rise = toward[2] / along;
                double slope = Slope(w[0], w[1], toward[0] / along, toward[1] / along);
                if (!onFloor && Math.Abs(slope - rise) < 0.05 * rise) { total++; continue; } // seen edge on
                // within two cells of the l1 term's crease (a weight at or near 0, where lasso optima sit) the drawn
                // surface is chords over a kink, above J by up to λ times a cell: below the figure's resolution too
                if (!onFloor && l1 && Math.Min(Math.Abs(w[0]), Math.Abs(w[1])) < 2 * 4.0 / 48) { total++; continue; }
                int side = onFloor || slope > rise ? -1 : 1;
                bool crossed = false, grazed = false;
                for (double s = 0.5; s < 3000 && !crossed; s += 0.5)
                {
                    double x = w[0] + s * toward[0], y = w[1] + s * toward[1], z = w[2] + s * toward[2];
                    if (z > top) break; // above the top no drawn surface is left to cross
                    if (Math.Abs(x) > 2 || Math.Abs(y) > 2) continue;
                    double h = J(x, y);
                    if (h > top) continue;
                    double gap = z - h;
                    if (Math.Abs(gap) < tol) { grazed |= s >= 8; continue; } // near the mark the ray is near the surface it leaves
                    crossed = Math.Sign(gap) != side;
                    // within two cells of the 48×48 mesh the drawn surface is its chords, not J: a crossing there is
                    // below the figure's resolution, and the mark is left undecided
                    if (crossed && Math.Sqrt((x - w[0]) * (x - w[0]) + (y - w[1]) * (y - w[1])) < 2 * 4.0 / 48) grazed = true;
                }
                total++;
                if (grazed) continue;
                decided++;
                Assert.True(crossed == mark.GetProperty("hidden").GetBoolean(),
                    $"{mark.GetProperty("name")} at ({string.Join(", ", w)}), view {az},{el}: the ray {(crossed ? "crosses" : "does not cross")} the surface but hidden is {mark.GetProperty("hidden")}");
            }
        }, iter: 60, threads: 1);
        Assert.True(decided >= DecidedMarks, $"only {decided} of {total} marks were clear of the surface's edge");
    }

    /// <summary>How many marks the hidden-mark test decides: a third to a half of marks are decided (24 took 12 to 17 figures in four runs), so 60 figures miss 24 only if something is wrong.</summary>
    private const int DecidedMarks = 24;

    /// <summary>
    /// D and λP on one grid: wherever both are drawn, a facet of D has a facet of λP over the same footprint, and on it
    /// D − λP keeps one sign (the mesh is cut along their crossing), so the painter's order of the two cannot saw-tooth.
    /// </summary>
    [Fact]
    public void The_loss_and_the_penalty_are_cut_along_their_crossing()
    {
        int pairs = 0;
        Gen.Select(Gen.Int[0, 2], Gen.Double[0.05, 2]).Sample((n, lambda) =>
        {
            Penalty penalty = n switch { 0 => new L1Penalty(), 1 => new L2Penalty(), _ => PenaltyCatalogue.Create("elasticnet", PenaltyArguments.None.With("alpha", 0.5).With("p", 0.5))! };
            var spec = new ProblemSpec(BuiltInDataset.Create(), LossKind.Mse, false, penalty, Form.Penalised(lambda));
            var contour = SceneBuilder.Contour(spec, new SceneOptions(null, 60, 8, false));
            var (scene, _, _) = SurfaceMesh.Build(spec, contour, SurfaceShow.Split, 48);
            static string Key(Triangle3 f) => string.Join(";", new[] { f.A, f.B, f.C }.Select(v => $"{v.X:R},{v.Y:R}").Order());
            var penaltyFacets = scene.Triangles.Where(f => f.Role == SurfaceRole.Penalty).GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
            foreach (var f in scene.Triangles.Where(f => f.Role == SurfaceRole.Loss))
            {
                if (!penaltyFacets.TryGetValue(Key(f), out var g)) continue; // one of the two was cut at the top of the box
                Interlocked.Increment(ref pairs);
                double Height(Triangle3 facet, Vec3 at) => new[] { facet.A, facet.B, facet.C }.First(v => v.X == at.X && v.Y == at.Y).Z;
                var gaps = new[] { f.A, f.B, f.C }.Select(v => v.Z - Height(g, v)).ToArray();
                double scale = 1e-12 * (1 + gaps.Max(Math.Abs) + Math.Abs(f.A.Z));
                Assert.False(gaps.Any(x => x > scale) && gaps.Any(x => x < -scale), $"a facet pair straddles the crossing: {string.Join(", ", gaps)}");
            }
        }, iter: 40);
        // where D is cut at the top of its box around the origin, the two share no footprint: but most problems do (12
        // problems once gave only 40 pairs, so 40 are drawn)
        Assert.True(pairs > 50, $"only {pairs} facets of D have a λP facet beneath or above them");
    }

    [Fact]
    public void Print_balls_have_light_faces_and_dark_edges()
    {
        var (png, _) = FigureRun.Render(Dir, "ball", "--norm", "l1,linf,group", "--style", "print", "--size", "300x300");
        var image = ImageComparison.Decode(png)!.Value;
        int light = 0, dark = 0;
        for (int i = 0; i < image.Rgb.Length; i += 3)
        {
            int v = image.Rgb[i + 1];
            Assert.True(Math.Abs(image.Rgb[i] - v) < 3 && Math.Abs(image.Rgb[i + 2] - v) < 3, "print is grey");
            if (v is >= 110 and < 245) light++;
            else if (v < 70) dark++;
        }
        // the faces fill most of three panels; the dark pixels are the edges, text and axes
        Assert.True(light > 0.15 * image.Width * image.Height, $"{light} light-grey pixels");
        Assert.True(light > 5 * dark, $"{light} light-grey pixels against {dark} dark ones");
    }
}
