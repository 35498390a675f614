using System.Buffers.Binary;
using System.Text;

namespace Regviz.Plotting;

/// <summary>
/// Adds an international text chunk (iTXt, PNG specification §11.3.4.5) to encoded PNG bytes, after the header
/// chunk and before the pixels, where every reader finds it. Skia's encoder writes no text chunks, so this is done
/// on the bytes: uncompressed (compression flag 0), no language tag, so the same text always gives the same bytes.
/// </summary>
internal static class PngText
{
    /// <summary>
    /// <paramref name="png"/> with an iTXt chunk of <paramref name="keyword"/> (Latin-1, 1..79 characters, e.g.
    /// "Description") and <paramref name="text"/> (UTF-8) right after IHDR.
    /// </summary>
    public static byte[] With(byte[] png, string keyword, string text)
    {
        if (keyword.Length is < 1 or > 79 || keyword.Any(c => c < 0x20 || c > 0xFF) || keyword != keyword.Trim())
            throw new ArgumentException($"'{keyword}' is not a PNG keyword (1 to 79 printable Latin-1 characters)", nameof(keyword));
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(PngChunks.Signature) || Encoding.ASCII.GetString(png, 12, 4) != "IHDR")
            throw new ArgumentException("not a PNG that starts with its header chunk", nameof(png));
        int afterHeader = 8 + 12 + BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(8));

        // keyword, NUL, compression flag 0, compression method 0, empty language tag, NUL, empty translated keyword, NUL, text;
        // NUL is not allowed in the text, and other control characters would only confuse a reader of it
        string clean = new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        var data = new List<byte>(keyword.Length + 5 + clean.Length * 2);
        data.AddRange(Encoding.Latin1.GetBytes(keyword));
        data.AddRange([0, 0, 0, 0, 0]);
        data.AddRange(Encoding.UTF8.GetBytes(clean));

        var result = new byte[png.Length + 12 + data.Count];
        png.AsSpan(0, afterHeader).CopyTo(result);
        int written = PngChunks.Write(result.AsSpan(afterHeader), "iTXt", data.ToArray());
        png.AsSpan(afterHeader).CopyTo(result.AsSpan(afterHeader + written));
        return result;
    }
}
