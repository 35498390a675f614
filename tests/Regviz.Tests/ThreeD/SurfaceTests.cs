using System.Text.Json;
using CsCheck;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.ThreeD;

/// <summary>regviz surface: w* and least squares are marked at their heights D(w) and on the floor, where the camera puts them; one golden per norm.</summary>
[Collection(Support.CurrentDirectory.Collection)]
public class SurfaceTests : Support.ScratchFolder
{
    private (byte[] Png, JsonElement Json) Render(params string[] args) => FigureRun.Render(Dir, ["surface", .. args]);

    private static double[] Numbers(JsonElement e) => FigureRun.Numbers(e);

    [Fact]
    public void In_the_print_style_the_bowl_is_shaded_not_a_black_blot()
    {
        // print draws the loss in near-black; shading scales towards black, so the bowl once came out one black shape
        // (about a sixth of the image at 400 px). Only the thin black floor contours and marks may be that dark now.
        var (png, _) = Render("--norm", "l1", "--lambda", "0.5", "--size", "400", "--style", "print");
        var image = Regviz.Plotting.ImageComparison.Decode(png)!.Value;
        int black = 0;
        for (int i = 0; i < image.Rgb.Length; i += 3)
            if (Math.Max(image.Rgb[i], Math.Max(image.Rgb[i + 1], image.Rgb[i + 2])) < 16) black++;
        Assert.True(black < 0.04 * image.Width * image.Height, $"{black} of {image.Width * image.Height} pixels are black");
    }

    [Theory]
    [InlineData("l1")]
    [InlineData("l2")]
    [InlineData("linf")]
    [InlineData("elasticnet")]
    [InlineData("lp")]
    public void Golden_surface_per_norm(string norm)
    {
        var (png, _) = Render("--norm", norm, "--lambda", "0.5", "--size", "400x400", "--grid", "100");
        Figures.Golden.AssertMatches($"surface-{norm}.png", png);
    }

    /// <summary>The dark style's colours and print's light greys under black lines, at 400 px (looked at when made).</summary>
    [Theory]
    [InlineData("dark")]
    [InlineData("print")]
    public void Golden_surface_in_the_dark_and_print_styles(string style)
    {
        var (png, _) = Render("--norm", "l1", "--lambda", "0.5", "--size", "400x400", "--grid", "100", "--style", style);
        Figures.Golden.AssertMatches($"surface-l1-{style}.png", png);
    }

