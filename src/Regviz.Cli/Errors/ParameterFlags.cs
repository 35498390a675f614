using Regviz.Core;
using Regviz.Core.Penalties;

namespace Regviz.Cli.Errors;

/// <summary>
/// The one place that knows which flag sets which library parameter. The libraries name parameters as their API
/// does ("alpha: 1.5 is outside [0, 1]"); the user typed flags, so the error line says "--alpha: 1.5 is outside [0, 1]".
/// </summary>
internal static class ParameterFlags
{
    /// <summary>Library parameter → the flag that sets it, for the problem's parameters; a penalty's are <see cref="Flag"/> of their name.</summary>
    private static readonly IReadOnlyDictionary<string, string> ProblemFlags = new Dictionary<string, string>
    {
        ["data"] = "--data",
        ["delimiter"] = "--delimiter",
        ["target"] = "--target",
        ["features"] = "--features",
        ["model"] = "--model",
        ["loss"] = "--loss",
        ["intercept"] = "--intercept",
        ["norm"] = "--norm",
        ["lambda"] = "--lambda",
        ["radius"] = "--radius",
        ["method"] = "--trace",
        ["steps"] = "--steps",
        ["count"] = "--count",
        ["ratio"] = "--ratio",
        ["trials"] = "--trials",
        ["hessian"] = "--hessian",
        ["penalties"] = "--norms",
    };

    /// <summary>Library parameter → the flag that sets it: the problem's, and every registered penalty's (--alpha, --p, --gamma, …).</summary>
    public static IReadOnlyDictionary<string, string> Flags =>
        ProblemFlags.Concat(PenaltyCatalogue.Parameters.Select(s => KeyValuePair.Create(s.Name, Flag(s.Name)))).ToDictionary();

    /// <summary>A penalty parameter's flag: its declared name after two dashes.</summary>
    public static string Flag(string parameter) => $"--{parameter}";

    /// <summary>Parameters named as this front end names them: by their flags.</summary>
    public static ParameterWords Words { get; } = new FlagWords();


    /// <summary>
    /// The text of the <c>error:</c> line for a user error (exit 2), or null for anything else, which is a bug.
    /// CLI-made errors are already in flags; library errors are put into them here.
    /// </summary>
    public static string? UserError(Exception e) => e switch
    {
        ProblemArgumentException p => p.In(Words),
        InputException i => i.Message,
        _ => null,
    };

    /// <summary>"--lambda 0" where the library says "lambda = 0"; several flags side by side, as on a command line.</summary>
    private sealed class FlagWords : ParameterWords
    {
        // a parameter no flag sets keeps the library's word: better than a flag the user cannot find in --help
        public override string Name(string parameter, string? value = null) => FlagOf(parameter) is { } flag
            ? value is null ? flag : $"{flag} {value}"
            : Library.Name(parameter, value);

        private static string? FlagOf(string parameter) => ProblemFlags.TryGetValue(parameter, out var flag) ? flag
            : PenaltyCatalogue.Parameters.Any(s => s.Name == parameter) ? Flag(parameter)
            : null;

        public override string Together(IEnumerable<string> named) => string.Join(" ", named);
    }
}
