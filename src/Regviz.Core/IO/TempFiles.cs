using System.Collections.Concurrent;
using System.Globalization;

namespace Regviz.Core.IO;

/// <summary>
/// The temporary files behind atomic writes. Their names are short (".regviz-PID-RANDOM.tmp": a 254-byte target
/// name still works) and carry the owning process id, so that files left by a killed process (SIGKILL runs no
/// clean-up) are recognised and removed by the next run that writes to the same folder. The live ones are
/// registered, so an interrupted run (Ctrl-C, SIGTERM) removes them and renames nothing afterwards. Temporary folders
/// (a checking batch's renders) are kept the same way.
/// </summary>
public static class TempFiles
{
    private const string Prefix = ".regviz-", Suffix = ".tmp";
    private static readonly object Gate = new();
    private static readonly ReaderWriterLockSlim Renames = new();
    private static readonly HashSet<string> Live = [], LiveFolders = [];
    private static readonly ConcurrentDictionary<string, bool> Swept = new();
    private static bool _abandoned;

    /// <summary>Creates a new, empty temporary file in <paramref name="folder"/> and opens it for writing.</summary>
    public static FileStream Create(string folder, out string path)
    {
        SweepStale(folder);
        while (true)
        {
            path = Path.Combine(folder, $"{Prefix}{Environment.ProcessId}-{Random.Shared.Next():x8}{Suffix}");
            lock (Gate)
            {
                if (_abandoned) throw new OperationCanceledException("interrupted");
                try
                {
                    var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                    Live.Add(path);
                    return stream;
                }
                catch (IOException) when (File.Exists(path)) { } // a name taken: draw another
            }
        }
    }

    /// <summary>Renames the temporary file over the target, unless the run has been interrupted meanwhile.</summary>
    public static void Commit(string temp, string target)
    {
        // renames run side by side: replacing a file can wait on the disk (ext4 frees the old file's blocks with a
        // discard, 20 ms here), and under the one gate every other figure of a batch waited too. AbandonAll takes the
        // write side, so it waits for the renames under way and none starts after it
        Renames.EnterReadLock();
        try
        {
            lock (Gate)
                if (_abandoned) throw new OperationCanceledException("interrupted");
            File.Move(temp, target, overwrite: true);
            lock (Gate) Live.Remove(temp);
        }
        finally { Renames.ExitReadLock(); }
    }

    /// <summary>Deletes a temporary file that will not be renamed into place and forgets it.</summary>
    public static void Discard(string temp)
    {
        if (temp.Length == 0) return;
        lock (Gate)
        {
            TryDelete(temp);
            Live.Remove(temp);
        }
    }

    /// <summary>On interruption: deletes every live temporary file; later commits and creations fail.</summary>
    public static void AbandonAll()
    {
        Renames.EnterWriteLock();
        try
        {
            lock (Gate)
            {
                _abandoned = true;
                foreach (var path in Live) TryDelete(path);
                Live.Clear();
                // the folders stay listed: a second call (at exit, once the figures' threads have stopped writing) deletes
                // again whatever a thread that was past its checks put back
                foreach (var folder in LiveFolders) TryDeleteFolder(folder);
            }
        }
        finally { Renames.ExitWriteLock(); }
    }

    /// <summary>
    /// Creates <paramref name="folder"/> (and its parents) unless the run has been interrupted: a figure's thread that
    /// made the folder of its output after the interruption had deleted the run's temporary folder brought it back.
    /// </summary>
    public static void CreateFolderForOutput(string folder)
    {
        lock (Gate)
        {
            if (_abandoned) throw new OperationCanceledException("interrupted");
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>
    /// Creates a new folder in the system's temporary folder (TMPDIR), named <paramref name="prefix"/>PID-RANDOM and
    /// registered like a temporary file: an interrupted run deletes it, and the next run deletes those of processes
    /// that no longer run. A TMPDIR that does not exist or takes no folders is the user's to fix: an input error.
    /// </summary>
    public static string CreateFolder(string prefix)
    {
        string parent = Path.GetTempPath();
        // checked first: Directory.CreateDirectory would make a missing TMPDIR, as root anywhere
        if (FileKinds.Of(parent) != FileKind.Folder)
            throw new InputException($"the temporary folder '{parent}' (TMPDIR) does not exist or is not a folder; set TMPDIR to a writable folder");
        SweepStaleFolders(parent, prefix);
        string path = Path.Combine(parent, $"{prefix}{Environment.ProcessId}-{Random.Shared.Next():x8}");
        lock (Gate)
        {
            if (_abandoned) throw new OperationCanceledException("interrupted");
            try { Directory.CreateDirectory(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"cannot create a temporary folder in '{parent}' (set TMPDIR to a writable folder): {e.Message}");
            }
            LiveFolders.Add(path);
        }
        return path;
    }

    /// <summary>Deletes a folder made by <see cref="CreateFolder"/>, with everything in it, and forgets it.</summary>
    public static void DeleteFolder(string path)
    {
        lock (Gate)
        {
            TryDeleteFolder(path);
            LiveFolders.Remove(path);
        }
    }

    private static void SweepStaleFolders(string parent, string prefix)
    {
        if (!Swept.TryAdd(Path.GetFullPath(parent) + "\0" + prefix, true)) return;
        try
        {
            foreach (var folder in Directory.EnumerateDirectories(parent, prefix + "*"))
            {
                string rest = Path.GetFileName(folder)[prefix.Length..];
                int dash = rest.IndexOf('-');
                if (dash > 0 && int.TryParse(rest.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                    && pid != Environment.ProcessId && !IsRunning(pid) && new DirectoryInfo(folder).LinkTarget is null)
                    TryDeleteFolder(folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // best effort, as for files
    }

    private static void TryDeleteFolder(string path)
    {
        try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Removes, once per folder and process, the temporary files of processes that no longer run.</summary>
    private static void SweepStale(string folder)
    {
        if (!Swept.TryAdd(Path.GetFullPath(folder), true)) return;
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, Prefix + "*" + Suffix))
                if (OwnerOf(Path.GetFileName(file)) is { } pid && pid != Environment.ProcessId && !IsRunning(pid))
                    TryDelete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // best effort: a later write reports real problems
    }

    private static int? OwnerOf(string name)
    {
        int dash = name.IndexOf('-', Prefix.Length);
        return dash > Prefix.Length && int.TryParse(name.AsSpan(Prefix.Length, dash - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : null;
    }

    private static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux()) return Directory.Exists($"/proc/{pid}");
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
