using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using CsCheck;
using Regviz.Core;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Hostile;

/// <summary>
/// What drives cost is bounded where it is used (docs/security.md, "Bounds"): CSV columns, cells and name lengths,
/// manifest figures and aliases, names echoed in output. Each bound is met by a clean refusal (exit 2, one error line)
/// or a correct result in bounded time, for the issue's examples and for generated shapes.
/// </summary>
public class BoundsTests : HostileFolder
{
    [Fact]
    public void A_csv_of_12000_columns_is_refused_before_any_per_column_work()
    {
        string header = string.Join(",", Enumerable.Range(0, 12_000).Select(i => $"c{i}"));
        string csv = Write("wide.csv", header + "\n" + string.Join(",", Enumerable.Repeat("1", 12_000)) + "\n");
        var clock = Stopwatch.StartNew();
        string line = Fails(2, $"12000 columns; at most {Limits.CsvColumns} are read", "contour", "--data", csv, "--out", PathOf("w.png"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), line);
    }

    [Fact]
    public void A_csv_with_more_cells_than_the_bound_is_refused()
    {
        // 1000 columns × 10,001 rows: one row past ten million cells
        var b = new StringBuilder();
        b.AppendJoin(',', Enumerable.Range(0, 1000).Select(i => $"c{i}")).Append('\n');
        string row = string.Join(",", Enumerable.Repeat("1", 1000)) + "\n";
        for (int i = 0; i < 10_001; i++) b.Append(row);
        string csv = Write("tall.csv", b.ToString());
        Fails(2, "more than 10,000,000 cells", "solve", "--data", csv);
    }

    /// <summary>Column names as a pull request may write them: long, with controls, escapes, bidi and zero-width characters.</summary>
    private static readonly Gen<string> Name =
        Gen.Select(Gen.OneOf("a", "x", "漢", "\u001b[31m", "\u0007", "\u000b", "\u000c", "\u202e", "\u200b", "\ufeff", "é", "e\u0301", "\u0085"),
                   Gen.Int[1, 3000])
        .Array[1, 4]
        .Select(parts => string.Concat(parts.Select(p => p.Item2 > 2000 ? string.Concat(Enumerable.Repeat(p.Item1, p.Item2 * 20)) : p.Item1)));

