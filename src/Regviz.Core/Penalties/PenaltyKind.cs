namespace Regviz.Core.Penalties;

/// <summary>
/// A kind of penalty as the catalogue registers it: its name, its formula for help, the parameters it declares and
/// how to make one from their values. Each penalty type holds its own (<c>L1Penalty.Kind</c>), so registering a
/// penalty is one line: <see cref="PenaltyCatalogue.Register"/>.
/// </summary>
public sealed class PenaltyKind
{
    private readonly Func<PenaltyArguments, Penalty> _create;

    /// <param name="name">The name --norm takes, file names and JSON carry: lower-case letters and digits.</param>
    /// <param name="formula">P(w) written out for help ("αΣ|w| + (1−α)Σw²").</param>
    /// <param name="parameters">What shapes it, as data.</param>
    /// <param name="create">A penalty from the parameters' values (each given or its default).</param>
    public PenaltyKind(string name, string formula, IReadOnlyList<PenaltyParameterSpec> parameters, Func<PenaltyArguments, Penalty> create)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9'))
            throw new ArgumentException($"'{name}' is not a penalty name (lower-case letters and digits)", nameof(name));
        Name = name;
        Formula = formula;
        Parameters = [.. parameters];
        _create = create;
    }

    /// <summary>The registered name.</summary>
    public string Name { get; }
    /// <summary>P(w) written out for help.</summary>
    public string Formula { get; }
    /// <summary>The parameters it declares, in the order help lists them.</summary>
    public IReadOnlyList<PenaltyParameterSpec> Parameters { get; }

    /// <summary>
    /// The penalty with these values (a parameter not given takes its default). The penalty's constructor may refuse
    /// a value with its own reason (a <see cref="ProblemArgumentException"/>: lp's "must be a finite number &gt; 0",
    /// SCAD's γ &gt; 2); a value outside the declared range is refused here either way, in the flag's words, so a
    /// declaration is a promise every penalty keeps, even when its constructor guards its arguments as .NET code does
    /// (an ArgumentOutOfRangeException would otherwise reach the user as a bug, exit 70).
    /// </summary>
    public Penalty Create(PenaltyArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        Penalty penalty;
        try { penalty = _create(arguments); }
        catch (ArgumentException e) when (e is not ProblemArgumentException)
        {
            CheckDeclared(arguments);
            throw;
        }
        CheckDeclared(arguments);
        return penalty;
    }

    private void CheckDeclared(PenaltyArguments arguments)
    {
        foreach (var spec in Parameters)
            if (arguments.Given(spec) is { } v) spec.Checked(v);
    }
}

/// <summary>
/// Values for penalty parameters by name; a penalty reads the ones it declares. A new parameter is one more name,
/// so no caller breaks when a penalty gains one.
/// </summary>
public sealed class PenaltyArguments
{
    private readonly Dictionary<string, double> _values;

    private PenaltyArguments(Dictionary<string, double> values) => _values = values;

    /// <summary>No value given: every parameter takes its default.</summary>
    public static PenaltyArguments None { get; } = new([]);

    /// <summary>These arguments with <paramref name="name"/> set to <paramref name="value"/> (null: not given).</summary>
    public PenaltyArguments With(string name, double? value)
    {
        var copy = new Dictionary<string, double>(_values);
        if (value is { } v) copy[name] = v;
        else copy.Remove(name);
        return new PenaltyArguments(copy);
    }

    /// <summary>The value given for <paramref name="spec"/>, or null.</summary>
    public double? Given(PenaltyParameterSpec spec) => _values.TryGetValue(spec.Name, out double v) ? v : null;

    /// <summary>The value given for <paramref name="spec"/>, else its default (null when it has none: the penalty's own).</summary>
    public double? ValueOrDefault(PenaltyParameterSpec spec) => Given(spec) ?? spec.Default;

    /// <summary>The value given for <paramref name="spec"/>, else its default, which it must have.</summary>
    public double Value(PenaltyParameterSpec spec) => ValueOrDefault(spec)
        ?? throw new InvalidOperationException($"{spec.Name} has no default: read it with {nameof(ValueOrDefault)}");
}
