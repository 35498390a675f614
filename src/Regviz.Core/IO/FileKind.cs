using System.Runtime.InteropServices;

namespace Regviz.Core.IO;

/// <summary>What is at a path: nothing, a regular file, a folder, or a special file (device, FIFO, socket).</summary>
public enum FileKind
{
    /// <summary>Nothing at the path.</summary>
    Missing,
    /// <summary>A regular file.</summary>
    Regular,
    /// <summary>A folder.</summary>
    Folder,
    /// <summary>A FIFO, socket or device: reading it could block or never end.</summary>
    Special,
}

/// <summary>
/// .NET has no public API that tells a device or FIFO from a regular file, and replacing one by rename (what an
/// atomic write does) would turn /dev/null into a regular file. The runtime's own native shim has a stat with a
/// fixed layout (unlike libc's struct stat, which differs by architecture), so we ask it for the file type.
/// </summary>
public static class FileKinds
{
    private const int TypeMask = 0xF000, Directory = 0x4000, Regular = 0x8000;

    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    // DllImport rather than LibraryImport: the project builds without unsafe code
#pragma warning disable SYSLIB1054
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);
#pragma warning restore SYSLIB1054

    private static bool _native = true;

    private static FileKind Managed(string path) =>
        System.IO.Directory.Exists(path) ? FileKind.Folder : File.Exists(path) ? FileKind.Regular : FileKind.Missing;

    /// <summary>The kind of the file at <paramref name="path"/>, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsWindows() || !_native) return Managed(path);
        FileStatus status;
        try
        {
            if (Stat(path, out status) != 0) return FileKind.Missing;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _native = false; // a runtime without the shim: no special files recognised, but nothing breaks
            return Managed(path);
        }
        return (status.Mode & TypeMask) switch
        {
            Regular => FileKind.Regular,
            Directory => FileKind.Folder,
            _ => FileKind.Special, // FIFO, character or block device, socket
        };
    }
}
