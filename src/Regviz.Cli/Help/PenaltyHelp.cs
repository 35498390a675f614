using Regviz.Cli.Errors;
using Regviz.Cli.Options;
using Regviz.Core.Penalties;

namespace Regviz.Cli.Help;

/// <summary>
/// Help text that lists penalties or their parameters, written from the catalogue's declarations, so that a new
/// penalty or parameter shows in every such text without editing it.
/// </summary>
internal static class PenaltyHelp
{
    /// <summary>--alpha, --p, --gamma, …: every declared parameter's flag, in the catalogue's order.</summary>
    public static IEnumerable<string> ParameterFlags() => PenaltyCatalogue.Parameters.Select(s => Errors.ParameterFlags.Flag(s.Name));

    /// <summary>"a, b or c".</summary>
    public static string Listed(IEnumerable<string> items, string last)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} {last} {list[^1]}";
    }

    /// <summary>--norm's help: each penalty's name (and alias), formula, parameters, and what it cannot do.</summary>
    public static string NormDescription() =>
        "Penalty P(w): " + string.Join("; ", PenaltyCatalogue.Kinds.Select(Entry))
        + "; a comma list (l1,l2) makes panels in contour and norm, or one overlaid figure with --overlay";

    /// <summary>"elasticnet (or enet; --alpha) = αΣ|w| + (1−α)Σw²", "mcp (--gamma; no --radius) = …".</summary>
    private static string Entry(PenaltyKind kind)
    {
        var notes = new List<string>();
        if (NormAliases.Canonical.FirstOrDefault(a => a.Value == kind.Name).Key is { } alias) notes.Add($"or {alias}");
        var penalty = kind.Create(PenaltyArguments.None);
        notes.AddRange(kind.Parameters.Select(s => Errors.ParameterFlags.Flag(s.Name)));
        if (!penalty.HasConstrainedForm) notes.Add("no --radius");
        return notes.Count == 0 ? $"{kind.Name} = {kind.Formula}" : $"{kind.Name} ({string.Join("; ", notes)}) = {kind.Formula}";
    }

    /// <summary>shrink --norm's help: l0 and every separable penalty, each with its parameters' flags.</summary>
    public static string ShrinkNormDescription() =>
        "Estimators, one curve each, comma-separated: l0 (best subset: hard threshold) or a penalty that is a sum over coordinates, "
        + "drawn as its exact threshold (l1: soft; l2: proportional shrinkage; mcp: firm; lp with p < 1 jumps): "
        + string.Join(", ", PenaltyCatalogue.Kinds.Where(k => k.Create(PenaltyArguments.None).IsSeparable).Select(k =>
            k.Parameters.Count == 0 ? k.Name : $"{k.Name} ({string.Join(", ", k.Parameters.Select(s => Errors.ParameterFlags.Flag(s.Name)))})"));
}
