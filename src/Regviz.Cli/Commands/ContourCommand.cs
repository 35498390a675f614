using System.CommandLine;
using System.Globalization;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Cli.Progress;
using Regviz.Core;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Plotting;
using Regviz.Core.Solvers;

namespace Regviz.Cli.Commands;

/// <summary><c>regviz contour</c>: loss and penalty contours, the optimum, and the level set and ball that touch there.</summary>
internal sealed partial class ContourCommand
{
    // options belong to one command tree (see RegvizApp.CreateRoot), so each tree gets its own instance
    private readonly ProblemOptions _problem = new();
    private readonly FigureOptions _figure = new();
    private readonly PlaneOptions _plane = new();
    private readonly Option<bool> _path = new("--path") { Description = "Also draw the regularisation path: w* as λ grows from 0 until w* reaches 0" };
    private readonly Option<string?> _trace = new("--trace") { Description = "Draw the iterates of an optimiser on J: gd (subgradient descent), ista, fista, cd (coordinate descent)", HelpName = "gd|ista|fista|cd" };
    private readonly Option<string?> _start = new("--start") { Description = "Where --trace starts (default: the unregularised optimum)", HelpName = "w1,w2" };
    private readonly Option<int> _steps = new("--steps") { Description = "How many --trace steps (1..100000)", DefaultValueFactory = _ => 40, HelpName = "N" };
    private readonly Option<int?> _penaltyLevels = new("--penalty-levels") { Description = "About how many penalty contours to draw (0..30; 0: only the ball through w*; default: half of --levels, at least 3)", HelpName = "N" };
    private readonly FigurePartsOptions _parts = new("Fill the constraint region: the penalty ball through w*, {w : P(w) ≤ P(w*)}");

    public static Command Create() => new ContourCommand().Build();

    private Command Build()
    {
        var command = new Command("contour", "Loss contours, penalty contours and the regularised optimum on one equal-aspect plane");
        _problem.AddTo(command);
        _figure.AddTo(command);
        _plane.AddTo(command);
        foreach (var option in new Option[] { _path, _trace, _start, _steps, _penaltyLevels }) command.Options.Add(option);
        _parts.AddTo(command);
        _parts.Clean.Description = "ESL's look: the filled ball and the loss level set through w*, three loss contours, nothing else (--fill --no-legend --no-labels --no-grid --penalty-levels 0 --levels 3; each can still be given)";
        _panels.AddTo(command);
        command.Options.Add(_overlay);
        // the invocation's token reaches the loss grid; the work runs as a task because System.CommandLine's own
        // Ctrl-C handling (InvocationConfiguration.ProcessTerminationTimeout) starts only once the action has returned one
        command.SetAction((result, cancel) => Task.Run(() => Run(result, cancel), CancellationToken.None));
        return command;
    }

    private int Run(ParseResult result, CancellationToken cancel)
    {
        var panels = _panels.Plan(result, [.. _problem.PenaltyOptions.Listable, _problem.Lambda, _problem.Radius]);
        if (result.GetValue(_overlay)) return RunOverlay(result, panels, cancel);
        if (panels is { } plan) return RunPanels(result, plan, cancel);
        var stdout = result.InvocationConfiguration.Output;
        var stderr = result.InvocationConfiguration.Error;
        var area = _plane.Bind(result);
        var f = _figure.Bind(result);
        string? method = result.GetValue(_trace);
        var trace = TraceRequestFrom(method, result.GetValue(_start), result.GetValue(_steps));
        var spec = _problem.Bind(result);
        string output = f.OutOr(DefaultNames.Unique(DefaultNames.Descriptive("contour", spec.Penalty, spec, [.. Variant(result, spec, method), .. _parts.NameWords(result)]), result, Named));
        f.WarnAboutGlyphs(spec.FeatureNames);
        var options = SceneOptionsFor(result, area, f.Style, trace);
        using var progress = ProgressLine.ForStderr(stderr, "loss grid");
        var scene = SceneBuilder.Contour(spec, options, progress, cancel) with { LossNote = LossNotes.ForContour(spec) };
        CertificateOut.Warn(f.Run.Warnings, scene.Optimum.Certificate, "the optimum");
        if (scene.Trace is { Diverged: true } diverged)
            f.Run.Warnings.Warn($"--trace {method} diverged after {Text.Count(diverged.Iterates.Count - 1, "step")} (step 1/L = {Text.Readable(diverged.Step)}); the figure shows the steps before it");
        var description = FigureText.Describe(scene);
        var style = f.Style with { Description = description };
        var parts = _parts.Bind(result);
        var plot = FigureExport.Save(style, output, s => ContourFigure.Render(scene, s, parts));
        if (f.Json is { } json) JsonOut.Write(RunContext.Of(result), json, SceneJson.Contour(scene, description, LayoutJson.Of(FigureLayout.Of(plot))));
        f.Announce(stdout, output, description);
        return 0;
    }

    /// <summary>The scene's options; --clean changes the defaults of --levels and --penalty-levels, not values given.</summary>
    private SceneOptions SceneOptionsFor(ParseResult result, PlaneOptions.Values area, FigureStyle style, TraceRequest? trace)
    {
        bool clean = _parts.IsClean(result);
        int? penaltyLevels = result.GetValue(_penaltyLevels) ?? (clean ? 0 : null);
        if (penaltyLevels is < 0 or > 30)
            throw new InputException($"--penalty-levels: {penaltyLevels} is outside 0..30");
        int levels = clean && result.GetResult(_plane.Levels) is not { Implicit: false } ? 3 : area.Levels;
        return new SceneOptions(area.Range, area.Grid, levels, result.GetValue(_path), style.Frame().Aspect, trace) { PenaltyLevels = penaltyLevels };
    }

    /// <summary>The options the descriptive name spells out in full; any other picture option adds the name's suffix.</summary>
    private Option[] Named => [.. _problem.PenaltyOptions.Listable, _problem.Lambda, _problem.Radius, _problem.Model, _problem.Loss, _trace, _overlay, .. _parts.Named];

    private string[] Variant(ParseResult result, ProblemSpec spec, string? trace)
    {
        var parts = new List<string>();
        if (!spec.Model.IsLinear) parts.Add(spec.Model.Name);
        parts.AddRange(LossWords.Of(_problem, result, spec));
        if (trace is not null) parts.Add($"trace-{trace.ToLowerInvariant()}");
        return [.. parts];
    }

    internal static TraceRequest? TraceRequestFrom(string? method, string? start, int steps)
    {
        if (method is null)
        {
            if (start is not null) throw new InputException("--start goes with --trace");
            return null;
        }
        var m = Words.Trace(method);
        Regviz.Core.Traces.OptimiserTraces.CheckSteps(steps);
        double[]? at = null;
        if (start is not null)
        {
            var parts = start.Split(',');
            at = new double[2];
            if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out at[0])
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out at[1])
                || !double.IsFinite(at[0]) || !double.IsFinite(at[1]))
                throw new InputException($"--start: '{start}' is not two finite numbers w1,w2");
        }
        return new TraceRequest(m, at, steps);
    }
}
