using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Regviz.Tests.Cli;
using Regviz.Tests.Figures;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Motion;

/// <summary>
/// Animations describe themselves as still figures do (#18), and follow a house style: the APNG carries the sweep's alt
/// text in an iTXt chunk, the sidecar has it with a caption and each frame's words, the still frame is worded exactly
/// as <c>contour</c> words the same figure, and with <c>--style</c> frame 0 is still that figure pixel for pixel.
/// </summary>
public class MotionDescriptionTests : ScratchFolder
{
    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string RangeOf(JsonElement json)
    {
        var r = json.GetProperty("range");
        return $"{R(r.GetProperty("x0").GetDouble())}:{R(r.GetProperty("x1").GetDouble())},{R(r.GetProperty("y0").GetDouble())}:{R(r.GetProperty("y1").GetDouble())}";
    }

    private (byte[] Png, JsonElement Json, string[] Stdout) Animate(params string[] args)
    {
        string png = Path.Combine(Dir, "a.png"), json = Path.Combine(Dir, "a.json");
        var run = CliRunner.Run(["animate", .. args, "--out", png, "--json", json]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return (File.ReadAllBytes(png), JsonDocument.Parse(File.ReadAllText(json)).RootElement, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("print")]
    [InlineData("dark")]
    [InlineData("colorblind")]
    public void With_a_house_style_frame_0_is_drawn_in_that_style(string style)
    {
        var (png, json, _) = Animate("--norm", "l1", "--frames", "5", "--style", style);
        var apng = ApngReader.Read(png);
        string still = Path.Combine(Dir, "still.png");
        var run = CliRunner.Run("contour", "--norm", "l1", "--lambda", R(json.GetProperty("frames")[0].GetProperty("lambda").GetDouble()),
            $"--range={RangeOf(json)}", "--style", style, "--out", still);
        Assert.True(run.ExitCode == 0, run.Stderr);
        // below the plane (the x axis, its ticks and label) frame 0 is the still figure in that style
        var pixels = ApngReader.DecodeFile(File.ReadAllBytes(still)).Rgba;
        int band = 4 * apng.Width * (apng.Height - 60);
        Assert.True(pixels.AsSpan(band).SequenceEqual(apng.Compose()[0].AsSpan(band)), "frame 0's x axis is not the still figure's");
        // and the style is really used: the light figure's frame 0 is not this one
        var (light, _, _) = Animate("--norm", "l1", "--frames", "5");
        Assert.NotEqual(ApngReader.Read(light).Compose()[0], apng.Compose()[0]);
    }

    [Fact]
    public void The_apng_carries_the_sweep_s_alt_text_and_the_sidecar_its_caption_and_every_frame_s_words()
    {
        var (png, json, stdout) = Animate("--norm", "l1", "--frames", "9", "--alt");
        var itxt = Assert.Single(PngChunks.Read(png), c => c.Type == "iTXt");
        var text = PngChunks.ParseITxt(itxt.Data);
        Assert.Equal("Description", text.Keyword);
        string alt = json.GetProperty("alt").GetString()!;
        Assert.Equal(alt, text.Text);
        Assert.True(alt.Length <= 249, $"{alt.Length} characters");
        Assert.Equal([Path.Combine(Dir, "a.png"), alt], stdout);
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("caption").GetString()));

        // the alt text names the frames where w₂ is exactly 0, read here from the sidecar's own zero flags
        var frames = json.GetProperty("frames").EnumerateArray().ToList();
        var zero2 = frames.Where(f => f.GetProperty("zero")[1].GetBoolean()).Select(f => f.GetProperty("index").GetInt32()).ToList();
        Assert.InRange(zero2.Count, 2, frames.Count - 1); // the default l1 sweep: w₂ leaves 0 part way
        Assert.Contains($"w₂ (x2) is exactly 0 in frames {zero2[0]}–{zero2[^1]}", alt);

        // every frame has its own alt text and caption; a frame on the axis says so
        Assert.Equal(frames.Count, frames.Select(f => f.GetProperty("alt").GetString()).Distinct().Count());
        foreach (var f in frames)
        {
            string frameAlt = f.GetProperty("alt").GetString()!;
            Assert.True(frameAlt.Length <= 249);
            bool onAxis = f.GetProperty("zero")[1].GetBoolean() && !f.GetProperty("zero")[0].GetBoolean();
            Assert.Equal(onAxis, frameAlt.Contains("w₂ (x2) is exactly 0"));
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("caption").GetString()));
        }
    }

    [Fact]
    public void The_still_frame_is_worded_exactly_as_contour_words_the_same_figure()
    {
        var (_, json, _) = Animate("--norm", "l2", "--frames", "4");
        string still = Path.Combine(Dir, "still.png"), stillJson = Path.Combine(Dir, "still.json");
        var run = CliRunner.Run("contour", "--norm", "l2", "--lambda", R(json.GetProperty("frames")[0].GetProperty("lambda").GetDouble()),
            $"--range={RangeOf(json)}", "--out", still, "--json", stillJson);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var contour = JsonDocument.Parse(File.ReadAllText(stillJson)).RootElement;
        var frame0 = json.GetProperty("frames")[0];
        Assert.Equal(contour.GetProperty("alt").GetString(), frame0.GetProperty("alt").GetString());
        Assert.Equal(contour.GetProperty("caption").GetString(), frame0.GetProperty("caption").GetString());
        // a later frame draws the trail so far, and its caption says that, not that it is the whole path
        string later = json.GetProperty("frames")[3].GetProperty("caption").GetString()!;
        Assert.Contains("the path w* has taken since the first frame", later);
        Assert.DoesNotContain("as λ grows from 0", later);
    }

    [Fact]
    public void The_explore_page_s_alt_text_and_caption_are_the_sidecar_s_for_the_frame_shown()
    {
        string html = Path.Combine(Dir, "p.html"), json = Path.Combine(Dir, "p.json");
        var run = CliRunner.Run("explore", "--norm", "l1", "--frames", "5", "--style", "colorblind", "--out", html, "--json", json);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var sidecar = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        var page = new HtmlParser().ParseDocument(File.ReadAllText(html));
        var frame0 = sidecar.GetProperty("frames")[0];
        Assert.Equal(frame0.GetProperty("alt").GetString(), page.GetElementById("figure")!.GetAttribute("alt"));
        Assert.Equal(frame0.GetProperty("caption").GetString(), page.GetElementById("caption")!.TextContent);
        Assert.Equal(sidecar.GetProperty("caption").GetString(), page.GetElementById("about")!.TextContent);
        var data = JsonDocument.Parse(page.GetElementById("frames")!.TextContent).RootElement.GetProperty("frames");
        for (int k = 0; k < 5; k++)
        {
            Assert.Equal(sidecar.GetProperty("frames")[k].GetProperty("alt").GetString(), data[k].GetProperty("alt").GetString());
            Assert.Equal(sidecar.GetProperty("frames")[k].GetProperty("caption").GetString(), data[k].GetProperty("caption").GetString());
        }
    }

    [Fact]
    public void Explore_follows_the_style_frame_0_is_the_animation_s_in_that_style()
    {
        string html = Path.Combine(Dir, "p.html"), apng = Path.Combine(Dir, "a.png");
        Assert.Equal(0, CliRunner.Run("explore", "--norm", "l2", "--frames", "3", "--style", "dark", "--out", html).ExitCode);
        Assert.Equal(0, CliRunner.Run("animate", "--norm", "l2", "--frames", "3", "--style", "dark", "--out", apng).ExitCode);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(html));
        var data = JsonDocument.Parse(page.GetElementById("frames")!.TextContent).RootElement.GetProperty("frames");
        string src = page.GetElementById("figure")!.GetAttribute("src")!;
        var (width, _, frame) = ApngReader.DecodeFile(Convert.FromBase64String(src["data:image/png;base64,".Length..]));
        if (data[0].TryGetProperty("patch", out var p))
        {
            var (pw, ph, patch) = ApngReader.DecodeFile(Convert.FromBase64String(p.GetProperty("png").GetString()!));
            int x0 = p.GetProperty("x").GetInt32(), y0 = p.GetProperty("y").GetInt32();
            for (int y = 0; y < ph; y++)
                for (int x = 0; x < pw; x++)
                    if (patch[(y * pw + x) * 4 + 3] == 255)
                        Array.Copy(patch, (y * pw + x) * 4, frame, ((y0 + y) * width + x0 + x) * 4, 4);
        }
        Assert.Equal(ApngReader.Read(File.ReadAllBytes(apng)).Compose()[0], frame);
        // dark: the top-left corner is the dark background, not white
        Assert.True(frame[0] < 128 && frame[1] < 128 && frame[2] < 128, $"corner pixel {frame[0]},{frame[1]},{frame[2]}");
    }
}
