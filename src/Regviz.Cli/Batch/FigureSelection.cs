using Regviz.Core;

namespace Regviz.Cli.Batch;

/// <summary>
/// --only: the figures of a manifest a run renders, by out name. Each value is a name, or a comma list of names when
/// it is not itself a name (so a figure called "a,b.png" can still be chosen); an unknown name is an error naming the
/// nearest one.
/// </summary>
internal static class FigureSelection
{
    public static Manifest Only(Manifest manifest, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return manifest;
        var names = manifest.Figures.Select(f => f.Out).ToList();
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in names) byName.TryAdd(SafeText.Canonical(name), name);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string value in values)
        {
            if (byName.TryGetValue(SafeText.Canonical(value), out var whole))
            {
                chosen.Add(whole);
                continue;
            }
            foreach (string part in value.Split(','))
            {
                string name = part.Trim();
                if (byName.TryGetValue(SafeText.Canonical(name), out var found)) chosen.Add(found);
                else
                {
                    string near = Errors.Suggestions.Nearest(name, names) is { } n ? $" (did you mean '{Excerpt.Of(n)}'?)" : "";
                    throw new InputException($"--only: the manifest has no figure '{Excerpt.Of(name)}'{near}");
                }
            }
        }
        return manifest with { Figures = manifest.Figures.Where(f => chosen.Contains(f.Out)).ToList() };
    }
}
