namespace Regviz.Core;

/// <summary>
/// An argument the problem cannot take, said in the library's words: "alpha: 1.5 is outside [0, 1]",
/// "lambda = 0: the least-squares optimum is not unique (…)". <see cref="ArgumentException.ParamName"/> is the
/// parameter as the library names it (alpha, p, lambda, radius, data, target, features, model, loss, intercept,
/// method, steps, count, ratio, trials), or null when no single parameter is at fault. A front end that names
/// parameters its own way (the CLI's flags) writes the same message in its own words with <see cref="In"/>,
/// so that the library never has to know those words.
/// </summary>
public sealed class ProblemArgumentException : ArgumentException
{
    // a function of the words rather than a string: a reason may name other parameters ("pick two with features"),
    // and each front end must see those in its own words, while user text inside stays exactly as it was
    private readonly Func<ParameterWords, string> _reason;

    /// <summary>An error about <paramref name="paramName"/> (null: no single parameter) for <paramref name="reason"/>.</summary>
    public ProblemArgumentException(string? paramName, string reason)
        : this(paramName, null, _ => reason) { }

    /// <summary>An error about <paramref name="paramName"/> having <paramref name="value"/>, for <paramref name="reason"/>.</summary>
    public ProblemArgumentException(string? paramName, string? value, string reason)
        : this(paramName, value, _ => reason) { }

    /// <summary>An error whose reason names other parameters, in whichever words the reader uses.</summary>
    public ProblemArgumentException(string? paramName, Func<ParameterWords, string> reason)
        : this(paramName, null, reason) { }

    /// <summary>An error about a value whose reason names other parameters, in whichever words the reader uses.</summary>
    public ProblemArgumentException(string? paramName, string? value, Func<ParameterWords, string> reason)
        : base(null, paramName)
    {
        Value = value;
        _reason = reason;
    }

    /// <summary>
    /// The parameter's value when the reason is about what follows from it rather than about the value itself:
    /// "0" in "lambda = 0: the classes are separable". A value that is itself wrong is part of the reason.
    /// </summary>
    public string? Value { get; }

    /// <summary>Parameters that, with <see cref="ArgumentException.ParamName"/>, are the subject: "loss = logistic, intercept: …".</summary>
    public IReadOnlyList<(string Name, string? Value)> Context { get; init; } = [];

    /// <summary>The message without the parameter it is about.</summary>
    public string Reason => _reason(ParameterWords.Library);

    // ArgumentException's own Message would append "(Parameter 'alpha')" to a text that already starts with it
    /// <inheritdoc/>
    public override string Message => In(ParameterWords.Library);

    /// <summary>The message with every parameter, the subject and any the reason names, written in <paramref name="words"/>.</summary>
    public string In(ParameterWords words)
    {
        string reason = _reason(words);
        if (ParamName is null) return reason;
        return $"{words.Together(Context.Append((Name: ParamName, Value)).Select(p => words.Name(p.Name, p.Value)))}: {reason}";
    }
}

/// <summary>How a message names parameters: the library writes "lambda = 0"; a front end may write its own ("--lambda 0").</summary>
public abstract class ParameterWords
{
    /// <summary>The library's own words: parameter names as the API spells them.</summary>
    public static ParameterWords Library { get; } = new LibraryWords();

    /// <summary>One parameter, with its value when the message shows it.</summary>
    public abstract string Name(string parameter, string? value = null);

    /// <summary>Several parameters, already named, that are together the subject of a message.</summary>
    public virtual string Together(IEnumerable<string> named) => string.Join(", ", named);

    private sealed class LibraryWords : ParameterWords
    {
        public override string Name(string parameter, string? value = null) => value is null ? parameter : $"{parameter} = {value}";
    }
}
