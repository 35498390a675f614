using System.Text;

using Regviz.Core;
using Regviz.Core.IO;

namespace Regviz.Cli.Output;

/// <summary>
/// Checks an output destination before any work, so that a run that cannot write all its outputs fails before it
/// has replaced any of them: the name is sane, the target is not a folder, its folder exists, is a folder and
/// takes new files.
/// </summary>
internal static class OutputCheck
{
    /// <summary>The longest file name (in UTF-8 bytes) most file systems accept.</summary>
    public const int MaxNameBytes = 255;

    /// <summary>Checks, before any work, that <paramref name="path"/> can be written: a file name, in an existing folder that accepts files; <paramref name="option"/> names it in errors.</summary>
    public static void Check(string path, string option)
    {
        CheckName(path, option);
        if (FileKinds.Of(path) == FileKind.Folder) throw new InputException($"{option}: '{path}' is a folder, not a file");
        if (AtomicFile.InPlace(path)) return;
        string target = RealPath.Resolve(path);
        string dir = Path.GetDirectoryName(target)!;
        switch (FileKinds.Of(dir))
        {
            case FileKind.Missing: throw new InputException($"{option}: the folder of '{path}' does not exist");
            case FileKind.Regular or FileKind.Special: throw new InputException($"{option}: the folder of '{path}' is a file, not a folder");
        }
        if (Encoding.UTF8.GetByteCount(Path.GetFileName(target)) > MaxNameBytes)
            throw new InputException($"{option}: the file name is longer than {MaxNameBytes} bytes");
        try
        {
            TempFiles.Create(dir, out string probe).Dispose();
            TempFiles.Discard(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{option}: cannot create files in the folder of '{path}' ({e.Message})");
        }
    }

    /// <summary>A name with a NUL, newline or other control character is refused: no file system or terminal wants it.</summary>
    public static void CheckName(string path, string option)
    {
        if (path.Length == 0) throw new InputException($"{option}: the file name is empty");
        if (path.Any(char.IsControl)) throw new InputException($"{option}: the file name contains a control character");
    }

    /// <summary>For an option that names a folder to write into: it must be a folder if it exists.</summary>
    public static void CheckFolder(string path, string option)
    {
        CheckName(path, option);
        if (FileKinds.Of(path) is FileKind.Regular or FileKind.Special)
            throw new InputException($"{option}: '{path}' is a file, not a folder");
    }
}
