using Regviz.Core.Solvers;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Core.Sparsity;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Print;

/// <summary>
/// A 2-D figure's PDF is drawn in the shipped fonts cut to regviz's repertoire (<see cref="FigureExport.CutPdf"/>), so
/// that Skia does not compress the two whole DejaVu faces: the file must be the one the whole fonts give, byte for byte
/// (the subset kept of either font is the same, glyph ids and all), and a text beyond the repertoire must be drawn with
/// the whole fonts as before.
/// </summary>
[Collection(Support.CurrentDirectory.Collection)]
public class PdfCutFamilyTests : Support.ScratchFolder
{
    private static (ContourScene Scene, FigureStyle Style) Figure(string norm, string? title)
    {
        FontRegistry.EnsureRegistered();
        var style = new FigureStyle(500, 420, Theme.Light, title);
        var penalty = PenaltyCatalogue.Create(norm, PenaltyArguments.None.With("alpha", 0.5))!;
        var spec = new ProblemSpec(BuiltInDataset.Create(), LossKind.Mse, false, penalty, Form.Penalised(0.5));
        var scene = SceneBuilder.Contour(spec, new SceneOptions(null, 100, 10, true, style.Frame().Aspect));
        return (scene, style with { Description = FigureText.Describe(scene) });
    }

    [Theory]
    [InlineData("l1", null)]
    [InlineData("l2", "Ridge: ‖w‖₂² ≤ t², λ = 0.5 (ß, é, ±)")]
    [InlineData("elasticnet", null)]
    public void A_pdf_in_the_cut_fonts_is_the_pdf_of_the_whole_fonts(string norm, string? title)
    {
        var (scene, style) = Figure(norm, title);
        var cut = FigureExport.CutPdf(style, s => ContourFigure.Render(scene, s));
        Assert.NotNull(cut); // drawn in the cut fonts: every text is within the repertoire
        var whole = FigureExport.Encode(ContourFigure.Render(scene, style), style, "pdf");
        Assert.Equal(whole, cut.Value.Pdf);

        string path = Path.Combine(Dir, "f.pdf");
        var drawn = FigureExport.Save(style, path, s => ContourFigure.Render(scene, s));
        Assert.Equal(whole, File.ReadAllBytes(path));
        Assert.NotNull(FigureLayout.Of(drawn)); // the plot returned was drawn, so the sidecar has its layout
    }

    [Theory]
    [InlineData("Шар L1")] // Cyrillic: the whole DejaVu Sans has it, the cut does not
    [InlineData("日本語")] // a character no shipped font has (a fallback font of this machine, or boxes)
    public void A_text_beyond_the_repertoire_is_drawn_in_the_whole_fonts(string title)
    {
        var (scene, style) = Figure("l1", title);
        Assert.Null(FigureExport.CutPdf(style, s => ContourFigure.Render(scene, s)));
        string path = Path.Combine(Dir, "f.pdf");
        FigureExport.Save(style, path, s => ContourFigure.Render(scene, s));
        Assert.Equal(FigureExport.Encode(ContourFigure.Render(scene, style), style, "pdf"), File.ReadAllBytes(path));
    }

    [Fact]
    public void A_figure_in_another_family_is_not_redrawn()
    {
        var (scene, style) = Figure("l1", null);
        var other = style with { Theme = style.Theme with { FontFamily = FontRegistry.AddFont(File.ReadAllBytes(FontRegistry.Files.Last())) } };
        Assert.Null(FigureExport.CutPdf(other, s => ContourFigure.Render(scene, s)));
    }

    /// <summary>The figures that write through <see cref="FigureExport.Save(FigureStyle, string, Func{FigureStyle, ScottPlot.Plot})"/>: a single figure and the two overlays, each given the style to build in.</summary>
    public static TheoryData<string, string> Singles => Cross(["contour", "norm overlay", "contour overlay"]);

    /// <summary>The figures that write through <see cref="PanelGrid.Save(PanelLayout, string, Func{FigureStyle, IReadOnlyList{ScottPlot.Plot}})"/>.</summary>
    public static TheoryData<string, string> Grids => Cross(["norm panels", "contour panels", "sparsity"]);

    private static TheoryData<string, string> Cross(string[] kinds)
    {
        var data = new TheoryData<string, string>();
        foreach (string kind in kinds)
            foreach (string theme in Theme.Names) data.Add(kind, theme);
        return data;
    }

