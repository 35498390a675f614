using System.Buffers.Binary;
using CsCheck;
using Regviz.Cli;
using Regviz.Cli.Errors;
using Regviz.Core;
using Regviz.Plotting;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Hostile;

/// <summary>
/// Every exception that reaches a command's edge is translated: exit 2 and one <c>error:</c> line when input caused
/// it, exit 70 and one line (no trace unless REGVIZ_DEBUG) when regviz did; in a batch, one figure's check failure is
/// that figure's error and the reports are still written. Examples from issue 30, and generated cases of each class.
/// </summary>
public class ExceptionEdgeTests : HostileFolder
{
    [Theory]
    [InlineData("@/dev/zero")]
    [InlineData("@/tmp")]
    [InlineData("@/etc/passwd")]
    public void An_at_word_is_never_read_as_a_response_file(string word)
    {
        var r = CliRunner.Run("contour", word);
        string line = OneError(r, 2);
        Assert.Contains(word, line);
        Assert.DoesNotContain("root:", r.Stdout + r.Stderr);
    }

    [Fact]
    public void A_response_file_naming_itself_is_one_word_not_a_recursion()
    {
        string self = Write("self.rsp", "@" + PathOf("self.rsp") + "\n");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        OneError(CliRunner.Run("contour", "@" + self), 2);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_title_starting_with_at_is_the_title_itself()
    {
        string png = PathOf("t.png"), json = PathOf("t.json");
        var r = CliRunner.Run("norm", "--title", "@/etc/passwd", "--size", "200x200", "--out", png, "--json", json);
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("root:", r.Stdout + r.Stderr + File.ReadAllText(json) + System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(png)));
    }

    [Fact]
    public void A_bug_is_exit_70_with_one_line_and_no_trace_and_no_message_of_the_exception()
    {
        var r = ExceptionEdge.Translate(new InvalidOperationException("secret: root:x:0:0"), verbose: false);
        Assert.Equal(70, r.ExitCode);
        Assert.DoesNotContain("secret", r.Error);
        Assert.DoesNotContain('\n', r.Error!);
        Assert.Null(r.Detail);
        Assert.NotNull(ExceptionEdge.Translate(new InvalidOperationException("x"), verbose: true).Detail);
    }

    [Fact]
    public void Environment_failures_are_input_errors()
    {
        Assert.Equal(2, ExceptionEdge.Translate(new UnauthorizedAccessException("Access to the path '/x' is denied."), false).ExitCode);
        Assert.Equal(2, ExceptionEdge.Translate(new IOException("No space left on device : '/x'"), false).ExitCode);
        Assert.Equal(2, ExceptionEdge.Translate(new AggregateException(new InputException("bad")), false).ExitCode);
    }

    [Fact]
    public void A_missing_tmpdir_is_one_error_line_and_is_not_created()
    {
        string manifest = Write("m.yaml", "figures:\n  - { out: a.png, args: norm --size 100x100 }\n");
        Directory.CreateDirectory(PathOf("g"));
        string missing = PathOf("no", "such", "tmp");
        CliRunner.ChildEnvironment.Value = new Dictionary<string, string> { ["TMPDIR"] = missing };
        try
        {
            var (code, _, stderr, _) = RunProcess(TimeSpan.FromMinutes(2), "batch", manifest, "--check", PathOf("g"));
            Assert.Equal(2, code);
            Assert.Contains("TMPDIR", Assert.Single(stderr.Split('\n'), l => l.StartsWith("error: ")));
            NoStackTrace(stderr);
        }
        finally { CliRunner.ChildEnvironment.Value = null; }
        Assert.False(Directory.Exists(PathOf("no")));
    }

