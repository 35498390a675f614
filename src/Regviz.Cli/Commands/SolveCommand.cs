using System.CommandLine;
using Regviz.Cli.Options;
using Regviz.Cli.Output;

namespace Regviz.Cli.Commands;

/// <summary><c>regviz solve</c>: the optimum as numbers, no image.</summary>
internal sealed class SolveCommand
{
    // options belong to one command tree (see RegvizApp.CreateRoot), so each tree gets its own instance
    private readonly ProblemOptions _problem = new();
    private readonly Option<string?> _json = new("--json") { Description = "Also write the solution as JSON to FILE ('-': instead of the table, to stdout)", HelpName = "FILE" };

    public static Command Create() => new SolveCommand().Build();

    private Command Build()
    {
        var command = new Command("solve", "Solve the regularised problem and print the optimum (no image)");
        _problem.AddTo(command);
        command.Options.Add(_json);
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult result)
    {
        var stdout = result.InvocationConfiguration.Output;
        var run = RunContext.Of(result);
        string? target = result.GetValue(_json) is { } j ? run.Outputs.Prepare(j, "--json") : null;
        var spec = _problem.Bind(result);
        var solution = spec.Solve();
        CertificateOut.Warn(run.Warnings, solution.Certificate, "the optimum");
        if (target is not null)
            JsonOut.Write(RunContext.Of(result), target, SolutionReport.Sidecar(spec, solution));
        if (target != "-")
            SolutionReport.WriteTable(stdout, spec, solution);
        return 0;
    }
}
