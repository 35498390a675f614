using System.Globalization;
using nietras.SeparatedValues;
using Regviz.Core.IO;

namespace Regviz.Core.Data;

/// <summary>
/// Reads a numeric CSV (header row, invariant culture, quoted fields allowed) into a <see cref="Dataset"/>.
/// Every failure names the file and, for cells, the line and column, because that is what a user fixes.
/// </summary>
public static class CsvDataset
{
    /// <summary>Reads a CSV file (header row, numeric cells, invariant culture) as a data set; the target defaults to the last column and the features to all the others. Errors name the file, line and column. The field separator is <paramref name="delimiter"/>, or else the one the header uses (<see cref="CsvDialect.Detect"/>).</summary>
    /// <param name="quoteContent">Whether errors may quote the file's cells and names (false for a file a manifest names: <see cref="Excerpt.Content"/>); the data set remembers it (<see cref="Dataset.Quotable"/>).</param>
    public static Dataset Load(string path, string? target = null, IReadOnlyList<string>? features = null, char? delimiter = null, bool quoteContent = true)
    {
        string text;
        // an unreadable file is a bad data argument like any unreadable content, so a caller catches one exception type
        try { text = BoundedInput.ReadText(path, "file", Limits.CsvBytes, Limits.LineBytes); }
        catch (InputException e) { throw new ProblemArgumentException("data", e.Message); }
        return Parse(text, path, target, features, delimiter, quoteContent);
    }

    /// <summary>Parses CSV text; <paramref name="source"/> names it in messages; <paramref name="quoteContent"/> as for <see cref="Load"/>.</summary>
    public static Dataset Parse(string text, string source, string? target = null, IReadOnlyList<string>? features = null, char? delimiter = null, bool quoteContent = true)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new ProblemArgumentException("data", $"'{source}' is empty");

        char separator = delimiter ?? CsvDialect.Detect(text);
        using var reader = Sep.Reader(o => o with
        {
            Sep = new Sep(separator),
            // the header is read as a row: Sep would throw on a repeated name before our own message could name it
            HasHeader = false,
            Unescape = true,
            Trim = SepTrim.All,
            CultureInfo = CultureInfo.InvariantCulture,
            // we check the column count ourselves so the message can name the line
            DisableColCountCheck = true,
        }).FromText(text);