    [Fact]
    public void A_csv_header_no_font_has_is_drawn_with_a_warning()
    {
        string csv = Write("cjk.csv", "漢,x2,y\n1,2,3\n2,1,4\n3,3,5\n4,1,1\n");
        FontFallback.TestFolders.Value = [];
        CliRunner.ChildEnvironment.Value = new Dictionary<string, string> { [FontFallback.FoldersVariable] = "" };
        try
        {
            foreach (string command in new[] { "path", "contour" })
            {
                var r = CliRunner.Run(command, "--data", csv, "--features", "漢,x2", "--size", "300x300", "--out", PathOf(command + ".png"));
                Assert.True(r.ExitCode == 0, r.Stderr);
                Assert.Contains(r.ErrorLines, l => l.StartsWith("warning: ") && l.Contains("boxes"));
            }
        }
        finally { FontFallback.TestFolders.Value = null; CliRunner.ChildEnvironment.Value = null; }
    }

    /// <summary>A PNG's chunks as a hostile golden may have them: lengths near 2^31 and 2^32, CRCs wrong, types in any order.</summary>
    private static readonly Gen<byte[]> HostilePng =
        Gen.Select(
            Gen.OneOf("IHDR", "acTL", "fcTL", "IDAT", "fdAT", "IEND", "tEXt", "zzzz"),
            Gen.OneOf<uint>(Gen.Int[0, 40].Select(i => (uint)i), Gen.OneOf(0x7FFFFFFFu, 0x80000000u, 0xFFFFFFFFu, 0xFFFFFFF4u)),
            Gen.Byte.Array[0, 40],
            Gen.Bool)
        .Array[0, 8]
        .Select(chunks =>
        {
            using var s = new MemoryStream();
            s.Write(PngChunks.Signature);
            PngChunks.Write(s, "IHDR", PngChunks.RgbaHeader(4, 4));
            foreach ((string type, uint length, byte[] data, bool goodCrc) in chunks)
            {
                if (length == data.Length && goodCrc) PngChunks.Write(s, type, data);
                else
                {
                    var word = new byte[4];
                    BinaryPrimitives.WriteUInt32BigEndian(word, length);
                    s.Write(word);
                    s.Write(System.Text.Encoding.ASCII.GetBytes(type));
                    s.Write(data);
                    s.Write(word); // a CRC that is wrong (and a length that lies)
                }
            }
            return s.ToArray();
        });

    [Fact]
    public void Golden_chunks_of_any_length_are_refused_as_input_never_thrown_otherwise()
    {
        byte[] real = File.ReadAllBytes(MakeApng());
        HostilePng.Sample(golden =>
        {
            bool animated = AnimationComparison.IsAnimated(golden);
            try { AnimationComparison.Compare(golden, real, page: false, wantDiff: true); }
            catch (InputException e) { Assert.StartsWith("golden:", e.Message); }
            if (!animated) _ = ImageComparison.Decode(golden);
        }, iter: 3000, time: 5);
    }

    private string MakeApng()
    {
        string path = PathOf("anim.png");
        if (!File.Exists(path))
            Assert.Equal(0, CliRunner.Run("animate", "--frames", "3", "--size", "100x100", "--grid", "20", "--out", path).ExitCode);
        return path;
    }

