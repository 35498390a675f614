using System.CommandLine;
using CsCheck;
using Regviz.Cli;
using Regviz.Cli.Options;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// Leftovers of the CLI review (#24): an option that another one makes idle is refused as other idle options are;
/// a two-item list that reads as a decimal comma draws its panels but says what the comma did; a mistyped option
/// that is another command's option is named as that, not turned into a far-fetched option of this command.
/// </summary>
public class ReviewLeftoverTests : Support.ScratchFolder
{
    [Fact]
    public void Penalty_levels_with_overlay_is_refused_as_an_option_without_effect()
    {
        var r = CliRunner.Run("contour", "--norm", "l1,l2", "--overlay", "--penalty-levels", "5", "--out", Path.Combine(Dir, "o.png"));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: --penalty-levels has no effect with --overlay (an overlay draws only each penalty's ball through its own optimum)", Assert.Single(r.ErrorLines));
        Assert.Empty(Directory.GetFiles(Dir));
    }

    /// <summary>A number below 10 with a decimal comma: 0,d…, or d,dd… (two digits or more after the comma).</summary>
    private static readonly Gen<(int Units, string Decimals)> CommaNumbers =
        Gen.Select(Gen.Int[0, 9], Gen.Int[1, 4], Gen.Int[0, 9999]).Select((u, n, d) => (u, d.ToString("D4")[..(u == 0 ? n : Math.Max(n, 2))]));

    [Fact]
    public void A_list_that_reads_as_a_decimal_comma_warns_of_it()
    {
        CommaNumbers.Sample(c =>
        {
            string list = $"{c.Units},{c.Decimals}";
            // --cols 3 ends the run right after the plan, so no figure is drawn
            var r = CliRunner.Run("contour", "--lambda", list, "--cols", "3");
            Assert.Equal(2, r.ExitCode);
            Assert.Equal($"warning: --lambda {list} makes two panels: did you mean {c.Units}.{c.Decimals}? (',' separates panels)", r.ErrorLines[0]);
        }, iter: 20);
    }

    [Theory]
    [InlineData("0.1,2")]
    [InlineData("1,2")]
    [InlineData("2,5")]
    [InlineData("10,20")]
    [InlineData("1,-2")]
    [InlineData("1,2,3")]
    [InlineData("1e1,5")]
    public void Lists_that_are_not_a_decimal_comma_do_not_warn(string list)
    {
        var r = CliRunner.Run("contour", "--lambda", list, "--cols", "9");
        Assert.DoesNotContain(r.ErrorLines, l => l.StartsWith("warning:"));
    }

    [Fact]
    public void The_issue_s_decimal_comma_draws_two_panels_and_says_so()
    {
        string output = Path.Combine(Dir, "c.png");
        var r = CliRunner.Run("contour", "--lambda", "0,5", "--size", "300x300", "--out", output);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("warning: --lambda 0,5 makes two panels: did you mean 0.5? (',' separates panels)", r.ErrorLines);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public void Norm_lamda_says_lambda_belongs_to_other_commands()
    {
        var r = CliRunner.Run("norm", "--lamda", "0.5");
        Assert.Equal(2, r.ExitCode);
        string line = Assert.Single(r.ErrorLines);
        Assert.StartsWith("error: unknown option '--lamda' for 'norm' (did you mean '--lambda'? --lambda belongs to ", line);
        Assert.EndsWith("; norm takes no --lambda)", line);
        Assert.DoesNotContain("--gamma", line);
    }

    private static Command[] Commands => [.. RegvizApp.CreateRoot().Subcommands.Where(c => !c.Hidden)];

    private static string[] Spellings(Command c) => [.. c.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))];

    [Fact]
    public void Another_command_s_option_is_named_as_its_and_never_answered_with_an_option_of_this_one()
    {
        var commands = Commands;
        // (not an option the command has but hides, such as explore's --radius: the command itself answers that one)
        var cases = commands.SelectMany(c => commands.Where(o => o != c).SelectMany(Spellings).Where(s => s.StartsWith("--") && s.Length >= 5)
            .Except(c.Options.SelectMany(o => o.Aliases.Prepend(o.Name))).Distinct().Select(option => (Command: c, Option: option))).ToArray();
        Gen.Int[0, cases.Length - 1].Select(i => cases[i]).Sample(x =>
        {
            var r = CliRunner.Run(x.Command.Name, x.Option, "1");
            Assert.Equal(2, r.ExitCode);
            string line = Assert.Single(r.ErrorLines);
            var owners = commands.Where(c => Spellings(c).Contains(x.Option)).Select(c => c.Name);
            Assert.Equal($"error: unknown option '{x.Option}' for '{x.Command.Name}' ({x.Option} belongs to {string.Join(", ", owners)}; see regviz {x.Command.Name} --help)", line);
        }, iter: 60);
    }

    [Fact]
    public void Decimal_comma_reading_needs_a_single_digit_and_a_telling_second_number()
    {
        Assert.Equal("0.5", DecimalComma.Reading(["0", "5"]));
        Assert.Equal("2.25", DecimalComma.Reading(["2", "25"]));
        Assert.Equal("1.05", DecimalComma.Reading(["1", "05"]));
        Assert.Null(DecimalComma.Reading(["1", "2"]));
        Assert.Null(DecimalComma.Reading(["12", "5"]));
        Assert.Null(DecimalComma.Reading(["0", "5", "1"]));
        Assert.Null(DecimalComma.Reading(["0", "+5"]));
        Assert.Null(DecimalComma.Reading(["l1", "l2"]));
    }
}