    [Fact]
    public void Generated_csv_headers_give_clean_bounded_names_in_every_output()
    {
        Gen.Select(Name, Name).Sample((a, b) =>
        {
            if (a == b) return;
            string dir = PathOf(Guid.NewGuid().ToString("n"));
            Directory.CreateDirectory(dir);
            string csv = Path.Combine(dir, "d.csv");
            File.WriteAllText(csv, $"\"{a.Replace("\"", "\"\"")}\",\"{b.Replace("\"", "\"\"")}\",y\n1,2,3\n2,1,4\n3,3,5\n4,1,1\n0,2,2\n");
            var clock = Stopwatch.StartNew();
            string svg = Path.Combine(dir, "c.svg"), json = Path.Combine(dir, "c.json");
            var r = CliRunner.Run("contour", "--data", csv, "--size", "200x200", "--grid", "20", "--out", svg, "--json", json);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{clock.Elapsed} for names of {a.Length} and {b.Length} characters");
            NoStackTrace(r.Stdout + r.Stderr);
            if (r.ExitCode == 2)
            {
                OneError(r, 2);
                return;
            }
            Assert.True(r.ExitCode == 0, r.Stderr);
            // the terminal gets no escape sequence, the SVG is well-formed XML, the sidecar's names are cut and clean
            Assert.All(r.Stderr.Split('\n'), l => Assert.True(SafeText.IsClean(l), l));
            XDocument.Load(svg);
            using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
            if (doc.RootElement.TryGetProperty("features", out var features))
                foreach (var f in features.EnumerateArray())
                {
                    string shown = f.GetString()!;
                    Assert.True(shown.Length <= Limits.NameChars + 8 && SafeText.IsClean(shown), shown);
                }
        }, iter: 12, threads: 1);
    }

    [Fact]
    public void Path_prints_no_terminal_escapes_of_a_header()
    {
        string csv = Write("esc.csv", "\"a\u001b[2J\u0007\",\"b\u000b\u000c\",y\n1,2,3\n2,1,4\n3,3,5\n4,1,1\n");
        var r = CliRunner.Run("path", "--data", csv, "--size", "300x300", "--out", PathOf("p.svg"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.DoesNotContain('\u001b', r.Stdout + r.Stderr);
        XDocument.Load(PathOf("p.svg"));
    }

    [Fact]
    public void A_manifest_alias_is_refused_with_its_position()
    {
        string manifest = Write("m.yaml", "figures:\n  - out: &n a.png\n    args: norm\n  - out: *n\n    args: norm --norm l2\n");
        string line = Fails(2, "aliases", "batch", manifest, "--out", PathOf("o"));
        Assert.Contains("line 4", line);
    }

    /// <summary>Anchors and aliases anywhere a manifest may hold a value.</summary>
    private static readonly Gen<string> AliasedManifest =
        Gen.Select(Gen.Int[0, 3], Gen.Int[1, 60]).Select((at, times) =>
        {
            string big = new('x', 1000);
            var figures = Enumerable.Range(0, times).Select(i => at switch
            {
                0 => $"  - {{ out: *n, args: norm }}",
                1 => $"  - {{ out: f{i}.png, args: *n }}",
                2 => $"  - *n",
                _ => $"  - {{ out: f{i}.png, args: norm, tolerance: *n }}",
            });
            return $"defaults: &n {big}\nfigures:\n{string.Join("\n", figures)}\n";
        });

    [Fact]
    public void Generated_aliases_are_refused_before_any_work()
    {
        AliasedManifest.Sample(text =>
        {
            File.WriteAllText(PathOf("a.yaml"), text);
            var r = CliRunner.Run("batch", PathOf("a.yaml"), "--out", PathOf("ao"));
            Assert.Contains("aliases", OneError(r, 2));
            Assert.False(Directory.Exists(PathOf("ao")) && Directory.EnumerateFiles(PathOf("ao")).Any());
        }, iter: 20, threads: 1);
    }

    [Fact]
    public void Figures_beyond_the_bound_are_counted_before_the_tree_is_built()
    {
        var b = new StringBuilder("figures:\n");
        for (int i = 0; i < 1_500_000; i++) b.Append("- {}\n");
        string manifest = Write("many.yaml", b.ToString());
        var (code, _, stderr, peak) = RunProcess(TimeSpan.FromMinutes(2), "batch", manifest, "--out", PathOf("o"));
        Assert.Equal(2, code);
        Assert.Contains($"more than {Regviz.Cli.ToolLimits.Figures} figures", stderr);
        Assert.True(peak < 400, $"peak {peak:0} MB");
    }

    [Fact]
    public void A_long_out_name_is_echoed_once_per_line_and_cut()
    {
        string name = new string('n', 300_000) + ".png";
        string manifest = Write("m.yaml", $"figures:\n  - out: {name}\n    args: norm --size 100x100\n  - out: {name}\n    args: norm --norm l2 --size 100x100\n");
        var r = CliRunner.Run("batch", manifest, "--out", PathOf("o"));
        Assert.Equal(2, r.ExitCode);
        string cut = new('n', 200);
        foreach (string line in (r.Stdout + r.Stderr).Split('\n'))
        {
            Assert.True(line.Length < 2 * SafeText.MaxName + 400, $"a line of {line.Length} characters");
            int first = line.IndexOf(cut, StringComparison.Ordinal);
            Assert.True(first < 0 || line.IndexOf(cut, first + SafeText.MaxName, StringComparison.Ordinal) < 0, "the name twice on one line");
        }
    }

    [Fact]
    public void Nfc_and_nfd_spellings_of_a_name_are_one_figure()
    {
        string nfc = "\u00e9.png", nfd = "e\u0301.png";
        string manifest = Write("m.yaml", $"figures:\n  - {{ out: {nfc}, args: norm --size 100x100 }}\n  - {{ out: {nfd}, args: norm --norm l2 --size 100x100 }}\n");
        var r = CliRunner.Run("batch", manifest, "--out", PathOf("o"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is also the out of the figure on manifest line 2", r.Stdout);
        Assert.Single(Directory.GetFiles(PathOf("o")));
    }

    /// <summary>Out names with every kind of character the escaping policy covers.</summary>
    private static readonly Gen<string> HostileOut =
        Gen.OneOf("a", "\u202e", "\u200b", "\ufeff", "\u2066", "\u0085", "\u009b", "\u2028", "é", "e\u0301", "💥", "\u00ad")
        .Array[1, 8].Select(p => string.Concat(p) + ".png");

    [Fact]
    public void Generated_out_names_reach_the_terminal_escaped()
    {
        HostileOut.Sample(name =>
        {
            string escaped = JsonSerializer.Serialize(name); // YAML double-quoted strings take JSON escapes
            File.WriteAllText(PathOf("h.yaml"), $"figures:\n  - {{ out: {escaped}, args: norm --size 100x100 }}\n");
            var r = CliRunner.Run("batch", PathOf("h.yaml"), "--out", PathOf("ho"));
            Assert.True(r.ExitCode is 0 or 2, r.Stderr);
            NoStackTrace(r.Stdout + r.Stderr);
            Assert.All((r.Stdout + r.Stderr).Split('\n'), l => Assert.True(SafeText.IsClean(l), JsonSerializer.Serialize(l)));
        }, iter: 25, threads: 1);
    }
}
