namespace Regviz.Core;

/// <summary>
/// What an error message may quote of an input file: one cell or name, cut to 40 characters. The file may be
/// anything (a manifest can point --data at /etc/shadow), so messages never echo more of it than that, escaped
/// by <see cref="SafeText"/>.
/// </summary>
public static class Excerpt
{
    /// <summary>The longest excerpt of user text a message quotes.</summary>
    public const int MaxChars = 40;

    /// <summary><paramref name="text"/> cut to <see cref="MaxChars"/> characters, so a message never echoes a megabyte back.</summary>
    public static string Of(ReadOnlySpan<char> text) =>
        SafeText.Display(text.Length <= MaxChars ? text.ToString() : string.Concat(text[..MaxChars], "…"), MaxChars + 8);

    /// <summary>
    /// Names, each cut, for "columns: a, b, …" in a message: all of up to twelve; of more, the first eight, how many
    /// are left out, and the last (a CSV file's default target, which a reader looks for).
    /// </summary>
    public static string List(IReadOnlyList<string> names) => names.Count <= 12
        ? string.Join(", ", names.Select(n => Of(n)))
        : string.Join(", ", names.Take(8).Select(n => Of(n))) + $", … ({names.Count - 9} more), " + Of(names[^1]);

    /// <summary>
    /// An excerpt of a file's content (a cell, a header name, a key): quoted like <see cref="Of"/> when
    /// <paramref name="quote"/>, else nothing of it: for a file a manifest named, the line and column say where, and CI
    /// logs of public repositories are public.
    /// </summary>
    public static string Content(ReadOnlySpan<char> text, bool quote) => quote ? Of(text) : "(not quoted)";

    /// <summary>A file's column names for a message, like <see cref="List"/> when <paramref name="quote"/>, else not at all.</summary>
    public static string ContentList(IReadOnlyList<string> names, bool quote) => quote ? List(names) : "not quoted";
}
