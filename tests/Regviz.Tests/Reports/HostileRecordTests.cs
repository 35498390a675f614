using System.Diagnostics;
using System.Text.Json;
using Regviz.Tests.Cli;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Reports;

/// <summary>
/// A golden's record comes from the pull request like the golden: one that is not JSON, of another shape, too large,
/// a link out of the golden folder or a FIFO makes the figure's meaning unknown with the reason; the check goes on,
/// fails the figure for its pixels, and writes its reports.
/// </summary>
public class HostileRecordTests : ScratchFolder
{
    private string Prepare(out string record)
    {
        string manifest = Path.Combine(Dir, "m.yaml"), golden = Path.Combine(Dir, "golden");
        File.WriteAllText(manifest, "figures:\n  - { out: f.png, args: contour --norm l1 --lambda 0.5 --size 160x160 --grid 24 }\n");
        Assert.Equal(0, CliRunner.Run("batch", manifest, "--check", golden, "--update").ExitCode);
        File.WriteAllText(manifest, "figures:\n  - { out: f.png, args: contour --norm l1 --lambda 0.6 --size 160x160 --grid 24 }\n");
        record = Path.Combine(golden, "f.png.json");
        return manifest;
    }

    private string Meaning(string manifest)
    {
        string summary = Path.Combine(Dir, "s.json");
        var run = CliRunner.Run("batch", manifest, "--check", Path.Combine(Dir, "golden"), "--summary", summary, "--report", Path.Combine(Dir, "r"));
        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(summary));
        var figure = doc.RootElement.GetProperty("figures")[0];
        Assert.Equal("unknown", figure.GetProperty("meaning").GetProperty("kind").GetString());
        Assert.Matches(@"; DIFFERENT \([0-9]+ pixels\)", figure.GetProperty("verdict").GetString());
        return figure.GetProperty("meaning").GetProperty("changes")[0].GetString()!;
    }

    [Fact]
    public void Update_adds_the_record_beside_a_golden_that_has_none_and_leaves_the_image_as_it_was()
    {
        string manifest = Prepare(out string record);
        File.WriteAllText(manifest, "figures:\n  - { out: f.png, args: contour --norm l1 --lambda 0.5 --size 160x160 --grid 24 }\n");
        File.Delete(record);
        string image = Path.Combine(Dir, "golden", "f.png");
        var bytes = File.ReadAllBytes(image);
        var time = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(image, time);
        Assert.Equal(0, CliRunner.Run("batch", manifest, "--check", Path.Combine(Dir, "golden"), "--update", "missing").ExitCode);
        Assert.Equal(bytes, File.ReadAllBytes(image));
        Assert.Equal(time, File.GetLastWriteTimeUtc(image));
        using var doc = JsonDocument.Parse(File.ReadAllText(record));
        Assert.Equal(["contour", "--norm", "l1", "--lambda", "0.5", "--size", "160x160", "--grid", "24"],
            doc.RootElement.GetProperty("args").EnumerateArray().Select(a => a.GetString()!));
        Assert.Equal(0.5, doc.RootElement.GetProperty("sidecar").GetProperty("optimum").GetProperty("lambda").GetDouble());
    }

    [Theory]
    [InlineData("{{{", "not valid JSON")]
    [InlineData("[1, 2]", "not a record of arguments and numbers")]
    [InlineData("{\"args\": [1]}", "not a record of arguments and numbers")]
    [InlineData("{\"args\": [\"contour\", \"\\udc00\"]}", "not valid Unicode")]
    public void A_malformed_record_makes_the_meaning_unknown(string content, string reason)
    {
        string manifest = Prepare(out string record);
        File.WriteAllText(record, content);
        string line = Meaning(manifest);
        Assert.StartsWith("meaning unknown: golden sidecar f.png.json is unusable (", line);
        Assert.Contains(reason, line);
        Assert.EndsWith("; run --update", line);
    }

    [Fact]
    public void A_deeply_nested_or_oversized_record_is_refused_before_it_costs_anything()
    {
        string manifest = Prepare(out string record);
        File.WriteAllText(record, "{\"args\": [\"contour\"], \"sidecar\": " + new string('[', 100_000) + "}");
        Assert.Contains("is unusable", Meaning(manifest));
        File.WriteAllText(record, "{\"args\": [\"contour\"], \"sidecar\": \"" + new string('x', 2 << 20) + "\"}");
        Assert.Contains("is unusable", Meaning(manifest));
    }

    [Fact]
    public void A_record_linked_out_of_the_golden_folder_or_a_fifo_is_not_read()
    {
        string manifest = Prepare(out string record);
        string outside = Path.Combine(Dir, "elsewhere.json");
        File.Move(record, outside); // a valid record, but outside the folder
        File.CreateSymbolicLink(record, outside);
        Assert.Contains("symbolic link out of the golden folder", Meaning(manifest));

        File.Delete(record);
        using (var mk = Process.Start("mkfifo", record)) mk.WaitForExit();
        Assert.Contains("not a regular file", Meaning(manifest));
    }
}
