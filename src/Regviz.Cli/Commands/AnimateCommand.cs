using System.CommandLine;
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
/// <c>regviz animate</c>: the contour figure as λ (or t) sweeps, or as an optimiser's iterates appear, as an animated
/// PNG. Its layout (title, legend, captions of what does not move) is fixed from frame 0, so only what moves, moves.
/// </summary>
internal sealed partial class AnimateCommand
{
    private readonly ProblemOptions _problem = new();
    private readonly FigureOptions _figure = new();
    private readonly PlaneOptions _plane = new();
    private readonly SweepOptions _sweep = new();
    private readonly Option<string?> _out = new("--out", "-o") { Description = "Output file, an animated .png (APNG; a viewer without animation shows the first frame) (default: a descriptive name in the current directory)", HelpName = "FILE" };
    private readonly Option<int> _fps = new("--fps") { Description = $"Frames a second (1..{AnimationTiming.MaxFramesPerSecond})", DefaultValueFactory = _ => 20, HelpName = "N" };
    private readonly Option<int> _hold = new("--hold") { Description = $"Extra frame times the first and the last frame stay (0..{AnimationTiming.MaxHold})", DefaultValueFactory = _ => 20, HelpName = "N" };
    private readonly Option<bool> _path = new("--path") { Description = "Draw the whole regularisation path on every frame (default: the path w* has taken so far)" };
    private readonly Option<string?> _trace = new("--trace") { Description = "Instead of a sweep, an optimiser's iterates on J at --lambda: gd, ista, fista, cd. Paced by distance travelled, not by iterate: frame k of N draws the route up to k/(N−1) of its length, so long first steps take many frames and tiny last ones few (a diverging trace: one iterate a frame); the last frame is the still contour --trace figure", HelpName = "gd|ista|fista|cd" };
    private readonly Option<string?> _start = new("--start") { Description = "Where --trace starts (default: the unregularised optimum)", HelpName = "w1,w2" };
    private readonly Option<int> _steps = new("--steps") { Description = $"How many --trace steps (1..{SweepRequest.MaxFrames - 1}); the animation has one frame more than steps", DefaultValueFactory = _ => 40, HelpName = "N" };

    public static Command Create() => new AnimateCommand().Build();

    private Command Build()
    {
        var command = new Command("animate", "The contour figure as λ sweeps (or t, or an optimiser's iterates), as an animated PNG");
        SweepOptions.AddProblem(command, _problem, withLambda: true);
        _problem.Lambda.Description = "With --trace: the λ of the problem whose iterates are shown (default 0.5); a sweep runs from --from to --to";
        foreach (var option in new Option[] { _out, _figure.Size, _figure.Theme, _figure.Style, _figure.Title, _figure.Json, _figure.Alt }) command.Options.Add(option);
        _plane.AddTo(command);
        _sweep.AddTo(command);
        _figure.Size.Description = $"Frame size in pixels, WxH or N (each {FigureOptions.MinSide}..{SweepOptions.MaxSide}; frames × pixels at most {SweepOptions.MaxPixels:N0})";
        _plane.Range.Description = "Visible part of the plane (default: the origin, the fit, and every frame's w* and ball, with a margin); widened to keep equal aspect";
        foreach (var option in new Option[] { _fps, _hold, _path, _trace, _start, _steps }) command.Options.Add(option);
        AddTurnOptions(command);
        command.SetAction((result, cancel) => Task.Run(() => Run(result, cancel), CancellationToken.None));
        return command;
    }

