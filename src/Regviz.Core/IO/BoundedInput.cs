namespace Regviz.Core.IO;

/// <summary>
/// Reads input files with caps on their size and line length, so that /dev/zero or a one-line gigabyte is refused
/// after a bounded read instead of exhausting memory. <c>what</c> starts every message, e.g. "--data: file".
/// </summary>
public static class BoundedInput
{
    /// <summary>Reads a text file refusing more than <paramref name="maxBytes"/> bytes, lines longer than <paramref name="maxLineBytes"/> and NUL bytes; <paramref name="what"/> names the file in errors.</summary>
    public static string ReadText(string path, string what, long maxBytes, int maxLineBytes)
    {
        byte[] bytes = ReadBytes(path, what, maxBytes, maxLineBytes);
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/>; <paramref name="checkHeader"/> sees the first bytes (up to 64) and
    /// can refuse the file (by throwing) before the rest is read. When <paramref name="maxLineBytes"/> > 0 the file is
    /// text: lines are counted and capped, and a NUL byte is refused.
    /// </summary>
    public static byte[] ReadBytes(string path, string what, long maxBytes, int maxLineBytes, Action<ReadOnlySpan<byte>>? checkHeader = null)
    {
        switch (FileKinds.Of(path))
        {
            case FileKind.Missing: throw new InputException($"{what} '{path}' does not exist");
            case FileKind.Folder: throw new InputException($"{what} '{path}' is a folder, not a file");
            // procfs and sysfs files pass for regular files: /proc/kmsg blocks forever, others never end
            case FileKind.Regular when SystemPaths.IsKernel(path): throw new InputException($"{what} '{path}' is a kernel file (/proc, /sys, /dev), not read");
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            long line = 1, lineBytes = 0;
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (buffer.Length == 0) checkHeader?.Invoke(chunk.AsSpan(0, Math.Min(read, 64)));
                if (buffer.Length + read > maxBytes)
                    throw new InputException($"{what} '{path}' is larger than {Limits.Bytes(maxBytes)}");
                if (maxLineBytes > 0)
                    foreach (byte b in chunk.AsSpan(0, read))
                    {
                        if (b == (byte)'\n') { line++; lineBytes = 0; }
                        else if (b == 0) // text has none; /dev/urandom or a binary file has one within a few hundred bytes
                            throw new InputException($"{what} '{path}' line {line} has a NUL byte: not a text file");
                        else if (++lineBytes > maxLineBytes)
                            throw new InputException($"{what} '{path}' line {line} is longer than {Limits.Bytes(maxLineBytes)}");
                    }
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{what} '{path}' cannot be read: {e.Message}");
        }
    }
}
