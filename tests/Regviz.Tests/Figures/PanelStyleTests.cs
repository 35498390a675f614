using System.Text.Json;
using System.Xml.Linq;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>
/// Panels, overlays and the 1-D view after #18: they describe themselves as a single figure does (alt text and caption
/// in the sidecar, the PNG's iTXt chunk and the SVG's title and desc) and draw in the --style's fonts, widths and dashes.
/// </summary>
public class PanelStyleTests : Support.ScratchFolder
{
    private static readonly string[] Small = ["--size", "400x400", "--grid", "120"];
    private static string HouseStyle => Path.Combine(AppContext.BaseDirectory, "Data", "styles", "house.yaml");

    private (byte[] Image, JsonElement Json) Render(string file, params string[] args)
    {
        string path = Path.Combine(Dir, file), json = Path.Combine(Dir, file + ".json");
        var r = CliRunner.Run([.. args, "--out", path, "--json", json]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        return (File.ReadAllBytes(path), doc.RootElement.Clone());
    }

    public static TheoryData<string[]> Figures => new()
    {
        { ["contour", "--norm", "l1,l2", .. Small] },
        { ["contour", "--lambda", "0.1,2", .. Small] },
        { ["norm", "--norm", "lp", "--p", "4,1,0.5", .. Small] },
        { ["norm", "--norm", "l1,l2", "--overlay", .. Small] },
        { ["contour", "--norm", "l1,l2", "--overlay", .. Small] },
        { ["shrink", "--size", "400x400"] },
        { ["shrink", "--objective", "1.2", "--size", "400x400"] },
    };

    [Theory]
    [MemberData(nameof(Figures))]
    public void Png_and_svg_carry_the_sidecars_alt_text_and_caption(string[] args)
    {
        var (png, json) = Render("f.png", args);
        string alt = json.GetProperty("alt").GetString()!, caption = json.GetProperty("caption").GetString()!;
        Assert.InRange(alt.Length, 30, FigureText.MaxAlt);
        Assert.True(caption.Length > alt.Length / 2, caption);
        var itxt = Assert.Single(PngChunks.Read(png), c => c.Type == "iTXt");
        Assert.Equal(alt, PngChunks.ParseITxt(itxt.Data).Text);

        var (svg, svgJson) = Render("f.svg", args);
        var children = XDocument.Parse(System.Text.Encoding.UTF8.GetString(svg)).Root!.Elements().Take(2).ToList();
        Assert.Equal(("title", alt), (children[0].Name.LocalName, children[0].Value));
        Assert.Equal(("desc", caption), (children[1].Name.LocalName, children[1].Value));
        Assert.Equal(alt, svgJson.GetProperty("alt").GetString());
    }

    [Fact]
    public void Panel_alt_text_names_each_panels_optimum()
    {
        var (_, json) = Render("p.png", ["contour", "--lambda", "0.1,2", .. Small]);
        string alt = json.GetProperty("alt").GetString()!;
        foreach (var panel in json.GetProperty("panels").EnumerateArray())
        {
            var w = panel.GetProperty("optimum").GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Contains($"({PenaltyNames.Number(w[0])}, {PenaltyNames.Number(w[1])})", alt);
            Assert.Contains($"w* = ({PenaltyNames.Number(w[0])}, {PenaltyNames.Number(w[1])})", panel.GetProperty("alt").GetString()); // each panel keeps its own words too
        }
        Assert.Contains("λ = 2: w* = (", alt);
    }

    [Fact]
    public void Shrink_alt_text_states_each_threshold_from_the_sidecar()
    {
        var (_, json) = Render("s.png", "shrink", "--norm", "l1,l2,l0", "--lambda", "2", "--size", "400x400");
        string alt = json.GetProperty("alt").GetString()!;
        foreach (var c in json.GetProperty("curves").EnumerateArray())
            if (c.GetProperty("threshold").ValueKind == JsonValueKind.Number)
                Assert.Contains($"|z| ≤ {PenaltyNames.Number(c.GetProperty("threshold").GetDouble())}", alt);
        Assert.Contains("never 0", alt); // ridge
    }

    [Theory]
    [InlineData("contour", "--norm", "l1,l2")]
    [InlineData("norm", "--norm", "l1,l2,linf", "--overlay")]
    [InlineData("contour", "--norm", "l1,l2", "--overlay")]
    [InlineData("shrink")]
    public void A_house_style_changes_panels_overlays_and_shrink_as_it_changes_a_single_figure(params string[] args)
    {
        var light = Render("a.png", [.. args, "--size", "400x400"]).Image;
        var house = Render("b.png", [.. args, "--size", "400x400", "--style", HouseStyle]).Image;
        var print = Render("c.png", [.. args, "--size", "400x400", "--style", "print"]).Image;
        var (l, h, p) = (ImageComparison.Decode(light)!.Value, ImageComparison.Decode(house)!.Value, ImageComparison.Decode(print)!.Value);
        Assert.True(ImageComparison.Compare(l, h).Rms > 1, "the house style changed nothing");
        Assert.True(ImageComparison.Compare(l, p).Rms > 1, "print changed nothing");
    }

    [Fact]
    public void A_larger_legend_font_makes_the_shared_legend_taller()
    {
        string style = Path.Combine(Dir, "big.yaml");
        File.WriteAllText(style, "base: light\nfonts:\n  legend: 26\n  title: 30\n");
        var small = ImageComparison.Decode(Render("a.png", "contour", "--norm", "l1,l2", "--size", "400x400").Image)!.Value;
        var big = ImageComparison.Decode(Render("b.png", "contour", "--norm", "l1,l2", "--size", "400x400", "--style", style).Image)!.Value;
        Assert.Equal(small.Width, big.Width);
        Assert.True(big.Height > small.Height, $"{big.Height} ≤ {small.Height}: the legend rows and header did not grow with the font");
    }
}
