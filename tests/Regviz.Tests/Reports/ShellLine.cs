using System.Globalization;
using System.Text;

namespace Regviz.Tests.Reports;

/// <summary>
/// Splits a command line as bash does for the quoting regviz prints (bare words, '…', \c outside quotes, $'…' with \n \t
/// \r \\ \' \xHH \uHHHH \UHHHHHHHH), written from bash's manual rather than from regviz's quoting, so a test can run a printed
/// command as a shell would. Anything else a shell would expand ($, `, *, ~, ;, |, an unmatched quote) is refused:
/// a printed command must not need it.
/// </summary>
internal static class ShellLine
{
    public static List<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (c == ' ')
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                i++;
            }
            else if (c == '\'')
            {
                int end = line.IndexOf('\'', i + 1);
                if (end < 0) throw new FormatException("unmatched '");
                word.Append(line, i + 1, end - i - 1);
                inWord = true;
                i = end + 1;
            }
            else if (c == '$' && i + 1 < line.Length && line[i + 1] == '\'')
            {
                i += 2;
                while (true)
                {
                    if (i >= line.Length) throw new FormatException("unmatched $'");
                    char d = line[i++];
                    if (d == '\'') break;
                    if (d != '\\') { word.Append(d); continue; }
                    char e = line[i++];
                    switch (e)
                    {
                        case 'n': word.Append('\n'); break;
                        case 't': word.Append('\t'); break;
                        case 'r': word.Append('\r'); break;
                        case '\\' or '\'' or '"': word.Append(e); break;
                        case 'x': word.Append((char)Hex(line, ref i, 2)); break;
                        case 'u': word.Append(char.ConvertFromUtf32(Hex(line, ref i, 4))); break;
                        case 'U': word.Append(char.ConvertFromUtf32(Hex(line, ref i, 8))); break;
                        default: throw new FormatException($"escape \\{e} not expected");
                    }
                }
                inWord = true;
            }
            else if (c == '\\' && i + 1 < line.Length && line[i + 1] != '\n')
            {
                // outside quotes a backslash keeps the next character as it is
                word.Append(line[i + 1]);
                inWord = true;
                i += 2;
            }
            else if ("$`\"\\*?[~;&|<>(){}#\t\n\r!".Contains(c)) throw new FormatException($"'{c}' would be interpreted by a shell at {i}");
            else
            {
                word.Append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }

    private static int Hex(string line, ref int i, int digits)
    {
        int v = int.Parse(line.AsSpan(i, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        i += digits;
        return v;
    }
}
