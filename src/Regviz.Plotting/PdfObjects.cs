using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Regviz.Plotting;

/// <summary>
/// The indirect objects of a PDF as Skia writes it (one classic cross-reference table, every object at generation 0,
/// stream lengths written directly), found through the table rather than by scanning bytes, so binary stream data can
/// hold anything. <see cref="Write"/> puts the file back together with some objects replaced and a fresh table. Any
/// other shape of file (a cross-reference stream, an update section) is not read: <see cref="Read"/> returns null.
/// </summary>
internal sealed partial class PdfObjects
{
    private readonly byte[] _pdf;
    private readonly int _xref;
    private readonly SortedDictionary<int, (int Start, int End)> _objects;

    private PdfObjects(byte[] pdf, int xref, SortedDictionary<int, (int Start, int End)> objects) =>
        (_pdf, _xref, _objects) = (pdf, xref, objects);

    /// <summary>The object numbers, in order.</summary>
    public IEnumerable<int> Numbers => _objects.Keys;

    /// <summary>The objects of <paramref name="pdf"/>, or null if it is not laid out as Skia lays it out.</summary>
    public static PdfObjects? Read(byte[] pdf)
    {
        string tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 64), Math.Min(64, pdf.Length));
        var start = StartXref().Match(tail);
        if (!start.Success || !int.TryParse(start.Groups[1].Value, out int xref) || xref <= 0 || xref >= pdf.Length) return null;
        string table = Encoding.Latin1.GetString(pdf, xref, pdf.Length - xref);
        var head = XrefHead().Match(table);
        if (!head.Success || !int.TryParse(head.Groups[1].Value, out int count)) return null;
        var entries = XrefEntry().Matches(table, head.Length);
        if (entries.Count < count || !table.Contains("trailer", StringComparison.Ordinal)) return null;
        var offsets = new SortedDictionary<int, int>(); // offset → object number
        for (int n = 1; n < count; n++)
        {
            var e = entries[n];
            if (e.Groups[3].Value != "n") continue;
            if (e.Groups[2].Value != "00000" || !int.TryParse(e.Groups[1].Value, out int at) || at <= 0 || at >= xref) return null;
            if (!offsets.TryAdd(at, n)) return null;
        }
        var objects = new SortedDictionary<int, (int, int)>();
        var ends = offsets.Keys.Skip(1).Append(xref).ToList();
        int i = 0;
        foreach (var (at, number) in offsets)
        {
            int end = ends[i++];
            string header = Encoding.Latin1.GetString(pdf, at, Math.Min(24, end - at));
            if (!header.StartsWith($"{number} 0 obj", StringComparison.Ordinal)) return null;
            objects[number] = (at, end);
        }
        return new PdfObjects(pdf, xref, objects);
    }

    /// <summary>The dictionary of object <paramref name="number"/> (or its whole body when it is not a stream), as text.</summary>
    public string Dictionary(int number)
    {
        var (start, end) = _objects[number];
        return Encoding.Latin1.GetString(_pdf, start, (StreamKeyword(start, end) ?? end) - start);
    }

    /// <summary>The decoded data of stream object <paramref name="number"/>: unfiltered, or inflated from FlateDecode; null for anything else.</summary>
    public byte[]? StreamData(int number)
    {
        var (start, end) = _objects[number];
        if (StreamKeyword(start, end) is not int keyword) return null;
        string dict = Encoding.Latin1.GetString(_pdf, start, keyword - start);
        var length = DirectLength().Match(dict);
        if (!length.Success) return null;
        int data = keyword + "stream".Length;
        if (data < end && _pdf[data] == '\r') data++;
        if (data >= end || _pdf[data] != '\n') return null;
        data++;
        if (!int.TryParse(length.Groups[1].Value, out int n) || n < 0 || data + n > end) return null;
        var raw = new ReadOnlySpan<byte>(_pdf, data, n);
        var filter = Filter().Match(dict);
        if (!filter.Success) return raw.ToArray();
        if (filter.Groups[1].Value != "FlateDecode") return null;
        try
        {
            using var inflate = new ZLibStream(new MemoryStream(_pdf, data, n), CompressionMode.Decompress);
            using var output = new MemoryStream();
            inflate.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException) { return null; }
    }

    /// <summary>A stream object's bytes with <paramref name="data"/> compressed by FlateDecode and <paramref name="entries"/> (without /Filter and /Length) in its dictionary.</summary>
    public static byte[] FlateStream(int number, string entries, byte[] data)
    {
        using var packed = new MemoryStream();
        using (var deflate = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(data);
        var head = Encoding.Latin1.GetBytes($"{number} 0 obj\n<<{entries}\n/Filter /FlateDecode\n/Length {packed.Length}>> stream\n");
        return [.. head, .. packed.ToArray(), .. "\nendstream\nendobj\n"u8];
    }

    /// <summary>The file with the objects of <paramref name="replaced"/> (whole objects, from "N 0 obj" to "endobj") in place of its own, and a cross-reference table that says where everything now is.</summary>
    public byte[] Write(IReadOnlyDictionary<int, byte[]> replaced)
    {
        using var output = new MemoryStream(_pdf.Length);
        int first = _objects.Values.Min(o => o.Start);
        output.Write(_pdf, 0, first);
        var offsets = new Dictionary<int, long>();
        foreach (var (number, (start, end)) in _objects.OrderBy(o => o.Value.Start))
        {
            offsets[number] = output.Position;
            if (replaced.TryGetValue(number, out var bytes)) output.Write(bytes);
            else output.Write(_pdf, start, end - start);
        }
        long xref = output.Position;
        string table = Encoding.Latin1.GetString(_pdf, _xref, _pdf.Length - _xref);
        int trailer = table.IndexOf("trailer", StringComparison.Ordinal);
        int startxref = table.LastIndexOf("startxref", StringComparison.Ordinal);
        var head = XrefHead().Match(table);
        int count = int.Parse(head.Groups[1].Value);
        var text = new StringBuilder(head.Value);
        var entries = XrefEntry().Matches(table, head.Length);
        for (int n = 0; n < count; n++)
            text.Append(offsets.TryGetValue(n, out long at) ? $"{at:D10} 00000 n \n" : entries[n].Value);
        text.Append(table, trailer, startxref - trailer).Append($"startxref\n{xref}\n%%EOF\n");
        output.Write(Encoding.Latin1.GetBytes(text.ToString()));
        return output.ToArray();
    }

    /// <summary>Where the keyword "stream" that ends the object's dictionary starts, if the object is a stream.</summary>
    private int? StreamKeyword(int start, int end)
    {
        // the dictionary is text: the first ">>" followed by "stream" closes it (inner dictionaries are not followed by it)
        for (int at = start; ;)
        {
            int close = new ReadOnlySpan<byte>(_pdf, at, end - at).IndexOf(">>"u8);
            if (close < 0) return null;
            int p = at + close + 2;
            while (p < end && _pdf[p] is (byte)' ' or (byte)'\n' or (byte)'\r') p++;
            if (new ReadOnlySpan<byte>(_pdf, p, end - p).StartsWith("stream"u8)) return p;
            at = at + close + 2;
        }
    }

    [GeneratedRegex(@"startxref\s+(\d+)\s+%%EOF\s*$")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"\Axref\r?\n0 (\d+)\r?\n")]
    private static partial Regex XrefHead();

    [GeneratedRegex(@"\G(\d{10}) (\d{5}) ([nf])\s?\r?\n")]
    private static partial Regex XrefEntry();

    [GeneratedRegex(@"/Length\s+(\d+)(?!\s+\d+\s+R)\b")]
    private static partial Regex DirectLength();

    [GeneratedRegex(@"/Filter\s*/(\w+)")]
    private static partial Regex Filter();
}
