using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Hostile;

/// <summary>
/// Inputs that used to crash (exit 70 or 134, stack traces) or say the wrong thing: each is now exit 2 with one
/// error line that names the option, file, line or column, and the folder is unchanged.
/// </summary>
public class InputTests : HostileFolder
{
    private string Manifest(string yaml) => Write("m.yaml", yaml);

    public static TheoryData<string, string> BadYaml => new()
    {
        { "figures: [ { out: a.png, args: norm }\n", "line 2, column 1" },
        { "figures:\n  - out: a.png\n   args: norm\n", "line 3" },
        { "figures: \"unclosed\n", "line 1" },
        { "figures:\n\t- out: a.png\n", "invalid tab as indentation" },
        { "figures: *nowhere\n", "line 1" },
        { "figures: !!binary x\n", "'figures' must be a list" },
        { "? [a, b]\n: 1\n", "line 1, column 3: a key must be a plain string" },
        { "figures:\n  - { [out]: a.png, args: norm }\n", "a key must be a plain string" },
        { "figures:\n  - out: [a.png]\n    args: norm\n", "'out' must be a string" },
        { "figures:\n  - 3\n", "each figure must be a mapping" },
        { "figures: {}\n", "'figures' must be a list" },
        { "- a\n- b\n", "expected a mapping" },
        { "", "expected a mapping" },
        { "figures: []\nfigures: []\n", "line 2" },
        { "%YAML 9.9\n---\nfigures: []\n", "line 1" },
        // found by FuzzTests: YamlDotNet throws ArgumentException / InvalidOperationException on these, not YamlException
        { "figures:\n  - o4ut: a.png\n  - : path --norm l2\n", "line " },
        { "figures:\n  - { out: s  - out: a.png\n  - out: a.png\nub/b.png, args: \"x\" }\n", "line " },
    };

    [Theory]
    [MemberData(nameof(BadYaml))]
    public void Invalid_manifest_is_one_error_line_with_its_position(string yaml, string expected) =>
        Fails(2, expected, "batch", Manifest(yaml), "--out", PathOf("out"));

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    [InlineData("- ", "")]
    public void Deep_nesting_is_refused_before_the_tree_is_built(string open, string close)
    {
        // 64 levels are allowed, 65 refused; the real bomb (50,000 levels) runs out of process in ResourceTests
        string Nest(int depth) => "figures: []\nx:\n  " + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + "\n";
        Fails(2, "nested deeper than 64 levels", "batch", Manifest(Nest(200)), "--out", PathOf("out"));
        Assert.DoesNotContain("nested deeper", OneError(CliRunner.Run("batch", Manifest(Nest(62)), "--out", PathOf("out")), 2));
    }

    [Fact]
    public void Manifest_over_10_MB_is_refused() =>
        Fails(2, "is larger than 10 MB", "batch", Manifest("figures: []\n" + string.Concat(Enumerable.Repeat("# " + new string('c', 1000) + "\n", 10_500))), "--out", PathOf("out"));

    [Fact]
    public void Manifest_line_over_1_MB_is_refused_with_its_line() =>
        Fails(2, "line 3 is longer than 1 MB", "batch", Manifest("figures: []\n#\n#" + new string('c', 1_100_000) + "\n"));

    [Fact]
    public void Manifest_that_is_a_folder_says_so() =>
        Fails(2, $"manifest '{Dir}' is a folder", "batch", Dir);

    [Theory]
    [InlineData("a,a,y\n1,2,3\n", "gives columns 1 and 2 the same name ('a')")]
    [InlineData("x1,x2,y\n1,\"2\nx\",3\n", "'2\\nx' is not a finite number")]
    [InlineData("x1,x2,y\n1,2\n", "line 2 has 2 fields")]
    [InlineData("x1,x2,y\n1,2,1e999\n", "line 2, column 3")]
    [InlineData("x1,x2,y\n1,2,NaN\n", "line 2, column 3")]
    [InlineData("x1,x2,y\n", "no data rows")]
    [InlineData("1,2,3\n4,5,6\n", "no header row")]
    [InlineData(",,\n1,2,3\n", "a name for every column")]
    [InlineData("\"x1,x2,y\n1,2,3\n", "--data: ")]
    [InlineData("x1,x2,y\n1,2,\u0000\n", "line 2 has a NUL byte")]
    [InlineData("x1,x2,y\n\u00e9\u0301\u200b,2,3\n", "line 2, column 1")]
    public void Bad_csv_is_one_error_line(string csv, string expected) =>
        Fails(2, expected, "solve", "--data", Write("d.csv", csv));

    [Fact]
    public void Csv_cell_is_quoted_cut_to_40_characters()
    {
        string line = Fails(2, "line 2, column 1", "solve", "--data", Write("d.csv", "x1,x2,y\n" + new string('z', 5000) + ",1,2\n"));
        Assert.Contains(new string('z', 40) + "…", line);
        Assert.DoesNotContain(new string('z', 41), line);
    }

