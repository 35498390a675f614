using System.CommandLine;
using Regviz.Cli.Options;
using Regviz.Core.Penalties;

namespace Regviz.Cli.Errors;

/// <summary>
/// Refuses an option that would change nothing in what the command line asks for (docs/conventions.md lists them):
/// `--alpha 0.9 --norm l1` would draw the lasso and let the user believe α mattered. Checked once on the whole
/// command line, before it runs, so a list of norms (panels, sparsity's --norms) keeps a parameter that any of
/// its norms uses; panels, parsed again from the same words, are not checked one by one.
/// </summary>
internal static class OptionsWithoutEffect
{
    /// <summary>
    /// Each declared penalty parameter's flag, its name, and what it is to whom, from the catalogue
    /// ("elasticnet's mixing weight: --norm elasticnet", "mcp's and scad's γ: --norm mcp or scad").
    /// </summary>
    private static IEnumerable<(string Flag, string Parameter, string Owner)> PenaltyParameters() =>
        PenaltyCatalogue.Parameters.Select(spec =>
        {
            var owners = PenaltyCatalogue.Kinds.Where(k => k.Parameters.Contains(spec)).Select(k => k.Name).ToList();
            return (ParameterFlags.Flag(spec.Name), spec.Name,
                $"{string.Join(" and ", owners.Select(o => o + "'s"))} {spec.Role}: --norm {string.Join(" or ", owners)}");
        });

    /// <summary>Options that another option makes idle: the option, the one that overrides it, and why.</summary>
    private static readonly (string Flag, string Under, string Why)[] IdleUnder =
    [
        ("--penalty-levels", "--overlay", "an overlay draws only each penalty's ball through its own optimum"),
    ];

    /// <summary>The norm options, as each command calls it: their value is one name or a comma list.</summary>
    private static readonly string[] NormFlags = ["--norm", "--norms"];

    /// <summary>
    /// Options that only shape a turntable: ball's and surface's --frames and --fps, and animate's choice and view
    /// of the 3-D figure it turns (its --frames and --fps shape a sweep too).
    /// </summary>
    private static readonly (string Command, string[] Flags)[] TurnOnly =
    [
        ("ball", ["--frames", "--fps"]),
        ("surface", ["--frames", "--fps"]),
        ("animate", ["--figure", "--view", "--show", "--groups"]),
    ];

    /// <summary>The first option on this command line that has no effect, as the error line's text, or null.</summary>
    public static string? Find(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        foreach (var (flag, under, why) in IdleUnder)
            if (Given(parsed, command, flag) && Given(parsed, command, under) && parsed.GetValue<bool>(under))
                return $"{flag} has no effect with {under} ({why})";
        if (WithoutRotate(parsed, command) is { } idle) return idle;
        if (command.Options.FirstOrDefault(o => NormFlags.Contains(o.Name)) is not { } normOption) return null;
        var norms = NormsOf(parsed, normOption);
        if (norms is null) return null; // an unknown norm: the command names it, with a suggestion
        foreach (var (flag, parameter, owner) in PenaltyParameters())
        {
            // a list of values is a panel request, refused with its own message when no panel could use it
            if (!Given(parsed, command, flag) || IsList(parsed, command, flag)) continue;
            if (norms.Any(n => n.Parameters.Any(a => a.Name == parameter))) continue;
            string named = string.Join(",", norms.Select(n => n.Name));
            return $"{flag} has no effect with {normOption.Name} {named} (it is {owner})";
        }
        if (command.Options.FirstOrDefault(o => o.Name == "--trace") is { } trace && parsed.GetResult(trace) is null
            && Given(parsed, command, "--steps"))
            return "--steps has no effect without --trace (it counts the optimiser's steps: --trace gd|ista|fista|cd)";
        return null;
    }

    private static string? WithoutRotate(ParseResult parsed, Command command)
    {
        if (Given(parsed, command, "--rotate")) return null;
        foreach (var (name, flags) in TurnOnly)
            if (command.Name == name && flags.FirstOrDefault(f => Given(parsed, command, f)) is { } flag)
                return $"{flag} has no effect without --rotate (it shapes the turning 3-D figure: --rotate DEG)";
        return null;
    }

    /// <summary>The penalties the norm option names (default included), or null when one of them is no penalty.</summary>
    private static List<Penalty>? NormsOf(ParseResult parsed, Option normOption)
    {
        string text = parsed.GetResult(normOption) is { Implicit: false, Tokens.Count: > 0 } given
            ? given.Tokens[^1].Value
            : parsed.GetValue<string>(normOption.Name) ?? "";
        var penalties = new List<Penalty>();
        foreach (string word in text.Split(',', StringSplitOptions.TrimEntries))
        {
            string name = NormAliases.Resolve(word.ToLowerInvariant());
            if (PenaltyCatalogue.Create(name) is { } penalty) penalties.Add(penalty);
            else if (name != "l0") return null; // shrink's best subset has no parameter
        }
        return penalties;
    }

    private static bool IsList(ParseResult parsed, Command command, string flag) =>
        command.Options.First(o => o.Name == flag) is var option && parsed.GetResult(option) is { Tokens.Count: > 0 } given && given.Tokens[^1].Value.Contains(',');

    private static bool Given(ParseResult parsed, Command command, string flag) =>
        command.Options.FirstOrDefault(o => o.Name == flag) is { } option && parsed.GetResult(option) is { Implicit: false };
}
