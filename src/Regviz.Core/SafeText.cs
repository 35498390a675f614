using System.Globalization;
using System.Text;

namespace Regviz.Core;

/// <summary>
/// The one escaping policy for text that came from input (a manifest's names, a CSV header, a golden's metadata) on
/// its way to any channel: terminal, SVG/XML, HTML, JUnit, JSON, Markdown, GitHub annotations. A character that could
/// change how the rest is shown — C0 and C1 controls (terminal escapes, BEL, form feed), Unicode format characters
/// (bidi overrides that display a line reversed, zero-width characters and the BOM that hide text), line and paragraph
/// separators, lone surrogates and the noncharacters XML forbids — becomes visible as <c>\uXXXX</c> (<c>\n</c>,
/// <c>\r</c>, <c>\t</c> for the common three), so every channel carries it and no channel obeys it. Long text is cut
/// with an ellipsis. Each channel still applies its own syntax escaping (HTML, XML, JSON) to what is left.
/// </summary>
public static class SafeText
{
    /// <summary>The longest input text a line of output quotes: room for any real file name (255 bytes), not for a megabyte.</summary>
    public const int MaxName = 256;

    /// <summary><paramref name="text"/> with every character of the policy escaped and cut at <paramref name="max"/> characters (of the result).</summary>
    public static string Display(string text, int max = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max && IsClean(text)) return text;
        var b = new StringBuilder(Math.Min(text.Length, max) + 8);
        for (int i = 0; i < text.Length; i++)
        {
            if (b.Length >= max)
            {
                b.Append('…');
                break;
            }
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                int scalar = char.ConvertToUtf32(text[i], text[i + 1]);
                if (Hides(scalar)) b.Append(CultureInfo.InvariantCulture, $"\\U{scalar:x8}");
                else b.Append(text, i, 2);
                i++;
            }
            else if (Hides(text[i])) b.Append(Escape(text[i]));
            else b.Append(text[i]);
        }
        return b.ToString();
    }

    /// <summary>True when <paramref name="text"/> has no character the policy escapes.</summary>
    public static bool IsClean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (Hides(char.ConvertToUtf32(text[i], text[i + 1]))) return false;
                i++;
            }
            else if (Hides(text[i])) return false;
        }
        return true;
    }

    /// <summary>True when <paramref name="text"/> has a surrogate that is not half of a pair (no UTF-8 or XML can carry it).</summary>
    public static bool HasLoneSurrogate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    /// <summary>
    /// A name as it is compared with other names: canonically equivalent spellings ("é" as one character, NFC, or as
    /// e + combining accent, NFD) give the same key (<see cref="CanonicalKey"/>). A name with a lone surrogate has no
    /// normal form and is returned as it is; callers refuse it on their own.
    /// </summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return HasLoneSurrogate(name) ? name : CanonicalKey.Of(name);
    }

    /// <summary>A character (a UTF-16 unit, or a scalar above the BMP) that the policy escapes.</summary>
    private static bool Hides(int c) =>
        c < 0x20 || c is >= 0x7F and <= 0x9F // C0, DEL, C1
        || (c is >= 0xD800 and <= 0xDFFF) // a lone surrogate (pairs are joined before this test)
        || c is 0xFFFE or 0xFFFF
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static string Escape(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ => $"\\u{(int)c:x4}",
    };
}