    private static Func<FigureStyle, ScottPlot.Plot> Single(string kind)
    {
        var (scene, _) = Figure("l1", null);
        var norms = new[] { "l1", "l2" }.Select(n => SceneBuilder.NormAt(PenaltyCatalogue.Create(n, PenaltyArguments.None)!, null, [1.0], 1)).ToList();
        var contours = new[] { "l1", "l2" }.Select(n => Figure(n, null).Scene).ToList();
        return kind switch
        {
            "contour" => s => ContourFigure.Render(scene, s),
            "norm overlay" => s => OverlayFigure.Norms(norms, ["L1", "L2"], s, FigureParts.All),
            _ => s => OverlayFigure.Contours(contours, ["L1", "L2"], "Two penalties, λ = 0.5", s, FigureParts.All),
        };
    }

    private static Func<FigureStyle, IReadOnlyList<ScottPlot.Plot>> Panels(string kind)
    {
        var norms = new[] { "l1", "l2" }.Select(n => SceneBuilder.NormAt(PenaltyCatalogue.Create(n, PenaltyArguments.None)!, null, [1.0], 1)).ToList();
        var contours = new[] { "l1", "l2" }.Select(n => Figure(n, null).Scene).ToList();
        var trials = SparsityExperiment.Run([new L1Penalty(), new L2Penalty()], 40, 1, Form.Penalised(0.5));
        return kind switch
        {
            "norm panels" => s => norms.Select(n => NormFigure.Render(n, s with { Title = "P(w) = 1" })).ToList(),
            "contour panels" => s => contours.Select(c => ContourFigure.Render(c, s with { Title = "λ = 0.5" }, FigureParts.All with { Legend = false })).ToList(),
            _ => s => SparsityFigure.Panels(trials, Form.Penalised(0.5), s),
        };
    }

    /// <summary>
    /// What a PDF regviz wrote embeds, read back by the code that cut it: every program a subset far below the cut face
    /// (210 KB; the whole one is 760 KB), no .notdef shown, and no face twice. The whole fonts reach Skia as two objects
    /// of the regular face (the grid's own header and legend text, and ScottPlot's), so a grid drawn in them embeds the
    /// regular face twice; the cut family is one object a face.
    /// </summary>
    private static void AssertCutSubsetsOnce(byte[] pdf)
    {
        PdfFontSubsets.Apply(pdf, out var embedded);
        Assert.NotNull(embedded);
        Assert.False(embedded.NotdefShown);
        Assert.InRange(embedded.ProgramLengths.Count, 1, 2);
        var cutFace = PdfFonts.CutFamily!.Value.Lengths.Min();
        Assert.All(embedded.ProgramLengths, length => Assert.True(length * 4 < cutFace, $"a font program of {length} bytes against the cut face's {cutFace}"));
        // each face once: the names without their subset tags (AAAAAA+DejaVuSans) differ
        var faces = EmbeddedFonts.Of(pdf).Select(f => f.Name[(f.Name.IndexOf('+') + 1)..]).ToList();
        Assert.Equal(embedded.ProgramLengths.Count, faces.Count);
        Assert.Equal(faces.Distinct(), faces);
    }

    [Theory]
    [MemberData(nameof(Singles))]
    public void A_figure_and_an_overlay_are_built_once_in_the_cut_faces_for_a_pdf_and_in_the_style_for_a_png(string kind, string theme)
    {
        FontRegistry.EnsureRegistered();
        var style = new FigureStyle(420, 400, Theme.Find(theme)!, "Figure: ‖w‖₁ ≤ t");
        var build = Single(kind);
        var families = new List<string>();
        ScottPlot.Plot Recorded(FigureStyle s) { families.Add(s.Theme.FontFamily); return build(s); }

        string pdf = Path.Combine(Dir, "f.pdf");
        var drawn = FigureExport.Save(style, pdf, Recorded);
        Assert.Equal([PdfFonts.CutFamilyName], families); // drawn once, in the cut faces
        Assert.NotNull(FigureLayout.Of(drawn));
        AssertCutSubsetsOnce(File.ReadAllBytes(pdf));
        Assert.Equal(FigureExport.Encode(build(style), style, "pdf"), File.ReadAllBytes(pdf)); // the whole fonts' bytes

        families.Clear();
        string png = Path.Combine(Dir, "f.png");
        FigureExport.Save(style, png, Recorded);
        Assert.Equal([style.Theme.FontFamily], families);
        Assert.Equal(FigureExport.Encode(build(style), style, "png"), File.ReadAllBytes(png));
    }

