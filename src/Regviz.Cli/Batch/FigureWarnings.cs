using System.Text;

namespace Regviz.Cli.Batch;

/// <summary>
/// A batch figure's stderr: the <c>warning:</c> lines a typed command would print (a font fallback, an uncertified
/// optimum, an old option spelling), kept so the batch can pass them on under the figure's name once it is done,
/// never interleaved with another figure's. Bounded: a manifest can make a figure warn once per CSV column, so at
/// most <see cref="MaxLines"/> lines of at most <see cref="MaxChars"/> characters are kept, and the rest counted.
/// </summary>
internal sealed class FigureWarnings : TextWriter
{
    public const int MaxLines = 10, MaxChars = 500;

    private readonly List<string> _lines = [];
    private readonly StringBuilder _line = new();
    private bool _cut;
    private int _dropped;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n') EndLine();
        else if (value != '\r') Append(value);
    }

    public override void Write(string? value)
    {
        foreach (char c in value ?? "") Write(c);
    }

    /// <summary>The lines, each without its <c>warning: </c> word (the batch puts its own prefix in front), and a count of any left out.</summary>
    public IReadOnlyList<string> Lines()
    {
        if (_line.Length > 0 || _cut) EndLine();
        return _dropped == 0 ? _lines.ToList() : [.. _lines, $"… and {Text.Count(_dropped, "more warning")}"];
    }

    private void Append(char c)
    {
        if (_line.Length < MaxChars) _line.Append(c);
        else _cut = true;
    }

    private void EndLine()
    {
        string line = _line.ToString();
        if (_cut) line += "…";
        _line.Clear();
        _cut = false;
        if (line.Trim().Length == 0) return;
        if (_lines.Count == MaxLines)
        {
            _dropped++;
            return;
        }
        _lines.Add(RegvizApp.OneLine(line.StartsWith("warning: ", StringComparison.Ordinal) ? line["warning: ".Length..] : line));
    }
}
