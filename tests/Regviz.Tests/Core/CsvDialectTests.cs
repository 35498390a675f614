using System.Globalization;
using CsCheck;
using Regviz.Core;
using Regviz.Core.Data;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>
/// CSV dialects (#28): the separator a spreadsheet exported (',' ';' or tab) is found from the header, --delimiter
/// sets it, decimal commas are refused by name, and a list of columns says how many it leaves out.
/// </summary>
public class CsvDialectTests : Support.ScratchFolder
{
    private static readonly Gen<double> Value = Gen.Int[-99999, 99999].Select(i => i / 100.0);

    /// <summary>A table of 2..4 columns and 1..6 rows with plain names, and a separator.</summary>
    private static readonly Gen<(double[][] Rows, string[] Names, char Sep)> Table =
        Gen.Int[2, 4].SelectMany(cols => Gen.Select(
            Value.Array[cols].Array[1, 6],
            Gen.Const(Enumerable.Range(1, cols).Select(j => j == cols ? "y" : $"x{j}").ToArray()),
            Gen.Int[0, 2].Select(k => ",;\t"[k])));

    private static string Write(double[][] rows, string[] names, char sep, Func<double, string>? format = null)
    {
        format ??= v => v.ToString("R", CultureInfo.InvariantCulture);
        return string.Join(sep, names) + "\n" + string.Join("\n", rows.Select(r => string.Join(sep, r.Select(format)))) + "\n";
    }

    [Fact]
    public void The_separator_is_found_from_the_header_and_every_value_read_back()
    {
        Table.Sample(t =>
        {
            var data = CsvDataset.Parse(Write(t.Rows, t.Names, t.Sep), "t.csv");
            Assert.Equal(t.Names[..^1], data.FeatureNames);
            Assert.Equal("y", data.TargetName);
            Assert.Equal(t.Rows.Select(r => r[^1]), data.Target);
            for (int j = 0; j < t.Names.Length - 1; j++)
                Assert.Equal(t.Rows.Select(r => r[j]), data.Columns[j]);
        });
    }

    [Fact]
    public void Decimal_commas_are_refused_by_name_at_their_line_and_column()
    {
        // a ';' or tab file whose numbers have decimal commas: the first cell with a fraction is the one named
        Table.Where(t => t.Sep != ',' && t.Rows.SelectMany(r => r).Any(v => v != Math.Floor(v))).Sample(t =>
        {
            string text = Write(t.Rows, t.Names, t.Sep, v => v.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ','));
            var e = Assert.Throws<ProblemArgumentException>(() => CsvDataset.Parse(text, "eu.csv"));
            int row = Array.FindIndex(t.Rows, r => r.Any(v => v != Math.Floor(v)));
            int col = Array.FindIndex(t.Rows[row], v => v != Math.Floor(v));
            Assert.StartsWith($"data: 'eu.csv' line {row + 2}, column {col + 1}: '", e.Message);
            Assert.Contains("has a decimal comma", e.Message);
        });
    }

    [Fact]
    public void Rows_in_another_separator_than_the_header_say_so()
    {
        var e = Assert.Throws<ProblemArgumentException>(() => CsvDataset.Parse("a,b,y\n1;2;3\n", "m.csv"));
        Assert.Contains("line 2 has 1 fields, the header has 3 (its fields look separated by ';'", e.Message);
        e = Assert.Throws<ProblemArgumentException>(() => CsvDataset.Parse("a;b;y\n1;2;3\n", "m.csv", delimiter: ','));
        Assert.Contains("'1;2;3' is not a finite number (fields separated by ';'?", e.Message);
        e = Assert.Throws<ProblemArgumentException>(() => CsvDataset.Parse("a,b,y\n1,5,2,5,3,5\n", "c.csv"));
        Assert.Contains("line 2 has 6 fields, the header has 3 (decimal commas?", e.Message);
    }

    [Fact]
    public void A_quoted_separator_in_the_header_does_not_count()
    {
        var data = CsvDataset.Parse("\"a;b\",\"c;d\",y\n1,2,3\n2,1,0\n", "q.csv");
        Assert.Equal(["a;b", "c;d"], data.FeatureNames);
    }

    [Fact]
    public void A_column_list_names_all_up_to_twelve_and_says_how_many_it_leaves_out()
    {
        Gen.Int[2, 40].Sample(n =>
        {
            var names = Enumerable.Range(1, n).Select(j => $"c{j}").ToArray();
            string text = string.Join(',', names) + "\n" + string.Join(',', names.Select((_, j) => j.ToString(CultureInfo.InvariantCulture))) + "\n";
            var e = Assert.Throws<ProblemArgumentException>(() => CsvDataset.Parse(text, "w.csv", target: "nope"));
            string listed = e.Message[(e.Message.IndexOf("(columns: ", StringComparison.Ordinal) + 10)..^1];
            var shown = listed.Split(", ").Where(p => !p.StartsWith('…')).ToArray();
            Assert.Contains($"c{n}", shown); // the last column, the default target, is always named
            int leftOut = n - shown.Length;
            if (leftOut == 0) Assert.DoesNotContain("…", listed);
            else Assert.Contains($"… ({leftOut} more)", listed);
            Assert.True(shown.Length <= 12);
        });
    }

    [Theory]
    [InlineData(";", ';')]
    [InlineData("semicolon", ';')]
    [InlineData("tab", '\t')]
    [InlineData("\\t", '\t')]
    [InlineData("|", '|')]
    public void Delimiter_sets_the_separator(string word, char sep)
    {
        string csv = Path.Combine(Dir, "d.csv");
        // a header without the separator (one column name per line would be detected as ','): --delimiter decides
        File.WriteAllText(csv, $"x1{sep}x2{sep}y\n1{sep}0{sep}1\n0{sep}1{sep}2\n1{sep}1{sep}2.5\n2{sep}1{sep}4\n");
        var given = CliRunner.Run("solve", "--data", csv, "--delimiter", word, "--json", "-");
        Assert.True(given.ExitCode == 0, given.Stderr);
        File.WriteAllText(csv, "x1,x2,y\n1,0,1\n0,1,2\n1,1,2.5\n2,1,4\n");
        var commas = CliRunner.Run("solve", "--data", csv, "--json", "-");
        Assert.Equal(commas.Stdout, given.Stdout);
    }

    [Theory]
    [InlineData(new[] { "--delimiter", ";" }, "error: --delimiter has no effect without --data (it is the separator of a CSV file's fields)")]
    [InlineData(new[] { "--delimiter", "x", "--data", "f.csv" }, "error: --delimiter: 'x' is not a field separator (valid: , ; | tab)")]
    public void A_bad_or_idle_delimiter_is_one_error_line(string[] args, string expected)
    {
        var r = CliRunner.Run(["solve", .. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(expected, Assert.Single(r.ErrorLines));
    }
}
