using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Hostile;

/// <summary>
/// The report, JUnit, summary and hash-library destinations in a checkout a pull request filled: links committed where
/// the CI writes its reports must not lead the writes out, and every refusal comes before any figure is rendered —
/// one error line, exit 2, nothing changed. Goldens written by --update stay inside the golden folder too.
/// </summary>
public class ReportDestinationTests : HostileFolder
{
    private const string Small = "--size 120x120 --grid 20";

    private string Arrange()
    {
        Directory.CreateDirectory(PathOf("elsewhere"));
        Directory.CreateDirectory(PathOf("golden"));
        string manifest = Write("m.yaml", $"figures:\n  - {{ out: a.png, args: norm {Small} }}\n");
        Assert.Equal(0, CliRunner.Run("batch", manifest, "--out", PathOf("golden")).ExitCode);
        return manifest;
    }

    [Fact]
    public void Report_images_folder_linked_outside_is_refused()
    {
        string m = Arrange();
        Directory.CreateDirectory(PathOf("report"));
        File.CreateSymbolicLink(PathOf("report", "images"), PathOf("elsewhere"));
        Fails(2, "--report: 'images/", "batch", m, "--check", PathOf("golden"), "--report", PathOf("report"));
    }

    [Fact]
    public void Report_index_linked_outside_is_refused()
    {
        string m = Arrange();
        Directory.CreateDirectory(PathOf("report"));
        File.CreateSymbolicLink(PathOf("report", "index.html"), PathOf("elsewhere", "index.html"));
        Assert.Contains("leads outside the output folder through a symbolic link",
            Fails(2, "--report: 'index.html'", "batch", m, "--check", PathOf("golden"), "--report", PathOf("report")));
    }

    [Fact]
    public void A_later_report_image_linked_outside_or_a_fifo_fails_that_figure_only()
    {
        string m = Write("m.yaml", $"figures:\n  - {{ out: a.png, args: norm {Small} }}\n  - {{ out: b.png, args: norm {Small} --norm l2 }}\n  - {{ out: c.png, args: norm {Small} --norm linf }}\n");
        Directory.CreateDirectory(PathOf("elsewhere"));
        Assert.Equal(0, CliRunner.Run("batch", m, "--out", PathOf("golden")).ExitCode);
        Directory.CreateDirectory(PathOf("report", "images"));
        File.CreateSymbolicLink(PathOf("report", "images", "f00002-result.png"), PathOf("elsewhere", "x.png"));
        using (var mk = System.Diagnostics.Process.Start("mkfifo", PathOf("report", "images", "f00003-result.png"))) mk.WaitForExit();
        var r = CliRunner.Run("batch", m, "--check", PathOf("golden"), "--report", PathOf("report"), "--jobs", "1");
        Assert.Contains("2 of 3 figures could not be made", OneError(r, 2));
        Assert.Contains("'images/f00002-result.png' leads outside the report folder", r.Stdout);
        Assert.Contains("'images/f00003-result.png' is not a regular file", r.Stdout);
        Assert.Empty(Directory.GetFileSystemEntries(PathOf("elsewhere")));
        Assert.True(File.Exists(PathOf("report", "index.html")));
        NoTemporaries();
    }

    [Theory]
    [InlineData("--junit")]
    [InlineData("--summary")]
    public void Result_file_linked_outside_is_refused(string option)
    {
        string m = Arrange();
        Directory.CreateDirectory(PathOf("results"));
        File.CreateSymbolicLink(PathOf("results", "out.xml"), PathOf("elsewhere", "cron"));
        Fails(2, $"{option}: 'out.xml' leads outside", "batch", m, "--check", PathOf("golden"), option, PathOf("results", "out.xml"));
        Assert.False(File.Exists(PathOf("elsewhere", "cron")));
    }

    [Fact]
    public void Hash_library_linked_outside_is_refused_when_updating()
    {
        string m = Arrange();
        File.CreateSymbolicLink(PathOf("golden", "hashes.json"), PathOf("elsewhere", "hashes.json"));
        Fails(2, "--hash-library: 'hashes.json' leads outside", "batch", m, "--hash-library", PathOf("golden", "hashes.json"), "--update");
    }

    [Fact]
    public void A_golden_linked_outside_is_not_written_by_update()
    {
        string m = Arrange();
        Write("elsewhere/precious.png", "keep me");
        File.Delete(PathOf("golden", "a.png"));
        File.CreateSymbolicLink(PathOf("golden", "a.png"), PathOf("elsewhere", "precious.png"));
        var r = CliRunner.Run("batch", m, "--check", PathOf("golden"), "--update", "all");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("golden not written: --check: 'a.png' leads outside", r.Stdout);
        Assert.Equal("keep me", File.ReadAllText(PathOf("elsewhere", "precious.png")));
        NoTemporaries();
    }

    [Theory]
    [InlineData("--report", "r", "--report goes with --check GOLDEN_DIR or --hash-library FILE")]
    [InlineData("--junit", "j.xml", "--junit goes with --check")]
    [InlineData("--summary", "s.json", "--summary goes with --check")]
    public void Reports_without_a_check_are_refused(string option, string value, string expected) =>
        Fails(2, expected, "batch", Write("m.yaml", "figures: []\n"), option, PathOf(value));

    [Fact]
    public void Update_without_a_check_is_refused() =>
        Fails(2, "--update goes with --check", "batch", Write("m.yaml", "figures: []\n"), "--update", "all");

    [Theory]
    [InlineData("--summary", "-", "--summary: give a file name")]
    [InlineData("--junit", "folder", "--junit: '")]
    [InlineData("--junit", "nowhere/j.xml", "--junit: the folder of")]
    [InlineData("--report", "file.txt", "--report: '")]
    public void Bad_destinations_are_refused_before_any_work(string option, string value, string expected)
    {
        string m = Arrange();
        Directory.CreateDirectory(PathOf("folder"));
        Write("file.txt", "x");
        Fails(2, expected, "batch", m, "--check", PathOf("golden"), option, value == "-" ? value : PathOf(value));
    }

    [Fact]
    public void Two_reports_on_one_file_are_refused()
    {
        string m = Arrange();
        Fails(2, "--summary: '", "batch", m, "--check", PathOf("golden"), "--junit", PathOf("r.json"), "--summary", PathOf("r.json"));
    }

    [Theory]
    [InlineData("tolerance: lots", "'tolerance' must be a number, not 'lots'")]
    [InlineData("tolerance: -1", "'tolerance' -1 must be ≥ 0")]
    [InlineData("tolerance: .nan", "'tolerance' must be a number")]
    [InlineData("tolerance: [1]", "'tolerance' must be a string")]
    public void A_bad_figure_tolerance_names_its_line_and_column(string tolerance, string expected)
    {
        string m = Write("m.yaml", $"figures:\n  - out: a.png\n    args: norm\n    {tolerance}\n");
        Assert.Contains("line 4, column 16: " + expected, Fails(2, expected, "batch", m, "--out", PathOf("o")));
    }

    [Fact]
    public void A_bad_update_mode_is_refused() =>
        Fails(2, "--update: 'sometimes' is not a mode (valid: missing, changed, all)", "batch", Write("m.yaml", "figures: []\n"), "--check", Dir, "--update", "sometimes");
}
