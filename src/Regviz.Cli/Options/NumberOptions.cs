using System.CommandLine;
using System.Globalization;

namespace Regviz.Cli.Options;

/// <summary>
/// Number options with the project's own parse message ("--lambda: 'abc' is not a number"), invariant
/// culture, and NaN/∞ refused at parse time, before any work. An option made with <c>list: true</c> also accepts a
/// comma list (every element checked the same way; the option's value is the first): the list makes panels in the
/// commands that draw them (<see cref="PanelOptions"/>), and every other command refuses it when it binds.
/// </summary>
internal static class NumberOptions
{
    public static Option<double?> Nullable(string name, string description, string helpName, bool list = false) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = r => ParseToken(name, r.Tokens.Count == 0 ? "" : r.Tokens[0].Value, r, list),
    };

    public static Option<double> Required(string name, double defaultValue, string description, string helpName, bool list = false) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => ParseToken(name, r.Tokens.Count == 0 ? "" : r.Tokens[0].Value, r, list) ?? defaultValue,
    };

    private static double? ParseToken(string name, string token, System.CommandLine.Parsing.ArgumentResult result, bool list)
    {
        if (!list || !token.Contains(',')) return Parse(name, token, result);
        double? first = null;
        foreach (string item in token.Split(','))
        {
            if (Parse(name, item.Trim(), result) is not { } v) return null;
            first ??= v;
        }
        return first;
    }

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