    private int Run(ParseResult result, CancellationToken cancel)
    {
        if (SweepOptions.Given(result, _rotate)) return RunTurn(result);
        var stdout = result.InvocationConfiguration.Output;
        var stderr = result.InvocationConfiguration.Error;
        var area = _plane.Bind(result);
        string? method = result.GetValue(_trace);
        var timing = Timing(result);
        var figure = _figure.Bind(result);
        var style = figure.Style;
        SweepRequest? request = null;
        TraceRequest? trace = null;
        if (method is null)
        {
            if (SweepOptions.Given(result, _problem.Lambda))
                throw new InputException("--lambda: animate sweeps λ from --from to --to (--lambda sets the problem of --trace)");
            if (result.GetValue(_start) is not null) throw new InputException("--start goes with --trace");
            request = _sweep.Bind(result, style);
        }
        else
        {
            _sweep.RefuseRadius(result);
            foreach (var option in new Option[] { _sweep.Frames, _sweep.From, _sweep.To, _sweep.Reverse, _sweep.Sweep })
                if (SweepOptions.Given(result, option))
                    throw new InputException($"{option.Name}: with --trace the frames are the optimiser's steps (--steps), not a sweep");
            int steps = result.GetValue(_steps);
            if (steps < 1 || steps >= SweepRequest.MaxFrames)
                throw new InputException($"--steps: {steps} is outside 1..{SweepRequest.MaxFrames - 1} (one frame a step)");
            SweepOptions.CheckCost(steps + 1, style, "--steps");
            trace = ContourCommand.TraceRequestFrom(method, result.GetValue(_start), steps);
        }
        var outputs = figure.Run.Outputs;
        var json = result.GetValue(_figure.Json) is { } j ? outputs.Prepare(j, "--json") : null;
        string? output = result.GetValue(_out) is { } o ? CheckPng(outputs.Prepare(o, "--out")) : null;
        var spec = _problem.Bind(result);
        var penalty = _problem.PenaltyOptions.Bind(result);
        figure.WarnAboutGlyphs(spec.FeatureNames);
        // λ or the radius is in the name only with --trace (a sweep's range is in the suffix)
        Option[] named = [.. _problem.PenaltyOptions.Listable, _problem.Model, _problem.Loss, _trace, _sweep.Sweep, .. trace is null ? Array.Empty<Option>() : [_problem.Lambda, _problem.Radius]];
        output ??= outputs.Prepare(DefaultNames.Unique(DefaultNames.Descriptive("animate", penalty, trace is null ? null : spec, Variant(spec, method, request)), result, named), "--out");
        OutputTargets.Distinct(output, "--out", json, "--json");

        var options = new SceneOptions(area.Range, area.Grid, area.Levels, result.GetValue(_path), style.Frame().Aspect, trace);
        using var progress = ProgressLine.ForStderr(stderr, "loss grid");
        var sweep = trace is null
            ? Sweeps.Contour(spec, penalty, options, request!, progress, cancel)
            : Sweeps.Trace(spec, options, progress, cancel);
        sweep = sweep with { First = sweep.First with { LossNote = LossNotes.ForContour(spec) } };
        SweepWarnings.Warn(figure.Run.Warnings, sweep, method);
        var description = SweepText.Describe(sweep);
        var layouts = json is null ? null : new FigureLayout?[sweep.Frames.Count];
        AtomicFile.WriteAllBytes(output, ContourAnimation.Apng(sweep, style with { Description = description }, timing, cancel, layouts));
        if (json is not null)
            JsonOut.Write(RunContext.Of(result), json, SweepJson.Sidecar(sweep, timing, description, FrameDescriptions(sweep), [.. layouts!.OfType<FigureLayout>()]));
        figure.Announce(stdout, output, description);
        return 0;
    }

    private AnimationTiming Timing(ParseResult result)
    {
        int fps = result.GetValue(_fps), hold = result.GetValue(_hold);
        if (fps < 1 || fps > AnimationTiming.MaxFramesPerSecond)
            throw new InputException($"--fps: {fps} is outside 1..{AnimationTiming.MaxFramesPerSecond}");
        if (hold < 0 || hold > AnimationTiming.MaxHold)
            throw new InputException($"--hold: {hold} is outside 0..{AnimationTiming.MaxHold}");
        return new AnimationTiming(fps, hold);
    }

    private static string CheckPng(string path) =>
        string.Equals(Path.GetExtension(path), ".png", StringComparison.OrdinalIgnoreCase) ? path
            : throw new InputException($"--out: '{path}' must end in .png (an animated PNG)");

    private static string[] Variant(ProblemSpec spec, string? trace, SweepRequest? request)
    {
        var parts = new List<string>();
        if (!spec.Model.IsLinear) parts.Add(spec.Model.Name);
        if (spec.LossKind != LossKind.Mse) parts.Add(spec.LossKind.Name());
        if (trace is not null) parts.Add($"trace-{trace.ToLowerInvariant()}");
        if (request?.Parameter == SweepParameter.Radius) parts.Add("radius");
        return [.. parts];
    }

    /// <summary>Every frame in words, as the sidecar lists them.</summary>
    internal static FigureDescription[] FrameDescriptions(ContourSweep sweep)
    {
        var words = new FigureDescription[sweep.Frames.Count];
        Parallel.For(0, words.Length, k => words[k] = SweepText.Frame(sweep, k));
        return words;
    }
}
