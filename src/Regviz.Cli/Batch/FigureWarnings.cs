namespace Regviz.Cli.Batch;

/// <summary>
/// A batch figure's warnings (a font fallback, an uncertified optimum, an old option spelling), kept as values so the
/// batch can pass them on under the figure's name once it is done, never interleaved with another figure's.
/// Bounded: a manifest can make a figure warn once per CSV column, so at most <see cref="MaxLines"/> warnings of at
/// most <see cref="MaxChars"/> characters are kept, and the rest counted.
/// </summary>
internal sealed class FigureWarnings : Output.IWarnings
{
    public const int MaxLines = 10, MaxChars = 500;

    private readonly List<string> _lines = [];
    private int _dropped;

    public void Warn(string text)
    {
        lock (_lines) // a figure's panels may warn from parallel work
        {
            if (text.Trim().Length == 0) return;
            if (_lines.Count == MaxLines)
            {
                _dropped++;
                return;
            }
            string line = text.Length <= MaxChars ? text : text[..MaxChars] + "…";
            _lines.Add(RegvizApp.OneLine(line));
        }
    }

    /// <summary>The warnings, and a count of any left out.</summary>
    public IReadOnlyList<string> Lines()
    {
        lock (_lines)
            return _dropped == 0 ? _lines.ToList() : [.. _lines, $"… and {Text.Count(_dropped, "more warning")}"];
    }
}
