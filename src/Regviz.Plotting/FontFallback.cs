using System.Globalization;
using Regviz.Core.IO;
using SkiaSharp;

namespace Regviz.Plotting;

/// <summary>
/// Characters a figure's font lacks (CJK, emoji in a title or a column name) are drawn with a font of this machine
/// that has them, instead of as empty boxes. Skia on Linux does not ask fontconfig (and its character matching
/// returns nothing there), so the fonts are found here: the font files under <see cref="Folders"/> (the system's
/// font folders, or the folders named by the environment variable REGVIZ_FONT_DIRS, separated by the path
/// separator), scanned once, in path order, so the same machine always picks the same font. A figure drawn with a
/// fallback depends on that font: the CLI says so on stderr, and without any font that has a character it says
/// the character will be a box.
/// </summary>
public static class FontFallback
{
    /// <summary>What a text needs: the characters the style's font lacks, the machine's fonts that have some of them, and those no font has.</summary>
    /// <param name="Missing">Text elements (characters as a reader sees them) the style's font has no glyph for.</param>
    /// <param name="Used">The fonts that draw them: family name and file.</param>
    /// <param name="Unresolved">Elements no font here has: drawn as boxes.</param>
    public sealed record Report(IReadOnlyList<string> Missing, IReadOnlyList<(string Family, string File)> Used, IReadOnlyList<string> Unresolved);

    /// <summary>The variable that replaces the system's font folders (for a CI job that wants the same fallback everywhere, or none).</summary>
    public const string FoldersVariable = "REGVIZ_FONT_DIRS";

    /// <summary>Where fallback fonts are looked for: REGVIZ_FONT_DIRS if set (empty: nowhere), else the system's font folders.</summary>
    public static IReadOnlyList<string> Folders
    {
        get
        {
            if (TestFolders.Value is { } forTests) return forTests;
            if (Environment.GetEnvironmentVariable(FoldersVariable) is { } set)
                return set.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return OperatingSystem.IsWindows() ? [Environment.GetFolderPath(Environment.SpecialFolder.Fonts)]
                : OperatingSystem.IsMacOS() ? ["/System/Library/Fonts", "/Library/Fonts", Path.Combine(home, "Library", "Fonts")]
                : ["/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(home, ".local", "share", "fonts"), Path.Combine(home, ".fonts")];
        }
    }

    /// <summary>Lets a test choose the folders for its own flow of execution, leaving other tests and the process alone.</summary>
    internal static readonly AsyncLocal<string[]?> TestFolders = new();

    /// <summary>What drawing <paramref name="text"/> in <paramref name="family"/> needs from the machine's fonts, element by element as a title is drawn.</summary>
    public static Report Check(string text, string family)
    {
        var primary = FontRegistry.Typeface(family);
        var missing = Elements(text).Where(e => !Covers(primary, e)).Distinct().ToList();
        if (missing.Count == 0) return new Report([], [], []);
        var used = new List<(string, string)>();
        var unresolved = new List<string>();
        foreach (var e in missing)
        {
            if (FaceFor(e) is { } c)
            {
                // a font without a name table has no family name: its file names it
                string name = string.IsNullOrEmpty(c.Face.FamilyName) ? Path.GetFileName(c.File) : c.Face.FamilyName;
                if (!used.Contains((name, c.File))) used.Add((name, c.File));
            }
            else unresolved.Add(e);
        }
        return new Report(missing, used, unresolved);
    }

    /// <summary>
    /// The family to draw a whole label in (a label is drawn in one font): <paramref name="family"/> when it has every
    /// character, else the machine's font that has the most of them, if that is more than <paramref name="family"/> has.
    /// </summary>
    internal static string LabelFamily(string text, string family)
    {
        var primary = FontRegistry.Typeface(family);
        var elements = Elements(text).ToList();
        int own = elements.Count(e => Covers(primary, e));
        if (own == elements.Count) return family;
        var best = Candidates(Folders)
            .Select(c => (c, Count: elements.Count(e => Covers(c.Face, e))))
            .Where(x => x.Count > own)
            .OrderByDescending(x => x.Count)
            .FirstOrDefault();
        // no font has more of them (a default tuple, whose face is null): the label keeps its family and shows boxes
        return best.c.Face is not null ? FontRegistry.AddFace(best.c.File, best.c.Face) : family;
    }

    /// <summary>The machine's font for one text element that the style's font lacks, or null.</summary>
    internal static (SKTypeface Face, string File)? FaceFor(string element)
    {
        foreach (var c in Candidates(Folders))
            if (Covers(c.Face, element)) return c;
        return null;
    }

    /// <summary>The text elements (what a reader sees as one character) of <paramref name="text"/>, without line breaks.</summary>
    internal static IEnumerable<string> Elements(string text)
    {
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            string s = e.GetTextElement();
            if (s is not ("\n" or "\r" or "\r\n")) yield return s;
        }
    }

    /// <summary>Whether <paramref name="face"/> has a glyph for every code point of the element that draws something.</summary>
    internal static bool Covers(SKTypeface face, string element)
    {
        for (int i = 0; i < element.Length; i += char.IsSurrogatePair(element, i) ? 2 : 1)
        {
            int cp = char.ConvertToUtf32(element, i);
            // joiners and variation selectors shape the characters around them; fonts need not map them
            if (cp is 0x200D or 0x200C or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF)) continue;
            if (char.IsWhiteSpace(element, i) && cp == ' ') continue;
            if (!face.ContainsGlyph(cp)) return false;
        }
        return true;
    }

    private static readonly Dictionary<string, List<(SKTypeface Face, string File)>> Scanned = [];
    private static readonly Lock Gate = new();

    /// <summary>The most font files looked at: a machine with thousands of fonts still answers quickly.</summary>
    private const int MaxFiles = 4000;

    /// <summary>The most entries of one folder's tree looked at, fonts or not: a folder naming / is not walked whole.</summary>
    private const int MaxEntries = 100_000;

    /// <summary>Every font file under the folders, loaded once per process, in path order.</summary>
    private static List<(SKTypeface Face, string File)> Candidates(IReadOnlyList<string> folders)
    {
        string key = string.Join('\n', folders);
        lock (Gate)
        {
            if (Scanned.TryGetValue(key, out var known)) return known;
            var found = new List<(SKTypeface, string)>();
            // the folders come from the environment (REGVIZ_FONT_DIRS): checked like a manifest's paths, so /proc, /sys or
            // /dev is not walked, the walk visits a bounded number of entries, and only regular files are opened (a FIFO
            // named font.ttf would block the run)
            var files = folders.Where(f => FileKinds.Of(f) == FileKind.Folder && !SystemPaths.IsKernel(f))
                .SelectMany(f =>
                {
                    try { return Directory.EnumerateFiles(f, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).Take(MaxEntries); }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
                })
                .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".ttf" or ".otf" or ".ttc" or ".otc")
                .Order(StringComparer.Ordinal)
                .Take(MaxFiles);
            foreach (string file in files)
                if (FileKinds.Of(file) == FileKind.Regular && SKTypeface.FromFile(file) is { } face) found.Add((face, file));
            Scanned[key] = found;
            return found;
        }
    }
}
