using System.CommandLine;
using System.Globalization;

namespace Regviz.Cli.Options;

/// <summary>
/// Number options with the project's own parse message ("--lambda: 'abc' is not a number"), invariant
/// culture, and NaN/∞ refused at parse time, before any work.
/// </summary>
internal static class NumberOptions
{
    public static Option<double?> Nullable(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = r => Parse(name, r.Tokens.Count == 0 ? "" : r.Tokens[0].Value, r),
    };

    public static Option<double> Required(string name, double defaultValue, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => Parse(name, r.Tokens.Count == 0 ? "" : r.Tokens[0].Value, r) ?? defaultValue,
    };

    private static double? Parse(string name, string token, System.CommandLine.Parsing.ArgumentResult result)
    {
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
        {
            result.AddError($"{name}: '{Core.Excerpt.Of(token)}' is not a number");
            return null;
        }
        if (!double.IsFinite(v))
        {
            result.AddError($"{name}: '{Core.Excerpt.Of(token)}' is not finite");
            return null;
        }
        return v;
    }
}
