using System.CommandLine;
using System.Globalization;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.IO;
using Regviz.Core.Penalties;
using Regviz.Core.Scenes;
using Regviz.Core.ThreeD;
using Regviz.Plotting;
using Regviz.Plotting.ThreeD;

namespace Regviz.Cli.Commands;

/// <summary>
/// <c>animate --rotate DEG</c>: instead of a sweep, a 3-D figure (the surface of the problem, or a unit ball) turning
/// about the vertical axis, with a sweep's frame rules (--frames, --fps, --hold, looping for ever). Frame k is the
/// still <c>surface</c> or <c>ball</c> figure at azimuth start + k·DEG/N, as their own --rotate draws it.
/// </summary>
internal sealed partial class AnimateCommand
{
    /// <summary>A turn's views when --frames is not given: 10° apart over a whole turn.</summary>
    private const int TurnFrames = 36;

    private static readonly string[] TurnFigures = ["surface", "ball"];

    private readonly Option<double?> _rotate = NumberOptions.Nullable("--rotate", $"Instead of a sweep, turn a 3-D figure (--figure) by this many degrees of azimuth (-3600..3600, not 0), starting at --view: --frames views (2..{TurntableOptions.MaxFrames}, default {TurnFrames}) at --fps, the first and last held --hold frame times (default 0 for a turn); 360 loops seamlessly", "DEG");
    private readonly Option<string?> _turnFigure = new("--figure") { Description = "With --rotate, what turns: surface (the loss over the plane, as regviz surface draws it; the default) or ball (the penalty's unit ball in three weights, as regviz ball; --norm may be a list)", HelpName = "surface|ball" };
    private readonly Option<string?> _turnView = new("--view") { Description = $"With --rotate, where the turn starts, AZ,EL in degrees (default {ViewOption.SurfaceDefault} for a surface, {ViewOption.Default} for a ball)", HelpName = "AZ,EL" };
    private readonly Option<string> _turnShow = new("--show") { Description = "With --rotate --figure surface: d, the loss D(w) with λP(w) beside it; j, J(w) = D(w) + λP(w) alone", DefaultValueFactory = _ => "d", HelpName = "d|j" };
    private readonly Option<string> _turnGroups = new("--groups") { Description = "With --rotate --figure ball --norm group: the groups of w1, w2, w3 (1,2:3 is {w1} and {w2, w3})", DefaultValueFactory = _ => "1,2:3", HelpName = "G,G.." };

    private void AddTurnOptions(Command command)
    {
        foreach (var option in new Option[] { _rotate, _turnFigure, _turnView, _turnShow, _turnGroups }) command.Options.Add(option);
    }

    private int RunTurn(ParseResult result)
    {
        foreach (var option in new Option[] { _trace, _start, _steps, _path, _sweep.From, _sweep.To, _sweep.Reverse, _sweep.Sweep, _sweep.Radius })
            if (SweepOptions.Given(result, option))
                throw new InputException($"{option.Name}: with --rotate the frames are views of a turning 3-D figure, not a sweep");
        string what = (result.GetValue(_turnFigure) ?? "surface").Trim().ToLowerInvariant();
        if (!TurnFigures.Contains(what)) throw Words.Unknown("--figure", "3-D figure", what, TurnFigures);
        bool ball = what == "ball";
        var (az, el) = Camera.ParseView(result.GetValue(_turnView) ?? (ball ? ViewOption.Default : ViewOption.SurfaceDefault), "--view");
        var timing = Timing(result);
        if (!SweepOptions.Given(result, _hold)) timing = timing with { Hold = 0 }; // a turn has no first and last state to read
        int frames = SweepOptions.Given(result, _sweep.Frames) ? result.GetValue(_sweep.Frames) : TurnFrames;
        double degrees = result.GetValue(_rotate)!.Value;
        var figure = _figure.Bind(result);
        var json = figure.Json;
        string? output = result.GetValue(_out) is { } o ? figure.Run.Outputs.Prepare(o, "--out") : null;
        return ball
            ? TurnBall(result, figure, timing, frames, degrees, az, el, output, json)
            : TurnSurface(result, figure, timing, frames, degrees, az, el, output, json);
    }

