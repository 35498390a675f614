using Regviz.Core;

namespace Regviz.Cli.Errors;

/// <summary>
/// The one place where an exception that reached a command's edge becomes an exit code and one line. Input the user
/// (or a pull request) gave — a value, a file, a folder, the environment — is exit 2; anything else is regviz's own
/// fault, exit 70, still one line. A stack trace follows only when <c>REGVIZ_DEBUG</c> is set (or <c>--verbose</c>):
/// CI logs of public repositories are public, and a trace says nothing a user can act on.
/// </summary>
internal static class ExceptionEdge
{
    /// <summary>The variable that asks for stack traces of unexpected failures.</summary>
    public const string DebugVariable = "REGVIZ_DEBUG";

    /// <summary>True when the environment asks for stack traces (any value but empty or "0").</summary>
    public static bool Debugging => Environment.GetEnvironmentVariable(DebugVariable) is { Length: > 0 } v && v != "0";

    /// <summary>The exit code and error text for <paramref name="e"/>; the stack trace as detail when asked for.</summary>
    public static RunResult Translate(Exception e, bool verbose)
    {
        e = Unwrap(e);
        if (ParameterFlags.UserError(e) is { } message) return new RunResult(RegvizApp.UsageError, message);
        // a write refused after Ctrl-C or SIGTERM, seen by a figure of a batch before the run itself stops
        if (e is OperationCanceledException) return new RunResult(RegvizApp.Interrupted, "interrupted");
        if (Environmental(e) is { } environment) return new RunResult(RegvizApp.UsageError, environment);
        var bug = new RunResult(RegvizApp.Bug, $"unexpected failure ({e.GetType().Name}), a bug in regviz; set {DebugVariable}=1 for its stack trace");
        return verbose || Debugging ? bug with { Detail = e.ToString() } : bug;
    }

    /// <summary>
    /// A task's or a parallel loop's wrapper says nothing of its own. Where several iterations failed (every frame of
    /// a sweep refusing the same input), the input's error is the one to report: the first the user can act on.
    /// </summary>
    private static Exception Unwrap(Exception e)
    {
        while (e is System.Reflection.TargetInvocationException { InnerException: { } inner }) e = inner;
        if (e is not AggregateException a) return e;
        var failures = a.Flatten().InnerExceptions.Select(Unwrap).ToList();
        return failures.FirstOrDefault(f => ParameterFlags.UserError(f) is not null)
            ?? failures.FirstOrDefault(f => f is OperationCanceledException)
            ?? failures.FirstOrDefault(f => Environmental(f) is not null)
            ?? failures.FirstOrDefault() ?? e;
    }

    /// <summary>
    /// Failures of the machine regviz was given rather than of regviz: a full disk, a folder it may not write, a
    /// temporary folder that does not exist. The system's message names the path; no input content is in it.
    /// </summary>
    private static string? Environmental(Exception e) => e switch
    {
        UnauthorizedAccessException => $"permission denied: {Excerpt.Of(e.Message)}",
        DirectoryNotFoundException or FileNotFoundException => $"not found: {e.Message}",
        PathTooLongException => "a path is too long for this system",
        IOException when IsDiskFull(e) => "no space left on the device",
        IOException => $"input/output error: {e.Message}",
        _ => null,
    };

    // ENOSPC (28) and EDQUOT (122): the runtime reports them as plain IOExceptions with the errno in HResult's low bits
    private static bool IsDiskFull(Exception e) => (e.HResult & 0xFFFF) is 28 or 122 || e.Message.Contains("No space left", StringComparison.Ordinal);
}
