using System.CommandLine;
using System.Text.RegularExpressions;
using CsCheck;
using Regviz.Cli;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// A typo gets one error line that names the fix (#28): for any one-letter slip in a command, an option or an
/// enumerated value, the suggestion is a real word of that place and no farther from what was typed than the
/// word that was meant. Distances here are the test's own (Levenshtein with adjacent swaps), not the CLI's.
/// </summary>
public partial class SuggestionTests : Support.ScratchFolder
{
    [Fact]
    public void The_issue_s_examples_name_the_fix()
    {
        var r = CliRunner.Run("contour", "--lamda", "0.5");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: unknown option '--lamda' (did you mean '--lambda'?)", Assert.Single(r.ErrorLines));
        r = CliRunner.Run("countour");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: unknown command 'countour' (did you mean 'contour'?)", Assert.Single(r.ErrorLines));
    }

    private static readonly string[] Letters = [.. "abcdefghijklmnopqrstuvwxyz".Select(c => c.ToString())];

    private static Gen<T> Pick<T>(T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    /// <summary>One slip in <paramref name="word"/>: a letter inserted, dropped or changed, or two neighbours swapped.</summary>
    private static Gen<string> Slip(string word) =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, word.Length - 1], Pick(Letters)).Select((kind, at, letter) => kind switch
        {
            0 => word[..at] + letter + word[at..],
            1 => word.Remove(at, 1),
            2 => word[..at] + letter + word[(at + 1)..],
            _ => at + 1 < word.Length ? word[..at] + word[at + 1] + word[at] + word[(at + 2)..] : word + letter,
        });

    /// <summary>Edit distance with adjacent swaps, written here independently of the CLI's.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
            for (int j = 0; j <= b.Length; j++)
                d[i, j] = i == 0 ? j : j == 0 ? i : new[]
                {
                    d[i - 1, j] + 1, d[i, j - 1] + 1, d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1),
                    i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] ? d[i - 2, j - 2] + 1 : int.MaxValue,
                }.Min();
        return d[a.Length, b.Length];
    }

    private static Command[] Commands => [.. RegvizApp.CreateRoot().Subcommands.Where(c => !c.Hidden)];

    /// <summary>A command's options and the root's recursive ones (--help, --verbose), every spelling.</summary>
    private static string[] OptionsOf(Command c) =>
        [.. c.Options.Concat(RegvizApp.CreateRoot().Options.Where(o => o.Recursive)).Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))];

    [GeneratedRegex(@"^error: unknown (?:option|command) '([^']+)' \(did you mean '([^']+)'\?\)$")]
    private static partial Regex DidYouMean();

    /// <summary>The suggestion is a known word, at least as near to the typo as the intended word.</summary>
    private static void AssertSuggests(CliRunner.Result r, string typo, string meant, IReadOnlyCollection<string> known)
    {
        Assert.True(r.ExitCode == 2, $"{typo}: exit {r.ExitCode}, {r.Stderr}");
        var m = DidYouMean().Match(Assert.Single(r.ErrorLines));
        Assert.True(m.Success, $"'{typo}' (meant {meant}): {r.Stderr}");
        Assert.Equal(typo, m.Groups[1].Value);
        Assert.Contains(m.Groups[2].Value, known);
        Assert.True(Distance(typo, m.Groups[2].Value) <= Distance(typo, meant), $"'{typo}' → '{m.Groups[2].Value}', but '{meant}' is nearer");
    }

    [Fact]
    public void A_slip_in_any_option_of_any_command_suggests_a_nearest_option_of_that_command()
    {
        var cases = Commands.SelectMany(c => OptionsOf(c).Where(o => o.StartsWith("--") && o.Length >= 5).Select(o => (Command: c.Name, Option: o, Known: OptionsOf(c)))).ToArray();
        // (a slip that spells another command's option exactly is named as that option: ReviewLeftoverTests)
        var everywhere = Commands.SelectMany(OptionsOf).ToHashSet();
        Pick(cases).SelectMany(x => Slip(x.Option[2..]).Select(s => (x.Command, x.Option, x.Known, Typo: "--" + s)))
            .Where(x => !x.Known.Contains(x.Typo) && !everywhere.Contains(x.Typo))
            .Sample(x => AssertSuggests(CliRunner.Run(x.Command, x.Typo), x.Typo, x.Option, x.Known), iter: 300);
    }

    [Fact]
    public void A_slip_in_a_command_name_suggests_a_nearest_command()
    {
        var names = Commands.Select(c => c.Name).ToArray();
        Pick(names).SelectMany(n => Slip(n).Select(s => (Name: n, Typo: s)))
            .Where(x => !names.Contains(x.Typo))
            .Sample(x => AssertSuggests(CliRunner.Run(x.Typo, "--out", "x.png"), x.Typo, x.Name, names), iter: 200);
    }

    /// <summary>The enumerated values users type, from the contract and the issue (aliases included).</summary>
    public static readonly (string Option, string[] Words)[] Enumerations =
    [
        ("--norm", ["l1", "l2", "elasticnet", "lp", "linf", "mcp", "scad", "lasso", "ridge", "enet"]),
        ("--loss", ["mse", "sse", "logistic"]),
        ("--model", ["linear", "exp", "tanh"]),
        ("--trace", ["gd", "ista", "fista", "cd"]),
        ("--theme", ["light", "dark", "colorblind", "print"]),
    ];

    [GeneratedRegex(@"^error: (--[a-z]+): unknown [a-z]+ '([^']+)' \(did you mean '([^']+)'\? valid: .+\)$")]
    private static partial Regex ValueSuggestion();

    [Fact]
    public void A_slip_in_an_enumerated_value_suggests_a_nearest_valid_value()
    {
        var cases = Enumerations.SelectMany(e => e.Words.Where(w => w.Length >= 3).Select(w => (e.Option, Word: w, e.Words))).ToArray();
        Pick(cases).SelectMany(x => Slip(x.Word).Select(s => (x.Option, x.Word, x.Words, Typo: s)))
            .Where(x => !x.Words.Contains(x.Typo))
            .Sample(x =>
            {
                var r = CliRunner.Run("contour", x.Option, x.Typo, "--out", Path.Combine(Dir, "x.png"));
                Assert.Equal(2, r.ExitCode);
                var m = ValueSuggestion().Match(Assert.Single(r.ErrorLines));
                Assert.True(m.Success, $"{x.Option} {x.Typo}: {r.Stderr}");
                Assert.Equal(x.Option, m.Groups[1].Value);
                Assert.Contains(m.Groups[3].Value, x.Words);
                Assert.True(Distance(x.Typo, m.Groups[3].Value) <= Distance(x.Typo, x.Word));
            }, iter: 200);
        Assert.Empty(Directory.GetFiles(Dir));
    }

    [Theory]
    [InlineData("--lambdaa=0.5", "--lambdaa", "--lambda")]
    [InlineData("--NORM", "--NORM", "--norm")]
    public void An_option_written_with_its_value_or_in_capitals_is_still_recognised(string token, string typo, string meant)
    {
        var r = CliRunner.Run("contour", token);
        Assert.Equal($"error: unknown option '{typo}' (did you mean '{meant}'?)", Assert.Single(r.ErrorLines));
    }

    [Theory]
    [InlineData(new[] { "norm", "--style", "drak" }, "error: --style: 'drak' is neither a built-in style (light, dark, colorblind, print) nor a file (did you mean 'dark'?)")]
    [InlineData(new[] { "batch", "m.yaml", "--check", "g", "--update", "chnged" }, "error: --update: 'chnged' is not a mode (did you mean 'changed'? valid: missing, changed, all)")]
    [InlineData(new[] { "path", "--xvar", "fration" }, "error: --xvar: unknown axis 'fration' (did you mean 'fraction'? valid: lambda, norm, fraction)")]
    [InlineData(new[] { "animate", "--sweep", "lamda" }, "error: --sweep: unknown sweep 'lamda' (did you mean 'lambda'? valid: lambda, radius)")]
    public void Enumerations_a_command_keeps_itself_suggest_too(string[] args, string expected)
    {
        var r = CliRunner.Run([.. args, "--out", Path.Combine(Dir, "x.png")]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(expected, Assert.Single(r.ErrorLines));
    }

    [Fact]
    public void An_option_of_another_command_says_which_commands_take_it()
    {
        var r = CliRunner.Run("norm", "--path", "--out", Path.Combine(Dir, "x.png"));
        Assert.Equal(2, r.ExitCode);
        string line = Assert.Single(r.ErrorLines);
        Assert.StartsWith("error: unknown option '--path' for 'norm' (--path belongs to contour", line);
        Assert.Empty(Directory.GetFiles(Dir));
    }

    [Fact]
    public void A_word_far_from_every_known_one_gets_the_list_instead_of_a_guess()
    {
        var r = CliRunner.Run("xyzzyplugh");
        Assert.StartsWith("error: unknown command 'xyzzyplugh' (commands: contour, ", Assert.Single(r.ErrorLines));
        r = CliRunner.Run("contour", "--norm", "qqqqq", "--out", Path.Combine(Dir, "x.png"));
        // every registered penalty is listed, the test assembly's own too
        Assert.Equal($"error: --norm: unknown norm 'qqqqq' (valid: {Catalogue.TestPenalties.Listed})", Assert.Single(r.ErrorLines));
    }
}