    [Fact]
    public void A_golden_with_a_chunk_length_of_2_to_the_31_fails_its_figure_and_every_report_is_written()
    {
        string manifest = Write("m.yaml", """
            figures:
              - { out: a.png, args: norm --size 100x100 }
              - { out: b.png, args: animate --frames 3 --size 100x100 --grid 20 }
              - { out: c.png, args: norm --norm l2 --size 100x100 }
            """);
        Directory.CreateDirectory(PathOf("g"));
        byte[] bomb = [.. PngChunks.Signature, .. new byte[] { 0x80, 0, 0, 0 }, .. "IHDR"u8.ToArray(), .. new byte[16]];
        File.WriteAllBytes(PathOf("g", "a.png"), bomb);
        File.WriteAllBytes(PathOf("g", "b.png"), bomb);
        Assert.Equal(0, CliRunner.Run("norm", "--norm", "l2", "--size", "100x100", "--out", PathOf("g", "c.png")).ExitCode);
        var r = CliRunner.Run("batch", manifest, "--check", PathOf("g"), "--report", PathOf("rep"), "--summary", PathOf("s.json"), "--junit", PathOf("j.xml"));
        Assert.True(r.ExitCode == 1, r.Stdout + r.Stderr);
        NoStackTrace(r.Stdout + r.Stderr);
        Assert.Contains("UNREADABLE GOLDEN", r.Stdout);
        Assert.True(File.Exists(PathOf("rep", "index.html")) && File.Exists(PathOf("s.json")) && File.Exists(PathOf("j.xml")));
        // the golden is not an image: it is not copied into the report
        foreach (var f in Directory.GetFiles(PathOf("rep", "images")))
            Assert.NotEqual(bomb, File.ReadAllBytes(f));
    }

    [Fact]
    public void An_apng_golden_with_more_frames_than_its_actl_fails()
    {
        string apng = MakeApng();
        byte[] bytes = File.ReadAllBytes(apng);
        // repeat the last frame's chunks (fcTL and fdAT) after it: more frames than acTL announces
        var chunks = new List<(string Type, byte[] Data)>();
        for (int at = 8; at < bytes.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            chunks.Add((System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4), bytes.AsSpan(at + 8, length).ToArray()));
            at += 12 + length;
        }
        int lastControl = chunks.FindLastIndex(c => c.Type == "fcTL");
        var extra = chunks.Skip(lastControl).TakeWhile(c => c.Type != "IEND").ToList();
        using var s = new MemoryStream();
        s.Write(PngChunks.Signature);
        foreach (var c in chunks.Take(chunks.Count - 1).Concat(Enumerable.Repeat(extra, 50).SelectMany(x => x)).Append(chunks[^1]))
            PngChunks.Write(s, c.Type, c.Data);
        var e = Assert.Throws<InputException>(() => AnimationComparison.Compare(s.ToArray(), bytes, page: false, wantDiff: false));
        Assert.Contains("acTL announces 3", e.Message);
    }

    /// <summary>Strings as a pull request's JSON may hold them: lone surrogates, controls, bidi overrides.</summary>
    private static readonly Gen<string> JsonEscapes = Gen.OneOf("\\ud800", "\\udc00", "\\u0000", "\\u001b", "\\u202e", "\\ufeff", "a", ".png", "é", "\\\"")
        .Array[1, 6].Select(string.Concat);

    [Fact]
    public void Hash_library_keys_and_fingerprint_values_with_any_escape_end_in_a_clean_result()
    {
        string manifest = Write("m.yaml", "figures:\n  - { out: a.png, args: norm --size 100x100 }\n");
        Directory.CreateDirectory(PathOf("g"));
        Assert.Equal(0, CliRunner.Run("norm", "--size", "100x100", "--out", PathOf("g", "a.png")).ExitCode);
        JsonEscapes.Sample(name =>
        {
            File.WriteAllText(PathOf("lib.json"), $"{{\"{name}\": \"{new string('0', 64)}\"}}");
            File.WriteAllText(PathOf("g", "regviz-golden.json"), $"{{\"renderer\": {{\"{name}\": \"{name}\"}}}}");
            var r = CliRunner.Run("batch", manifest, "--check", PathOf("g"), "--hash-library", PathOf("lib.json"));
            Assert.True(r.ExitCode is 0 or 1 or 2, $"exit {r.ExitCode} for {name}\n{r.Stderr}");
            NoStackTrace(r.Stdout + r.Stderr);
            if (r.ExitCode == 2) OneError(r, 2);
            // whatever the strings held, every line printed is clean by the escaping policy
            Assert.All((r.Stdout + r.Stderr).Split('\n'), line => Assert.True(SafeText.IsClean(line), line));
        }, iter: 12, threads: 1);
    }
}
