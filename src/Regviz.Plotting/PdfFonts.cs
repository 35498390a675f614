using System.Runtime.InteropServices;
using System.Text;
using SkiaSharp;

namespace Regviz.Plotting;

/// <summary>
/// The shipped font cut down for PDFs to the characters regviz's own words use, every glyph keeping its id. Skia
/// embeds a typeface whole (SkiaSharp's Skia has no font subsetter: the PDF names the font as a subset, AAAAAA+, but
/// carries all 760 KB of DejaVu Sans, and compressing it was most of a PDF's time); a figure whose every text this
/// repertoire covers is drawn with the cut-down font instead, so the PDF carries about 210 KB of font and is written in
/// about 40% of the time. The glyphs, their ids and advances are the font's own, so the page is the same.
/// The cut is made once per process by HarfBuzz's subsetter, in the libHarfBuzzSharp that SkiaSharp ships.
/// </summary>
internal static class PdfFonts
{
    /// <summary>Basic Latin to Latin Extended-B, Greek, punctuation to mathematical operators (sub- and superscripts, arrows, ‖, ≤), box drawing and geometric shapes (● ○).</summary>
    private static readonly (int First, int Last)[] Repertoire = [(0x20, 0x24F), (0x370, 0x3FF), (0x2000, 0x22FF), (0x2500, 0x25FF)];

    private static readonly Lazy<SKTypeface?> RegularCut = new(() => Cut(FontRegistry.Files.First()), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<SKTypeface?> BoldCut = new(() => Cut(FontRegistry.Files.Last()), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The cut-down regular and bold faces, when every one of <paramref name="texts"/> is within the repertoire and the cut could be made; else null.</summary>
    public static (SKTypeface Regular, SKTypeface Bold)? For(IEnumerable<string> texts)
    {
        foreach (string text in texts)
            foreach (var rune in text.EnumerateRunes())
                if (rune.Value != '\n' && !Repertoire.Any(r => rune.Value >= r.First && rune.Value <= r.Last)) return null;
        return RegularCut.Value is { } regular && BoldCut.Value is { } bold ? (regular, bold) : null;
    }

    private static SKTypeface? Cut(string file)
    {
        try
        {
            var blob = hb_blob_create_from_file(file);
            var face = hb_face_create(blob, 0);
            var input = hb_subset_input_create_or_fail();
            var codepoints = hb_subset_input_unicode_set(input);
            foreach (var (first, last) in Repertoire) hb_set_add_range(codepoints, (uint)first, (uint)last);
            hb_subset_input_set_flags(input, RetainGlyphIds);
            var cut = hb_subset_or_fail(face, input);
            hb_subset_input_destroy(input);
            hb_face_destroy(face);
            hb_blob_destroy(blob);
            if (cut == IntPtr.Zero) return null;
            var data = hb_face_reference_blob(cut);
            var bytes = hb_blob_get_data(data, out uint length);
            var copy = length == 0 ? null : SKData.CreateCopy(bytes, length);
            hb_blob_destroy(data);
            hb_face_destroy(cut);
            return copy is null ? null : SKTypeface.FromData(copy);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // a HarfBuzz without its subsetter: the whole font, as before
        }
    }

    /// <summary>HB_SUBSET_FLAGS_RETAIN_GIDS: glyph ids stay those of the whole font (left-out glyphs become empty).</summary>
    private const uint RetainGlyphIds = 0x2;

    private const string HarfBuzz = "libHarfBuzzSharp";
    [DllImport(HarfBuzz)] private static extern IntPtr hb_blob_create_from_file([MarshalAs(UnmanagedType.LPUTF8Str)] string path);
    [DllImport(HarfBuzz)] private static extern void hb_blob_destroy(IntPtr blob);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_face_create(IntPtr blob, uint index);
    [DllImport(HarfBuzz)] private static extern void hb_face_destroy(IntPtr face);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(HarfBuzz)] private static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
    [DllImport(HarfBuzz)] private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
    [DllImport(HarfBuzz)] private static extern void hb_set_add_range(IntPtr set, uint first, uint last);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
}
