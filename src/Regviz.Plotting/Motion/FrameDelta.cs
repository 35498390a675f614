using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Regviz.Plotting;

/// <summary>
/// What changed between two frames of the same size: the bounding box of the pixels that differ, and a patch that
/// holds the new pixels there and fully transparent ones where nothing changed. Drawn over the old frame ("over"
/// blending) the patch gives the new frame exactly, because every pixel of a figure is opaque; the transparent runs
/// compress to almost nothing, so a frame costs what moved.
/// </summary>
internal static class FrameDelta
{
    /// <summary>The smallest rectangle holding every pixel that differs, or null when the frames are identical.</summary>
    public static FrameRect? Changed(RgbaFrame current, RgbaFrame reference)
    {
        int w = current.Width, h = current.Height;
        var a = MemoryMarshal.Cast<byte, uint>(current.Pixels);
        var b = MemoryMarshal.Cast<byte, uint>(reference.Pixels);
        int top = -1, bottom = -1, left = w, right = -1;
        for (int y = 0; y < h; y++)
        {
            var ra = a.Slice(y * w, w);
            var rb = b.Slice(y * w, w);
            if (ra.SequenceEqual(rb)) continue;
            if (top < 0) top = y;
            bottom = y;
            int l = 0;
            while (ra[l] == rb[l]) l++;
            int r = w - 1;
            while (ra[r] == rb[r]) r--;
            left = Math.Min(left, l);
            right = Math.Max(right, r);
        }
        return top < 0 ? null : new FrameRect(left, top, right - left + 1, bottom - top + 1);
    }

    /// <summary>The pixels of <paramref name="current"/> inside <paramref name="rect"/>, unchanged ones made transparent.</summary>
    /// <param name="over">True when the patch is to be blended over the reference; false when some new pixel is not
    /// opaque, and the patch then holds the new pixels as they are, to replace the rectangle.</param>
    public static byte[] Patch(RgbaFrame current, RgbaFrame reference, FrameRect rect, out bool over)
    {
        var patch = new byte[rect.Width * rect.Height * 4];
        Patch(current, reference, rect, patch, out over);
        return patch;
    }

    /// <summary>
    /// <see cref="Patch(RgbaFrame, RgbaFrame, FrameRect, out bool)"/> into <paramref name="patch"/> (exactly
    /// <paramref name="rect"/>'s pixels × 4 bytes, every one of them written): an animation reuses one buffer a thread.
    /// </summary>
    public static void Patch(RgbaFrame current, RgbaFrame reference, FrameRect rect, Span<byte> patch, out bool over)
    {
        if (patch.Length != rect.Width * rect.Height * 4) throw new ArgumentException($"a {rect.Width}x{rect.Height} patch needs {rect.Width * rect.Height * 4} bytes", nameof(patch));
        int w = current.Width;
        var a = MemoryMarshal.Cast<byte, uint>(current.Pixels);
        var b = MemoryMarshal.Cast<byte, uint>(reference.Pixels);
        var p = MemoryMarshal.Cast<byte, uint>(patch);
        over = true;
        for (int y = 0; y < rect.Height; y++)
        {
            var ra = a.Slice((rect.Y + y) * w + rect.X, rect.Width);
            ra.CopyTo(p.Slice(y * rect.Width, rect.Width));
        }
        // RGBA read as a little-endian uint has alpha in its top byte: opaque pixels are 0xFF000000 and up
        bool opaque = true;
        if (BitConverter.IsLittleEndian) opaque = !p.ContainsAnyExceptInRange(0xFF000000u, 0xFFFFFFFFu);
        else
            for (int i = 3; i < patch.Length && opaque; i += 4) opaque = patch[i] == 255;
        if (!opaque) { over = false; return; }
        for (int y = 0; y < rect.Height; y++)
        {
            var ra = a.Slice((rect.Y + y) * w + rect.X, rect.Width);
            var rb = b.Slice((rect.Y + y) * w + rect.X, rect.Width);
            var rp = p.Slice(y * rect.Width, rect.Width);
            int x = 0;
            for (; x + Vector256<uint>.Count <= ra.Length; x += Vector256<uint>.Count)
            {
                var va = Vector256.Create(ra.Slice(x, Vector256<uint>.Count));
                var same = Vector256.Equals(va, Vector256.Create(rb.Slice(x, Vector256<uint>.Count)));
                Vector256.AndNot(va, same).CopyTo(rp.Slice(x, Vector256<uint>.Count));
            }
            for (; x < ra.Length; x++)
                if (ra[x] == rb[x]) rp[x] = 0;
        }
    }

    /// <summary>The whole frame as one patch.</summary>
    public static FrameRect Whole(RgbaFrame frame) => new(0, 0, frame.Width, frame.Height);
}
