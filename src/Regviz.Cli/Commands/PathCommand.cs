using System.CommandLine;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.Paths;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Plotting;

namespace Regviz.Cli.Commands;

/// <summary><c>regviz path</c>: coefficients against λ for any number of features, glmnet style; exact knots for l1.</summary>
internal static class PathCommand
{
    public static Command Create()
    {
        var problem = new ProblemOptions();
        var figure = new FigureOptions();
        var count = new Option<int>("--count") { Description = "How many λ values on the log grid (2..10000)", DefaultValueFactory = _ => 100, HelpName = "N" };
        var ratio = NumberOptions.Required("--ratio", 1e-4, "Smallest λ as a fraction of λ_max, in (0, 1)", "R");
        var xvar = new Option<string>("--xvar") { Description = "x axis: lambda (log scale, as glmnet) or norm (‖w‖₁)", DefaultValueFactory = _ => "lambda", HelpName = "lambda|norm" };
        var command = new Command("path", "Coefficients against λ (log axis), one line per feature; with --lambda, a marker there");
        problem.AddTo(command);
        figure.AddTo(command);
        command.Options.Add(count);
        command.Options.Add(ratio);
        command.Options.Add(xvar);
        command.SetAction(result =>
        {
            var f = figure.Bind(result);
            var axis = result.GetValue(xvar)!.Trim().ToLowerInvariant() switch
            {
                "lambda" => PathAxis.Lambda,
                "norm" => PathAxis.Norm,
                var other => throw new InputException($"--xvar: unknown axis '{other}' (valid: lambda, norm)"),
            };
            if (result.GetValue(problem.Radius) is not null)
                throw new InputException("--radius: a path runs over λ; give --lambda to mark a point on it instead");
            double? marker = result.GetValue(problem.Lambda);
            var spec = problem.Bind(result);
            string output = f.OutOr(ContourCommand.DefaultName("path", spec.Penalty, null));
            var path = GridPath.Compute(spec, result.GetValue(count), result.GetValue(ratio));
            var scene = new PathScene(path, spec.FeatureNames, spec.Penalty, axis, marker)
            {
                LossNote = spec.IsLeastSquares ? null : $"{spec.LossKind.Name()} loss{(spec.Model == Regviz.Core.Models.ModelKind.Exp ? ", exp model" : "")}",
            };
            var plot = PathFigure.Render(scene, f.Style);
            FigureExport.Save(plot, f.Style, output);
            if (f.Json is { } json) JsonOut.Write(json, result.InvocationConfiguration.Output, w => SceneJson.Write(w, scene));
            if (f.Json != "-") result.InvocationConfiguration.Output.WriteLine(output);
            return 0;
        });
        return command;
    }
}
