namespace Regviz.Core.Data;

/// <summary>
/// A CSV's column names as figures, sidecars and messages show them. The header comes from a pull request: a name
/// may be 200,000 characters long (laying out such a label took 20 s a figure) or hold terminal escapes and controls
/// that no SVG may carry. Each is escaped by the one policy (<see cref="SafeText"/>) and cut to
/// <see cref="Limits.NameChars"/> with an ellipsis; names that end up alike get their column's number, so every
/// shown name still names one column.
/// </summary>
internal static class ColumnNames
{
    public static string[] Shown(IReadOnlyList<string> names)
    {
        // a line break or tab in a quoted header cell reads as a space in a label, as it always has; the rest is escaped
        var shown = names.Select(n => SafeText.Display(Spaced(n), Limits.NameChars)).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int j = 0; j < shown.Length; j++)
            if (!seen.Add(shown[j]))
            {
                string numbered = $"{shown[j]} ({j + 1})";
                shown[j] = numbered;
                seen.Add(numbered);
            }
        return shown;
    }

    /// <summary>The name's first few hundred characters (all a label can show) with line breaks and tabs as spaces.</summary>
    private static string Spaced(string name) =>
        (name.Length > 4 * Limits.NameChars ? name[..(4 * Limits.NameChars)] : name)
            .Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
}
