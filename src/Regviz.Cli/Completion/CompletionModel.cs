using System.CommandLine;
using Regviz.Cli.Batch;
using Regviz.Cli.Options;
using Regviz.Core.Models;
using Regviz.Core.Problems;
using Regviz.Core.Traces;

namespace Regviz.Cli.Completion;

/// <summary>What a shell completes for one option: its spellings, whether a value follows, and which values.</summary>
internal sealed record CompletedOption(IReadOnlyList<string> Names, string Description, bool TakesValue, bool TakesFile, IReadOnlyList<string> Values);

/// <summary>What a shell completes after one command: its options, and the words of its own arguments.</summary>
internal sealed record CompletedCommand(string Name, string Description, IReadOnlyList<CompletedOption> Options, IReadOnlyList<string> Arguments);

/// <summary>
/// The command tree as the completion scripts see it, read from the same tree the parser uses, so a new command or
/// option is completed without touching the scripts. Enumerated values are the lists the commands accept.
/// </summary>
internal static class CompletionModel
{
    /// <summary>Option name → the words it accepts; per command where one command accepts more (shrink's l0).</summary>
    private static IReadOnlyList<string> ValuesOf(string command, string option) => option switch
    {
        "--norm" when command == "shrink" => [.. NormAliases.Accepted, "l0"],
        "--norm" or "--norms" => [.. NormAliases.Accepted],
        "--loss" => LossKinds.Names,
        "--model" => ModelCatalogue.Names,
        "--trace" => OptimiserTraces.Names,
        "--theme" or "--style" => Plotting.Theme.Names,
        "--xvar" => Commands.PathCommand.Axes,
        "--sweep" => SweepOptions.Sweeps,
        "--update" => UpdateModes.Words,
        "--delimiter" => ["tab", "semicolon", "comma", "pipe"],
        _ => [],
    };

    /// <summary>The shells <c>regviz completion</c> writes a script for.</summary>
    public static readonly string[] Shells = ["bash", "zsh", "fish", "pwsh"];

    public static IReadOnlyList<CompletedCommand> Read(RootCommand root)
    {
        var global = root.Options.Where(o => o.Recursive && !o.Hidden).ToList();
        return [.. root.Subcommands.Where(c => !c.Hidden).Select(c => new CompletedCommand(
            c.Name,
            FirstSentence(c.Description),
            [.. c.Options.Concat(global).Where(o => !o.Hidden).Select(o => Describe(c.Name, o))],
            c.Name == "completion" ? Shells : []))];
    }

    /// <summary>The options regviz itself takes before a command (--help, --version, --verbose).</summary>
    public static IReadOnlyList<CompletedOption> RootOptions(RootCommand root) =>
        [.. root.Options.Where(o => !o.Hidden).Select(o => Describe("", o))];

    private static CompletedOption Describe(string command, Option option)
    {
        bool flag = option.ValueType == typeof(bool) || option.Arity.MaximumNumberOfValues == 0;
        string help = option.HelpName ?? "";
        bool file = !flag && (help.Contains("FILE") || help.Contains("DIR") || option.Name is "--data" or "--out" or "--json");
        return new CompletedOption([.. option.Aliases.Prepend(option.Name).Where(n => n.StartsWith('-'))], FirstSentence(option.Description), !flag, file, ValuesOf(command, option.Name));
    }

    /// <summary>Up to the first sentence or 70 characters: a completion menu shows one short line.</summary>
    private static string FirstSentence(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        string line = text.Split('\n')[0];
        int stop = line.IndexOfAny(['.', ';', '(', ':']);
        if (stop > 10) line = line[..stop];
        return (line.Length > 70 ? line[..69] + "…" : line).Trim();
    }
}
