using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Motion;

/// <summary>
/// <c>batch --check</c> on animate and explore entries: animations compared frame by frame. Goldens are tampered with
/// here, one frame at a time, by editing their bytes (a frame's fdAT data, a page's patch), so the failure must name
/// the frame that was changed, its RMS must be the one computed here from independently decoded frames, and the diff
/// image must be that frame's.
/// </summary>
public class MotionCheckTests : ScratchFolder
{
    private const string Small = "--size 300x300 --frames 6";

    private string Golden => Path.Combine(Dir, "golden");

    private string Manifest(string figures)
    {
        string path = Path.Combine(Dir, "motion.yaml");
        File.WriteAllText(path, "figures:\n" + figures);
        return path;
    }

    /// <summary>The manifest's figures made into the golden folder.</summary>
    private void MakeGoldens(string manifest) =>
        Assert.Equal(0, CliRunner.Run("batch", manifest, "--out", Golden, "--jobs", "1").ExitCode);

    private (CliRunner.Result Run, JsonElement Figure) Check(string manifest)
    {
        string summary = Path.Combine(Dir, "summary.json"), diffs = Path.Combine(Dir, "diffs");
        var run = CliRunner.Run("batch", manifest, "--check", Golden, "--diff", diffs, "--summary", summary, "--jobs", "1");
        var figure = JsonDocument.Parse(File.ReadAllText(summary)).RootElement.GetProperty("figures")[0];
        return (run, figure);
    }

    [Fact]
    public void An_animation_equal_to_its_golden_passes_with_every_frame_compared()
    {
        string m = Manifest($"  - out: a.png\n    args: animate --norm l1 {Small}\n  - out: p.html\n    args: explore --norm l2 {Small}\n");
        MakeGoldens(m);
        string summary = Path.Combine(Dir, "s.json");
        var run = CliRunner.Run("batch", m, "--check", Golden, "--summary", summary, "--jobs", "1");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var figures = JsonDocument.Parse(File.ReadAllText(summary)).RootElement.GetProperty("figures");
        Assert.All(figures.EnumerateArray(), f => Assert.Equal("passed", f.GetProperty("status").GetString()));
    }

    [Fact]
    public void One_changed_frame_of_a_golden_apng_fails_the_check_naming_that_frame_and_its_diff_is_that_frame_s()
    {
        string m = Manifest($"  - out: a.png\n    args: animate --norm l1 {Small}\n");
        MakeGoldens(m);
        string golden = Path.Combine(Golden, "a.png");
        var original = File.ReadAllBytes(golden);
        File.WriteAllBytes(golden, TamperFrame(original, frame: 3));

        var (run, figure) = Check(m);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("failed", figure.GetProperty("status").GetString());
        string verdict = figure.GetProperty("verdict").GetString()!;
        Assert.Contains("frame 3 of 6 frames", verdict);

        // the RMS reported is frame 3's, from frames decoded here by the tests' own reader
        var expected = ApngReader.Read(File.ReadAllBytes(golden)).Compose();
        var actual = ApngReader.Read(original).Compose();
        for (int k = 0; k < 3; k++) Assert.Equal(expected[k], actual[k]); // the frames before it are untouched
        var d3 = ImageComparison.Compare(Rgb(expected[3]), Rgb(actual[3]));
        Assert.True(d3.Rms > 1, $"the tampering changed frame 3 only by RMS {d3.Rms}");
        Assert.Equal(d3.Rms, figure.GetProperty("rms").GetDouble(), 9);
        Assert.Equal(d3.DifferentPixels, figure.GetProperty("different_pixels").GetInt64());
        string diff = figure.GetProperty("diff").GetString()!;
        Assert.Equal(ImageComparison.DiffImage(Rgb(expected[3]), Rgb(actual[3])), File.ReadAllBytes(diff));
    }

    [Fact]
    public void A_golden_with_another_frame_count_fails_saying_so()
    {
        MakeGoldens(Manifest("  - out: a.png\n    args: animate --norm l1 --size 300x300 --frames 5\n"));
        var (run, figure) = Check(Manifest($"  - out: a.png\n    args: animate --norm l1 {Small}\n"));
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("failed", figure.GetProperty("status").GetString());
        Assert.Contains("5 frames in the golden, 6 here", figure.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, figure.GetProperty("rms").ValueKind);
    }

