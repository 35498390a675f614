using System.Text.Json;
using System.Text.RegularExpressions;
using Regviz.Core.Contours;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>
/// The classic figures say what their books say (#24): ESL 3.13 overlays its two balls on one axes, as ESL draws it;
/// Parr's L1-vs-L2 draws each penalty's loss level set in that penalty's colour; a loss given by --centre/--hessian
/// labels its axes w₁ and w₂ (there are no data columns) and names its file after that loss, not a loss flag.
/// </summary>
[Collection(Support.CurrentDirectory.Collection)]
public class ClassicsMeaningTests : Support.ScratchFolder
{
    private static string ManifestArgs(string outName)
    {
        string manifest = File.ReadAllText(Support.Repository.Path("samples", "classics", "figures.yaml"));
        var m = Regex.Match(manifest, $@"- out: {Regex.Escape(outName)}\s*\n\s*args: (.*)");
        Assert.True(m.Success, $"{outName} is not in samples/classics/figures.yaml");
        return m.Groups[1].Value.Trim();
    }

    private JsonElement Render(string[] args, string file)
    {
        string png = Path.Combine(Dir, file), json = png + ".json";
        var r = CliRunner.Run([.. args, "--out", png, "--json", json]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Esl_3_13_draws_the_lp_ball_and_the_elastic_net_ball_on_one_axes()
    {
        var json = Render(ManifestArgs("esl-3.13.png").Split(' ', StringSplitOptions.RemoveEmptyEntries), "esl.png");
        Assert.Equal("overlay", json.GetProperty("arrangement").GetString());
        var entries = json.GetProperty("overlay").EnumerateArray().ToList();
        Assert.Equal(["lp", "elasticnet"], entries.Select(e => e.GetProperty("norm").GetString()));
        // both unit balls, each through (1, 0) and (0, 1): |w|^1.2 and 0.8|w| + 0.2w² are 1 at |w| = 1
        foreach (var e in entries)
        {
            var norm = e.GetProperty("contours").GetProperty("norm").EnumerateArray().ToList();
            Assert.Single(norm);
            Assert.Equal(1.0, norm[0].GetProperty("level").GetDouble());
        }
    }

    [Fact]
    public void Parr_l1_vs_l2_draws_each_penalty_loss_level_set_in_that_penalty_colour()
    {
        var args = ManifestArgs("parr-l1-vs-l2.png").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var json = Render(args, "parr.png");
        var image = ImageComparison.Decode(File.ReadAllBytes(Path.Combine(Dir, "parr.png")))!.Value;
        var entries = json.GetProperty("overlay").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        var looks = OverlayFigure.Looks(Theme.Light, entries.Count, avoidLoss: true);
        Assert.NotEqual(looks[0].Color, looks[1].Color);
        var frame = new FigureStyle(image.Width, image.Height, Theme.Light, null).Frame();
        for (int k = 0; k < entries.Count; k++)
        {
            var r = entries[k].GetProperty("range");
            var range = new PlaneRange(r.GetProperty("x0").GetDouble(), r.GetProperty("x1").GetDouble(), r.GetProperty("y0").GetDouble(), r.GetProperty("y1").GetDouble());
            double level = entries[k].GetProperty("touching").GetProperty("loss_level").GetDouble();
            var set = entries[k].GetProperty("contours").GetProperty("loss").EnumerateArray().Single(c => c.GetProperty("level").GetDouble() == level);
            int own = 0, other = 0, seen = 0;
            foreach (var line in set.GetProperty("lines").EnumerateArray())
                foreach (var p in line.EnumerateArray())
                {
                    var (px, py) = frame.ToPixel(range, p[0].GetDouble(), p[1].GetDouble());
                    if (!frame.InsideData(px, py, 4)) continue;
                    seen++;
                    if (Near(image, px, py, looks[k].Color)) own++;
                    if (Near(image, px, py, looks[1 - k].Color)) other++;
                }
            Assert.True(seen > 20, $"penalty {k}: {seen} points of its level set in view");
            // most of it in its own colour (labels, the legend and the other curves cover some), and not in the other's
            Assert.True(own > 0.6 * seen, $"penalty {k}: {own} of {seen} points of its loss level set drawn in its colour");
            Assert.True(other < own / 3, $"penalty {k}: {other} of {seen} points in the other penalty's colour");
        }
    }

    /// <summary>Whether a pixel within 2 px of (x, y) has <paramref name="color"/> (anti-aliasing blurs the rest).</summary>
    private static bool Near((byte[] Rgb, int Width, int Height) image, float x, float y, ScottPlot.Color color)
    {
        for (int dy = -2; dy <= 2; dy++)
            for (int dx = -2; dx <= 2; dx++)
            {
                int ix = (int)MathF.Round(x) + dx, iy = (int)MathF.Round(y) + dy;
                if (ix < 0 || iy < 0 || ix >= image.Width || iy >= image.Height) continue;
                int i = 3 * (iy * image.Width + ix);
                int d = Math.Abs(image.Rgb[i] - color.R) + Math.Abs(image.Rgb[i + 1] - color.G) + Math.Abs(image.Rgb[i + 2] - color.B);
                if (d < 40) return true;
            }
        return false;
    }

    [Theory]
    [InlineData("contour", "--norm", "l1", "--radius", "1")]
    [InlineData("contour", "--norm", "l1,l2", "--radius", "1", "--overlay")]
    [InlineData("contour", "--norm", "l2", "--lambda", "0.5")]
    public void A_given_loss_names_its_axes_w1_and_w2_alone_and_its_file_after_the_loss(params string[] args)
    {
        string old = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Dir; // default names are written to the current folder
        try { GivenLossNames(args); }
        finally { Environment.CurrentDirectory = old; }
    }

    private void GivenLossNames(string[] args)
    {
        string[] given = ["--centre", "1.2,1.8", "--hessian", "2,0.9,1"];
        var r = CliRunner.Run([.. args, .. given, "--size", "300x300", "--grid", "60", "--json", Path.Combine(Dir, "s.json")]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        string name = r.Stdout.Trim().Split('\n')[0];
        Assert.Contains("quadratic-c1.2_1.8-a2_0.9_1", name);
        Assert.DoesNotContain("sse", name);
        // the sidecar names the weights themselves (every "features" list, one per overlaid penalty), and no text speaks of columns
        string sidecar = File.ReadAllText(Path.Combine(Dir, "s.json"));
        var features = Regex.Matches(sidecar, @"""features"": \[\s*""([^""]*)"",\s*""([^""]*)""\s*\]");
        Assert.NotEmpty(features);
        Assert.All(features, m => Assert.Equal(("w1", "w2"), (m.Groups[1].Value, m.Groups[2].Value)));
        Assert.DoesNotContain("(x1)", sidecar);
        Assert.DoesNotContain("(w1)", sidecar);
        File.Delete(Path.Combine(Dir, name));
        // a different loss is a different picture, so a different name
        var other = CliRunner.Run([.. args, "--centre", "1.2,1.8", "--hessian", "2,0.5,1", "--size", "300x300", "--grid", "60"]);
        Assert.NotEqual(name, other.Stdout.Trim().Split('\n')[0]);
    }

    [Fact]
    public void An_axis_named_after_its_own_weight_is_not_repeated_and_a_data_column_is_kept()
    {
        Assert.Equal("w₁", WeightNames.Axis(0, "w1"));
        Assert.Equal("w₂", WeightNames.Axis(1, "w2"));
        Assert.Equal("w₁ (x1)", WeightNames.Axis(0, "x1"));
        Assert.Equal("w₂ (w1)", WeightNames.Axis(1, "w1")); // a column named after the other weight is still a column
    }
}
