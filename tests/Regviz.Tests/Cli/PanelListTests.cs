using System.CommandLine;
using System.Globalization;
using CsCheck;
using Regviz.Cli.Options;
using Regviz.Core;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// The comma lists that make panels, parsed on a command of their own: every value written comes back as one
/// panel's value, exactly, whatever the numbers and the spaces around the commas.
/// </summary>
public class PanelListTests
{
    private sealed class Tree
    {
        public readonly RootCommand Root = new("test");
        public readonly Option<double?> Lambda = NumberOptions.Nullable("--lambda", "λ", "λ", list: true);
        public readonly Option<double?> Radius = NumberOptions.Nullable("--radius", "t", "t", list: true);
        public readonly Option<string> Title = new("--title");
        public readonly PanelOptions Panels = new();

        public Tree()
        {
            var command = new Command("figure");
            command.Options.Add(Lambda);
            command.Options.Add(Radius);
            command.Options.Add(Title);
            Panels.AddTo(command);
            Root.Subcommands.Add(command);
        }

        public ParseResult Parse(params string[] args) => Root.Parse(["figure", .. args]);
    }

    private static readonly Gen<double> Finite = Gen.Double.Where(double.IsFinite);

    [Fact]
    public void Every_value_of_a_list_becomes_one_panel_with_exactly_that_value()
    {
        Gen.Select(Finite.Array[1, PanelOptions.MaxPanels], Gen.Int[0, 2], Gen.Int[0, 100]).Sample((values, spaces, colsSeed) =>
        {
            var tree = new Tree();
            string sep = spaces switch { 0 => ",", 1 => ", ", _ => " , " };
            string text = string.Join(sep, values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            int cols = 1 + colsSeed % values.Length;
            var result = tree.Parse("--title", "a,b", "--lambda", text, "--cols", cols.ToString(CultureInfo.InvariantCulture));
            Assert.Empty(result.Errors);
            if (values.Length == 1)
            {
                // one value is no list: a single figure, and --cols without panels is refused
                Assert.Null(tree.Panels.Plan(tree.Parse("--title", "a,b", "--lambda", text), tree.Lambda, tree.Radius));
                Assert.Throws<InputException>(() => tree.Panels.Plan(result, tree.Lambda, tree.Radius));
                return;
            }
            var plan = tree.Panels.Plan(result, tree.Lambda, tree.Radius);
            Assert.NotNull(plan);
            Assert.Equal("lambda", plan.Name);
            Assert.Equal(values.Length, plan.Count);
            Assert.Equal(cols, plan.Columns);
            for (int i = 0; i < values.Length; i++)
            {
                var panel = plan.Panel(result, i);
                Assert.Equal(values[i], panel.GetValue(tree.Lambda));
                // the other options are the user's, untouched (a comma in a title is no list)
                Assert.Equal("a,b", panel.GetValue(tree.Title));
                Assert.Null(panel.GetValue(tree.Radius));
            }
        });
    }

    [Fact]
    public void Default_columns_are_one_row_up_to_three_then_about_square()
    {
        int[] expected = [1, 2, 3, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4];
        for (int n = 1; n <= 16; n++) Assert.Equal(expected[n - 1], PanelOptions.DefaultColumns(n));
    }

    [Theory]
    [InlineData(new[] { "--lambda", "1,2", "--radius", "1,2" }, "--lambda and --radius both have a comma list")]
    [InlineData(new[] { "--lambda", "1,,2" }, "has an empty item")]
    [InlineData(new[] { "--lambda", "1,2", "--cols", "0" }, "--cols: 0 is outside 1..2")]
    [InlineData(new[] { "--lambda", "1,2", "--cols", "3" }, "--cols: 3 is outside 1..2")]
    [InlineData(new[] { "--cols", "2" }, "--cols goes with panels")]
    [InlineData(new[] { "--lambda", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17" }, "17 values make 17 panels; at most 16")]
    public void Bad_lists_are_refused_before_any_work(string[] args, string expected)
    {
        var tree = new Tree();
        var e = Assert.Throws<InputException>(() => tree.Panels.Plan(tree.Parse(args), tree.Lambda, tree.Radius));
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("1,x", "--lambda: 'x' is not a number")]
    [InlineData("1,NaN", "--lambda: 'NaN' is not finite")]
    [InlineData("1,1e999", "--lambda: '1e999' is not finite")]
    public void Every_item_of_a_list_is_checked_as_a_number(string list, string expected)
    {
        var result = new Tree().Parse("--lambda", list);
        Assert.Contains(expected, Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void A_list_where_one_value_is_meant_is_refused()
    {
        var tree = new Tree();
        var e = Assert.Throws<InputException>(() => PanelOptions.RefuseList(tree.Parse("--lambda", "0.1,0.2"), tree.Lambda));
        Assert.Contains("--lambda: '0.1,0.2' is a list; this command takes one value", e.Message);
        PanelOptions.RefuseList(tree.Parse("--lambda", "0.1"), tree.Lambda);
    }
}
