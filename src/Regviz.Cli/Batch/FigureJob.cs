using System.CommandLine;
using System.CommandLine.Parsing;

namespace Regviz.Cli.Batch;

/// <summary>
/// Turns a manifest figure into a command line for the very parser a typed command goes through. Default
/// words are put after the command name, except options the figure sets itself or its command does not
/// take (so <c>defaults: --grid 200</c> does not break a <c>path</c> figure; a figure's <c>--style</c> overrides a default <c>--theme</c>). A relative <c>--data</c> path or <c>--style</c> file, in
/// the args or the defaults, is taken relative to the manifest's folder, so a manifest works from wherever it is run.
/// The figure's <c>out</c> is passed as written: the run confines it, and every other output such as
/// <c>--json</c>, to the batch's folder (<see cref="Output.OutputTargets"/>).
/// </summary>
internal static class FigureJob
{
    /// <summary>Every command's option names and aliases, from one command tree built once.</summary>
    private static readonly Lazy<Dictionary<string, HashSet<string>>> OptionsOf = new(() =>
        RegvizApp.CreateRoot().Subcommands.ToDictionary(c => c.Name, c => c.Options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet()));

    public static string[] CommandLine(string defaults, ManifestFigure figure, string manifestFolder)
    {
        var line = Canonical(defaults, figure);
        RelativeDataToManifest(line, manifestFolder);
        line.AddRange(["--out", figure.Out]);
        return line.ToArray();
    }

    /// <summary>
    /// The words that make the figure, as the manifest gives them: its command, the defaults it takes, its own args;
    /// paths as written (relative to the manifest), no --out. The same on every machine, so a golden records them
    /// (<see cref="GoldenSidecar"/>) and a later check says which of them changed.
    /// </summary>
    public static List<string> Canonical(string defaults, ManifestFigure figure)
    {
        var own = CommandLineParser.SplitCommandLine(figure.Args).ToList();
        if (own.Count == 0) throw new Core.InputException("'args' is empty (it must start with a command, e.g. contour)");
        if (own.Any(t => t is "--out" or "-o" || t.StartsWith("--out=") || t.StartsWith("--out:") || t.StartsWith("-o=") || t.StartsWith("-o:")))
            throw new Core.InputException("'args' must not contain --out: the figure's 'out' key says where it goes");
        var accepted = OptionsOf.Value.GetValueOrDefault(own[0]) ?? [];
        var line = new List<string> { own[0] };
        line.AddRange(FilterDefaults(CommandLineParser.SplitCommandLine(defaults).ToList(), own, accepted));
        line.AddRange(own.Skip(1));
        return line;
    }

    /// <summary>
    /// <paramref name="line"/> asking for the sidecar on stdout when it writes none of its own (a check compares its
    /// numbers). --alt goes: it would share stdout with the sidecar, and a batch shows no figure's stdout anyway.
    /// </summary>
    public static string[] WithSidecar(string[] line)
    {
        if (line.Any(t => t == "--json" || t.StartsWith("--json=") || t.StartsWith("--json:"))) return line;
        var kept = new List<string>(line.Length + 2);
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i].StartsWith("--alt=") || line[i].StartsWith("--alt:")) continue;
            if (line[i] == "--alt")
            {
                if (i + 1 < line.Length && line[i + 1] is "true" or "false") i++;
                continue;
            }
            kept.Add(line[i]);
        }
        kept.AddRange(["--json", "-"]);
        return kept.ToArray();
    }

    private static void RelativeDataToManifest(List<string> line, string manifestFolder)
    {
        for (int i = 0; i < line.Count; i++)
        {
            if (line[i] == "--data" && i + 1 < line.Count && !Path.IsPathRooted(line[i + 1]))
                line[i + 1] = Path.Combine(manifestFolder, line[i + 1]);
            else if ((line[i].StartsWith("--data=") || line[i].StartsWith("--data:")) && !Path.IsPathRooted(line[i][7..]))
                line[i] = "--data=" + Path.Combine(manifestFolder, line[i][7..]);
            // a style file too, like the data, lives beside the manifest; a built-in style's name is no path
            else if (line[i] == "--style" && i + 1 < line.Count && !Path.IsPathRooted(line[i + 1]) && Plotting.Theme.Find(line[i + 1]) is null)
                line[i + 1] = Path.Combine(manifestFolder, line[i + 1]);
        }
    }

    /// <summary>--theme and --style set the same thing: a figure's own --style overrides a default --theme, and the reverse.</summary>
    private static string SameAs(string option) => option switch
    {
        "--theme" => "--style",
        "--style" => "--theme",
        _ => option,
    };

    private static IEnumerable<string> FilterDefaults(List<string> defaults, List<string> own, HashSet<string> accepted)
    {
        for (int i = 0; i < defaults.Count; i++)
        {
            string option = defaults[i];
            var values = new List<string>();
            while (i + 1 < defaults.Count && !defaults[i + 1].StartsWith("--")) values.Add(defaults[++i]);
            if (own.Contains(option) || !accepted.Contains(option) || own.Contains(SameAs(option))) continue;
            yield return option;
            foreach (var v in values) yield return v;
        }
    }
}
