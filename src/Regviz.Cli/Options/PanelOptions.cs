using System.CommandLine;
using Regviz.Cli.Output;
using Regviz.Core;

namespace Regviz.Cli.Options;

/// <summary>
/// Panels: a comma list in one option that shapes the figure (<c>--norm l1,l2</c>, <c>--lambda 0.1,0.5,2</c>,
/// <c>--p 4,2,1</c>) draws one panel per value, side by side, in one image. Each panel is the command line with the
/// list replaced by one of its values, parsed again by the same command: a panel is exactly the single figure that
/// command line draws, checked the same way, with no second code path to disagree with it.
/// </summary>
internal sealed class PanelOptions
{
    /// <summary>The most panels one image may have: 16 (4×4) bounds the work (a loss grid each) and the image.</summary>
    public const int MaxPanels = 16;

    public readonly Option<int?> Cols = new("--cols") { Description = ColsHelp("--norm", "--lambda", "--radius"), HelpName = "N" };

    /// <summary>--cols' help for a command whose panels vary <paramref name="listable"/> or a penalty parameter.</summary>
    public static string ColsHelp(params string[] listable) =>
        $"Panels per row when a comma list in {Help.PenaltyHelp.Listed([.. listable, .. Help.PenaltyHelp.ParameterFlags()], "or")} makes panels (at most {MaxPanels}; default: one row up to 3 panels, else about square)";

    public void AddTo(Command command) => command.Options.Add(Cols);

    /// <summary>
    /// The panels asked for: the one option among <paramref name="listable"/> whose value is a comma list, or null for
    /// a single figure. Two lists at once, too many panels or a bad --cols end the run before any work.
    /// </summary>
    public PanelPlan? Plan(ParseResult result, params Option[] listable)
    {
        var lists = listable.Select(o => (Option: o, Token: ValueToken(result, o)))
            .Where(x => x.Token?.Value.Contains(',') == true)
            .ToList();
        int? cols = result.GetValue(Cols);
        if (lists.Count == 0)
        {
            if (cols is not null)
                throw new InputException("--cols goes with panels: give a comma list in one of " + string.Join(", ", listable.Select(o => o.Name)));
            return null;
        }
        if (lists.Count > 1)
            throw new InputException($"{lists[0].Option.Name} and {lists[1].Option.Name} both have a comma list: panels vary one thing at a time");
        var (option, token) = lists[0];
        var values = token!.Value.Split(',', StringSplitOptions.TrimEntries);
        if (values.Any(string.IsNullOrEmpty))
            throw new InputException($"{option.Name}: '{Excerpt.Of(token.Value)}' has an empty item (write values separated by commas, e.g. 0.1,0.5,2)");
        if (values.Length > MaxPanels)
            throw new InputException($"{option.Name}: {values.Length} values make {values.Length} panels; at most {MaxPanels}");
        if (DecimalComma.Reading(values) is { } meant)
            RunContext.Of(result).Warnings.Warn($"{option.Name} {token.Value} makes two panels: did you mean {meant}? (',' separates panels)");
        int columns = cols ?? DefaultColumns(values.Length);
        if (columns < 1 || columns > values.Length)
            throw new InputException($"--cols: {columns} is outside 1..{values.Length} (the number of panels)");
        return new PanelPlan(option, token, values, columns);
    }

    /// <summary>One row for up to three panels; beyond, about as many columns as rows (4: 2×2, 5 and 6: 3×2, 9: 3×3).</summary>
    public static int DefaultColumns(int count) => count <= 3 ? count : (int)Math.Ceiling(Math.Sqrt(count));

    /// <summary>The token the user wrote for <paramref name="option"/> (its last occurrence wins, as in the parser), or null.</summary>
    private static System.CommandLine.Parsing.Token? ValueToken(ParseResult result, Option option) =>
        result.GetResult(option) is { Implicit: false, Tokens.Count: > 0 } r ? r.Tokens[^1] : null;

    /// <summary>
    /// Refuses a comma list where one value is meant: the number options accept lists only for the panel commands,
    /// and every other command binds through here.
    /// </summary>
    public static void RefuseList(ParseResult result, Option option)
    {
        if (ValueToken(result, option) is { } token && token.Value.Contains(','))
            throw new InputException($"{option.Name}: '{Excerpt.Of(token.Value)}' is a list; this command takes one value (a comma list makes panels in contour and norm)");
    }
}

/// <summary>Which option varies across the panels, its values as written, and how many panels a row holds.</summary>
internal sealed record PanelPlan(Option Option, System.CommandLine.Parsing.Token Token, IReadOnlyList<string> Values, int Columns)
{
    /// <summary>The option's name without dashes: the sidecar's "varies" and the default file name's word.</summary>
    public string Name => Option.Name.TrimStart('-');

    public int Count => Values.Count;

    /// <summary>
    /// Panel <paramref name="index"/>'s command line, parsed: every token as the user gave it (response files already
    /// read, so none is read again), the list replaced by its value.
    /// </summary>
    public ParseResult Panel(ParseResult whole, int index)
    {
        var args = whole.Tokens.Select(t => ReferenceEquals(t, Token) ? Values[index] : t.Value).ToList();
        var panel = whole.RootCommandResult.Command.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (panel.Errors.Count > 0) throw new InputException($"{Option.Name} {Values[index]}: {panel.Errors[0].Message}");
        return panel;
    }
}
