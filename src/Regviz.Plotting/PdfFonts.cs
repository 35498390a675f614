using System.Runtime.InteropServices;
using System.Text;
using SkiaSharp;

namespace Regviz.Plotting;

/// <summary>
/// HarfBuzz's subsetter (in the libHarfBuzzSharp that SkiaSharp ships) for PDFs, every glyph keeping its id. Skia embeds
/// a typeface whole (SkiaSharp's Skia has no font subsetter), so <see cref="PdfFontSubsets"/> cuts each embedded font
/// to the glyphs shown after Skia has written the file (<see cref="Subset"/>). Before that, a 3-D figure whose every
/// text is within regviz's own repertoire is drawn with the shipped font cut to the repertoire (<see cref="For"/>, made
/// once per process): Skia then compresses about 210 KB of font rather than 760 KB, which was most of a 3-D PDF's time.
/// The glyphs, their ids and advances are the font's own, so the page is the same.
/// </summary>
internal static class PdfFonts
{
    /// <summary>Basic Latin to Latin Extended-B, Greek, punctuation to mathematical operators (sub- and superscripts, arrows, ‖, ≤), box drawing and geometric shapes (● ○).</summary>
    private static readonly (int First, int Last)[] Repertoire = [(0x20, 0x24F), (0x370, 0x3FF), (0x2000, 0x22FF), (0x2500, 0x25FF)];

