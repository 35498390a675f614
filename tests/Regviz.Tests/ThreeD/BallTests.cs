using System.Text.Json;
using CsCheck;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.ThreeD;

/// <summary>
/// regviz ball: the vertices the sidecar names are the ball's exact corners, each lands where an orthographic camera
/// at (azimuth, elevation) puts it, computed here from the angles alone, and the image there is the ball's colour.
/// </summary>
[Collection(Support.CurrentDirectory.Collection)]
public class BallTests : Support.ScratchFolder
{
    private (byte[] Png, JsonElement Json) Render(params string[] args) => FigureRun.Render(Dir, ["ball", .. args]);

    private static double[] Numbers(JsonElement e) => FigureRun.Numbers(e);

    /// <summary>The exact corners: ±eⱼ for l1 and lp, (±1, ±1, ±1) for linf, the axis intercepts r·eⱼ with αr + (1−α)r² = 1 for the elastic net.</summary>
    [Theory]
    [InlineData("l1")]
    [InlineData("linf")]
    [InlineData("lp")]
    [InlineData("elasticnet")]
    [InlineData("group")]
    public void Vertices_are_the_exact_corners(string norm)
    {
        var (_, json) = Render(["--norm", norm, .. norm == "elasticnet" ? new[] { "--alpha", "0.3" } : [], "--size", "300x300"]);
        var vertices = json.GetProperty("vertices").EnumerateArray().Select(v => Numbers(v.GetProperty("w"))).ToList();
        Assert.Equal(35, json.GetProperty("camera").GetProperty("azimuth").GetDouble()); // the default view
        Assert.Equal(25, json.GetProperty("camera").GetProperty("elevation").GetDouble());
        if (norm == "linf")
        {
            Assert.Equal(8, vertices.Count);
            Assert.All(vertices, v => Assert.All(v, x => Assert.Equal(1.0, Math.Abs(x))));
            Assert.Equal(8, vertices.Select(v => string.Join(",", v)).Distinct().Count());
            return;
        }
        // closed form of the elastic-net intercept: 0.7r² + 0.3r − 1 = 0
        double r = norm == "elasticnet" ? (-0.3 + Math.Sqrt(0.09 + 4 * 0.7)) / (2 * 0.7) : 1;
        Assert.Equal(6, vertices.Count);
        foreach (var v in vertices)
        {
            Assert.Equal(2, v.Count(x => x == 0));
            Assert.Equal(r, v.Max(Math.Abs), 12);
        }
    }

    [Fact]
    public void Projected_vertices_land_where_the_camera_says_and_on_the_ball()
    {
        string[] norms = ["l1", "l2", "linf", "elasticnet", "lp", "group"];
        Gen.Select(Gen.Int[0, norms.Length - 1], Gen.Double[-180, 180], Gen.Double[-60, 60]).Sample((n, az, el) =>
        {
            var (png, json) = Render("--norm", norms[n], "--view", FormattableString.Invariant($"{az:R},{el:R}"), "--size", "300x300");
            var camera = json.GetProperty("camera");
            var m = camera.GetProperty("pixel_matrix").EnumerateArray().Select(Numbers).ToArray();
            // the camera from its angles alone: screen right (−sin az, cos az, 0), up (−sin el cos az, −sin el sin az, cos el)
            double a = az * Math.PI / 180, e = el * Math.PI / 180;
            double[] right = [-Math.Sin(a), Math.Cos(a), 0], up = [-Math.Sin(e) * Math.Cos(a), -Math.Sin(e) * Math.Sin(a), Math.Cos(e)];
            double s = Math.Sqrt(m[0][..3].Sum(x => x * x));
            for (int k = 0; k < 3; k++)
            {
                Assert.Equal(s * right[k], m[0][k], 9);
                Assert.Equal(-s * up[k], m[1][k], 9);
            }
            var image = ImageComparison.Decode(png)!.Value;
            var centre = (X: m[0][3], Y: m[1][3]); // where the origin lands
            foreach (var v in json.GetProperty("vertices").EnumerateArray())
            {
                var w = Numbers(v.GetProperty("w"));
                var at = Numbers(v.GetProperty("at"));
                Assert.Equal(centre.X + s * (right[0] * w[0] + right[1] * w[1] + right[2] * w[2]), at[0], 6);
                Assert.Equal(centre.Y - s * (up[0] * w[0] + up[1] * w[1] + up[2] * w[2]), at[1], 6);
                // a little way in from the vertex toward the origin's image the picture is the ball (the segment from a
                // vertex to the centre lies inside the solid, so its image is covered by the ball whichever side is in front)
                // the lp star (p = 0.5) narrows to a cusp at each tip, thinner than a pixel a tenth of the way in: look
                // 60% of the way in, where its arm is still several pixels wide
                double f = norms[n] == "lp" ? 0.6 : 0.1;
                double x = at[0] + f * (centre.X - at[0]), y = at[1] + f * (centre.Y - at[1]);
                Assert.True(MostlyBall(image, (int)Math.Round(x), (int)Math.Round(y)), $"{norms[n]} at view {az},{el}: the pixels near ({x:F1}, {y:F1}), in from vertex ({string.Join(", ", w)}), are not the ball");
            }
        }, iter: 12);
    }

