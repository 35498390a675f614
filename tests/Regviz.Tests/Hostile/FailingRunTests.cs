using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Hostile;

/// <summary>
/// Every output destination is checked before any work, so a run that fails changes no file: each case exits 2
/// with one error line naming the option, and the folder is byte-for-byte what it was.
/// </summary>
public class FailingRunTests : HostileFolder
{
    private string Good()
    {
        string good = PathOf("good.png");
        Assert.Equal(0, CliRunner.Run("norm", "--size", "120x120", "--out", good).ExitCode);
        return good;
    }

    [Fact]
    public void Missing_sidecar_folder_leaves_the_figure_untouched() =>
        Fails(2, "--json: the folder of", "contour", "--out", Good(), "--json", PathOf("missing", "k.json"));

    [Fact]
    public void Sidecar_that_is_a_folder_is_named_a_folder()
    {
        Directory.CreateDirectory(PathOf("k.json"));
        Fails(2, "--json: '" + PathOf("k.json") + "' is a folder", "norm", "--out", Good(), "--json", PathOf("k.json"));
    }

    [Fact]
    public void Out_that_is_a_folder_is_named_a_folder()
    {
        Good();
        Fails(2, "is a folder, not a file", "norm", "--out", Dir);
    }

    [Fact]
    public void Out_below_a_file_says_its_folder_is_a_file() =>
        Fails(2, "--out: the folder of", "norm", "--out", Path.Combine(Good(), "x.png"));

    [Fact]
    public void Json_and_out_naming_the_same_file_are_refused() =>
        Fails(2, "--json: ", "norm", "--out", Good(), "--json", PathOf("good.png"));

    [Theory]
    [InlineData("solve")]
    [InlineData("sparsity --trials 100000 --out f.png")]
    [InlineData("path --out f.png")]
    [InlineData("contour --out f.png")]
    public void Sidecar_checked_before_work_in_every_command(string command)
    {
        Good();
        var args = command.Split(' ').Select(a => a.EndsWith(".png") ? PathOf(a) : a);
        Fails(2, "--json: the folder of", [.. args, "--json", PathOf("nope", "x.json")]);
    }

    [Fact]
    public void Compare_diff_with_a_wrong_extension_blames_diff()
    {
        string good = Good();
        Fails(2, "--diff: ", "compare", good, good, "--diff", PathOf("d.jpg"));
    }

    [Fact]
    public void Compare_json_in_a_missing_folder_writes_no_diff()
    {
        string good = Good();
        Fails(2, "--json: the folder of", "compare", good, good, "--diff", PathOf("d.png"), "--json", PathOf("no", "c.json"));
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--diff")]
    public void Batch_folder_option_that_is_a_file_is_refused(string option)
    {
        string good = Good();
        string manifest = Write("m.yaml", "figures:\n  - { out: a.png, args: norm }\n");
        var args = option == "--out" ? new[] { "batch", manifest, "--out", good } : ["batch", manifest, "--check", Dir, "--diff", good];
        Fails(2, $"{option}: '{good}' is a file, not a folder", args);
    }

    [Fact]
    public void Batch_check_folder_that_is_a_file_is_refused()
    {
        string good = Good();
        Fails(2, "--check: ", "batch", Write("m.yaml", "figures: []\n"), "--check", good);
    }

    [Fact]
    public void Name_of_254_bytes_is_written()
    {
        string name = new string('n', 250) + ".png";
        var r = CliRunner.Run("norm", "--size", "120x120", "--out", PathOf(name), "--json", PathOf(new string('j', 249) + ".json"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(File.Exists(PathOf(name)));
        NoTemporaries();
    }

    [Fact]
    public void Name_over_255_bytes_is_refused_before_work() =>
        Fails(2, "longer than 255 bytes", "norm", "--out", Good(), "--json", PathOf(new string('é', 130) + ".json"));

    [Theory]
    [InlineData("a\0b.png")]
    [InlineData("a\nb.png")]
    [InlineData("a\u001bb.png")]
    public void Control_characters_in_an_output_name_are_refused(string name)
    {
        Good();
        string line = Fails(2, "--out: the file name contains a control character", "norm", "--out", PathOf(name));
        Assert.DoesNotContain("\u001b", line);
    }

    [Fact]
    public void Read_only_folder_is_reported_before_work()
    {
        if (Environment.UserName == "root" || OperatingSystem.IsWindows())
        {
            // root writes anywhere: the case is a folder the kernel refuses to everyone, /proc
            Fails(2, "--out: ", "norm", "--out", "/proc/regviz-test.png");
            return;
        }
        Directory.CreateDirectory(PathOf("ro"));
        File.SetUnixFileMode(PathOf("ro"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try { Fails(2, "--out: cannot create files", "norm", "--out", PathOf("ro", "x.png")); }
        finally { File.SetUnixFileMode(PathOf("ro"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); }
    }
}
