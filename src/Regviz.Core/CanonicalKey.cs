using System.Globalization;
using System.Text;

namespace Regviz.Core;

/// <summary>
/// Names compared up to Unicode canonical equivalence: "é" typed as one character (NFC) or as e + combining accent
/// (NFD) is one name. regviz builds with InvariantGlobalization, where <see cref="string.Normalize()"/> leaves
/// non-ASCII text unchanged, so the canonical decomposition (NFD: decompositions applied recursively, Hangul syllables
/// split, combining marks put in canonical order) is computed here from Unicode's own tables. Two strings have the
/// same NFC exactly when they have the same NFD, so the key serves every comparison NFC would.
/// </summary>
internal static class CanonicalKey
{
    private static readonly Lazy<Dictionary<int, int[]>> Decompositions = new(() =>
        CanonicalTables.Decompositions.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split(':')).ToDictionary(
            p => Hex(p[0]), p => p[1].Split(' ').Select(Hex).ToArray()));

    private static readonly Lazy<(int First, int Last, int Class)[]> Classes = new(() =>
        CanonicalTables.CombiningClasses.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(e =>
        {
            var (range, cls) = (e.Split('=')[0], int.Parse(e.Split('=')[1], CultureInfo.InvariantCulture));
            var ends = range.Split('-');
            return (Hex(ends[0]), Hex(ends[1]), cls);
        }).ToArray());

    /// <summary>The NFD of <paramref name="text"/> (which must hold no lone surrogate).</summary>
    public static string Of(string text)
    {
        if (text.All(char.IsAscii)) return text;
        var points = new List<int>(text.Length);
        for (int i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
            Decompose(char.ConvertToUtf32(text, i), points);
        // canonical ordering: a stable sort of each run of combining marks by their class
        for (int i = 1; i < points.Count; i++)
        {
            int c = Class(points[i]);
            if (c == 0) continue;
            for (int j = i; j > 0 && Class(points[j - 1]) > c; j--) (points[j - 1], points[j]) = (points[j], points[j - 1]);
        }
        var b = new StringBuilder(points.Count + 4);
        foreach (int p in points) b.Append(char.ConvertFromUtf32(p));
        return b.ToString();
    }

    private static void Decompose(int cp, List<int> into)
    {
        const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7, TCount = 28, NCount = 588, SCount = 11172;
        if (cp is >= SBase and < SBase + SCount)
        {
            int s = cp - SBase;
            into.Add(LBase + s / NCount);
            into.Add(VBase + s % NCount / TCount);
            if (s % TCount != 0) into.Add(TBase + s % TCount);
            return;
        }
        if (Decompositions.Value.TryGetValue(cp, out var parts))
            foreach (int p in parts) Decompose(p, into);
        else into.Add(cp);
    }

    private static int Class(int cp)
    {
        var runs = Classes.Value;
        int lo = 0, hi = runs.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (cp < runs[mid].First) hi = mid - 1;
            else if (cp > runs[mid].Last) lo = mid + 1;
            else return runs[mid].Class;
        }
        return 0;
    }

    private static int Hex(string s) => int.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
