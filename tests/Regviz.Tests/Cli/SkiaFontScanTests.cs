using System.Buffers.Binary;
using System.Text;
using CsCheck;
using Regviz.Cli.Startup;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>
/// The parts of <see cref="SkiaFontScan"/> that decide where to write: which mappings are read, and that the folder's
/// name is found exactly where it is. The write itself happens only in the regviz process (Program.cs), never in this
/// test host; that the process then reads no system font and draws the same bytes is checked by
/// Regviz.ToolTests' SystemFontScanTests (strace) and by ExecutableParityTests.
/// </summary>
public class SkiaFontScanTests
{
    private const string Lib = "/opt/tools/regviz/libSkiaSharp.so";

    [Fact]
    public void Only_the_read_only_private_mappings_of_libSkiaSharp_are_read()
    {
        string maps = $"""
            55d000000000-55d000001000 r--p 00000000 fe:00 11 /opt/tools/regviz/regviz
            7f0000000000-7f000006c000 r--p 00000000 fe:00 12 {Lib}
            7f000006c000-7f00006f0000 r-xp 0006c000 fe:00 12 {Lib}
            7f00006f0000-7f0000870000 r--p 006f0000 fe:00 12 {Lib}
            7f0000871000-7f0000897000 rw-p 00870000 fe:00 12 {Lib}
            7f0000900000-7f0000901000 r--p 00000000 fe:00 13 /usr/lib/libHarfBuzzSharp.so
            7f0000a00000-7f0000a21000 rw-p 00000000 00:00 0 [heap]
            """;
        Assert.Equal([(0x7f0000000000L, 0x7f000006c000L), (0x7f00006f0000L, 0x7f0000870000L)], SkiaFontScan.ReadOnlyMappings(maps));
    }

    [Fact]
    public void A_path_with_spaces_is_the_rest_of_the_line()
    {
        string maps = "7f0000000000-7f0000001000 r--p 00000000 fe:00 12     /home/a user/tools/libSkiaSharp.so\n";
        Assert.Equal([(0x7f0000000000L, 0x7f0000001000L)], SkiaFontScan.ReadOnlyMappings(maps));
    }

    [Fact]
    public void Two_different_libraries_of_that_name_or_none_give_nothing_to_read()
    {
        string two = $"""
            7f0000000000-7f000006c000 r--p 00000000 fe:00 12 {Lib}
            7f1000000000-7f100006c000 r--p 00000000 fe:00 14 /other/libSkiaSharp.so
            """;
        Assert.Empty(SkiaFontScan.ReadOnlyMappings(two));
        Assert.Empty(SkiaFontScan.ReadOnlyMappings("7f0000000000-7f000006c000 r--p 00000000 fe:00 12 /usr/lib/libSkiaSharp.so.1\n"));
        Assert.Empty(SkiaFontScan.ReadOnlyMappings(""));
    }

    [Fact]
    public void Every_occurrence_of_the_folder_name_is_found_and_nothing_else()
    {
        byte[] name = SkiaFontScan.Folder.ToArray();
        // filler bytes never contain '/', so the name occurs exactly where it was put
        var filler = Gen.Byte.Where(b => b != (byte)'/').Array[0, 200];
        filler.Array[1, 5].Sample(parts =>
        {
            var bytes = new List<byte>();
            var expected = new List<int>();
            for (int i = 0; i < parts.Length; i++)
            {
                bytes.AddRange(parts[i]);
                if (i == parts.Length - 1) break;
                expected.Add(bytes.Count);
                bytes.AddRange(name);
            }
            Assert.Equal(expected, SkiaFontScan.Occurrences([.. bytes]));
        });
    }

    [Theory]
    [InlineData("/usr/share/fonts\0")]
    [InlineData("/usr/share/fonts/truetype\0")]
    [InlineData("/usr/share/font/\0")]
    [InlineData("/usr/share/fonts/")]
    public void A_name_that_is_not_the_folder_is_not_found(string text) =>
        Assert.Empty(SkiaFontScan.Occurrences(Encoding.ASCII.GetBytes("abc" + text)));

    /// <summary>
    /// The library this build ships holds the folder's name once, in a segment mapped read-only and not executable:
    /// so the start-up skip applies to it. A SkiaSharp update that moves or drops the name fails here, not silently.
    /// </summary>
    [Fact]
    public void The_shipped_library_holds_the_name_once_in_a_read_only_segment()
    {
        string file = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", SkiaFontScan.Library);
        Assert.True(File.Exists(file), $"{file} is missing");
        byte[] elf = File.ReadAllBytes(file);
        var found = SkiaFontScan.Occurrences(elf).ToList();
        Assert.Single(found);
        Assert.Contains(ReadOnlySegments(elf), s => found[0] >= s.Offset && found[0] + SkiaFontScan.Folder.Length <= s.Offset + s.Size);
        // no other C string ends with the name (and would lose its tail): the bytes since the NUL before it are not text
        int previous = Array.LastIndexOf(elf, (byte)0, found[0] - 1);
        var before = elf.AsSpan(previous + 1, found[0] - previous - 1);
        Assert.True(before.IsEmpty || before.ContainsAnyExceptInRange((byte)0x20, (byte)0x7e), $"text before the name: {Encoding.ASCII.GetString(before)}");
    }

    /// <summary>File ranges of an ELF64 little-endian file's PT_LOAD segments whose flags are read only (no write, no execute).</summary>
    private static List<(long Offset, long Size)> ReadOnlySegments(byte[] elf)
    {
        Assert.True(elf is [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, ..], "not an ELF64 little-endian file");
        var segments = new List<(long, long)>();
        long phoff = BinaryPrimitives.ReadInt64LittleEndian(elf.AsSpan(0x20));
        int phentsize = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x36));
        int phnum = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x38));
        for (int i = 0; i < phnum; i++)
        {
            var ph = elf.AsSpan((int)(phoff + i * phentsize));
            const uint load = 1, read = 4;
            if (BinaryPrimitives.ReadUInt32LittleEndian(ph) == load && BinaryPrimitives.ReadUInt32LittleEndian(ph[4..]) == read)
                segments.Add((BinaryPrimitives.ReadInt64LittleEndian(ph[8..]), BinaryPrimitives.ReadInt64LittleEndian(ph[32..])));
        }
        return segments;
    }
}