        try
        {
            return Read(reader, source, target, features, separator, quoteContent);
        }
        catch (Exception e) when (e is not ProblemArgumentException and not OutOfMemoryException)
        {
            throw new ProblemArgumentException("data", $"'{source}' is not CSV that can be read ({e.GetType().Name})");
        }
    }

    private static Dataset Read(SepReader reader, string source, string? target, IReadOnlyList<string>? features, char separator, bool quote)
    {
        if (!reader.MoveNext())
            throw new ProblemArgumentException("data", $"'{source}' is empty");
        var header = reader.Current;
        // bounded before anything is allocated per column: the cost of what follows grows with the square of the count
        if (header.ColCount > Limits.CsvColumns)
            throw new ProblemArgumentException("data", $"'{source}' has {header.ColCount} columns; at most {Limits.CsvColumns} are read");
        var names = new string[header.ColCount];
        for (int j = 0; j < names.Length; j++) names[j] = header[j].ToString();
        if (names.Length == 0 || names.Any(string.IsNullOrWhiteSpace))
            throw new ProblemArgumentException("data", $"'{source}' has no header row with a name for every column");
        var duplicate = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ProblemArgumentException("data", $"'{source}' gives columns {Array.IndexOf(names, duplicate.Key) + 1} and {Array.IndexOf(names, duplicate.Key, Array.IndexOf(names, duplicate.Key) + 1) + 1} the same name ('{Excerpt.Content(duplicate.Key, quote)}')");
        if (names.All(LooksNumeric))
            throw new ProblemArgumentException("data",
                $"'{source}' has no header row (the first line is all numbers); add a line of column names");

        var values = new List<double>[names.Length];
        for (int j = 0; j < names.Length; j++) values[j] = new List<double>();

        long cells = 0;
        foreach (var row in reader)
        {
            int line = row.LineNumberFrom;
            if ((cells += names.Length) > Limits.CsvCells)
                throw new ProblemArgumentException("data", $"'{source}' has more than {Limits.CsvCells:N0} cells (line {line}); at most that many are read");
            if (row.ColCount == 1 && row[0].Span.Trim().IsEmpty)
                continue; // blank line
            if (row.ColCount != names.Length)
            {
                var hint = FieldCountHint(row, separator, names.Length);
                int fields = row.ColCount;
                throw new ProblemArgumentException("data", w => $"'{source}' line {line} has {fields} fields, the header has {names.Length}{hint(w)}");
            }
            for (int j = 0; j < names.Length; j++)
            {
                var cell = row[j].Span;
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                    throw CsvDialect.HasDecimalComma(cell)
                        ? new ProblemArgumentException("data", CsvDialect.DecimalCommaMessage(source, line, j + 1, cell, quote))
                        : NotANumber(source, line, j + 1, cell, separator, quote);
                values[j].Add(v);
            }
        }

        string targetName = target ?? names[^1];
        int t = Array.IndexOf(names, targetName);
        if (t < 0)
            throw new ProblemArgumentException("target", $"no column '{Excerpt.Of(targetName)}' in '{source}' (columns: {Excerpt.ContentList(names, quote)})");

        var featureNames = features is { Count: > 0 } ? features.ToArray() : names.Where(n => n != targetName).ToArray();
        foreach (var f in featureNames)
        {
            if (f == targetName)
                throw new ProblemArgumentException("features", $"'{Excerpt.Of(f)}' is the target column");
            if (Array.IndexOf(names, f) < 0)
                throw new ProblemArgumentException("features", $"no column '{Excerpt.Of(f)}' in '{source}' (columns: {Excerpt.ContentList(names, quote)})");
        }
        if (featureNames.Length == 0)
            throw new ProblemArgumentException("data", $"'{source}' has no feature columns besides the target (column {t + 1}, '{Excerpt.Content(targetName, quote)}')");

        foreach (int j in featureNames.Select(f => Array.IndexOf(names, f)).Append(t))
            if (!double.IsFinite(values[j].Sum(v => v * v)))
                throw new ProblemArgumentException("data", $"'{source}' column {j + 1} has values too large to square in double precision (rescale it)");
        var columns = featureNames.Select(f => values[Array.IndexOf(names, f)].ToArray()).ToArray();
        var shown = ColumnNames.Shown([.. featureNames, targetName]);
        var data = new Dataset(shown[..^1], columns, values[t].ToArray(), shown[^1]) { Quotable = quote };
        if (data.Rows == 0)
            throw new ProblemArgumentException("data", $"'{source}' has a header but no data rows");
        return data;
    }

    /// <summary>
    /// Why a row's field count may differ from the header's when the file is not broken: decimal commas split its
    /// numbers (more fields, ',' separator), or its fields use another separator than the header (one field).
    /// </summary>
    private static Func<ParameterWords, string> FieldCountHint(SepReader.Row row, char separator, int expected)
    {
        if (separator == ',' && row.ColCount > expected)
            return w => $" (decimal commas? regviz reads numbers with a decimal point; a file with decimal commas needs another separator, see {w.Name("delimiter")})";
        if (row.ColCount == 1 && CsvDialect.OtherSeparatorIn(row.Span, separator) is { } other)
            return w => $" (its fields look separated by {CsvDialect.Name(other)}, the header's by {CsvDialect.Name(separator)}: make them agree, or give {w.Name("delimiter")})";
        return _ => "";
    }

    /// <summary>A cell that is no number; when it holds another separator, the message says the file may be read with the wrong one.</summary>
    private static ProblemArgumentException NotANumber(string source, int line, int column, ReadOnlySpan<char> cell, char separator, bool quote)
    {
        string text = Excerpt.Content(cell, quote);
        if (CsvDialect.OtherSeparatorIn(cell, separator) is not { } other)
            return new ProblemArgumentException("data", $"'{source}' line {line}, column {column}: '{text}' is not a finite number");
        return new ProblemArgumentException("data", w => $"'{source}' line {line}, column {column}: '{text}' is not a finite number "
            + $"(fields separated by {CsvDialect.Name(other)}? the file is read with {CsvDialect.Name(separator)}: give {w.Name("delimiter")}, or make the header use the same separator)");
    }

    private static bool LooksNumeric(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
