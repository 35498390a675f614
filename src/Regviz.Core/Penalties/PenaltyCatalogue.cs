namespace Regviz.Core.Penalties;

/// <summary>
/// Every penalty by name, in the order help lists them: the one place a penalty is registered. The built-in ones are
/// listed here; a program using the library (or a test project) adds its own with <see cref="Register"/>, and from
/// then on every command, figure, sidecar and catalogue-driven test offers it, with its parameters.
/// </summary>
public static class PenaltyCatalogue
{
    private static readonly Lock Gate = new();

    // replaced whole on registration, so a reader never sees a half-made list
    private static PenaltyKind[] _kinds =
    [
        L1Penalty.Kind,
        L2Penalty.Kind,
        ElasticNetPenalty.Kind,
        LpPenalty.Kind,
        LInfPenalty.Kind,
        McpPenalty.Kind,
        ScadPenalty.Kind,
    ];

    /// <summary>The registered kinds, in the order help lists them.</summary>
    public static IReadOnlyList<PenaltyKind> Kinds => Volatile.Read(ref _kinds);

    /// <summary>The registered penalties' names, in the order help lists them.</summary>
    public static IReadOnlyList<string> Names => Kinds.Select(k => k.Name).ToArray();

    /// <summary>Every parameter some registered penalty declares, once each, in the order of their first penalty.</summary>
    public static IReadOnlyList<PenaltyParameterSpec> Parameters => Kinds.SelectMany(k => k.Parameters).Distinct().ToArray();

    /// <summary>The kind called <paramref name="name"/>, or null.</summary>
    public static PenaltyKind? Find(string name) => Kinds.FirstOrDefault(k => k.Name == name);

    /// <summary>The penalty called <paramref name="name"/> shaped by <paramref name="arguments"/> (none: defaults), or null when there is none by that name.</summary>
    public static Penalty? Create(string name, PenaltyArguments? arguments = null) => Find(name)?.Create(arguments ?? PenaltyArguments.None);

    /// <summary>
    /// Adds <paramref name="kind"/> after the others. Registering the same kind again does nothing. A name already
    /// taken by another kind, or a parameter whose name another penalty declares differently, is refused: one name
    /// must mean one thing to --norm, to a flag and to a sidecar.
    /// </summary>
    public static void Register(PenaltyKind kind)
    {
        lock (Gate)
        {
            var kinds = _kinds;
            if (kinds.Contains(kind)) return;
            if (kinds.Any(k => k.Name == kind.Name))
                throw new ArgumentException($"a penalty called {kind.Name} is already registered", nameof(kind));
            foreach (var spec in kind.Parameters)
                if (kinds.SelectMany(k => k.Parameters).FirstOrDefault(s => s.Name == spec.Name && s != spec) is { } other)
                    throw new ArgumentException($"parameter {spec.Name} is already declared by another penalty; share its {nameof(PenaltyParameterSpec)} (one flag, one meaning)", nameof(kind));
            Volatile.Write(ref _kinds, [.. kinds, kind]);
        }
    }
}
