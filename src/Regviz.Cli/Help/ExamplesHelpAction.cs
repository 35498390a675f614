using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Regviz.Cli.Help;

/// <summary>
/// --help as System.CommandLine writes it, then the command's examples (<see cref="CommandExamples"/>): the
/// documented way to add a section to help in System.CommandLine 2.0 is to wrap its action.
/// </summary>
internal sealed class ExamplesHelpAction(HelpAction standard) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        int code = standard.Invoke(parseResult);
        var command = parseResult.CommandResult.Command;
        CommandExamples.Write(parseResult.InvocationConfiguration.Output, command is RootCommand ? "" : command.Name);
        return code;
    }

    /// <summary>Puts the wrapper in place of the root's help action (the option is recursive: every command's --help).</summary>
    public static void Install(RootCommand root)
    {
        foreach (var option in root.Options)
            if (option is HelpOption { Action: HelpAction standard } help)
                help.Action = new ExamplesHelpAction(standard);
    }
}
