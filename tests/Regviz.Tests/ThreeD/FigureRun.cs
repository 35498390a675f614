using System.Text.Json;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.ThreeD;

/// <summary>Runs a 3-D figure command into a folder and reads back its PNG and sidecar.</summary>
internal static class FigureRun
{
    public static (byte[] Png, JsonElement Json) Render(string dir, params string[] args)
    {
        // a name per run: CsCheck samples on several threads at once
        string name = Guid.NewGuid().ToString("N"), png = Path.Combine(dir, name + ".png"), json = Path.Combine(dir, name + ".json");
        var r = CliRunner.Run([.. args, "--out", png, "--json", json]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        return (File.ReadAllBytes(png), doc.RootElement.Clone());
    }

    public static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();
}
