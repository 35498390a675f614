using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Regviz.Core.IO;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Hostile;

/// <summary>
/// A scratch folder for hostile-input cases and the checks every case makes: the exit code, exactly one
/// <c>error:</c> line on stderr, no stack trace, and the file system before and after (what changed, whether any
/// temporary file was left, whether special files are still special).
/// </summary>
public abstract partial class HostileFolder : Support.ScratchFolder
{
    protected string PathOf(params string[] parts) => Path.Combine([Dir, .. parts]);

    protected string Write(string name, string text)
    {
        string path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    protected string Write(string name, byte[] bytes)
    {
        string path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Every entry under the scratch folder: kind (symbolic links not followed) and a hash of regular files.</summary>
    protected Dictionary<string, string> Snapshot()
    {
        var state = new Dictionary<string, string>();
        foreach (var entry in new DirectoryInfo(Dir).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            string key = Path.GetRelativePath(Dir, entry.FullName);
            state[key] = entry.LinkTarget is { } link ? "link " + link
                : entry is DirectoryInfo ? "folder"
                : FileKinds.Of(entry.FullName) == FileKind.Special ? "special"
                : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry.FullName)));
        }
        return state;
    }

    /// <summary>Runs a failing command and checks everything docs/conventions.md promises of a failure; returns the error line.</summary>
    protected string Fails(int exitCode, string expected, params string[] args)
    {
        var before = Snapshot();
        var r = CliRunner.Run(args);
        string line = OneError(r, exitCode);
        Assert.Contains(expected, line);
        Assert.Equal(before, Snapshot());
        return line;
    }

    /// <summary>Exit code as expected, exactly one stderr line starting "error: ", no stack trace anywhere.</summary>
    internal static string OneError(CliRunner.Result r, int exitCode)
    {
        Assert.True(r.ExitCode == exitCode, $"exit {r.ExitCode}, expected {exitCode}\n{r.Stderr}");
        NoStackTrace(r.Stdout + r.Stderr);
        return Assert.Single(r.ErrorLines, l => l.StartsWith("error: "));
    }

    internal static void NoStackTrace(string text) =>
        Assert.False(StackFrame().IsMatch(text), "a stack trace was printed:\n" + text);

    /// <summary>No temporary file of ours anywhere under the folder.</summary>
    protected void NoTemporaries() =>
        Assert.Empty(Directory.EnumerateFiles(Dir, "*.tmp", SearchOption.AllDirectories));

    [GeneratedRegex(@"^\s+at \S+.*\(|Unhandled exception", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    /// <summary>regviz run as its own process (for signals and peak memory): the built regviz.dll, or REGVIZ_EXE.</summary>
    internal static Process Start(params string[] args) => CliRunner.Start(args);

    /// <summary>Runs regviz in its own process to the end; returns exit code, output and peak resident memory (VmHWM, in MB).</summary>
    internal static (int Code, string Stdout, string Stderr, double PeakMb) RunProcess(TimeSpan timeout, params string[] args)
    {
        using var p = Start(args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        double peak = 0;
        var deadline = DateTime.UtcNow + timeout;
        while (!p.HasExited)
        {
            peak = Math.Max(peak, PeakMb(p.Id));
            if (DateTime.UtcNow > deadline)
            {
                p.Kill(entireProcessTree: true);
                Assert.Fail($"regviz {string.Join(' ', args)} did not finish within {timeout}");
            }
            Thread.Sleep(20);
        }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result, peak);
    }

    /// <summary>
    /// The high-water mark of a process's resident memory, read from /proc while it runs (it is gone after exit).
    /// Polled, so a spike shorter than the poll can be missed; VmHWM itself is the kernel's running maximum, so the
    /// last read before exit holds everything up to then.
    /// </summary>
    private static double PeakMb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:")) return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
        }
        catch (IOException) { }
        return 0;
    }
}
