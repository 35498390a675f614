using System.Globalization;

namespace Regviz.Core.Penalties;

/// <summary>
/// A penalty's parameter as data, declared once on the penalty type: its name (the JSON field, the file-name word and,
/// as <c>--NAME</c>, the command-line flag), its symbol in titles, the values it may take, its default and the help a
/// reader gets. Everything a front end needs to offer, check and explain the parameter comes from here, so a new
/// penalty brings its parameters with it. Penalties that share a parameter (MCP's and SCAD's γ) share one declaration.
/// </summary>
public sealed class PenaltyParameterSpec
{
    /// <param name="name">Lower-case letters: the library's parameter name ("alpha").</param>
    /// <param name="symbol">The symbol a figure writes ("α").</param>
    /// <param name="range">The values every penalty that has it accepts (one may accept fewer, and say why).</param>
    /// <param name="defaultValue">The value when none is given, or null when each penalty has its own (γ: 3 for MCP, 3.7 for SCAD).</param>
    /// <param name="help">One sentence of help: what it does, its range and default, naming parameters in the reader's words.</param>
    /// <param name="role">What it is to its penalties, after a possessive ("mixing weight": "elasticnet's mixing weight").</param>
    public PenaltyParameterSpec(string name, string symbol, ParameterRange range, double? defaultValue, Func<ParameterWords, string> help, string role)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => c is >= 'a' and <= 'z'))
            throw new ArgumentException($"'{name}' is not a parameter name (lower-case letters a-z)", nameof(name));
        if (defaultValue is { } d && !range.Contains(d))
            throw new ArgumentException($"{name}'s default {d.ToString(CultureInfo.InvariantCulture)} is outside its range {range}", nameof(defaultValue));
        Name = name;
        Symbol = symbol;
        Range = range;
        Default = defaultValue;
        _help = help;
        Role = role;
    }

    /// <summary>The library's parameter name: JSON field, file-name word, error subject.</summary>
    public string Name { get; }
    /// <summary>The symbol in titles and legends.</summary>
    public string Symbol { get; }
    /// <summary>The values every penalty that has this parameter accepts.</summary>
    public ParameterRange Range { get; }
    /// <summary>The value when none is given, or null when each penalty that has it sets its own.</summary>
    public double? Default { get; }
    private readonly Func<ParameterWords, string> _help;

    /// <summary>The help text, naming parameters in <paramref name="words"/> (a front end's flags, or the library's names).</summary>
    public string Help(ParameterWords words) => _help(words);
    /// <summary>What the parameter is to its penalties ("mixing weight", "exponent").</summary>
    public string Role { get; }

    /// <summary>This parameter with a value, as a penalty reports it.</summary>
    public PenaltyParameter With(double value) => new(Name, Symbol, value);

    /// <summary><paramref name="value"/> when it is in <see cref="Range"/>; else the error, in the library's words, naming this parameter.</summary>
    public double Checked(double value) => Range.Contains(value)
        ? value
        : throw new ProblemArgumentException(Name, $"{Num(value)} is outside {Range}");

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>An interval of the real line, ends open or closed; an infinite end is always open.</summary>
public readonly record struct ParameterRange(double Min, double Max, bool MinIncluded = true, bool MaxIncluded = true)
{
    /// <summary>[min, max].</summary>
    public static ParameterRange Closed(double min, double max) => new(min, max);

    /// <summary>(min, ∞).</summary>
    public static ParameterRange Above(double min) => new(min, double.PositiveInfinity, false, false);

    /// <summary>Whether <paramref name="value"/> is a finite number inside.</summary>
    public bool Contains(double value) => double.IsFinite(value)
        && (MinIncluded ? value >= Min : value > Min)
        && (MaxIncluded ? value <= Max : value < Max);

    /// <summary>"[0, 1]", "(0, 100]", "(1, ∞)".</summary>
    public override string ToString() =>
        $"{(MinIncluded && double.IsFinite(Min) ? "[" : "(")}{End(Min)}, {End(Max)}{(MaxIncluded && double.IsFinite(Max) ? "]" : ")")}";

    private static string End(double v) => double.IsPositiveInfinity(v) ? "∞" : double.IsNegativeInfinity(v) ? "−∞" : v.ToString("R", CultureInfo.InvariantCulture);
}
