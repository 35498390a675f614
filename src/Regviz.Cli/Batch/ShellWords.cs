using System.Globalization;
using System.Text;

namespace Regviz.Cli.Batch;

/// <summary>
/// Words quoted for a POSIX shell (bash, zsh, sh), so a printed command runs as printed whatever a manifest named its
/// figures. A word of only safe characters stays bare; others go in single quotes ('\'' for a quote inside); a word
/// with a character a terminal or a reader could misread (a newline, an escape, a bidi override) is written as
/// bash/zsh's $'…' with that character as \n, \xHH or \uHHHH, so the line stays one visible line.
/// </summary>
internal static class ShellWords
{
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(Bare)) return word;
        if (!word.Any(Hidden)) return "'" + word.Replace("'", "'\\''") + "'";
        var b = new StringBuilder("$'");
        foreach (var rune in word.EnumerateRunes())
        {
            int v = rune.Value;
            if (v == '\'' || v == '\\') b.Append('\\').Append((char)v);
            else if (v == '\n') b.Append("\\n");
            else if (v == '\t') b.Append("\\t");
            else if (v == '\r') b.Append("\\r");
            else if (v < 0x80 && Hidden(rune)) b.Append(CultureInfo.InvariantCulture, $"\\x{v:x2}");
            else if (Hidden(rune)) b.Append(v > 0xFFFF ? $"\\U{v.ToString("x8", CultureInfo.InvariantCulture)}" : $"\\u{v.ToString("x4", CultureInfo.InvariantCulture)}");
            else b.Append(rune.ToString());
        }
        return b.Append('\'').ToString();
    }

    private static bool Bare(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-' or '/' or '+' or '=' or ':' or ',' or '@' or '%';

    private static bool Hidden(char c) => !Regviz.Core.SafeText.IsClean(c.ToString()) || char.IsSurrogate(c);

    private static bool Hidden(Rune r) => !Regviz.Core.SafeText.IsClean(r.ToString());
}
