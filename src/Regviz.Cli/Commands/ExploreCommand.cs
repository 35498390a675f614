using System.CommandLine;
using Regviz.Cli.Explore;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Cli.Progress;
using Regviz.Core;
using Regviz.Core.IO;
using Regviz.Core.Motion;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Plotting;

namespace Regviz.Cli.Commands;

/// <summary>
/// <c>regviz explore</c>: one self-contained HTML page with a λ slider (log scale) over the sweep of <c>animate</c>,
/// the figure for the chosen λ and its numbers: w*, D(w*), P(w*), the exact zeros and the λ ↔ t equivalence; or, for a
/// quadratic data term in two weights, the live page of ExploreCommand.Live.cs.
/// </summary>
internal sealed partial class ExploreCommand
{
    private readonly ProblemOptions _problem = new();
    private readonly FigureOptions _figure = new();
    private readonly PlaneOptions _plane = new();
    private readonly SweepOptions _sweep = new();
    private readonly Option<string?> _out = new("--out", "-o") { Description = "Output file, .html: the page, every image inside it (default: a descriptive name in the current directory)", HelpName = "FILE" };
    private readonly Option<bool> _path = new("--path") { Description = "Draw the whole regularisation path on every frame (default: the path w* has taken so far)" };

    public static Command Create() => new ExploreCommand().Build();

    private Command Build()
    {
        var command = new Command("explore", "A self-contained HTML page. For a squared loss in two weights it is live: the reader drags the loss and the page solves and draws w* (docs/explore.md); otherwise a λ slider over the contour figure's frames, with the numbers of each frame beside it");
        SweepOptions.AddProblem(command, _problem, withLambda: false);
        foreach (var option in new Option[] { _out, _figure.Size, _figure.Theme, _figure.Style, _figure.Title, _figure.Json, _figure.Alt }) command.Options.Add(option);
        _plane.AddTo(command);
        _sweep.AddTo(command);
        _figure.Size.Description = $"Frame size in pixels, WxH or N (each {FigureOptions.MinSide}..{SweepOptions.MaxSide}; frames × pixels at most {SweepOptions.MaxPixels:N0})";
        _plane.Range.Description = "Visible part of the plane (default: the origin, the fit, and every frame's w* and ball, with a margin); widened to keep equal aspect";
        command.Options.Add(_path);
        AddLiveOptions(command);
        command.SetAction((result, cancel) => Task.Run(() => Run(result, cancel), CancellationToken.None));
        return command;
    }

    private int Run(ParseResult result, CancellationToken cancel)
    {
        var stdout = result.InvocationConfiguration.Output;
        var stderr = result.InvocationConfiguration.Error;
        var area = _plane.Bind(result);
        var figure = _figure.Bind(result);
        var style = figure.Style;
        var request = _sweep.Bind(result, style);
        if (LivePageWanted(result) is { } live) return RunLive(result, live, request, figure, stdout);
        var outputs = figure.Run.Outputs;
        var json = result.GetValue(_figure.Json) is { } j ? outputs.Prepare(j, "--json") : null;
        string? output = result.GetValue(_out) is { } o ? CheckHtml(outputs.Prepare(o, "--out")) : null;
        var spec = _problem.Bind(result);
        var penalty = _problem.PenaltyOptions.Bind(result);
        figure.WarnAboutGlyphs(spec.FeatureNames);
        string name = Path.ChangeExtension(DefaultNames.Descriptive("explore", penalty, null, Variant(spec, request)), ".html");
        output ??= outputs.Prepare(DefaultNames.Unique(name, result, [.. _problem.PenaltyOptions.Listable, _problem.Model, _problem.Loss, _sweep.Sweep, _page]), "--out");
        OutputTargets.Distinct(output, "--out", json, "--json");

        var options = new SceneOptions(area.Range, area.Grid, area.Levels, result.GetValue(_path), style.Frame().Aspect);
        using var progress = ProgressLine.ForStderr(stderr, "loss grid");
        var sweep = Sweeps.Contour(spec, penalty, options, request, progress, cancel);
        sweep = sweep with { First = sweep.First with { LossNote = LossNotes.ForContour(spec) } };
        SweepWarnings.Warn(figure.Run.Warnings, sweep, null);
        var frames = ContourAnimation.Patches(sweep, style, cancel);
        string title = style.Title ?? $"{PenaltyNames.Display(penalty)}: how w* moves with {(request.Parameter == SweepParameter.Radius ? "the radius t" : "λ")}";
        var description = SweepText.Describe(sweep);
        var words = AnimateCommand.FrameDescriptions(sweep);
        AtomicFile.WriteAllBytes(output, ExplorePage.Build(sweep, frames, title, description, words));
        if (json is not null) JsonOut.Write(RunContext.Of(result), json, SweepJson.Sidecar(sweep, null, description, words, null));
        figure.Announce(stdout, output, description);
        return 0;
    }

    private static string CheckHtml(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".html" or ".htm" ? path
            : throw new InputException($"--out: '{path}' must end in .html (the page)");

    private static string[] Variant(ProblemSpec spec, SweepRequest request)
    {
        var parts = new List<string>();
        if (!spec.Model.IsLinear) parts.Add(spec.Model.Name);
        if (spec.LossKind != LossKind.Mse) parts.Add(spec.LossKind.Name());
        if (request.Parameter == SweepParameter.Radius) parts.Add("radius");
        return [.. parts];
    }
}