    /// <summary>
    /// D(w) = (w − c)ᵀA(w − c) with c anywhere in the range, often on its edge or corner: the bowl is cut at its lowest
    /// point on the range's edge, which for a c on the edge is D's minimum, 0 (once a box of height 1e-31 and a drop line
    /// 1e29 long, cut into pieces until the process ran out of memory). The box keeps at least 1e-3 of the height it
    /// wants (D's largest value, at a corner, or a little above the level through the origin, both known exactly here),
    /// and where the rim is the bowl's bottom it holds every mark.
    /// </summary>
    [Fact]
    public void A_fit_on_the_range_edge_keeps_the_bowl_and_its_marks_inside_a_box_of_real_height()
    {
        string Num(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var edgeOrInside = Gen.OneOf(Gen.Const(-1.0), Gen.Const(2.0), Gen.Double[-1, 2]);
        Gen.Select(edgeOrInside, edgeOrInside, Gen.Double[0.2, 3], Gen.Double[-0.9, 0.9], Gen.Double[0.2, 3], Gen.Int[0, 2])
            .Sample((cx, cy, a, r, d, lambda) =>
            {
                double b = r * Math.Sqrt(a * d);
                string[] penalised = lambda == 0 ? [] : ["--norm", "l1", "--lambda", lambda == 1 ? "0.3" : "2"];
                var (_, json) = Render(["--centre", $"{Num(cx)},{Num(cy)}", "--hessian", $"{Num(a)},{Num(b)},{Num(d)}", "--range", "-1:2,-1:2",
                    "--grid", "30", "--size", "300x300", .. penalised]);
                double D(double x, double y) { double u = x - cx, v = y - cy; return a * u * u + 2 * b * u * v + d * v * v; }
                var heights = Numbers(json.GetProperty("heights"));
                double floor = heights[0], top = heights[1], lo = (floor + 0.12 * top) / 1.12; // the floor is 12% of the box below the lowest point
                // the box's height wanted: D's (or λP's) largest value, at a corner, or a little above the level through the origin
                double reach = Math.Max(new[] { D(-1, -1), D(-1, 2), D(2, -1), D(2, 2) }.Max(), lambda == 0 ? 0 : (lambda == 1 ? 0.3 : 2) * 4);
                double wanted = Math.Min(reach, D(0, 0) + 0.3 * (D(0, 0) - lo));
                Assert.True(top - lo >= 1e-3 * (wanted - lo) * (1 - 1e-9), $"c ({cx}, {cy}): the box is {top - lo:G4} above its lowest point, {wanted - lo:G4} wanted");
                bool onEdge = cx is -1 or 2 || cy is -1 or 2;
                foreach (var mark in json.GetProperty("marks").EnumerateArray())
                {
                    double z = Numbers(mark.GetProperty("w"))[2];
                    Assert.True(double.IsFinite(z));
                    if (onEdge && lambda == 0) Assert.True(z >= floor - 1e-9 && z <= top + 1e-9, $"c ({cx}, {cy}): {mark.GetProperty("name")} at height {z} outside [{floor}, {top}]");
                }
            }, iter: 30, threads: 1);
    }

    /// <summary>CI's draw (seed 1SfAfdJAKRIk): the fit on the edge between two nodes, so the rim stood a little above the bottom and the box left w* out.</summary>
    [Fact]
    public void A_fit_on_the_edge_between_nodes_keeps_the_optimum_in_the_box()
    {
        var (_, json) = Render(["--centre", "-0.14285714285714285,-1", "--hessian", "1.2040816326530612,-0.5276489013914925,0.38372093023255816", "--range", "-1:2,-1:2",
            "--grid", "30", "--size", "300x300"]);
        var heights = Numbers(json.GetProperty("heights"));
        foreach (var mark in json.GetProperty("marks").EnumerateArray())
        {
            double z = Numbers(mark.GetProperty("w"))[2];
            Assert.True(z >= heights[0] - 1e-9 && z <= heights[1] + 1e-9, $"{mark.GetProperty("name")} at height {z} outside [{heights[0]}, {heights[1]}]");
        }
    }

    [Fact]
    public void The_optimum_is_marked_at_its_data_term_above_its_floor_point()
    {
        var (_, json) = Render("--norm", "l1", "--lambda", "0.5", "--size", "400x400", "--grid", "100");
        var solve = CliRunner.Run("solve", "--norm", "l1", "--lambda", "0.5", "--json", "-");
        using var solved = JsonDocument.Parse(solve.Stdout);
        var weights = Numbers(solved.RootElement.GetProperty("weights"));
        double objective = solved.RootElement.GetProperty("objective").GetDouble();
        double l1 = Math.Abs(weights[0]) + Math.Abs(weights[1]);
        var marks = json.GetProperty("marks").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => (W: Numbers(m.GetProperty("w")), At: Numbers(m.GetProperty("at"))));
        Assert.Equal(-60, json.GetProperty("camera").GetProperty("azimuth").GetDouble()); // the default view
        Assert.Equal(55, json.GetProperty("camera").GetProperty("elevation").GetDouble());
        var top = marks["optimum"];
        var floor = marks["optimum_floor"];
        Assert.Equal(weights[0], top.W[0], 9);
        Assert.Equal(weights[1], top.W[1], 9);
        Assert.Equal(objective - 0.5 * l1, top.W[2], 9); // the loss surface carries D(w*) = J − λ‖w*‖₁
        Assert.Equal(top.W[..2], floor.W[..2]);
        Assert.True(floor.W[2] < top.W[2]);
        // the floor point lies straight below: same screen x, lower on screen (larger y) with the default elevation
        Assert.Equal(top.At[0], floor.At[0], 6);
        Assert.True(floor.At[1] > top.At[1]);
        var m = json.GetProperty("camera").GetProperty("pixel_matrix").EnumerateArray().Select(Numbers).ToArray();
        foreach (var (w, at) in new[] { top, floor })
            for (int r = 0; r < 2; r++)
                Assert.Equal(m[r][0] * w[0] + m[r][1] * w[1] + m[r][2] * w[2] + m[r][3], at[r], 6);
    }

    [Fact]
    public void Show_j_with_a_radius_is_refused()
    {
        var r = CliRunner.Run("surface", "--radius", "1", "--show", "j", "--out", Path.Combine(Dir, "x.png"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error: --show j", r.Stderr);
    }
}
