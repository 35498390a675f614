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
    /// <summary>Cells per axis of the surface mesh: fine enough for a smooth bowl at print size, coarse enough to stay fast.</summary>
    public const int MeshCells = 48;

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
        _plane.Grid.Description = $"Grid cells per axis for the floor's contours (10..{PlaneOptions.MaxGrid}); the surface itself is a {MeshCells}x{MeshCells} mesh";
        command.Options.Add(_view);
        command.Options.Add(_show);
        _turn.AddTo(command);
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult result)
    {
        var show = result.GetValue(_show)!.Trim().ToLowerInvariant() switch
        {
            "d" => SurfaceShow.Split,
            "j" => SurfaceShow.Objective,
            var s => throw new InputException($"--show: '{Excerpt.Of(s)}' is neither d (the loss, with the penalty beside it) nor j (D + λP)"),
        };
        var (az, el) = Camera.ParseView(result.GetValue(_view)!, "--view");
        var area = _plane.Bind(result);
        var f = _figure.Bind(result);
        var spec = _problem.Bind(result);
        if (show == SurfaceShow.Objective && spec.Radius is not null)
            throw new InputException("--show j: J = D + λP needs --lambda (with --radius the figure shows D and the constraint prism)");
        string output = f.OutOr(DefaultNames.Unique(ContourCommand.DefaultName("surface", spec.Penalty, spec, Variant(show, result)), result,
            [.. _problem.PenaltyOptions.Listable, _problem.Lambda, _problem.Radius, _show]));
        f.WarnAboutGlyphs(result.InvocationConfiguration.Error, spec.FeatureNames);
        var contour = SceneBuilder.Contour(spec, new SceneOptions(area.Range, area.Grid, area.Levels, false));
        CertificateOut.Warn(result.InvocationConfiguration.Error, contour.Optimum.Certificate, "the optimum");
        var (scene, offset, axisScale) = SurfaceMesh.Build(spec, contour, show, MeshCells);
        var description = Describe(contour, show, spec.Radius);
        var style = f.Style with { Description = description };
        var labels = new Dictionary<string, string> { ["optimum"] = "w*", ["least_squares"] = "least squares" };
        string title = style.Title is null ? FigureTitle(contour, spec.Lambda, spec.Radius, show) : "";
        var turn = _turn.Bind(result, output, style);
        Figure3 At(double azimuth) => new([new Panel3(scene, title, labels)], style, azimuth, el, offset, axisScale);
        TurntableOptions.Save(At, az, turn, description, output);
        var figure = At(az);
        if (f.Json is { } json)
            JsonOut.Write(json, result.InvocationConfiguration.Output, w => ThreeDJson.Write(w, "surface", figure, [(contour.Penalty.Name, scene)], description, w =>
            {
                w.WriteStartObject("optimum");
                w.WriteNumbers("weights", contour.Optimum.Weights);
                w.WriteNumber("objective", contour.Optimum.Objective);
                CertificateOut.WriteFields(w, contour.Optimum.Certificate);
                w.WriteEndObject();
                if (contour.Unregularised is { } ls) w.WriteNumbers("unregularised", ls);
            }));
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

    private static string FigureTitle(ContourScene c, double? lambda, double? radius, SurfaceShow show) =>
        (show == SurfaceShow.Objective ? "J(w) = D(w) + λP(w)" : radius is null ? "D(w) and λP(w)" : "D(w) and N(w) ≤ t")
        + $", {c.Penalty.Title}" + (radius is { } t ? $", t = {Num(t)}" : $", λ = {Num(lambda ?? 0)}");

    private static FigureDescription Describe(ContourScene c, SurfaceShow show, double? radius)
    {
        var w = c.Optimum.Weights;
        string what = show == SurfaceShow.Objective ? "J(w) = D(w) + λP(w)" : radius is null ? "the loss D(w) with the penalty λP(w) beside it" : "the loss D(w) with the constraint N(w) ≤ t as a prism";
        string alt = $"Surface of {what} over (w₁, w₂) for {c.Penalty.Title}; the optimum w* = ({Num(w[0])}, {Num(w[1])}) is marked on the surface and on the floor.";
        string ls = c.Unregularised is { } u ? $" The least-squares point ({Num(u[0])}, {Num(u[1])}) is marked too." : "";
        return new FigureDescription(alt, alt + ls + " The floor carries the contours of D and the penalty ball through w*.");
    }
}
