using System.CommandLine;
using System.Globalization;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.Scenes;
using Regviz.Core.ThreeD;
using Regviz.Plotting;
using Regviz.Plotting.ThreeD;

namespace Regviz.Cli.Commands;

/// <summary>
/// <c>regviz surface</c>: D(w) as a lit surface over the (w₁, w₂) plane with λP beside it (or J alone, or the
/// constraint prism), D's contours on the floor, w* and least squares marked on the surface and on the floor.
/// </summary>
internal sealed class SurfaceCommand
{
    private readonly ProblemOptions _problem = new();
    private readonly FigureOptions _figure = new();
    private readonly PlaneOptions _plane = new();
    private readonly Option<string> _view = ViewOption.Create(ViewOption.SurfaceDefault);
    private readonly TurntableOptions _turn = new();
    private readonly Option<string> _show = new("--show") { Description = "d: the loss D(w) as a surface with the penalty λP(w) beside it (with --radius, the constraint N(w) ≤ t as a prism on the floor); j: J(w) = D(w) + λP(w) alone", DefaultValueFactory = _ => "d", HelpName = "d|j" };

    public static Command Create() => new SurfaceCommand().Build();

    private Command Build()
    {
        var command = new Command("surface", "The loss D(w) as a shaded surface over the plane, with the penalty or the constraint, contours on the floor, and w* and least squares marked");
        _problem.AddTo(command);
        _figure.AddTo(command);
        _plane.AddTo(command);
        _plane.Grid.Description = $"Grid cells per axis for the floor's contours (10..{PlaneOptions.MaxGrid}); the surface itself is a {SurfacePlan.MeshCells}x{SurfacePlan.MeshCells} mesh";
        command.Options.Add(_view);
        command.Options.Add(_show);
        _turn.AddTo(command);
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult result)
    {
        var show = SurfacePlan.ParseShow(result.GetValue(_show)!);
        var (az, el) = Camera.ParseView(result.GetValue(_view)!, "--view");
        var area = _plane.Bind(result);
        var f = _figure.Bind(result);
        var spec = _problem.Bind(result);
        string output = f.OutOr(DefaultNames.Unique(DefaultNames.Descriptive("surface", spec.Penalty, spec, Variant(show, result)), result,
            [.. _problem.PenaltyOptions.Listable, _problem.Lambda, _problem.Radius, _show]));
        f.WarnAboutGlyphs(spec.FeatureNames);
        var plan = SurfacePlan.Make(spec, new SceneOptions(area.Range, area.Grid, area.Levels, false), show, f.Style);
        var (contour, scene, description) = (plan.Contour, plan.Scene, plan.Description);
        CertificateOut.Warn(f.Run.Warnings, contour.Optimum.Certificate, "the optimum");
        var style = f.Style with { Description = description };
        var turn = _turn.Bind(result, output, style);
        Figure3 At(double azimuth) => plan.At(style, azimuth, el);
        TurntableOptions.Save(At, az, turn, description, output);
        var figure = At(az);
        if (f.Json is { } json)
            JsonOut.Write(RunContext.Of(result), json, ThreeDJson.Sidecar("surface", figure, [(contour.Penalty.Name, scene)], description) with
            {
                Optimum = Core.Sidecars.CertifiedAnswer.With(new Core.Sidecars.SurfaceOptimumSidecar { Weights = contour.Optimum.Weights, Objective = contour.Optimum.Objective }, contour.Optimum.Certificate),
                Unregularised = contour.Unregularised,
                // the height box: the floor, and the top where D (or J) is cut; λP beside it stops at or below it
                Heights = [scene.Bounds.Min(b => b.Z), scene.Bounds.Max(b => b.Z)],
            });
        f.Announce(result.InvocationConfiguration.Output, output, description);
        return 0;
    }

    private string[] Variant(SurfaceShow show, ParseResult result)
    {
        var words = new List<string>();
        if (show == SurfaceShow.Objective) words.Add("j");
        if (result.GetValue(_view) is { } view && view != ViewOption.SurfaceDefault) words.Add("view" + view.Replace(',', '_'));
        if (result.GetValue(_turn.Rotate) is { } rotate) words.Add("rotate" + Num(rotate));
        return [.. words];
    }

    private static string Num(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
