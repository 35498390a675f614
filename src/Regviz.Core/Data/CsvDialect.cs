namespace Regviz.Core.Data;

/// <summary>
/// Which character separates a CSV file's fields, and the one dialect regviz refuses: decimal commas. Much of Europe
/// exports spreadsheets with ';' between fields and ',' in numbers; read as commas, "1;2;3" would be one field that
/// is not a number, and the message would not say why.
/// </summary>
internal static class CsvDialect
{
    /// <summary>The separators the header line is searched for, in the order a tie is settled.</summary>
    public const string Detected = ",;\t";

    /// <summary>
    /// The separator the header line uses most often outside quotes, among ',', ';' and tab; ',' for a header of one
    /// column. The header decides, not the rows: in a ';' file the rows' decimal commas would outnumber the ';'.
    /// </summary>
    public static char Detect(string text)
    {
        var counts = new int[Detected.Length];
        bool quoted = false;
        foreach (char c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') break;
            else if (!quoted && Detected.IndexOf(c) is var k and >= 0) counts[k]++;
        }
        int best = 0;
        for (int k = 1; k < counts.Length; k++)
            if (counts[k] > counts[best]) best = k;
        return Detected[best];
    }

    /// <summary>A separator other than <paramref name="separator"/> (',' ';' tab or '|') that <paramref name="text"/> holds, or null.</summary>
    public static char? OtherSeparatorIn(ReadOnlySpan<char> text, char separator)
    {
        foreach (char other in Detected + "|")
            if (other != separator && text.Contains(other)) return other;
        return null;
    }

    /// <summary>How the separator is written in messages.</summary>
    public static string Name(char separator) => separator == '\t' ? "tab" : $"'{separator}'";

    /// <summary>True for a cell such as 1,5 or -0,25e3: a number written with a decimal comma.</summary>
    public static bool HasDecimalComma(ReadOnlySpan<char> cell)
    {
        cell = cell.Trim();
        if (cell.IndexOf(',') is var comma and > 0 && cell.LastIndexOf(',') == comma)
        {
            Span<char> dotted = stackalloc char[Math.Min(cell.Length, 64)];
            if (cell.Length > dotted.Length) return false;
            cell.CopyTo(dotted);
            dotted[comma] = '.';
            return char.IsAsciiDigit(cell[comma - 1]) && comma + 1 < cell.Length && char.IsAsciiDigit(cell[comma + 1])
                && double.TryParse(dotted, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
        }
        return false;
    }

    /// <summary>The message for a cell with a decimal comma: what it is, and the two ways out.</summary>
    public static string DecimalCommaMessage(string source, int line, int column, ReadOnlySpan<char> cell, bool quote) =>
        $"'{source}' line {line}, column {column}: '{Excerpt.Content(cell, quote)}' has a decimal comma; regviz reads numbers with a decimal point (invariant culture): export the file with '.' decimals or replace the commas";
}