    private static readonly Lazy<(SKTypeface Face, int Length)?> RegularCut = new(() => Cut(FontRegistry.Files.First()), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<(SKTypeface Face, int Length)?> BoldCut = new(() => Cut(FontRegistry.Files.Last()), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The cut-down regular and bold faces, when every one of <paramref name="texts"/> is within the repertoire and the cut could be made; else null.</summary>
    public static (SKTypeface Regular, SKTypeface Bold)? For(IEnumerable<string> texts)
    {
        foreach (string text in texts)
            foreach (var rune in text.EnumerateRunes())
                if (rune.Value != '\n' && !Repertoire.Any(r => rune.Value >= r.First && rune.Value <= r.Last)) return null;
        return RegularCut.Value is { } regular && BoldCut.Value is { } bold ? (regular.Face, bold.Face) : null;
    }

    /// <summary>The family name under which <see cref="CutFamily"/> registers the cut faces.</summary>
    internal const string CutFamilyName = "RegvizSansPdfCut";

    private static readonly Lazy<(string Family, int[] Lengths)?> Family = new(() =>
    {
        if (RegularCut.Value is not { } regular || BoldCut.Value is not { } bold) return null;
        FontRegistry.AddFamily(CutFamilyName, regular.Face, bold.Face);
        return (CutFamilyName, [regular.Length, bold.Length]);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The shipped regular and bold faces cut to the repertoire, as a font family a figure can be built in, and the
    /// lengths of the two font programs (what a PDF drawn only with them embeds); null when the cut cannot be made. A
    /// 2-D figure's PDF, a single figure, an overlay or a grid of panels, is built in it when it can be
    /// (<see cref="FigureExport.Save(FigureStyle, string, Func{FigureStyle, ScottPlot.Plot})"/>, <see cref="PanelGrid.Save(PanelLayout, string, Func{FigureStyle, IReadOnlyList{ScottPlot.Plot}})"/>).
    /// </summary>
    internal static (string Family, int[] Lengths)? CutFamily => Family.Value;

    private static (SKTypeface Face, int Length)? Cut(string file)
    {
        var cut = CutWith(File.ReadAllBytes(file), input =>
        {
            var codepoints = hb_subset_input_unicode_set(input);
            foreach (var (first, last) in Repertoire) hb_set_add_range(codepoints, (uint)first, (uint)last);
        });
        return cut is null ? null : (SKTypeface.FromData(SKData.CreateCopy(cut)), cut.Length);
    }

    /// <summary>
    /// <paramref name="font"/> (TrueType or OpenType bytes) cut down to <paramref name="glyphs"/> and what they are
    /// built from (composite parts), every glyph keeping its id; null when HarfBuzz cannot cut it (or is too old to).
    /// What <see cref="PdfFontSubsets"/> embeds in a PDF in place of the whole font.
    /// </summary>
    internal static byte[]? Subset(byte[] font, IEnumerable<int> glyphs) => CutWith(font, input =>
    {
        var set = hb_subset_input_glyph_set(input);
        foreach (int glyph in glyphs) hb_set_add(set, (uint)glyph);
        // a PDF shows glyph ids and never shapes text again: no glyphs that substitution rules or math variants could
        // reach, and none of the tables that hold them
        hb_subset_input_set_flags(input, RetainGlyphIds | NotdefOutline | NoLayoutClosure);
        var dropped = hb_subset_input_set(input, DropTableTags);
        foreach (string table in (string[])["GSUB", "GPOS", "GDEF", "MATH", "BASE", "JSTF"])
            hb_set_add(dropped, (uint)(table[0] << 24 | table[1] << 16 | table[2] << 8 | table[3]));
    });

    /// <summary>HarfBuzz's subsetter over <paramref name="font"/>, with what to keep chosen by <paramref name="keep"/> on the subset input.</summary>
    private static byte[]? CutWith(byte[] font, Action<IntPtr> keep)
    {
        try
        {
            var blob = hb_blob_create(font, (uint)font.Length, MemoryModeDuplicate, IntPtr.Zero, IntPtr.Zero);
            var face = hb_face_create(blob, 0);
            var input = hb_subset_input_create_or_fail();
            IntPtr cut = IntPtr.Zero;
            if (input != IntPtr.Zero)
            {
                hb_subset_input_set_flags(input, RetainGlyphIds | NotdefOutline);
                keep(input);
                cut = hb_subset_or_fail(face, input);
                hb_subset_input_destroy(input);
            }
            hb_face_destroy(face);
            hb_blob_destroy(blob);
            if (cut == IntPtr.Zero) return null;
            var data = hb_face_reference_blob(cut);
            var bytes = hb_blob_get_data(data, out uint length);
            byte[]? copy = null;
            if (length > 0)
            {
                copy = new byte[length];
                Marshal.Copy(bytes, copy, 0, (int)length);
            }
            hb_blob_destroy(data);
            hb_face_destroy(cut);
            return copy;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // a HarfBuzz without its subsetter: the whole font, as before
        }
    }

    /// <summary>HB_SUBSET_SETS_DROP_TABLE_TAG: the set of tables left out of the cut.</summary>
    private const int DropTableTags = 3;

    /// <summary>HB_MEMORY_MODE_DUPLICATE: HarfBuzz copies the bytes, so the managed array may move or go.</summary>
    private const int MemoryModeDuplicate = 0;

    /// <summary>HB_SUBSET_FLAGS_RETAIN_GIDS: glyph ids stay those of the whole font (left-out glyphs become empty).</summary>
    private const uint RetainGlyphIds = 0x2;

    /// <summary>HB_SUBSET_FLAGS_NOTDEF_OUTLINE: .notdef keeps its box, which a character no font has is drawn as.</summary>
    private const uint NotdefOutline = 0x40;

    /// <summary>HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE (HarfBuzz 7.2): no glyphs added for GSUB rules (ligatures, alternates) of the kept ones.</summary>
    private const uint NoLayoutClosure = 0x200;

    private const string HarfBuzz = "libHarfBuzzSharp";
    [DllImport(HarfBuzz)] private static extern IntPtr hb_blob_create(byte[] data, uint length, int mode, IntPtr userData, IntPtr destroy);
    [DllImport(HarfBuzz)] private static extern void hb_blob_destroy(IntPtr blob);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_face_create(IntPtr blob, uint index);
    [DllImport(HarfBuzz)] private static extern void hb_face_destroy(IntPtr face);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(HarfBuzz)] private static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
    [DllImport(HarfBuzz)] private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_input_glyph_set(IntPtr input);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_input_set(IntPtr input, int setType);
    [DllImport(HarfBuzz)] private static extern void hb_set_add(IntPtr set, uint codepoint);
    [DllImport(HarfBuzz)] private static extern void hb_set_add_range(IntPtr set, uint first, uint last);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
}
