using System.Text.Json;
using Regviz.Tests.Cli;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Motion;

/// <summary>
/// The animations and the page in samples/motion are what their manifest (samples/motion/figures.yaml) makes now,
/// checked as a user checks them: <c>batch --check</c>, frame by frame at the golden tolerance. A change that moves a
/// frame fails here. REGVIZ_UPDATE_GOLDENS=1 rewrites the changed ones; look at them before committing.
/// </summary>
public class MotionSampleTests : ScratchFolder
{
    [Fact]
    public void The_samples_pass_batch_check_against_their_manifest()
    {
        string manifest = Repository.Path("samples", "motion", "figures.yaml"), summary = Path.Combine(Dir, "summary.json");
        string[] update = Environment.GetEnvironmentVariable("REGVIZ_UPDATE_GOLDENS") == "1" ? ["--update", "changed"] : [];
        var run = CliRunner.Run(["batch", manifest, "--check", Repository.Path("samples", "motion"), "--summary", summary, "--jobs", "2", .. update]);
        var figures = JsonDocument.Parse(File.ReadAllText(summary)).RootElement.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(["animate-l1.png", "animate-l2.png", "animate-l1-trace-ista.png", "explore-l2.html"], figures.Select(f => f.GetProperty("out").GetString()));
        Assert.All(figures, f => Assert.True(f.GetProperty("status").GetString() is "passed" or "updated",
            $"{f.GetProperty("out").GetString()}: {f.GetProperty("verdict").GetString()}"));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
    }

    /// <summary>docs/commands.md gives the sizes of these samples (made by the manifest's commands, checked above).</summary>
    [Fact]
    public void The_sizes_docs_commands_states_are_the_samples_sizes()
    {
        long animation = new FileInfo(Repository.Path("samples", "motion", "animate-l1.png")).Length;
        long page = new FileInfo(Repository.Path("samples", "motion", "explore-l2.html")).Length;
        string docs = File.ReadAllText(Repository.Path("docs", "commands.md"));
        string Mb(long bytes, string format) => (bytes / 1e6).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"`animate --norm l1`: {Mb(animation, "0.00")} MB", docs);
        Assert.Contains($"over them: {Mb(page, "0.0")} MB for `explore --norm l2 --page frames`", docs);
    }
}
