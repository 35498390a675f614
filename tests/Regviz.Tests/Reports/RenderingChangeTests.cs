using System.Text.Json;
using System.Text.Json.Nodes;
using Regviz.Tests.Cli;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Reports;

/// <summary>
/// Same arguments, same numbers, moved pixels: a rendering change, which names the renderer's own difference when
/// the fingerprint beside the goldens records another one (here: another ScottPlot, written into it by hand).
/// </summary>
public class RenderingChangeTests : ScratchFolder
{
    [Fact]
    public void A_rendering_change_names_the_renderer_difference_when_there_is_one()
    {
        string manifest = Path.Combine(Dir, "m.yaml"), golden = Path.Combine(Dir, "g"), summary = Path.Combine(Dir, "s.json");
        Directory.CreateDirectory(Path.Combine(Dir, "fonts"));
        foreach (string face in new[] { "DejaVuSans.ttf", "DejaVuSans-Bold.ttf" })
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fonts", face), Path.Combine(Dir, "fonts", face));
        File.WriteAllText(Path.Combine(Dir, "s.yaml"), "fonts:\n  file: fonts/DejaVuSans.ttf\n");
        File.WriteAllText(manifest, "figures:\n  - { out: f.png, args: contour --norm l2 --lambda 0.5 --size 200x200 --grid 30 --style s.yaml }\n");
        Assert.Equal(0, CliRunner.Run("batch", manifest, "--check", golden, "--update").ExitCode);

        string fingerprint = Path.Combine(golden, "regviz-golden.json");
        var json = JsonNode.Parse(File.ReadAllText(fingerprint))!;
        string running = (string)json["renderer"]!["ScottPlot"]!;
        json["renderer"]!["ScottPlot"] = "0.0.1";
        File.WriteAllText(fingerprint, json.ToJsonString());
        File.WriteAllText(Path.Combine(Dir, "s.yaml"), "fonts:\n  file: fonts/DejaVuSans-Bold.ttf\n");

        var run = CliRunner.Run("batch", manifest, "--check", golden, "--summary", summary, "--junit", Path.Combine(Dir, "j.xml"));
        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(summary));
        var figure = doc.RootElement.GetProperty("figures")[0];
        Assert.Equal("rendering", figure.GetProperty("meaning").GetProperty("kind").GetString());
        string line = $"rendering change: same arguments and numbers (renderer: ScottPlot 0.0.1 → {running})";
        Assert.Equal(line, figure.GetProperty("meaning").GetProperty("changes")[0].GetString());
        Assert.StartsWith(line + "; DIFFERENT (", figure.GetProperty("verdict").GetString());
        var failure = System.Xml.Linq.XDocument.Load(Path.Combine(Dir, "j.xml")).Descendants("failure").Single();
        Assert.StartsWith(line, (string)failure.Attribute("message")!);
        // the failure's body ends with the command that accepts it, the one the summary gives
        Assert.Contains("accept with: " + figure.GetProperty("accept").GetString(), failure.Value);
    }
}
