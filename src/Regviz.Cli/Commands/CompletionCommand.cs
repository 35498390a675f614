using System.CommandLine;
using Regviz.Cli.Completion;
using Regviz.Cli.Options;

namespace Regviz.Cli.Commands;

/// <summary><c>regviz completion SHELL</c>: prints the shell's completion script for the whole command tree.</summary>
internal static class CompletionCommand
{
    public static Command Create()
    {
        var shell = new Argument<string>("SHELL") { Description = $"The shell: {string.Join(", ", CompletionModel.Shells)}" };
        var command = new Command("completion", "Print a script that completes regviz's commands, options and their values in your shell");
        command.Arguments.Add(shell);
        command.SetAction(result =>
        {
            string name = result.GetValue(shell)!.Trim().ToLowerInvariant();
            if (!CompletionModel.Shells.Contains(name)) throw Words.Unknown("completion", "shell", result.GetValue(shell)!, CompletionModel.Shells);
            var root = (RootCommand)result.RootCommandResult.Command;
            result.InvocationConfiguration.Output.Write(CompletionScripts.For(name, CompletionModel.Read(root), CompletionModel.RootOptions(root)));
            return 0;
        });
        return command;
    }
}
