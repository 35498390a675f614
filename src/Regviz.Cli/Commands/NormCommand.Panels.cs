using System.CommandLine;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core.Scenes;
using Regviz.Plotting;

namespace Regviz.Cli.Commands;

/// <summary><c>regviz norm</c> with a comma list: one panel per penalty, on the same range, each with its formula.</summary>
internal sealed partial class NormCommand
{
    private readonly PanelOptions _panels = new();

    private int RunPanels(ParseResult result, PanelPlan plan)
    {
        var area = _plane.Bind(result);
        var f = _figure.Bind(result);
        f.WarnAboutGlyphs();
        var panel = PanelFigures.PanelStyle(result, _figure, f);
        PanelFigures.CheckImage(plan, panel);
        var penalties = Enumerable.Range(0, plan.Count).Select(i => _penalty.Bind(plan.Panel(result, i))).ToList();
        PanelFigures.CheckVaries(plan, penalties);
        string name = PanelFigures.DefaultName(DefaultNames.Descriptive("norm", penalties[0], null, NameWords(result)), plan, penalties, null, "norm");
        string output = f.OutOr(DefaultNames.Unique(name, result, PanelFigures.Named(Named, plan, _penalty.Parameters)));
        var exact = ExactLevels(result);
        var parts = _parts.Bind(result);
        var scenes = penalties.Select(p => SceneFor(p, area, exact, panel.Frame().Aspect)).ToList();
        // one range for all: the automatic ranges differ when a level set reaches further for one penalty than another
        if (area.Range is null)
        {
            var shared = scenes.Select(sc => sc.Range).Aggregate((a, b) => a.Width >= b.Width ? a : b);
            scenes = penalties.Select(p => SceneFor(p, area with { Range = shared }, exact, panel.Frame().Aspect)).ToList();
        }
        // each panel keeps its own legend, the penalty's formula, which differs from panel to panel
        var titles = penalties.Select(p => PanelFigures.Varying(plan, p, null)).ToList();
        string header = f.Style.Title ?? (plan.Name == "norm" ? "Contours of P(w)" : $"{penalties[0].Title}: contours of P(w)");
        var descriptions = scenes.Select(FigureText.Describe).ToList();
        var description = FigureText.DescribePanels(header, titles, scenes.Select(FigureText.ShortResult).ToList(), descriptions);
        // panels keep their own legends (the formula differs): none is shared, and --no-legend leaves none at all
        var grid = new PanelLayout(panel, plan.Columns, header) { SharedLegend = false, Description = description };
        var plots = PanelGrid.Save(grid, output, s => scenes.Select((scene, i) => NormFigure.Render(scene, s with { Title = titles[i] }, parts)).ToList());
        if (f.Json is { } json)
            JsonOut.Write(RunContext.Of(result), json, PanelFigures.Sidecar(description, plan, penalties, null, [.. scenes.Select((s, i) => SceneJson.Norm(s, descriptions[i]))], LayoutJson.Of(PanelGrid.LayoutOf(plots, grid))));
        f.Announce(result.InvocationConfiguration.Output, output, description);
        return 0;
    }
}
