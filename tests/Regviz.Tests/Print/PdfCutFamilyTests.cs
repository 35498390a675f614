using Regviz.Core.Solvers;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Plotting;
using Xunit;

namespace Regviz.Tests.Print;

/// <summary>
/// A 2-D figure's PDF is drawn in the shipped fonts cut to regviz's repertoire (<see cref="FigureExport.CutPdf"/>), so
/// that Skia does not compress the two whole DejaVu faces: the file must be the one the whole fonts give, byte for byte
/// (the subset kept of either font is the same, glyph ids and all), and a text beyond the repertoire must be drawn with
/// the whole fonts as before.
/// </summary>
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
        var drawn = FigureExport.Save(ContourFigure.Render(scene, style), style, path, s => ContourFigure.Render(scene, s));
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
        FigureExport.Save(ContourFigure.Render(scene, style), style, path, s => ContourFigure.Render(scene, s));
        Assert.Equal(FigureExport.Encode(ContourFigure.Render(scene, style), style, "pdf"), File.ReadAllBytes(path));
    }

    [Fact]
    public void A_figure_in_another_family_is_not_redrawn()
    {
        var (scene, style) = Figure("l1", null);
        var other = style with { Theme = style.Theme with { FontFamily = FontRegistry.AddFont(File.ReadAllBytes(FontRegistry.Files.Last())) } };
        Assert.Null(FigureExport.CutPdf(other, s => ContourFigure.Render(scene, s)));
    }
}
