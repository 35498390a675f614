using System.CommandLine;
using System.Text;
using Regviz.Cli.Commands;
using Regviz.Cli.Errors;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.IO;

namespace Regviz.Cli;

/// <summary>
/// The command tree and the exit-code policy: 0 success, 1 a difference found, 2 a usage or input error
/// (one <c>error:</c> line), 70 a bug (one line; a stack trace only with REGVIZ_DEBUG or --verbose).
/// </summary>
public static class RegvizApp
{
    public const int Ok = 0, Difference = 1, UsageError = 2, Bug = 70;

    private const string Verbose = "--verbose";

    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("regviz: figures that explain L1/L2 regularisation, with exact numbers");
        // a new option per tree: an option remembers every command it is added to, so one static option would
        // keep every tree ever built alive (a batch builds one per figure: ~90 KB a figure, retained)
        root.Options.Add(new Option<bool>(Verbose) { Description = "Show stack traces for unexpected failures", Recursive = true });
        root.Subcommands.Add(ContourCommand.Create());
        root.Subcommands.Add(AnimateCommand.Create());
        root.Subcommands.Add(ExploreCommand.Create());
        root.Subcommands.Add(NormCommand.Create());
        root.Subcommands.Add(BallCommand.Create());
        root.Subcommands.Add(SurfaceCommand.Create());
        root.Subcommands.Add(PathCommand.Create());
        root.Subcommands.Add(SolveCommand.Create());
        root.Subcommands.Add(SparsityCommand.Create());
        root.Subcommands.Add(ShrinkCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(BatchCommand.Create());
        root.Subcommands.Add(CompletionCommand.Create());
        Help.ExamplesHelpAction.Install(root);
        return root;
    }

    /// <summary>Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>
    /// Parses and runs one command line, writing to the given streams; returns the exit code. When
    /// <paramref name="interrupt"/> fires, the run's temporary files are removed, nothing more is renamed into
    /// place, and the exit code is 130.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken interrupt = default) =>
        Run(args, new RunContext(stdout, stderr), interrupt);

    /// <summary><see cref="Run(string[], TextWriter, TextWriter, CancellationToken)"/> with the run's services given.</summary>
    internal static int Run(string[] args, RunContext run, CancellationToken interrupt = default)
    {
        var result = Execute(args, run, interrupt);
        if (result.Error is { } message) run.Error.WriteLine($"error: {message}");
        if (result.Detail is { } detail) run.Error.WriteLine(detail);
        return result.ExitCode;
    }

    /// <summary>
    /// No argument is ever read from a file: System.CommandLine would expand <c>@file</c> before regviz sees its
    /// arguments, unbounded (<c>@/dev/zero</c>), recursively (a file naming itself) and into any value
    /// (<c>--title @/etc/passwd</c> printed a line of it). A word starting with '@' is just that word.
    /// </summary>
    private static ParserConfiguration Parsing() => new() { ResponseFileTokenReplacer = null };

    /// <summary>
    /// <see cref="Run"/> without its last step: the command's own output and warnings go to the streams, but a
    /// failure is returned (exit code and message) instead of written, for a caller that reports it itself. Every
    /// exception becomes a result here (<see cref="ExceptionEdge"/>).
    /// </summary>
    public static RunResult Execute(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken interrupt = default) =>
        Execute(args, new RunContext(stdout, stderr), interrupt);

    /// <summary><see cref="Execute(string[], TextWriter, TextWriter, CancellationToken)"/> with the run's services given (a batch figure's).</summary>
    internal static RunResult Execute(string[] args, RunContext configuration, CancellationToken interrupt = default)
    {
        try
        {
            var root = CreateRoot();
            var parsed = root.Parse(args, Parsing());
            // --help answers even a command line that lacks a required argument (compare --help)
            if (parsed.Errors.Count > 0 && parsed.Action is not Help.ExamplesHelpAction)
                return Failure(Suggestions.ParseError(parsed, root, args), UsageError);
            if (Suggestions.OptionTakenAsArgument(parsed, root) is { } typo)
                return Failure(typo, UsageError);
            if (parsed.Action is not Help.ExamplesHelpAction && OptionsWithoutEffect.Find(parsed) is { } idle)
                return Failure(idle, UsageError);
            if (!interrupt.CanBeCanceled) return new RunResult(parsed.Invoke(configuration));
            var work = Task.Run(() => parsed.Invoke(configuration));
            try { Task.WaitAny([work], interrupt); } // throws only on interruption; a failure is rethrown unwrapped below
            catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
            {
                TempFiles.AbandonAll();
                return Failure("interrupted", Interrupted);
            }
            return new RunResult(work.GetAwaiter().GetResult());
        }
        catch (Exception e)
        {
            var translated = ExceptionEdge.Translate(e, args.Contains(Verbose));
            return Failure(translated.Error!, translated.ExitCode) with { Detail = translated.Detail };
        }
    }

    /// <summary>Longest error line: room for a full path or two, not for a megabyte-long argument echoed back.</summary>
    private const int MaxMessage = 4096;

    /// <summary>The error line's text; control characters (a quoted newline in a CSV cell) are escaped so it stays one line.</summary>
    private static RunResult Failure(string message, int code)
    {
        string line = OneLine(message);
        return new RunResult(code, line.Length > MaxMessage ? line[..MaxMessage] + "…" : line);
    }

    /// <summary>Input text escaped by the project's one policy (<see cref="SafeText"/>), so it stays one line and shows as written.</summary>
    internal static string OneLine(string text) => SafeText.Display(text);
}
