using System.CommandLine;
using Regviz.Core;

namespace Regviz.Cli.Errors;

/// <summary>
/// "Did you mean": the nearest known word to a mistyped command, option or value, by edit distance. A newcomer's
/// first mistakes are typos (--lamda, countour, l3): the error line names the fix instead of only the fault.
/// </summary>
internal static class Suggestions
{
    /// <summary>
    /// The known word nearest to <paramref name="word"/> (case-insensitive; a swap of two neighbours counts as one
    /// edit), or null when none is near enough to be a typo of it: at most one edit for words of up to four
    /// letters, two up to eight, three beyond. Ties go to the word listed first.
    /// </summary>
    public static string? Nearest(string word, IEnumerable<string> known) => NearestAt(word, known).Word;

    /// <summary><see cref="Nearest"/> with its edit distance (int.MaxValue with no word).</summary>
    private static (string? Word, int Distance) NearestAt(string word, IEnumerable<string> known)
    {
        string typed = word.Trim().ToLowerInvariant();
        // one letter is a typo of too many words to guess; a long argument is no typo, and costs n² to compare
        if (typed.TrimStart('-').Length < 2 || typed.Length > 100) return (null, int.MaxValue);
        int bound = Bound(typed.TrimStart('-').Length);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int d = Distance(typed, candidate.ToLowerInvariant());
            if (d <= bound && d < bestDistance && candidate != word) (best, bestDistance) = (candidate, d);
        }
        return (best, bestDistance);
    }

    private static int Bound(int length) => length <= 4 ? 1 : length <= 8 ? 2 : 3;

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    /// <summary>
    /// The error line for a command line the parser refused: an unknown command or option is named with its nearest
    /// known spelling (or, for an option another command takes, with that command); otherwise the parser's first
    /// error, as the rest usually follow from it.
    /// </summary>
    public static string ParseError(ParseResult parsed, RootCommand root, string[] args)
    {
        var command = parsed.CommandResult.Command;
        if (command == root) return UnknownCommand(root, args);
        // a mistyped option is left unmatched, or taken as the command's own argument (compare EXPECTED ACTUAL)
        string? unknown = parsed.UnmatchedTokens.Concat(parsed.CommandResult.Tokens.Select(t => t.Value))
            .FirstOrDefault(t => t.StartsWith('-') && t.Length > 1 && !IsNumber(t));
        if (unknown is not null) return UnknownOption(unknown, command, root);
        if (parsed.UnmatchedTokens.FirstOrDefault() is { } extra)
            return $"unexpected argument '{Excerpt.Of(extra)}' for '{command.Name}' (every value follows its option; see regviz {command.Name} --help)";
        return parsed.Errors[0].Message;
    }

    /// <summary>
    /// A parse that succeeded only because a mistyped option became a file argument (<c>batch --ot DIR</c> would read
    /// a manifest called "--ot"): the error line for it, or null. A file whose name starts with "--" is ./--name.
    /// </summary>
    public static string? OptionTakenAsArgument(ParseResult parsed, RootCommand root) =>
        parsed.CommandResult.Command == root ? null
            : parsed.CommandResult.Tokens.Select(t => t.Value).FirstOrDefault(t => t.StartsWith("--") && t.Length > 2) is { } token
                ? UnknownOption(token, parsed.CommandResult.Command, root)
                : null;

    private static string UnknownCommand(RootCommand root, string[] args)
    {
        var names = root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToArray();
        string commands = string.Join(", ", names);
        string? word = args.FirstOrDefault(a => !a.StartsWith('-'));
        if (word is null) return $"no command given (commands: {commands}; see --help)";
        return Nearest(word, names) is { } near
            ? $"unknown command '{Excerpt.Of(word)}' (did you mean '{near}'?)"
            : $"unknown command '{Excerpt.Of(word)}' (commands: {commands})";
    }

    private static string UnknownOption(string token, Command command, RootCommand root)
    {
        string name = token.Split('=', 2)[0]; // --lamda=0.5
        var own = OptionNames(command).Concat(root.Options.Where(o => o.Recursive).SelectMany(Names)).ToList();
        var others = root.Subcommands.Where(c => c != command && !c.Hidden).ToList();
        string Owners(string option) => string.Join(", ", others.Where(c => OptionNames(c).Contains(option)).Select(c => c.Name));
        // another command's option, exactly: say whose it is rather than guess at a different option of this one
        // (norm --lambda is not a typo of norm's --gamma)
        if (!own.Contains(name) && Owners(name) is { Length: > 0 } exact)
            return $"unknown option '{Excerpt.Of(name)}' for '{command.Name}' ({name} belongs to {exact}; see regviz {command.Name} --help)";
        var (near, distance) = NearestAt(name, own);
        // likewise a typo nearer another command's option than any of this one's (norm --lamda: --lambda, not --gamma)
        if (NearestAt(name, others.SelectMany(OptionNames).Distinct().Except(own)) is ({ } theirs, var theirDistance) && theirDistance < distance)
            return $"unknown option '{Excerpt.Of(name)}' for '{command.Name}' (did you mean '{theirs}'? {theirs} belongs to {Owners(theirs)}; {command.Name} takes no {theirs})";
        return near is not null
            ? $"unknown option '{Excerpt.Of(name)}' (did you mean '{near}'?)"
            : $"unknown option '{Excerpt.Of(name)}' for '{command.Name}' (see regviz {command.Name} --help)";
    }

    private static IEnumerable<string> OptionNames(Command command) => command.Options.Where(o => !o.Hidden).SelectMany(Names);

    private static IEnumerable<string> Names(Option option) => option.Aliases.Prepend(option.Name);

    /// <summary>"-0.5" is a value that lost its option, not an option.</summary>
    private static bool IsNumber(string token) => double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
}
