using System.Text;

namespace Regviz.Tests.Architecture;

/// <summary>
/// The text of every string literal in C# source, with the line it starts on. Just enough of a lexer to tell
/// a literal from a comment or a char: regular, verbatim, interpolated and raw strings. An interpolation's hole
/// is left out of its string's text (as "{}", so the text on either side cannot join into something new) and
/// the literals written inside the hole are reported on their own.
/// </summary>
internal static class CSharpLiterals
{
    public sealed record Literal(int Line, string Text);

    public static IReadOnlyList<Literal> In(string source)
    {
        var found = new List<(int Start, string Text)>();
        int i = 0;
        Code(source, ref i, found, inHole: false);
        return found.Select(f => new Literal(source.AsSpan(0, f.Start).Count('\n') + 1, f.Text)).ToArray();
    }

    /// <summary>Skips code, collecting the literals in it; in a hole, stops at the '}' that closes it.</summary>
    private static void Code(string s, ref int i, List<(int, string)> found, bool inHole)
    {
        int depth = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (c == '/' && At(s, i + 1, '/'))
                i = s.IndexOf('\n', i) is var end and >= 0 ? end : s.Length;
            else if (c == '/' && At(s, i + 1, '*'))
                i = s.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : s.Length;
            else if (c == '\'')
                SkipChar(s, ref i);
            else if (StringAt(s, i) is { } start)
                found.Add((i, StringLiteral(s, ref i, start, found)));
            else
            {
                if (c == '{') depth++;
                if (c == '}')
                {
                    if (depth == 0 && inHole) return;
                    depth--;
                }
                i++;
            }
        }
    }

    private readonly record struct Start(int Dollars, bool Verbatim, int Quotes, int TextFrom);

    /// <summary>Whether a string literal starts at <paramref name="i"/>: its prefix ($, @, $$…) and opening quotes.</summary>
    private static Start? StringAt(string s, int i)
    {
        int j = i, dollars = 0;
        bool verbatim = false;
        while (j < s.Length && s[j] is '$' or '@')
        {
            if (s[j] == '$') dollars++;
            else verbatim = true;
            j++;
        }
        if (!At(s, j, '"')) return null;
        int quotes = 0;
        while (At(s, j + quotes, '"')) quotes++;
        // "" is an empty string and @"""" a verbatim quote; three or more quotes without @ open a raw string
        if (verbatim || quotes < 3) quotes = 1;
        return new Start(dollars, verbatim, quotes, j + quotes);
    }

    private static string StringLiteral(string s, ref int i, Start start, List<(int, string)> found)
    {
        var text = new StringBuilder();
        bool raw = start.Quotes >= 3;
        int braces = raw ? Math.Max(start.Dollars, 1) : 1;
        i = start.TextFrom;
        while (i < s.Length)
        {
            char c = s[i];
            if (c == '"')
            {
                if (start.Verbatim && At(s, i + 1, '"')) { text.Append('"'); i += 2; continue; }
                if (!raw || Run(s, i, '"') >= start.Quotes) { i += raw ? start.Quotes : 1; return text.ToString(); }
                text.Append(c);
                i++;
            }
            else if (c == '\\' && !start.Verbatim && !raw)
            {
                if (i + 1 < s.Length) text.Append(s[i + 1]);
                i += 2;
            }
            else if (c == '{' && start.Dollars > 0 && Run(s, i, '{') >= braces && !(!raw && At(s, i + 1, '{')))
            {
                i += braces;
                Code(s, ref i, found, inHole: true);
                i += braces;
                text.Append("{}");
            }
            else if (c is '{' or '}' && start.Dollars > 0 && !raw && At(s, i + 1, c))
            {
                text.Append(c);
                i += 2;
            }
            else if (c == '\n' && !start.Verbatim && !raw)
            {
                return text.ToString(); // an unterminated regular string ends at the line, as the compiler says
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        return text.ToString();
    }

    private static void SkipChar(string s, ref int i)
    {
        i++;
        if (At(s, i, '\\')) i++;
        i++;
        while (i < s.Length && s[i] != '\'' && s[i] != '\n') i++;
        i++;
    }

    private static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

    private static int Run(string s, int i, char c)
    {
        int n = 0;
        while (At(s, i + n, c)) n++;
        return n;
    }
}
