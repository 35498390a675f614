using System.Globalization;
using Regviz.Cli.Errors;
using Regviz.Core;
using Regviz.Core.Contours;
using Regviz.Core.Models;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Traces;

namespace Regviz.Cli.Options;

/// <summary>
/// The words users type for kinds, themes and ranges, read into the libraries' types. They are read here and not in
/// the libraries because a wrong word is reported by the flag it came with; the libraries keep the lists of names.
/// </summary>
internal static class Words
{
    /// <summary>The registered penalty name <paramref name="text"/> means.</summary>
    public static string Norm(string text) => text.Contains(',')
        ? throw new InputException($"--norm: '{Core.Excerpt.Of(text)}' is a list; this command takes one norm (a comma list makes panels in contour and norm)")
        : PenaltyCatalogue.Names[IndexIn(PenaltyCatalogue.Names, NormAliases.Resolve(text.Trim().ToLowerInvariant()), "--norm", "norm", NormAliases.Accepted, NormAliases.Listed, text)];

    public static LossKind Loss(string text) => (LossKind)IndexIn(LossKinds.Names, text, "--loss", "loss");

    public static IModel Model(string text) => ModelCatalogue.Find(ModelCatalogue.Names[IndexIn(ModelCatalogue.Names, text, "--model", "model")])!;

    public static TraceMethod Trace(string text) => (TraceMethod)IndexIn(OptimiserTraces.Names, text, "--trace", "method");

    public static Plotting.Theme Theme(string text)
    {
        string name = Plotting.Theme.Names[IndexIn(Plotting.Theme.Names, text, "--theme", "theme")];
        return name == Plotting.Theme.Dark.Name ? Plotting.Theme.Dark : Plotting.Theme.Light;
    }

    /// <summary>
    /// --delimiter: one of , ; | or a tab, written as the character or as comma, semicolon, pipe, tab or \t. Anything
    /// else (a quote, a letter, a digit, '.', which are parts of values) is refused.
    /// </summary>
    public static char Delimiter(string word) => word == "\t" ? '\t' : word.Trim().ToLowerInvariant() switch
    {
        "," or "comma" => ',',
        ";" or "semicolon" => ';',
        "|" or "pipe" => '|',
        "tab" or "\\t" => '\t',
        _ => throw new InputException($"--delimiter: '{Core.Excerpt.Of(word)}' is not a field separator (valid: , ; | tab)"),
    };

    /// <summary>Reads <c>x0:x1,y0:y1</c>.</summary>
    public static PlaneRange Range(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 2)
            throw new InputException($"--range: '{text}' is not of the form x0:x1,y0:y1");
        var (x0, x1) = Interval(parts[0], text, "w1");
        var (y0, y1) = Interval(parts[1], text, "w2");
        return new PlaneRange(x0, x1, y0, y1);
    }

    private static (double, double) Interval(string part, string whole, string axis)
    {
        var ends = part.Split(':');
        if (ends.Length != 2
            || !double.TryParse(ends[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double a)
            || !double.TryParse(ends[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double b))
            throw new InputException($"--range: '{whole}' is not of the form x0:x1,y0:y1 (numbers with '.' decimals)");
        if (!double.IsFinite(a) || !double.IsFinite(b))
            throw new InputException($"--range: '{whole}' has a non-finite bound");
        if (a >= b)
            throw new InputException($"--range: the {axis} interval {part} is empty (the first bound must be smaller)");
        return (a, b);
    }

    /// <summary>
    /// Where <paramref name="text"/> is in <paramref name="names"/>; an unknown word is refused with its nearest
    /// spelling among <paramref name="accepted"/> (default: the names) and the list of valid words.
    /// </summary>
    private static int IndexIn(IReadOnlyList<string> names, string text, string flag, string what,
        IEnumerable<string>? accepted = null, string? listed = null, string? typed = null)
    {
        int i = names.ToList().IndexOf(text.Trim().ToLowerInvariant());
        return i >= 0 ? i : throw Unknown(flag, what, typed ?? text, [.. accepted ?? names], listed);
    }

    /// <summary>
    /// The refusal of an unknown word: its nearest spelling among <paramref name="valid"/>, if one is near, and the
    /// valid words (as <paramref name="listed"/> writes them, when given). Also for the enumerations a command keeps
    /// itself (path --xvar, animate --sweep, the completion shells).
    /// </summary>
    public static InputException Unknown(string flag, string what, string typed, IReadOnlyList<string> valid, string? listed = null)
    {
        string all = listed ?? string.Join(", ", valid);
        return new(Suggestions.Nearest(typed, valid) is { } near
            ? $"{flag}: unknown {what} '{Core.Excerpt.Of(typed)}' (did you mean '{near}'? valid: {all})"
            : $"{flag}: unknown {what} '{Core.Excerpt.Of(typed)}' (valid: {all})");
    }
}
