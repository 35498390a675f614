using System.CommandLine;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core.Penalties;
using Regviz.Core.Scenes;
using Regviz.Plotting;

namespace Regviz.Cli.Commands;

/// <summary><c>regviz norm</c>: the contours of the penalty alone, from their exact boundaries.</summary>
internal static class NormCommand
{
    public static Command Create()
    {
        var figure = new FigureOptions();
        var norm = new Option<string>("--norm") { Description = "Penalty: l1, l2, elasticnet, lp, linf, mcp, scad (mcp and scad change shape with λ: drawn at λ = 1)", DefaultValueFactory = _ => "l1", HelpName = string.Join("|", PenaltyCatalogue.Names) };
        var alpha = NumberOptions.Required("--alpha", 0.5, "Elastic-net mixing α in [0, 1]", "α");
        var p = NumberOptions.Required("--p", 0.5, "Exponent 0 < p ≤ 100 of the lp penalty", "p");
        var gamma = NumberOptions.Nullable("--gamma", ProblemOptions.GammaHelp, "γ");
        var command = new Command("norm", "Contours of the penalty P(w) alone: the L1 diamond, the L2 circle, and the others");
        command.Options.Add(norm);
        command.Options.Add(alpha);
        command.Options.Add(p);
        command.Options.Add(gamma);
        figure.AddTo(command);
        command.SetAction(result =>
        {
            var f = figure.Bind(result);
            var penalty = ProblemOptions.CreatePenalty(result.GetValue(norm)!, new PenaltySettings(result.GetValue(alpha), result.GetValue(p), result.GetValue(gamma)));
            string output = f.OutOr(ContourCommand.DefaultName("norm", penalty, null));
            var scene = SceneBuilder.Norm(penalty, f.Range, f.Levels, f.Style.Frame().Aspect);
            var plot = NormFigure.Render(scene, f.Style);
            FigureExport.Save(plot, f.Style, output);
            if (f.Json is { } json) JsonOut.Write(json, result.InvocationConfiguration.Output, w => SceneJson.Write(w, scene));
            if (f.Json != "-") result.InvocationConfiguration.Output.WriteLine(output);
            return 0;
        });
        return command;
    }
}
