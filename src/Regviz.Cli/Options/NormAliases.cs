using Regviz.Core.Penalties;

namespace Regviz.Cli.Options;

/// <summary>
/// The names courses and scikit-learn give the penalties (lasso, ridge, elastic net), accepted wherever a norm is
/// named. They are read into the registered name at once, so file names, titles and sidecars only ever carry
/// l1, l2 and elasticnet: one figure, one name.
/// </summary>
internal static class NormAliases
{
    public static readonly IReadOnlyDictionary<string, string> Canonical = new Dictionary<string, string>
    {
        ["lasso"] = "l1",
        ["ridge"] = "l2",
        ["enet"] = "elasticnet",
    };

    /// <summary>The registered name for an alias; any other word unchanged.</summary>
    public static string Resolve(string word) => Canonical.TryGetValue(word, out var name) ? name : word;

    /// <summary>Every word --norm accepts: the registered names, then the aliases.</summary>
    public static IEnumerable<string> Accepted => PenaltyCatalogue.Names.Concat(Canonical.Keys);

    /// <summary>"l1 (lasso), l2 (ridge), elasticnet (enet), lp, …": how help and errors list the norms.</summary>
    public static string Listed => string.Join(", ", PenaltyCatalogue.Names.Select(n =>
        Canonical.FirstOrDefault(a => a.Value == n).Key is { } alias ? $"{n} ({alias})" : n));
}
