using System.Security.Cryptography;
using System.Text.Json;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Reports;

/// <summary>
/// Hash baselines as pytest-mpl keeps them: a JSON object of name → SHA-256. Alone they decide; beside golden images a
/// mismatch falls back to the image comparison, so a renderer that moves a pixel within tolerance still passes.
/// </summary>
public class HashLibraryTests : Support.ScratchFolder
{
    private const string Small = "--size 160x160 --grid 20";
    private string Library => Path.Combine(Dir, "baseline", "hashes.json");

    private string Manifest()
    {
        string path = Path.Combine(Dir, "m.yaml");
        File.WriteAllText(path, $$"""
            defaults: {{Small}}
            figures:
              - { out: a.png, args: norm --norm l1 }
              - { out: b.png, args: norm --norm l2 }
            """);
        Directory.CreateDirectory(Path.Combine(Dir, "baseline"));
        return path;
    }

    private Dictionary<string, string> Hashes()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Library));
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    [Fact]
    public void Update_writes_the_library_and_a_check_against_it_passes_on_hashes_alone()
    {
        string m = Manifest();
        var r = CliRunner.Run("batch", m, "--hash-library", Library, "--update", "--out", Path.Combine(Dir, "out"));
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        var hashes = Hashes();
        Assert.Equal(["a.png", "b.png"], hashes.Keys.Order());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Dir, "out", "a.png")))), hashes["a.png"]);
        Assert.True(File.Exists(Path.Combine(Dir, "baseline", "regviz-golden.json"))); // the renderer, beside the library

        var check = CliRunner.Run("batch", m, "--hash-library", Library);
        Assert.Equal(0, check.ExitCode);
        Assert.Matches(@"a\.png\s+-\s+ok \(hash matches\)", check.Stdout);

        // nothing to change: the library keeps its bytes and time
        File.SetLastWriteTimeUtc(Library, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        byte[] bytes = File.ReadAllBytes(Library);
        Assert.Equal(0, CliRunner.Run("batch", m, "--hash-library", Library, "--update").ExitCode);
        Assert.Equal(bytes, File.ReadAllBytes(Library));
        Assert.Equal(2020, File.GetLastWriteTimeUtc(Library).Year);
    }

    [Fact]
    public void Hash_only_a_wrong_hash_fails_and_an_absent_one_is_missing()
    {
        string m = Manifest();
        File.WriteAllText(Library, $$"""{"a.png": "{{new string('0', 64)}}"}""");
        var r = CliRunner.Run("batch", m, "--hash-library", Library);
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"a\.png\s+-\s+DIFFERENT \(hash differs\)", r.Stdout);
        Assert.Matches(@"b\.png\s+-\s+MISSING HASH", r.Stdout);

        var fix = CliRunner.Run("batch", m, "--hash-library", Library, "--update", "missing");
        Assert.Equal(1, fix.ExitCode); // a.png still differs; b.png's hash is now recorded
        Assert.Equal(new string('0', 64), Hashes()["a.png"]);
        Assert.True(Hashes().ContainsKey("b.png"));
    }

    [Fact]
    public void Hybrid_a_hash_mismatch_falls_back_to_the_images_and_their_tolerance()
    {
        string m = Manifest();
        string golden = Path.Combine(Dir, "golden");
        Assert.Equal(0, CliRunner.Run("batch", m, "--check", golden, "--hash-library", Library, "--update").ExitCode);
        File.WriteAllText(Library, File.ReadAllText(Library).Replace(Hashes()["a.png"], new string('f', 64)));

        var r = CliRunner.Run("batch", m, "--check", golden, "--hash-library", Library);
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"a\.png\s+0\.0000\s+ok; hash differs", r.Stdout);
        Assert.Matches(@"b\.png\s+-\s+ok \(hash matches\)", r.Stdout);

        // the golden image differs too: now the image comparison fails it
        File.Copy(Path.Combine(golden, "b.png"), Path.Combine(golden, "a.png"), overwrite: true);
        var failed = CliRunner.Run("batch", m, "--check", golden, "--hash-library", Library);
        Assert.Equal(1, failed.ExitCode);
        Assert.Matches(@"a\.png\s+[0-9.]+\s+(?:[^\n]*; )?DIFFERENT \([0-9]+ pixels\); hash differs", failed.Stdout);

        // a matching hash passes even when the golden image is stale
        Assert.Equal(0, CliRunner.Run("batch", m, "--check", golden, "--hash-library", Library, "--update", "changed").ExitCode);
        File.Copy(Path.Combine(golden, "b.png"), Path.Combine(golden, "a.png"), overwrite: true);
        Assert.Equal(0, CliRunner.Run("batch", m, "--check", golden, "--hash-library", Library).ExitCode);
    }

    [Theory]
    [InlineData("[1, 2]", "must hold one JSON object")]
    [InlineData("{\"a.png\": 12}", "the hash of 'a.png' is not 64 hexadecimal digits")]
    [InlineData("{\"a.png\": \"abc\"}", "the hash of 'a.png' is not 64 hexadecimal digits")]
    [InlineData("{\"a.png\": \"", "is not valid JSON (line 1")]
    [InlineData("", "is not valid JSON")]
    public void A_bad_library_is_one_error_line_before_any_work(string text, string expected)
    {
        string m = Manifest();
        File.WriteAllText(Library, text);
        var r = CliRunner.Run("batch", m, "--hash-library", Library, "--out", Path.Combine(Dir, "out"));
        Assert.Contains(expected, Hostile.HostileFolder.OneError(r, 2));
        Assert.False(Directory.Exists(Path.Combine(Dir, "out")));
    }

    [Fact]
    public void A_missing_library_is_an_error_unless_updating() =>
        Assert.Contains("does not exist (create it with --update)", Hostile.HostileFolder.OneError(CliRunner.Run("batch", Manifest(), "--hash-library", Library), 2));
}
