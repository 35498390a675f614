namespace Regviz.Core.IO;

/// <summary>
/// Writes a file whole or not at all. A regular file (or a new one) gets its bytes through a temporary file beside
/// it that is then renamed over it, so a crash, a kill or an error mid-write leaves the old file (or none), never a
/// truncated one. A symbolic link stays a link: its final target is written that way. A device, FIFO or socket
/// (/dev/null, /dev/stdout, a named pipe) is written in place: renaming over it would replace it with a regular file.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through a temporary file in the same folder and a rename, so readers see the old file or the whole new one, never a truncated one.</summary>
    public static void Write(string path, Action<Stream> write) => Write(path, write, flushToDisk: true);

    /// <summary>
    /// Writes <paramref name="path"/> whole or not at all, as <see cref="Write(string, Action{Stream})"/> does. With
    /// <paramref name="flushToDisk"/> false the rename does not wait for the bytes to reach the disk: every reader
    /// still sees the old file or the whole new one, but a power cut soon after may leave it empty. For files that are
    /// cheap to make again, such as a report's copies of images, where a flush per file costs more than the copy.
    /// </summary>
    public static void Write(string path, Action<Stream> write, bool flushToDisk)
    {
        if (InPlace(path))
        {
            try
            {
                // opened by its own name: the kernel follows magic links such as /dev/stdout -> /proc/self/fd/1 -> pipe:[n]
                // a regular file reached through /dev (stdout redirected to a file) is appended to, as a shell would
                var mode = FileKinds.Of(path) == FileKind.Regular ? FileMode.Append : FileMode.Open;
                using var device = new FileStream(path, mode, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
                write(device);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"output '{path}' cannot be written: {e.Message}");
            }
            return;
        }
        string target = RealPath.Resolve(path);
        string? dir = Path.GetDirectoryName(target);
        if (dir is null || !Directory.Exists(dir))
            throw new InputException($"output '{path}': the folder '{dir}' does not exist");
        string temp = "";
        try
        {
            using (var stream = TempFiles.Create(dir, out temp))
            {
                write(stream);
                stream.Flush(flushToDisk);
            }
            TempFiles.Commit(temp, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TempFiles.Discard(temp);
            throw new InputException($"output '{path}' cannot be written: {e.Message}");
        }
        catch
        {
            TempFiles.Discard(temp);
            throw;
        }
    }

    /// <summary>
    /// Whether this class writes <paramref name="path"/> in place instead of renaming a temporary file onto it:
    /// special files, and existing files under /dev or /proc: /dev/stdout resolves (through /proc/self/fd/1) to
    /// whatever standard output is, which may be a regular file the shell holds open; it must be written, not replaced.
    /// </summary>
    public static bool InPlace(string path) => FileKinds.Of(path) switch
    {
        FileKind.Special => true,
        FileKind.Regular => !OperatingSystem.IsWindows() && (IsUnder(path, "/dev/") || IsUnder(path, "/proc/")),
        _ => false,
    };

    private static bool IsUnder(string path, string folder) => Path.GetFullPath(path).StartsWith(folder, StringComparison.Ordinal);

    /// <summary><see cref="Write(string, Action{Stream})"/> of a byte array.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, s => s.Write(bytes));

    /// <summary>Writes <paramref name="bytes"/> as <see cref="Write(string, Action{Stream}, bool)"/> does.</summary>
    public static void WriteAllBytes(string path, byte[] bytes, bool flushToDisk) => Write(path, s => s.Write(bytes), flushToDisk);

    /// <summary><see cref="Write(string, Action{Stream})"/> of UTF-8 text.</summary>
    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, new System.Text.UTF8Encoding(false).GetBytes(text));
}
