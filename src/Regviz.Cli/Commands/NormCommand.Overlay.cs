using System.CommandLine;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core.Scenes;
using Regviz.Plotting;

namespace Regviz.Cli.Commands;

/// <summary><c>regviz norm --norm l1,l2,linf --overlay</c>: every penalty's level sets on one axes, each labelled with its name.</summary>
internal sealed partial class NormCommand
{
    private readonly Option<bool> _overlay = OverlayFigures.Create("every penalty's level sets (default: the unit balls, P = 1)");

    private int RunOverlay(ParseResult result, PanelPlan? candidate)
    {
        var plan = OverlayFigures.Check(candidate, result, _panels);
        var area = _plane.Bind(result);
        var f = _figure.Bind(result);
        f.WarnAboutGlyphs();
        var penalties = Enumerable.Range(0, plan.Count).Select(i => _penalty.Bind(plan.Panel(result, i))).ToList();
        PanelFigures.CheckVaries(plan, penalties);
        string panelsName = PanelFigures.DefaultName(DefaultNames.Descriptive("norm", penalties[0], null, NameWords(result)), plan, penalties, null, "norm");
        string output = f.OutOr(DefaultNames.Unique(OverlayFigures.DefaultName(panelsName, "norm"), result, PanelFigures.Named(Named, plan, _penalty.Parameters)));
        // several penalties' evenly spaced levels would be a thicket: the unit balls unless --level or --levels says otherwise
        IReadOnlyList<double>? exact = ExactLevels(result) ?? (result.GetResult(_plane.Levels) is { Implicit: false } ? null : [1.0]);
        var parts = _parts.Bind(result);
        double aspect = f.Style.Frame().Aspect;
        var scenes = penalties.Select(p => SceneFor(p, area, exact, aspect)).ToList();
        // one range for all: the widest automatic one, so every level set is whole, with room above them for the
        // legend's rows (one per penalty), which would otherwise cover the tops of the balls
        if (area.Range is null)
        {
            var widest = scenes.Select(sc => sc.Range).Aggregate((a, b) => a.Width >= b.Width ? a : b);
            var shared = widest with { Y1 = widest.Y1 + 0.15 * penalties.Count * widest.Height / 2.5 };
            scenes = penalties.Select(p => SceneFor(p, area with { Range = shared }, exact, aspect)).ToList();
        }
        var names = penalties.Select(p => PanelFigures.Varying(plan, p, null)).ToList();
        var descriptions = scenes.Select(FigureText.Describe).ToList();
        var description = FigureText.DescribeOverlay(names, scenes);
        var style = f.Style with { Description = description };
        var plot = FigureExport.Save(style, output, s => OverlayFigure.Norms(scenes, names, s, parts));
        if (f.Json is { } json)
            JsonOut.Write(RunContext.Of(result), json, PanelFigures.Sidecar(description, plan, penalties, null, [.. scenes.Select((s, i) => SceneJson.Norm(s, descriptions[i]))], LayoutJson.Of(FigureLayout.Of(plot)), overlay: true));
        f.Announce(result.InvocationConfiguration.Output, output, description);
        return 0;
    }
}