    [Fact]
    public void An_explore_page_is_checked_by_its_frames_and_a_changed_frame_is_named()
    {
        string m = Manifest($"  - out: p.html\n    args: explore --norm l2 {Small}\n");
        MakeGoldens(m);
        string golden = Path.Combine(Golden, "p.html");
        // frame 4 of the golden shows frame 2's patch: only frame 4 differs
        File.WriteAllText(golden, SwapPatch(File.ReadAllText(golden), from: 2, to: 4));
        var (run, figure) = Check(m);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("frame 4 of 6 frames", figure.GetProperty("verdict").GetString());
        Assert.True(figure.GetProperty("rms").GetDouble() > 0);
        Assert.True(File.Exists(figure.GetProperty("diff").GetString()));
    }

    [Fact]
    public void A_golden_that_is_not_an_animation_of_regviz_is_unreadable_not_a_crash()
    {
        string m = Manifest($"  - out: p.html\n    args: explore --norm l2 {Small}\n");
        Directory.CreateDirectory(Golden);
        File.WriteAllText(Path.Combine(Golden, "p.html"), "<html><body>not a page of frames</body></html>");
        var (run, figure) = Check(m);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("UNREADABLE GOLDEN", figure.GetProperty("verdict").GetString());
    }

    private static (byte[] Rgb, int Width, int Height) Rgb(byte[] rgba)
    {
        // regviz's frames are opaque; composited on white as the comparison does, opaque pixels are their RGB
        var rgb = new byte[rgba.Length / 4 * 3];
        for (int p = 0; p < rgba.Length / 4; p++)
        {
            Assert.Equal(255, rgba[p * 4 + 3]);
            rgb[p * 3] = rgba[p * 4];
            rgb[p * 3 + 1] = rgba[p * 4 + 1];
            rgb[p * 3 + 2] = rgba[p * 4 + 2];
        }
        return (rgb, 300, 300);
    }

    /// <summary>
    /// The APNG with frame <paramref name="frame"/>'s image data replaced: the same patch rectangle, every pixel an opaque
    /// magenta. The frames after it blend over it, so where they leave pixels alone they differ too, never more.
    /// </summary>
    private static byte[] TamperFrame(byte[] apng, int frame)
    {
        var output = new MemoryStream();
        output.Write(apng, 0, 8);
        int at = 8, frames = -1, width = 0, height = 0;
        while (at < apng.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(apng.AsSpan(at));
            string type = Encoding.ASCII.GetString(apng, at + 4, 4);
            var data = apng.AsSpan(at + 8, length).ToArray();
            if (type == "fcTL")
            {
                frames++;
                width = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(4));
                height = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(8));
            }
            if (type == "fdAT" && frames == frame)
            {
                var raw = new MemoryStream();
                for (int y = 0; y < height; y++)
                {
                    raw.WriteByte(0); // filter None
                    for (int x = 0; x < width; x++) raw.Write([255, 0, 255, 255]);
                }
                var z = new MemoryStream();
                using (var zs = new ZLibStream(z, CompressionLevel.Fastest, leaveOpen: true)) zs.Write(raw.ToArray());
                data = [.. data.AsSpan(0, 4), .. z.ToArray()]; // keeps its sequence number
            }
            WriteChunk(output, type, data);
            at += 12 + length;
        }
        return output.ToArray();
    }

    private static void WriteChunk(Stream s, string type, byte[] data)
    {
        var four = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(four, data.Length);
        s.Write(four);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(four, Crc32(typed));
        s.Write(four);
    }

    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>The page with frame <paramref name="to"/> showing frame <paramref name="from"/>'s patch.</summary>
    private static string SwapPatch(string html, int from, int to)
    {
        const string open = "<script type=\"application/json\" id=\"frames\">";
        int start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        int end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        var data = JsonNode.Parse(html[start..end])!;
        var frames = data["frames"]!.AsArray();
        Assert.NotNull(frames[from]!["patch"]);
        frames[to]!["patch"] = frames[from]!["patch"]!.DeepClone();
        return html[..start] + data.ToJsonString() + html[end..];
    }
}
