namespace Regviz.Core.IO;

/// <summary>
/// The kernel's own file systems. A file under /proc or /sys passes for a regular file but is not one: /proc/kmsg
/// blocks a read forever, others never end or change as they are read. Reads and folder walks refuse them as they
/// refuse devices and FIFOs.
/// </summary>
public static class SystemPaths
{
    private static readonly string[] Kernel = ["/proc", "/sys", "/dev"];

    /// <summary>True when <paramref name="path"/>, symbolic links resolved, lies under /proc, /sys or /dev (on Linux).</summary>
    public static bool IsKernel(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux()) return false;
        string real;
        try { real = RealPath.Resolve(path); }
        catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException or ArgumentException) { return true; } // a link loop: nothing to read there
        return Kernel.Any(k => real == k || real.StartsWith(k + "/", StringComparison.Ordinal));
    }
}
