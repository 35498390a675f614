using System.Text;

namespace Regviz.Cli.Batch;

/// <summary>
/// Manifest words as the reports show them. A name from a pull request may hold control characters, lone surrogates
/// or a megabyte of text: XML cannot carry the first two at all (even escaped), a page should not carry the third.
/// Each becomes visible (<c>\u0007</c>, <c>\ud800</c>) and long text is cut, so every report is well formed and bounded.
/// HTML and XML escaping of what is left is the writers' job.
/// </summary>
internal static class ReportText
{
    /// <summary>Longest manifest string a report shows whole: more than any real out name (255 bytes) or args line.</summary>
    public const int MaxChars = 2000;

    public static string Printable(string text, int max = MaxChars)
    {
        bool clean = text.Length <= max;
        for (int i = 0; clean && i < text.Length; i++)
        {
            clean = !NeedsEscape(text, i, out bool pair);
            if (pair) i++;
        }
        if (clean) return text;
        var b = new StringBuilder(Math.Min(text.Length, max) + 16);
        for (int i = 0; i < text.Length; i++)
        {
            if (b.Length >= max)
            {
                b.Append('…');
                break;
            }
            if (NeedsEscape(text, i, out bool pair)) b.Append(Escape(text[i]));
            else if (pair) b.Append(text, i++, 2);
            else b.Append(text[i]);
        }
        return b.ToString();
    }

    public static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    private static bool NeedsEscape(string s, int i, out bool pair)
    {
        char c = s[i];
        pair = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
        if (pair) return false;
        return char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF';
    }

    private static string Escape(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ => $"\\u{(int)c:x4}",
    };
}
