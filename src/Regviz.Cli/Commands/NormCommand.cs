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
        var plane = new PlaneOptions();
        var penaltyOptions = new PenaltyOptions();
        var command = new Command("norm", "Contours of the penalty P(w) alone: the L1 diamond, the L2 circle, and the others");
        penaltyOptions.AddTo(command);
        figure.AddTo(command);
        plane.AddTo(command);
        command.SetAction(result =>
        {
            var area = plane.Bind(result);
            var f = figure.Bind(result);
            var penalty = penaltyOptions.Bind(result);
            string output = f.OutOr(ContourCommand.DefaultName("norm", penalty, null));
            var scene = SceneBuilder.Norm(penalty, area.Range, area.Levels, f.Style.Frame().Aspect);
            var plot = NormFigure.Render(scene, f.Style);
            FigureExport.Save(plot, f.Style, output);
            if (f.Json is { } json) JsonOut.Write(json, result.InvocationConfiguration.Output, w => SceneJson.Write(w, scene));
            if (f.Json != "-") result.InvocationConfiguration.Output.WriteLine(output);
            return 0;
        });
        return command;
    }
}
