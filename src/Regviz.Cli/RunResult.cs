namespace Regviz.Cli;

/// <summary>
/// How one command line ended: its exit code and, when it failed, the text of its one <c>error:</c> line (escaped
/// to one line and capped). A batch takes a figure's error from here, not by reading back what was printed.
/// </summary>
public sealed record RunResult(int ExitCode, string? Error = null)
{
    /// <summary>The stack trace that --verbose asks for, printed after the error line.</summary>
    public string? Detail { get; init; }
}