    [Fact]
    public void Csv_line_over_1_MB_is_refused_with_its_line() =>
        Fails(2, "line 3 is longer than 1 MB", "solve", "--data", Write("d.csv", "x1,x2,y\n1,2,3\n" + new string('1', 1_100_000) + "\n"));

    [Theory]
    [InlineData("--data")]
    [InlineData("compare")]
    public void Folder_where_a_file_is_wanted_says_folder(string how)
    {
        var args = how == "--data" ? new[] { "solve", "--data", Dir } : ["compare", Dir, Dir];
        Fails(2, "is a folder, not a file", args);
    }

    [Theory]
    [InlineData("solve", "--data", "/dev/zero", "line 1 has a NUL byte")]
    [InlineData("batch", "/dev/zero", "", "line 1 has a NUL byte")]
    [InlineData("compare", "/dev/zero", "/dev/zero", "'/dev/zero' is not a readable image")]
    [InlineData("solve", "--data", "/dev/null", "is empty")]
    [InlineData("solve", "--data", "/dev/urandom", "has a NUL byte")]
    [InlineData("batch", "/dev/urandom", "", "has a NUL byte")]
    [InlineData("compare", "/dev/null", "/dev/null", "'/dev/null' is not a readable image")]
    public void Endless_or_empty_device_input_is_refused(string command, string a, string b, string expected) =>
        Fails(2, expected, new[] { command, a, b }.Where(s => s.Length > 0).ToArray());

    [Theory]
    [InlineData(100_000, 100_000)]
    [InlineData(20_000, 20_000)]
    [InlineData(10_001, 10_000)]
    [InlineData(100_000, 1_001)]
    public void Png_claiming_too_many_pixels_is_refused_from_its_header(int w, int h)
    {
        string bomb = Write("bomb.png", PngBytes.Grey(w, h, rows: 2));
        Fails(2, "pixels; at most 100,000,000 are read", "compare", bomb, bomb);
    }

    [Fact]
    public void Image_file_over_64_MB_is_refused_before_decoding()
    {
        string big = Write("big.png", PngBytes.Grey(100, 100, rows: 100));
        using (var f = new FileStream(big, FileMode.Open)) f.SetLength(65L << 20); // sparse: no 65 MB written
        Fails(2, "is larger than 64 MB", "compare", big, big);
    }

    [Fact]
    public void Truncated_png_is_unreadable_not_different()
    {
        string good = PathOf("good.png");
        Assert.Equal(0, CliRunner.Run("norm", "--size", "120x120", "--out", good).ExitCode);
        byte[] bytes = File.ReadAllBytes(good);
        string cut = Write("cut.png", bytes[..(bytes.Length / 2)]);
        Fails(2, "ACTUAL: '" + cut + "' is not a readable image", "compare", good, cut);
    }

    [Theory]
    [InlineData("GIF89a")]
    [InlineData("not an image at all")]
    [InlineData("\u0089PNG\r\n\u001a\n")]
    public void Garbage_with_or_without_a_signature_is_unreadable(string text) =>
        Fails(2, "is not a readable image", "compare", Write("g.png", text), Write("h.png", text));

    [Fact]
    public void Too_many_sparsity_norms_are_refused_before_work() =>
        Fails(2, "--norms: 40 norms", "sparsity", "--norms", string.Join(",", Enumerable.Repeat("l1", 40)), "--out", PathOf("s.png"));

    [Fact]
    public void Sparsity_panels_that_make_the_image_too_wide_are_refused() =>
        Fails(2, "--norms: 12 panels of 1000x400 in 12 columns make an image 12000x", "sparsity", "--size", "1000x400", "--cols", "12", "--norms", string.Join(",", Enumerable.Repeat("l2", 12)), "--out", PathOf("s.png"));

    [Theory]
    [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate'")]
    [InlineData(new[] { "frobnicate", "--norm", "l1" }, "unknown command 'frobnicate'")]
    [InlineData(new string[0], "no command given")]
    [InlineData(new[] { "contour", "--frob", "--norm" }, "'--frob'")]
    [InlineData(new[] { "contour", "--lambda", "x", "--grid", "y" }, "--lambda: 'x' is not a number")]
    [InlineData(new[] { "solve", "--lambda", "1\n2" }, "'1\\n2' is not a number")]
    [InlineData(new[] { "contour", "--norm", "lp", "--p", "1e200" }, "is above 100 (use --norm linf")]
    public void Parse_errors_are_one_line(string[] args, string expected) => Fails(2, expected, args);

    [Fact]
    public void A_megabyte_argument_is_not_echoed_back_whole()
    {
        string huge = new('9', 1 << 20);
        Assert.True(Fails(2, "error: ", "solve", "--frob" + huge).Length < 5000);
        Assert.True(Fails(2, "--lambda: '", "solve", "--lambda", "x" + huge).Length < 100);
    }
}
