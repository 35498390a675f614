using System.CommandLine;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core.Scenes;
using Regviz.Plotting;

namespace Regviz.Cli.Commands;

/// <summary><c>regviz norm</c>: the contours of the penalty alone, from their exact boundaries.</summary>
internal sealed class NormCommand
{
    // options belong to one command tree (see RegvizApp.CreateRoot), so each tree gets its own instance
    private readonly PenaltyOptions _penalty = new();
    private readonly FigureOptions _figure = new();
    private readonly PlaneOptions _plane = new();

    public static Command Create() => new NormCommand().Build();

    private Command Build()
    {
        var command = new Command("norm", "Contours of the penalty P(w) alone: the L1 diamond, the L2 circle, and the others");
        _penalty.AddTo(command);
        _figure.AddTo(command);
        _plane.AddTo(command);
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult result)
    {
        var area = _plane.Bind(result);
        var f = _figure.Bind(result);
        var penalty = _penalty.Bind(result);
        string output = f.OutOr(ContourCommand.DefaultName("norm", penalty, null));
        f.WarnAboutGlyphs(result.InvocationConfiguration.Error);
        var scene = SceneBuilder.Norm(penalty, area.Range, area.Levels, f.Style.Frame().Aspect);
        var description = FigureText.Describe(scene);
        var style = f.Style with { Description = description };
        FigureExport.Save(NormFigure.Render(scene, style), style, output);
        if (f.Json is { } json) JsonOut.Write(json, result.InvocationConfiguration.Output, w => SceneJson.Write(w, scene, description));
        f.Announce(result.InvocationConfiguration.Output, output, description);
        return 0;
    }
}
