using System.CommandLine;
using Regviz.Cli.Options;
using Regviz.Cli.Output;

namespace Regviz.Cli.Commands;

/// <summary><c>regviz solve</c>: the optimum as numbers, no image.</summary>
internal static class SolveCommand
{
    public static Command Create()
    {
        var problem = new ProblemOptions();
        var json = new Option<string?>("--json") { Description = "Also write the solution as JSON to FILE ('-': instead of the table, to stdout)", HelpName = "FILE" };
        var command = new Command("solve", "Solve the regularised problem and print the optimum (no image)");
        problem.AddTo(command);
        command.Options.Add(json);
        command.SetAction(result =>
        {
            var stdout = result.InvocationConfiguration.Output;
            string? target = result.GetValue(json) is { } j ? OutputTargets.Prepare(j, "--json") : null;
            var spec = problem.Bind(result);
            var solution = spec.Solve();
            CertificateOut.Warn(result.InvocationConfiguration.Error, solution.Certificate, "the optimum");
            if (target is not null)
                JsonOut.Write(target, stdout, w => SolutionReport.WriteJson(w, spec, solution));
            if (target != "-")
                SolutionReport.WriteTable(stdout, spec, solution);
            return 0;
        });
        return command;
    }
}
