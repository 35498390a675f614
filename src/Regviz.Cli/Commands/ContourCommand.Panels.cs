using System.CommandLine;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Cli.Progress;
using Regviz.Core.Scenes;
using Regviz.Plotting;

namespace Regviz.Cli.Commands;

/// <summary><c>regviz contour</c> with a comma list: one panel per value, sharing range and legend.</summary>
internal sealed partial class ContourCommand
{
    private readonly PanelOptions _panels = new();

    private int RunPanels(ParseResult result, PanelPlan plan, CancellationToken cancel)
    {
        var stdout = result.InvocationConfiguration.Output;
        var stderr = result.InvocationConfiguration.Error;
        var area = _plane.Bind(result);
        var f = _figure.Bind(result);
        var panel = PanelFigures.PanelStyle(result, _figure, f);
        PanelFigures.CheckImage(plan, panel);
        string? method = result.GetValue(_trace);
        var trace = TraceRequestFrom(method, result.GetValue(_start), result.GetValue(_steps));
        // every panel's problem is bound (and so checked) before any of them is solved
        var specs = Enumerable.Range(0, plan.Count).Select(i => _problem.Bind(plan.Panel(result, i))).ToList();
        var penalties = specs.Select(s => s.Penalty).ToList();
        PanelFigures.CheckVaries(plan, penalties);
        f.WarnAboutGlyphs(specs[0].FeatureNames);
        string name = PanelFigures.DefaultName(DefaultNames.Descriptive("contour", specs[0].Penalty, specs[0], [.. Variant(result, specs[0], method), .. _parts.NameWords(result)]), plan, penalties, specs, "contour");
        string output = f.OutOr(DefaultNames.Unique(name, result, PanelFigures.Named(Named, plan, _problem.PenaltyOptions.Parameters)));

        var options = SceneOptionsFor(result, area, panel, trace);
        var parts = _parts.Bind(result);
        using var progress = ProgressLine.ForStderr(stderr, "loss grid");
        var scenes = SceneBuilder.ContourPanels(specs, options, progress, cancel)
            .Select((scene, i) => scene with { LossNote = LossNotes.ForContour(specs[i]) })
            .ToList();
        var titles = new List<string>();
        var panelTitles = new List<string>();
        for (int i = 0; i < scenes.Count; i++)
        {
            var o = scenes[i].Optimum;
            string varying = PanelFigures.Varying(plan, penalties[i], specs[i], o);
            CertificateOut.Warn(f.Run.Warnings, o.Certificate, $"the optimum of the panel {varying}");
            if (scenes[i].Trace is { Diverged: true } diverged)
                f.Run.Warnings.Warn($"--trace {method} diverged after {Text.Count(diverged.Iterates.Count - 1, "step")} in the panel {varying}; the figure shows the steps before it");
            string title = ContourFigure.Punchline(o.Weights) is { } punchline ? $"{varying}: {punchline}" : varying;
            titles.Add(varying);
            panelTitles.Add(title);
        }
        string header = f.Style.Title ?? PanelFigures.Common(plan, penalties[0], specs[0], scenes[0].LossNote);
        var descriptions = scenes.Select(FigureText.Describe).ToList();
        var description = FigureText.DescribePanels(header, titles, scenes.Select(FigureText.ShortResult).ToList(), descriptions);
        var layout = new PanelLayout(panel, plan.Columns, header)
        {
            SharedLegend = parts.Legend,
            Description = description,
        };
        var plots = PanelGrid.Save(layout, output, s => scenes.Select((scene, i) => ContourFigure.Render(scene, s with { Title = panelTitles[i] }, parts with { Legend = false })).ToList());
        if (f.Json is { } json)
            JsonOut.Write(RunContext.Of(result), json, PanelFigures.Sidecar(description, plan, penalties, specs, [.. scenes.Select((s, i) => SceneJson.Contour(s, descriptions[i]))], LayoutJson.Of(PanelGrid.LayoutOf(plots, layout))));
        f.Announce(stdout, output, description);
        return 0;
    }
}