    /// <summary>
    /// The 5×5 block at (x, y) is the ball: most of its pixels are the ball's blue (the light style's penalty colour
    /// #1F5FAD, darkened by the lighting: blue well above red and green) or its dark edges (#222222, which meet at a
    /// vertex seen end on), and at least one is blue. The background is white and the axes mid-grey.
    /// </summary>
    private static bool MostlyBall((byte[] Rgb, int Width, int Height) image, int x, int y)
    {
        int blue = 0, ball = 0, all = 0;
        for (int dy = -2; dy <= 2; dy++)
            for (int dx = -2; dx <= 2; dx++)
            {
                int px = Math.Clamp(x + dx, 0, image.Width - 1), py = Math.Clamp(y + dy, 0, image.Height - 1);
                int i = 3 * (py * image.Width + px);
                byte r = image.Rgb[i], g = image.Rgb[i + 1], b = image.Rgb[i + 2];
                all++;
                bool isBlue = b > r + 25 && b > g + 10, isEdge = r < 90 && g < 90 && b < 90;
                if (isBlue) blue++;
                if (isBlue || isEdge) ball++;
            }
        return blue > 0 && ball * 2 > all;
    }

    [Theory]
    [InlineData("--groups", "1,1:3", "--groups: w1 is in two groups")]
    [InlineData("--groups", "1,2", "--groups: w3 is in no group")]
    [InlineData("--groups", "3:2", "runs backwards")]
    [InlineData("--view", "30,120", "--view: '30,120' is not AZ,EL")]
    [InlineData("--norm", "mcp", "no unit ball")]
    public void Bad_input_is_one_error_line_and_exit_2(string option, string value, string message)
    {
        string[] args = option == "--groups" ? ["--norm", "group", option, value] : [option, value];
        var r = CliRunner.Run(["ball", .. args, "--out", Path.Combine(Dir, "x.png")]);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.ErrorLines);
        Assert.StartsWith("error: ", r.ErrorLines[0]);
        Assert.Contains(message, r.Stderr);
        Assert.False(File.Exists(Path.Combine(Dir, "x.png")));
    }

    [Fact]
    public void Golden_balls_of_every_norm()
    {
        var (png, _) = Render("--norm", "l1,l2,linf,elasticnet,lp,group", "--size", "300x300");
        Figures.Golden.AssertMatches("ball-every-norm.png", png);
    }

    [Theory]
    [InlineData("dark")]
    [InlineData("print")]
    public void Golden_balls_in_the_dark_and_print_styles(string style)
    {
        var (png, _) = Render("--norm", "l1,l2,linf,elasticnet,lp,group", "--size", "300x300", "--style", style);
        Figures.Golden.AssertMatches($"ball-every-norm-{style}.png", png);
    }
}
