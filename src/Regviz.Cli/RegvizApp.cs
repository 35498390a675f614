using System.CommandLine;
using Regviz.Cli.Commands;
using Regviz.Core;

namespace Regviz.Cli;

/// <summary>
/// The command tree and the exit-code policy: 0 success, 1 a difference found, 2 a usage or input error
/// (one <c>error:</c> line, no stack trace unless --verbose).
/// </summary>
public static class RegvizApp
{
    public const int Ok = 0, Difference = 1, UsageError = 2, Bug = 70;

    internal static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show stack traces for unexpected failures",
        Recursive = true,
    };

    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("regviz: figures that explain L1/L2 regularisation, with exact numbers");
        root.Options.Add(Verbose);
        root.Subcommands.Add(ContourCommand.Create());
        root.Subcommands.Add(NormCommand.Create());
        root.Subcommands.Add(PathCommand.Create());
        root.Subcommands.Add(SolveCommand.Create());
        root.Subcommands.Add(SparsityCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(BatchCommand.Create());
        return root;
    }

    /// <summary>Parses and runs one command line, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CreateRoot().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine($"error: {parsed.Errors[0].Message}");
            if (parsed.Errors.Count > 1) stderr.WriteLine($"       ({parsed.Errors.Count - 1} more; see --help)");
            return UsageError;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (InputException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return UsageError;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"error: unexpected failure ({e.GetType().Name}): {e.Message}");
            if (parsed.GetValue(Verbose)) stderr.WriteLine(e);
            return Bug;
        }
    }
}