    [Theory]
    [MemberData(nameof(Grids))]
    public void A_grid_of_panels_is_built_once_in_the_cut_faces_for_a_pdf_and_in_the_style_for_a_png(string kind, string theme)
    {
        FontRegistry.EnsureRegistered();
        var panel = new FigureStyle(300, 300, Theme.Find(theme)!, null);
        var build = Panels(kind);
        var families = new List<string>();
        IReadOnlyList<ScottPlot.Plot> Recorded(FigureStyle s) { families.Add(s.Theme.FontFamily); return build(s); }
        var layout = new PanelLayout(panel, 2, "Two penalties: ‖w‖₁ and ‖w‖₂² (λ = 0.5)") { Description = new FigureDescription("alt", "caption") };

        string pdf = Path.Combine(Dir, "f.pdf");
        var drawn = PanelGrid.Save(layout, pdf, Recorded);
        Assert.Equal([PdfFonts.CutFamilyName], families);
        Assert.Equal(2, drawn.Count);
        var bytes = File.ReadAllBytes(pdf);
        AssertCutSubsetsOnce(bytes);
        Assert.Contains("/Subject (alt)", System.Text.Encoding.Latin1.GetString(bytes));

        families.Clear();
        string png = Path.Combine(Dir, "f.png");
        PanelGrid.Save(layout, png, Recorded);
        Assert.Equal([panel.Theme.FontFamily], families);
        Assert.Equal(PanelGrid.Encode(build(panel), layout, "png"), File.ReadAllBytes(png));
    }

    [Fact]
    public void A_grid_titled_beyond_the_repertoire_is_built_again_in_the_whole_fonts()
    {
        FontRegistry.EnsureRegistered();
        var panel = new FigureStyle(300, 300, Theme.Light, null);
        var build = Panels("norm panels");
        var families = new List<string>();
        var layout = new PanelLayout(panel, 2, "Шары L1 и L2");
        string pdf = Path.Combine(Dir, "f.pdf");
        PanelGrid.Save(layout, pdf, s => { families.Add(s.Theme.FontFamily); return build(s); });
        Assert.Equal([PdfFonts.CutFamilyName, FontRegistry.Family], families);
        Assert.Equal(PanelGrid.Encode(build(panel), layout, "pdf"), File.ReadAllBytes(pdf));
    }

    public static TheoryData<string[], string> Commands
    {
        get
        {
            var data = new TheoryData<string[], string>();
            string[][] kinds =
            [
                ["contour", "--norm", "l1", "--lambda", "0.5", "--size", "400x400", "--grid", "60"],
                ["norm", "--norm", "l1", "--size", "400x400"],
                ["path", "--norm", "elasticnet", "--size", "400x300"],
                ["shrink", "--size", "400x400"],
                ["norm", "--norm", "l1,l2", "--size", "300x300"],
                ["contour", "--norm", "l1,l2", "--lambda", "0.5", "--size", "300x300", "--grid", "60"],
                ["contour", "--norm", "l1,l2", "--overlay", "--lambda", "0.5", "--size", "400x400", "--grid", "60"],
                ["norm", "--norm", "l1,l2,linf", "--overlay", "--size", "400x400"],
                ["sparsity", "--trials", "30", "--size", "300x300"],
            ];
            foreach (var kind in kinds)
                foreach (string theme in Theme.Names) data.Add(kind, theme);
            return data;
        }
    }

    /// <summary>Every command that writes a PDF, in every built-in style: what it embeds is cut subsets, each face once (a grid in the whole fonts carries the regular face twice).</summary>
    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_figure_command_embeds_each_face_once_as_a_subset_in_every_style(string[] args, string theme)
    {
        string pdf = Path.Combine(Dir, "f.pdf");
        var r = CliRunner.Run([.. args, "--theme", theme, "--out", pdf]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        AssertCutSubsetsOnce(File.ReadAllBytes(pdf));
    }
}
