using System.Globalization;

namespace Regviz.Cli.Startup;

/// <summary>
/// Keeps Skia from reading every font of the machine when regviz starts. SkiaSharp 3's Linux library (the
/// NoDependencies build ScottPlot brings) has no fontconfig: the first typeface a process makes, even from a file,
/// creates Skia's "custom directory" font manager, a process-wide singleton that walks the folder compiled into the
/// library (<c>/usr/share/fonts/</c>, four times, once per font extension) and opens every font file in it with
/// FreeType. SkiaSharp 3.119 has no way to hand Skia another manager, and no setting names another folder. On the
/// project's machine (112 font files, and the CMaps of poppler-data in that tree) that was about 55 of a cold
/// figure's 75 ms of CPU. regviz never draws with those fonts: it draws with the files it ships (FontRegistry) and
/// finds fallback fonts itself (FontFallback). So, before the first typeface, the folder's name in the loaded library
/// is cut to the empty string: one byte, written through /proc/self/mem (which, as for a debugger, writes a private
/// copy of the read-only page). The manager then opens no folder and starts empty; typefaces made from files are the
/// same, and so are the figures' bytes (ExecutableParityTests, and the AOT run of the golden tests).
/// Anything unexpected (not Linux, another Skia build, the name not found exactly once, a kernel that refuses the
/// write) leaves the library alone: the figure is the same, only slower. Only the command-line program does this, in
/// Program.cs before anything draws: a program using Regviz.Plotting as a library may want Skia's system fonts.
/// </summary>
internal static class SkiaFontScan
{
    /// <summary>What <see cref="Skip"/> did.</summary>
    internal enum Outcome { Skipped, NotLinux, LibraryNotMapped, FolderNotFound, Refused }

    /// <summary>
    /// The folder's name as a C string in the library (SK_FONT_FILE_PREFIX). A linker may let a longer string that ends
    /// the same share these bytes; in the shipped library binary data precedes it (SkiaFontScanTests reads the file).
    /// </summary>
    internal static ReadOnlySpan<byte> Folder => "/usr/share/fonts/\0"u8;

    /// <summary>The file name of SkiaSharp's native library on Linux.</summary>
    internal const string Library = "libSkiaSharp.so";

    /// <summary>How much of the library's memory is read at a time.</summary>
    private const int Chunk = 64 << 10;

    /// <summary>Cuts the font folder's name in the loaded libSkiaSharp to "", unless anything is not as expected.</summary>
    public static Outcome Skip()
    {
        if (!OperatingSystem.IsLinux()) return Outcome.NotLinux;
        try
        {
            // loads libSkiaSharp (its version functions make no font manager), so its pages are mapped below
            _ = SkiaSharp.SkiaSharpVersion.Native;
            var mappings = ReadOnlyMappings(File.ReadAllText("/proc/self/maps"));
            if (mappings.Count == 0) return Outcome.LibraryNotMapped;
            using var memory = File.OpenHandle("/proc/self/mem", FileMode.Open, FileAccess.ReadWrite);
            var found = new List<long>();
            // read in chunks that overlap by the name's length less one, so a name across two chunks is seen once
            var chunk = new byte[Chunk];
            int overlap = Folder.Length - 1;
            foreach (var (start, end) in mappings)
                for (long at = start; at < end - overlap; at += Chunk - overlap)
                {
                    int length = (int)Math.Min(Chunk, end - at);
                    if (RandomAccess.Read(memory, chunk.AsSpan(0, length), at) != length) return Outcome.FolderNotFound;
                    found.AddRange(Occurrences(chunk.AsSpan(0, length)).Select(i => at + i));
                }
            if (found.Count != 1) return Outcome.FolderNotFound;
            long name = found[0];
            RandomAccess.Write(memory, new byte[] { 0 }, name);
            var check = new byte[1];
            return RandomAccess.Read(memory, check, name) == 1 && check[0] == 0 ? Outcome.Skipped : Outcome.Refused;
        }
        // a start-up shortcut must never stop the program: whatever failed here, Skia is used as it comes (and a
        // library that does not load fails later, where the figure reports it)
        catch (Exception)
        {
            return Outcome.Refused;
        }
    }

    /// <summary>
    /// The read-only, non-executable mappings (start, end) of the one libSkiaSharp.so in a /proc/PID/maps text, or none
    /// when it is not mapped or two different files of that name are.
    /// </summary>
    internal static IReadOnlyList<(long Start, long End)> ReadOnlyMappings(string maps)
    {
        var ranges = new List<(long, long)>();
        string? path = null;
        foreach (string line in maps.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // address perms offset dev inode path (the path may hold spaces: it is the rest of the line)
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6 || Path.GetFileName(fields[5].Trim()) != Library) continue;
            string file = fields[5].Trim();
            if (path is not null && path != file) return [];
            path = file;
            var bounds = fields[0].Split('-');
            if (fields[1] != "r--p" || bounds.Length != 2
                || !long.TryParse(bounds[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long start)
                || !long.TryParse(bounds[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long end)
                || end <= start)
                continue;
            ranges.Add((start, end));
        }
        return ranges;
    }

    /// <summary>Where <see cref="Folder"/> occurs in <paramref name="bytes"/>.</summary>
    internal static List<int> Occurrences(ReadOnlySpan<byte> bytes)
    {
        var found = new List<int>();
        int from = 0;
        while (from < bytes.Length)
        {
            int i = bytes[from..].IndexOf(Folder);
            if (i < 0) break;
            found.Add(from + i);
            from += i + 1;
        }
        return found;
    }
}
