using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Regviz.Cli;
using Regviz.Cli.Output;

namespace Regviz.Tests.Cli;

/// <summary>
/// Runs the real command tree and captures what a terminal would show: in-process by default, or, when the
/// environment variable <c>REGVIZ_EXE</c> names an executable (the Native AOT build, see .ci/run), as that
/// program in its own process, so the same tests check the binary users install.
/// </summary>
internal static partial class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The executable under test (REGVIZ_EXE, an absolute path), or null for the in-process command tree.</summary>
    public static string? Executable { get; } = Environment.GetEnvironmentVariable("REGVIZ_EXE") switch
    {
        null or "" => null,
        // the test host runs in the test's bin folder, not where REGVIZ_EXE was set: a relative path would mislead
        var exe when Path.IsPathFullyQualified(exe) && File.Exists(exe) => exe,
        var exe => throw new InvalidOperationException($"REGVIZ_EXE='{exe}' is not the absolute path of an existing file"),
    };

    /// <summary>Longest a command may run as a process before the test fails (and the process is killed).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    public static Result Run(params string[] args)
    {
        if (Executable is not null && Passable(args)) return RunProcess(args);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // the variables a test gives the process are the in-process run's whole environment too
        var run = ChildEnvironment.Value is { } variables
            ? new RunContext(stdout, stderr) { Variable = name => variables.GetValueOrDefault(name) }
            : new RunContext(stdout, stderr);
        int code = RegvizApp.Run(args, run);
        return new Result(code, stdout.ToString(), stderr.ToString().Replace("\r", ""));
    }

    /// <summary>
    /// Variables the process under test gets, for this test's flow of execution only: what a test sets in-process
    /// (the fallback font folders, say) reaches the executable through the variable a user would set.
    /// </summary>
    public static readonly AsyncLocal<IReadOnlyDictionary<string, string>?> ChildEnvironment = new();

    /// <summary>
    /// How to start regviz as its own process: the executable under test, or else the regviz.dll built beside the
    /// tests run by <c>dotnet</c>. Output is redirected; the working folder is the current one.
    /// </summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var start = Executable is not null
            ? new ProcessStartInfo(Executable, args)
            : new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "regviz.dll"), .. args]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        start.WorkingDirectory = Environment.CurrentDirectory;
        start.UseShellExecute = false;
        if (ChildEnvironment.Value is { } variables)
            foreach (var (name, value) in variables) start.Environment[name] = value;
        return start;
    }

    /// <summary>
    /// Starts regviz as its own process (<see cref="StartInfo"/>) with its standard input closed. A test that fails
    /// before its process ends (a Ctrl-C test whose signal was not obeyed) would leave it running, a billion-trial
    /// sparsity run burning a core for the rest of the machine's day: whatever is still running when the test run
    /// ends is killed.
    /// </summary>
    public static Process Start(params string[] args)
    {
        var process = Process.Start(StartInfo(args))!;
        Started.Add(process);
        process.StandardInput.Close();
        return process;
    }

    private static readonly System.Collections.Concurrent.ConcurrentBag<Process> Started = StartedProcesses();

    private static System.Collections.Concurrent.ConcurrentBag<Process> StartedProcesses()
    {
        var started = new System.Collections.Concurrent.ConcurrentBag<Process>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var p in started)
            {
                try { if (!p.HasExited) p.Kill(entireProcessTree: true); }
                catch (InvalidOperationException) { } // disposed or already gone
            }
        };
        return started;
    }

    /// <summary>
    /// Whether the kernel can pass these arguments to a program at all: not with a NUL in one (argv strings end
    /// at NUL), nor one longer than Linux's 128 KiB per argument (exec fails with E2BIG). No shell can run such a
    /// command line either; those few cases (a megabyte-long option, "a\0b.png") are run in-process, as are command
    /// lines that <see cref="InProcessOnly"/> names (a penalty only a test assembly registers: the installed tool does not have it).
    /// </summary>
    private static bool Passable(string[] args) =>
        args.All(a => !a.Contains('\0') && Encoding.UTF8.GetByteCount(a) < 128 * 1024) && !InProcessOnly(args);

    /// <summary>Command lines only this process can run; set by the test assembly that registers its own penalties.</summary>
    internal static Func<IEnumerable<string>, bool> InProcessOnly { get; set; } = _ => false;

    private static Result RunProcess(string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Patience))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{Executable} {string.Join(' ', args)} did not finish within {Patience}");
        }
        process.WaitForExit(); // the output is read to its end
        return new Result(process.ExitCode, stdout.Result, WithoutProgress(stderr.Result.Replace("\r", "")));
    }

    /// <summary>
    /// The process's own stderr shows "loss grid: 40%" lines while slow work runs (in-process runs never do);
    /// how slow depends on the machine's load, so they are dropped and the rest compared as in-process.
    /// </summary>
    private static string WithoutProgress(string stderr) => ProgressLine().Replace(stderr, "");

    [GeneratedRegex(@"^[a-z][a-z ]*: \d{1,3}%\n", RegexOptions.Multiline)]
    private static partial Regex ProgressLine();
}
