using Regviz.Core;
using Regviz.Core.Data;
using Xunit;

namespace Regviz.Tests.Core;

public class CsvDatasetTests
{
    private static ProblemArgumentException Fails(string text, string? target = null, string[]? features = null) =>
        Assert.Throws<ProblemArgumentException>(() => CsvDataset.Parse(text, "t.csv", target, features));

    [Fact]
    public void Reads_header_quotes_and_invariant_numbers()
    {
        var d = CsvDataset.Parse("a,\"b\",y\n1.5,\"-2e-1\",3\n0,1,2\n", "t.csv");
        Assert.Equal(["a", "b"], d.FeatureNames);
        Assert.Equal("y", d.TargetName);
        Assert.Equal([1.5, 0], d.Columns[0]);
        Assert.Equal([-0.2, 1], d.Columns[1]);
        Assert.Equal([3.0, 2], d.Target);
    }

    [Fact]
    public void Target_and_features_pick_columns_in_the_order_given()
    {
        var d = CsvDataset.Parse("a,b,c\n1,2,3\n4,5,6\n", "t.csv", "a", ["c", "b"]);
        Assert.Equal(["c", "b"], d.FeatureNames);
        Assert.Equal([3.0, 6], d.Columns[0]);
        Assert.Equal([1.0, 4], d.Target);
    }

    [Fact]
    public void Non_numeric_cell_names_line_and_column()
    {
        var e = Fails("a,b,y\n1,2,3\n4,x5,6\n");
        Assert.Contains("line 3", e.Message);
        Assert.Contains("column 2:", e.Message);
        Assert.Contains("'x5'", e.Message);
    }

    [Fact]
    public void Comma_decimal_is_not_a_number() =>
        Assert.Contains("'1,5'", Fails("a;y\n\"1,5\";2\n".Replace(';', ',')).Message.Replace("\"", "'"));

    [Fact]
    public void Ragged_row_names_its_line() =>
        Assert.Contains("line 3 has 2 fields, the header has 3", Fails("a,b,y\n1,2,3\n4,5\n").Message);

    [Fact]
    public void Missing_header_is_reported() =>
        Assert.Contains("no header", Fails("1,2,3\n4,5,6\n").Message);

    [Fact]
    public void Empty_text_is_reported() => Assert.Contains("empty", Fails("  \n").Message);

    [Fact]
    public void Header_only_is_reported() => Assert.Contains("no data rows", Fails("a,y\n").Message);

    [Fact]
    public void Unknown_target_lists_the_columns() =>
        Assert.Contains("target: no column 'z'", Fails("a,y\n1,2\n", "z").Message);

    [Fact]
    public void Unknown_feature_lists_the_columns() =>
        Assert.Contains("features: no column 'q' in 't.csv' (columns: a, y)", Fails("a,y\n1,2\n", null, ["q"]).Message);

    [Fact]
    public void Missing_file_is_named()
    {
        var e = Assert.Throws<ProblemArgumentException>(() => CsvDataset.Load("/nonexistent/x.csv"));
        Assert.Contains("'/nonexistent/x.csv' does not exist", e.Message);
    }
}