    private int TurnBall(ParseResult result, FigureOptions.Values f, AnimationTiming timing, int frames, double degrees, double az, double el, string? output, string? json)
    {
        var penalty = _problem.PenaltyOptions;
        foreach (var option in new Option[] { _problem.Data, _problem.Delimiter, _problem.Target, _problem.Features, _problem.Model, _problem.Intercept, _problem.Loss, _problem.Lambda, _plane.Range, _plane.Grid, _plane.Levels, _turnShow })
            if (SweepOptions.Given(result, option))
                throw new InputException($"{option.Name} has no effect with --figure ball (the unit ball is the penalty's alone)");
        var arguments = penalty.Arguments(result);
        var balls = BallFigures.Parse(result.GetValue(penalty.Norm)!, arguments, result.GetValue(_turnGroups)!);
        output ??= f.Run.Outputs.Prepare(DefaultNames.Unique($"animate-ball-{string.Join("-", balls.Select(b => b.Name))}-rotate{Num(degrees)}.png", result,
            penalty.Norm, _rotate, _turnFigure), "--out");
        var scenes = balls.Select(b => BallMesh.Build(b)).ToList();
        var description = BallFigures.Describe(balls, az, el);
        var style = f.Style with { Description = description };
        TurntableOptions.Check(degrees, frames, output, style);
        Figure3 At(double azimuth) => BallFigures.At(balls, scenes, style, azimuth, el);
        AtomicFile.WriteAllBytes(output, Turntable.Apng(At, az, degrees, frames, timing, description));
        if (json is not null)
            JsonOut.Write(RunContext.Of(result), json, ThreeDJson.Sidecar("animate", At(az),
                balls.Select((b, i) => (b.Name, scenes[i])).ToList(), description) with { Turn = Turn(degrees, frames, timing) });
        f.Announce(result.InvocationConfiguration.Output, output, description);
        return 0;
    }

    private int TurnSurface(ParseResult result, FigureOptions.Values f, AnimationTiming timing, int frames, double degrees, double az, double el, string? output, string? json)
    {
        if (SweepOptions.Given(result, _turnGroups)) throw new InputException("--groups has no effect with --figure surface (it shapes the group norm's ball: --figure ball --norm group)");
        var show = SurfacePlan.ParseShow(result.GetValue(_turnShow)!);
        var area = _plane.Bind(result);
        var spec = _problem.Bind(result);
        string[] variant = show == SurfaceShow.Objective ? ["j", $"rotate{Num(degrees)}"] : [$"rotate{Num(degrees)}"];
        output ??= f.Run.Outputs.Prepare(DefaultNames.Unique(DefaultNames.Descriptive("animate-surface", spec.Penalty, spec, variant), result,
            [.. _problem.PenaltyOptions.Listable, _problem.Lambda, _problem.Radius, _turnShow, _rotate, _turnFigure]), "--out");
        TurntableOptions.Check(degrees, frames, output, f.Style);
        f.WarnAboutGlyphs(spec.FeatureNames);
        var plan = SurfacePlan.Make(spec, new SceneOptions(area.Range, area.Grid, area.Levels, false), show, f.Style);
        CertificateOut.Warn(f.Run.Warnings, plan.Contour.Optimum.Certificate, "the optimum");
        var style = f.Style with { Description = plan.Description };
        Figure3 At(double azimuth) => plan.At(style, azimuth, el);
        AtomicFile.WriteAllBytes(output, Turntable.Apng(At, az, degrees, frames, timing, plan.Description));
        if (json is not null)
            JsonOut.Write(RunContext.Of(result), json, ThreeDJson.Sidecar("animate", At(az),
                [(plan.Contour.Penalty.Name, plan.Scene)], plan.Description) with { Turn = Turn(degrees, frames, timing) });
        f.Announce(result.InvocationConfiguration.Output, output, plan.Description);
        return 0;
    }

    private static Core.Sidecars.TurnSidecar Turn(double degrees, int frames, AnimationTiming timing) =>
        new() { Degrees = degrees, Frames = frames, Fps = timing.FramesPerSecond, Hold = timing.Hold };

    private static string Num(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
}
