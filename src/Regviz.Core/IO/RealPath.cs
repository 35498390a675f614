namespace Regviz.Core.IO;

/// <summary>
/// A path with every symbolic link in it resolved, like realpath(3), except that the part that does not exist yet
/// is kept as written: that is where a file will be created, and whether it lands inside a folder can only be
/// decided after the links on the way have been followed.
/// </summary>
public static class RealPath
{
    private const int MaxLinks = 40; // Linux's own limit (ELOOP)

    /// <summary>The path with every symbolic link resolved, as far as it exists.</summary>
    public static string Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        string current = Path.GetPathRoot(full)!;
        var rest = new Queue<string>(Split(full[current.Length..]));
        int links = 0;
        while (rest.Count > 0)
        {
            string next = Path.Combine(current, rest.Dequeue());
            string? target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks) throw new InputException($"'{path}': too many levels of symbolic links");
            // the link's target is relative to the folder holding the link, which is already resolved
            string resolved = Path.GetFullPath(target, current);
            var remaining = rest.ToArray();
            current = Path.GetPathRoot(resolved)!;
            rest = new Queue<string>(Split(resolved[current.Length..]).Concat(remaining));
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/>, resolved, is <paramref name="folder"/> (resolved) or lies below it.</summary>
    public static bool IsInside(string path, string folder)
    {
        string root = Path.TrimEndingDirectorySeparator(Resolve(folder));
        string real = Resolve(path);
        return real == root || real.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static string[] Split(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Where(s => s.Length > 0).ToArray();
}
