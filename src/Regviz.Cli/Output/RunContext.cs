using System.CommandLine;
using Regviz.Plotting;

namespace Regviz.Cli.Output;

/// <summary>
/// The services one run of a command line uses, handed in with its invocation instead of held in statics: where its
/// files may go, where its warnings go, and who hears of the figure it wrote. A typed command gets the process's
/// (files wherever the user may write, warnings on stderr); a batch gives each figure its own (files confined to
/// the output folder, warnings kept as values under the figure's name, the description and sidecar handed back),
/// so figures rendered in parallel cannot see each other's.
/// </summary>
internal sealed class RunContext : InvocationConfiguration
{
    /// <summary>A typed command's services: its streams, warnings written to <paramref name="stderr"/>, files anywhere.</summary>
    public RunContext(TextWriter stdout, TextWriter stderr)
    {
        Output = stdout;
        Error = stderr;
        EnableDefaultExceptionHandler = false; // RegvizApp turns every exception into an exit code itself
        Warnings = new StderrWarnings(stderr);
    }

    /// <summary>Where the run's files may go.</summary>
    public OutputTargets Outputs { get; init; } = OutputTargets.Anywhere;

    /// <summary>Which files the run may read, and whether its errors may quote them.</summary>
    public Options.ReadConfinement Reads { get; init; } = Options.ReadConfinement.None;

    /// <summary>Where the run's warnings go.</summary>
    public IWarnings Warnings { get; init; }

    /// <summary>The environment as the run reads it: the process's, or a test's own.</summary>
    public Func<string, string?> Variable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Hears the description of each figure the run writes (a batch's --markdown); null when nobody asked.</summary>
    public Action<FigureDescription>? Described { get; init; }

    /// <summary>Hears every JSON document the run writes (a checking batch compares the numbers); null when nobody asked.</summary>
    public Action<byte[]>? SidecarWritten { get; init; }

    /// <summary>The services <paramref name="result"/> was invoked with; a plain invocation (not through <see cref="RegvizApp"/>) gets a typed command's.</summary>
    public static RunContext Of(ParseResult result) =>
        result.InvocationConfiguration as RunContext
        ?? new RunContext(result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
}
