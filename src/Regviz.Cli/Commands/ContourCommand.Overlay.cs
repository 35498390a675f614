using System.CommandLine;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Cli.Progress;
using Regviz.Core;
using Regviz.Core.Scenes;
using Regviz.Plotting;

namespace Regviz.Cli.Commands;

/// <summary><c>regviz contour --norm l1,l2 --overlay</c>: one loss, each penalty's ball through its own optimum, and each optimum, on one axes.</summary>
internal sealed partial class ContourCommand
{
    private readonly Option<bool> _overlay = OverlayFigures.Create("one loss with each penalty's ball through its own optimum, and each optimum,");

    private int RunOverlay(ParseResult result, PanelPlan? candidate, CancellationToken cancel)
    {
        var plan = OverlayFigures.Check(candidate, result, _panels);
        if (result.GetValue(_trace) is not null || result.GetValue(_path))
            throw new InputException("--overlay draws each penalty's ball and optimum; --trace and --path go with one penalty");
        var stdout = result.InvocationConfiguration.Output;
        var stderr = result.InvocationConfiguration.Error;
        var area = _plane.Bind(result);
        var f = _figure.Bind(result);
        // every penalty's problem is bound (and so checked) before any of them is solved; each is the single figure's
        var specs = Enumerable.Range(0, plan.Count).Select(i => _problem.Bind(plan.Panel(result, i))).ToList();
        var penalties = specs.Select(s => s.Penalty).ToList();
        PanelFigures.CheckVaries(plan, penalties);
        f.WarnAboutGlyphs(specs[0].FeatureNames);
        string panelsName = PanelFigures.DefaultName(DefaultNames.Descriptive("contour", specs[0].Penalty, specs[0], [.. Variant(result, specs[0], null), .. _parts.NameWords(result)]), plan, penalties, specs, "contour");
        string output = f.OutOr(DefaultNames.Unique(OverlayFigures.DefaultName(panelsName, "contour"), result, PanelFigures.Named(Named, plan, _problem.PenaltyOptions.Parameters)));

        // only the ball through each optimum: the other penalty contours of several penalties would be a thicket
        var options = SceneOptionsFor(result, area, f.Style, null) with { PenaltyLevels = 0 };
        var parts = _parts.Bind(result);
        using var progress = ProgressLine.ForStderr(stderr, "loss grid");
        var scenes = SceneBuilder.ContourPanels(specs, options, progress, cancel)
            .Select((scene, i) => scene with { LossNote = LossNotes.ForContour(specs[i]) })
            .ToList();
        var names = penalties.Select(p => PanelFigures.Varying(plan, p, null)).ToList();
        for (int i = 0; i < scenes.Count; i++)
            CertificateOut.Warn(f.Run.Warnings, scenes[i].Optimum.Certificate, $"the optimum of {names[i]}");
        string common = PanelFigures.Common(plan, penalties[0], specs[0], scenes[0].LossNote);
        string title = f.Style.Title ?? $"{string.Join(" vs ", names)}{(common.Length > 0 ? $", {common}" : "")}";
        var descriptions = scenes.Select(FigureText.Describe).ToList();
        var description = FigureText.DescribeOverlay(title, names, scenes);
        var style = f.Style with { Description = description };
        var plot = FigureExport.Save(style, output, s => OverlayFigure.Contours(scenes, names, title, s, parts));
        if (f.Json is { } json)
            JsonOut.Write(RunContext.Of(result), json, PanelFigures.Sidecar(description, plan, penalties, specs, [.. scenes.Select((s, i) => SceneJson.Contour(s, descriptions[i]))], LayoutJson.Of(FigureLayout.Of(plot)), overlay: true));
        f.Announce(stdout, output, description);
        return 0;
    }
}
