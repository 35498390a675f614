namespace Regviz.Core.Penalties;

/// <summary>The values of every penalty parameter a caller may set; each penalty reads the ones it has.</summary>
/// <param name="Gamma">MCP's and SCAD's γ; null: each penalty's own default (3 for MCP, 3.7 for SCAD, as in ncvreg).</param>
public sealed record PenaltySettings(double Alpha = 0.5, double P = 0.5, double? Gamma = null);

/// <summary>
/// Every penalty by name, in the order help lists them: the one place a new penalty is registered.
/// </summary>
public static class PenaltyCatalogue
{
    private static readonly (string Name, Func<PenaltySettings, Penalty> Create)[] Entries =
    [
        ("l1", _ => new L1Penalty()),
        ("l2", _ => new L2Penalty()),
        ("elasticnet", s => new ElasticNetPenalty(s.Alpha)),
        ("lp", s => new LpPenalty(s.P)),
        ("linf", _ => new LInfPenalty()),
        ("mcp", s => new McpPenalty(s.Gamma)),
        ("scad", s => new ScadPenalty(s.Gamma)),
    ];

    /// <summary>The registered penalties' names, in the order help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = Entries.Select(e => e.Name).ToArray();

    /// <summary>The penalty called <paramref name="name"/>, or null when there is none by that name.</summary>
    public static Penalty? Create(string name, PenaltySettings settings) =>
        Entries.FirstOrDefault(e => e.Name == name).Create?.Invoke(settings);
}
