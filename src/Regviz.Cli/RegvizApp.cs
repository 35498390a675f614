using System.CommandLine;
using System.Text;
using Regviz.Cli.Commands;
using Regviz.Cli.Errors;
using Regviz.Core;
using Regviz.Core.IO;

namespace Regviz.Cli;

/// <summary>
/// The command tree and the exit-code policy: 0 success, 1 a difference found, 2 a usage or input error
/// (one <c>error:</c> line, no stack trace unless --verbose).
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
        return root;
    }

    /// <summary>Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>
    /// Parses and runs one command line, writing to the given streams; returns the exit code. When
    /// <paramref name="interrupt"/> fires, the run's temporary files are removed, nothing more is renamed into
    /// place, and the exit code is 130. <paramref name="responseFiles"/> false reads no <c>@file</c> arguments
    /// (a manifest's words must not pull in other files).
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken interrupt = default, bool responseFiles = true)
    {
        var result = Execute(args, stdout, stderr, interrupt, responseFiles);
        if (result.Error is { } message) stderr.WriteLine($"error: {message}");
        if (result.Detail is { } detail) stderr.WriteLine(detail);
        return result.ExitCode;
    }

    /// <summary>
    /// <see cref="Run"/> without its last step: the command's own output and warnings go to the streams, but a
    /// failure is returned (exit code and message) instead of written, for a caller that reports it itself.
    /// </summary>
    public static RunResult Execute(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken interrupt = default, bool responseFiles = true)
    {
        var root = CreateRoot();
        var parsed = root.Parse(args, responseFiles ? new ParserConfiguration() : new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
            return Failure(ParseError(parsed, root, args), UsageError);
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
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
        catch (Exception e) when (ParameterFlags.UserError(e) is { } message)
        {
            return Failure(message, UsageError);
        }
        catch (Exception e)
        {
            return Failure($"unexpected failure ({e.GetType().Name}): {e.Message}", Bug) with { Detail = args.Contains(Verbose) ? e.ToString() : null };
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

    internal static string OneLine(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var b = new StringBuilder(text.Length + 16);
        foreach (char c in text)
            b.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return b.ToString();
    }

    /// <summary>
    /// One message for a failed parse: an unknown command is named as such (the parser would say "Required command
    /// was not provided"), otherwise the parser's first error (the rest usually follow from it).
    /// </summary>
    private static string ParseError(ParseResult parsed, RootCommand root, string[] args)
    {
        if (parsed.CommandResult.Command != root) return parsed.Errors[0].Message;
        string commands = string.Join(", ", root.Subcommands.Select(c => c.Name));
        string? word = args.FirstOrDefault(a => !a.StartsWith('-'));
        return word is null
            ? $"no command given (commands: {commands}; see --help)"
            : $"unknown command '{Excerpt.Of(word)}' (commands: {commands})";
    }
}
