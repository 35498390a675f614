using System.Text.Json;
using System.Xml.Linq;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>The textbook controls (exact levels, fill, no legend or labels) and the fixes that keep a figure honest.</summary>
public class TextbookControlTests : Support.ScratchFolder
{
    private JsonElement Json(params string[] args)
    {
        var r = CliRunner.Run([.. args, "--out", Path.Combine(Dir, "f.png"), "--json", "-"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        return doc.RootElement.Clone();
    }

    private static double[] Levels(JsonElement root, string kind = "norm") =>
        [.. root.GetProperty("contours").GetProperty(kind).EnumerateArray().Select(c => c.GetProperty("level").GetDouble())];

    private XDocument Svg(params string[] args)
    {
        string path = Path.Combine(Dir, "f.svg");
        var r = CliRunner.Run([.. args, "--grid", "120", "--out", path]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return XDocument.Parse(File.ReadAllText(path));
    }

    private static string Text(XDocument svg) => string.Concat(svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));

    [Theory]
    [InlineData("-3:3,-3:3")]
    [InlineData("-0.5:0.5,-0.5:0.5")]
    [InlineData("0:10,-1:1")]
    public void Norm_range_never_changes_which_level_sets_are_drawn(string range)
    {
        // the case: --levels 1 with a wider range drew P = 2.07, not the unit ball
        Assert.Equal([1.0], Levels(Json("norm", "--norm", "l1", "--levels", "1", "--range", range)));
        Assert.Equal([0.25, 0.5, 0.75, 1.0], Levels(Json("norm", "--norm", "l2", "--levels", "4", "--range", range)));
    }

    [Theory]
    [InlineData("l1", 1.0)]
    [InlineData("l2", 1.0)]
    [InlineData("linf", 1.0)]
    [InlineData("lp", 1.0)]
    [InlineData("elasticnet", 1.0)]
    public void Norm_level_draws_exactly_that_level_set(string norm, double level)
    {
        var root = Json("norm", "--norm", norm, "--level", "1");
        Assert.Equal([level], Levels(root));
        var penalty = PenaltyCatalogue.Create(norm)!;
        foreach (var line in root.GetProperty("contours").GetProperty("norm")[0].GetProperty("lines").EnumerateArray())
            foreach (var pt in line.EnumerateArray())
                Assert.True(Math.Abs(penalty.Value([pt[0].GetDouble(), pt[1].GetDouble()]) - 1) <= 1e-12);
    }

    [Fact]
    public void Norm_level_list_sets_the_view_around_the_largest()
    {
        var root = Json("norm", "--norm", "l1", "--level", "0.5,2");
        Assert.Equal([0.5, 2.0], Levels(root));
        // the diamond |w1| + |w2| = 2 reaches ±2 on the axes; a quarter of margin: ±2.5 (w1 widened for equal aspect)
        var range = root.GetProperty("range");
        Assert.Equal(-2.5, range.GetProperty("y0").GetDouble(), 12);
        Assert.Equal(2.5, range.GetProperty("y1").GetDouble(), 12);
        Assert.InRange(range.GetProperty("x1").GetDouble(), 2.5, 2.6);
    }

    [Theory]
    [InlineData(new[] { "norm", "--level", "1", "--levels", "3" }, "--level and --levels")]
    [InlineData(new[] { "norm", "--level", "0" }, "--level: '0' is not a finite number > 0")]
    [InlineData(new[] { "norm", "--level", "1,x" }, "--level: 'x' is not a finite number > 0")]
    [InlineData(new[] { "contour", "--penalty-levels", "31" }, "--penalty-levels: 31 is outside 0..30")]
    public void Bad_textbook_controls_are_one_error_line(string[] args, string expected)
    {
        var r = CliRunner.Run([.. args, "--out", Path.Combine(Dir, "bad.png")]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, Assert.Single(r.ErrorLines));
        Assert.Empty(Directory.GetFiles(Dir));
    }

    [Theory]
    [InlineData("l1")]
    [InlineData("l2")]
    [InlineData("elasticnet")]
    public void Penalty_levels_0_keeps_only_the_ball_through_the_optimum(string norm)
    {
        var root = Json("contour", "--norm", norm, "--penalty-levels", "0", "--grid", "100");
        double through = root.GetProperty("optimum").GetProperty("penalty").GetDouble();
        Assert.Equal([through], Levels(root));
        Assert.Equal(through, root.GetProperty("touching").GetProperty("norm_level").GetDouble());
    }

    [Theory]
    [InlineData("l1", "0.5")]
    [InlineData("l1", "2")]
    [InlineData("l2", "0.1")]
    [InlineData("l2", "3")]
    [InlineData("linf", "1")]
    [InlineData("elasticnet", "1.5")]
    public void The_default_view_holds_the_whole_loss_level_set_through_the_optimum(string norm, string lambda)
    {
        var root = Json("contour", "--norm", norm, "--lambda", lambda, "--grid", "200");
        var range = root.GetProperty("range");
        double x0 = range.GetProperty("x0").GetDouble(), x1 = range.GetProperty("x1").GetDouble();
        double y0 = range.GetProperty("y0").GetDouble(), y1 = range.GetProperty("y1").GetDouble();
        double level = root.GetProperty("touching").GetProperty("loss_level").GetDouble();
        var touching = root.GetProperty("contours").GetProperty("loss").EnumerateArray().Single(c => c.GetProperty("level").GetDouble() == level);
        // one closed curve (a level set cut by the view is traced as an open line ending on its edge)
        var line = Assert.Single(touching.GetProperty("lines").EnumerateArray().ToList());
        var pts = line.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        Assert.Equal(pts[0], pts[^1]);
        Assert.All(pts, p => Assert.True(p.X > x0 && p.X < x1 && p.Y > y0 && p.Y < y1, $"({p.X}, {p.Y}) on the edge of the view"));
    }

    [Fact]
    public void No_caption_names_an_optimum_outside_the_view()
    {
        // the optimum (1.319, 0) and least squares (1.5, 0.6) both lie right of w1 = 1
        Assert.DoesNotContain("w* =", Text(Svg("contour", "--norm", "l1", "--range", "-1:0.9,-1:1")));
        Assert.DoesNotContain("least squares", Text(Svg("contour", "--norm", "l1", "--range", "-1:0.9,-1:1", "--no-legend")));
        Assert.Contains("w* = (1.319, 0)", Text(Svg("contour", "--norm", "l1")));
    }

    [Fact]
    public void No_legend_and_no_labels_leave_only_titles_and_ticks()
    {
        string all = Text(Svg("contour", "--norm", "l1"));
        Assert.Contains("regularised optimum w*", all);
        string noLegend = Text(Svg("contour", "--norm", "l1", "--no-legend"));
        Assert.DoesNotContain("regularised optimum w*", noLegend);
        Assert.Contains("w* = (1.319, 0)", noLegend);
        string bare = Text(Svg("contour", "--norm", "l1", "--no-legend", "--no-labels"));
        Assert.DoesNotContain("w* =", bare);
        Assert.DoesNotContain("least squares", bare);
        Assert.Contains("L1 (lasso)", bare);
    }

    [Theory]
    [InlineData("--no-labels")]
    [InlineData("--clean")]
    public void No_labels_takes_away_every_contour_value_thin_ones_too(string flag)
    {
        // other --levels draw other contours with other values: the text of the two figures differs exactly when any
        // contour value is drawn (title, ticks and axis labels are the same in both)
        static List<string> Texts(XDocument svg) => [.. svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).Order()];
        Assert.NotEqual(Texts(Svg("contour", "--norm", "l1", "--no-legend", "--levels", "6")), Texts(Svg("contour", "--norm", "l1", "--no-legend", "--levels", "12")));
        Assert.Equal(Texts(Svg("contour", "--norm", "l1", flag, "--levels", "6")), Texts(Svg("contour", "--norm", "l1", flag, "--levels", "12")));
    }

    [Theory]
    [InlineData("contour")]
    [InlineData("norm")]
    public void Fill_paints_the_region_in_the_penalty_colour_and_only_with_fill(string command)
    {
        static bool Filled(XDocument svg) => svg.Descendants().Any(e =>
            e.Attribute("fill")?.Value.Equals("#1F5FAD", StringComparison.OrdinalIgnoreCase) == true
            && double.Parse(e.Attribute("fill-opacity")?.Value ?? "1", System.Globalization.CultureInfo.InvariantCulture) < 0.5);
        Assert.False(Filled(Svg(command, "--norm", "l1")));
        Assert.True(Filled(Svg(command, "--norm", "l1", "--fill")));
        Assert.True(Filled(Svg(command, "--norm", "l1", "--clean")));
    }

    [Fact]
    public void Clean_draws_the_ball_and_three_loss_levels_and_no_text_in_the_plot()
    {
        var root = Json("contour", "--norm", "l1", "--clean", "--grid", "100");
        Assert.Single(Levels(root));
        Assert.InRange(Levels(root, "loss").Length, 3, 4);
        Assert.Contains(root.GetProperty("touching").GetProperty("loss_level").GetDouble(), Levels(root, "loss"));
    }

    [Theory]
    [InlineData("l1", "logistic", "0.15", true)] // the blog's figure where a loss label once blanked the touching point
    [InlineData("l1", "logistic", "0.15", false)]
    [InlineData("l1", "mse", "0.5", false)]
    [InlineData("l2", "mse", "0.5", true)]
    [InlineData("linf", "mse", "0.3", false)]
    public void No_contour_label_sits_on_the_touching_point(string norm, string loss, string lambda, bool trace)
    {
        var kind = loss == "logistic" ? LossKind.Logistic : LossKind.Mse;
        var data = new Regviz.Core.Models.LinearModel().BuiltInData(kind) ?? BuiltInDataset.Create();
        var spec = new ProblemSpec(data, kind, false,
            PenaltyCatalogue.Create(norm)!, Form.Penalised(double.Parse(lambda, System.Globalization.CultureInfo.InvariantCulture)));
        var style = new FigureStyle(700, 700, Theme.Light, null);
        var request = trace ? new TraceRequest(Regviz.Core.Traces.TraceMethod.Gd, null, 40) : null;
        var scene = SceneBuilder.Contour(spec, new SceneOptions(null, 400, 10, false, style.Frame().Aspect, request));
        var plot = ContourFigure.Render(scene, style);
        var frame = style.Frame();
        var w = scene.Optimum.Weights;
        var (wx, wy) = frame.ToPixel(scene.Range, w[0], w[1]);
        var placer = new LabelPlacer(frame, scene.Range) { Padding = 3 * style.Scale };
        // contour labels are centred on their line (no offset); the captions of markers are offset beside them. The
        // filled box of a contour label must stay clear of the bold curves where they meet: 20 px at 800 px
        foreach (var label in plot.GetPlottables<ScottPlot.Plottables.Text>().Where(t => t.LabelOffsetX == 0 && t.LabelOffsetY == 0))
        {
            var (lx, ly) = frame.ToPixel(scene.Range, label.Location.X, label.Location.Y);
            var (bw, bh) = placer.Measure(label.LabelText, label.LabelFontSize);
            double dx = Math.Max(0, Math.Abs(lx - wx) - bw / 2), dy = Math.Max(0, Math.Abs(ly - wy) - bh / 2);
            double d = Math.Sqrt(dx * dx + dy * dy);
            Assert.True(d > 20 * style.Scale, $"the box of label '{label.LabelText}' is {d:0.0} px from w*");
        }
    }

    [Theory]
    [InlineData(400, 400)]
    [InlineData(500, 420)]
    [InlineData(640, 640)]
    [InlineData(10000, 400)]
    public void Tick_labels_stay_at_least_10_pixels_from_400_pixels_up(int width, int height) =>
        Assert.True(12 * new FigureStyle(width, height, Theme.Light, null).Scale >= 10);

    [Theory]
    [InlineData(100, 100)]
    [InlineData(200, 150)]
    [InlineData(399, 399)]
    public void Small_figures_keep_a_data_area(int width, int height)
    {
        var frame = new FigureStyle(width, height, Theme.Light, null).Frame();
        Assert.True(frame.DataWidth > 0.3 * width && frame.DataHeight > 0.25 * height, $"{frame.DataWidth}x{frame.DataHeight}");
    }

    [Fact]
    public void Norm_help_describes_no_loss_and_no_optimum()
    {
        var r = CliRunner.Run("norm", "--help");
        Assert.Equal(0, r.ExitCode);
        // λ itself may appear: MCP and SCAD are defined with it (the figure draws them at λ = 1), in the one --norm
        // description every command shares; what this figure does not have is a loss, an optimum or a --lambda
        foreach (string absent in new[] { "w*", "optim", "loss", "--lambda" })
            Assert.DoesNotContain(absent, r.Stdout);
    }
}
