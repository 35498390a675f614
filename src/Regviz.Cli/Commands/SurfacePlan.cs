using System.Globalization;
using Regviz.Core;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Core.ThreeD;
using Regviz.Plotting;
using Regviz.Plotting.ThreeD;
using Regviz.Core.Solvers;

namespace Regviz.Cli.Commands;

/// <summary>
/// The surface figure of one problem, built once and drawn from any azimuth: shared by <c>surface</c> and
/// <c>animate --rotate</c>, so a turn's frames are the still figure's views.
/// </summary>
internal sealed record SurfacePlan(ContourScene Contour, Scene3 Scene, Vec3 Offset, Vec3 AxisScale, FigureDescription Description, string Title)
{
    /// <summary>Cells per axis of the surface mesh: fine enough for a smooth bowl at print size, coarse enough to stay fast.</summary>
    public const int MeshCells = 48;

    private static readonly Dictionary<string, string> Labels = new() { ["optimum"] = "w*", ["least_squares"] = "least squares" };

    /// <summary>--show's word.</summary>
    public static SurfaceShow ParseShow(string text) => text.Trim().ToLowerInvariant() switch
    {
        "d" => SurfaceShow.Split,
        "j" => SurfaceShow.Objective,
        var s => throw new InputException($"--show: '{Excerpt.Of(s)}' is neither d (the loss, with the penalty beside it) nor j (D + λP)"),
    };

    /// <summary>The contour figure's scene of <paramref name="spec"/> raised into a surface; <paramref name="style"/>'s title, when set, replaces the figure's own.</summary>
    public static SurfacePlan Make(ProblemSpec spec, SceneOptions options, SurfaceShow show, FigureStyle style)
    {
        double? radius = (spec.Form as ConstrainedForm)?.Radius;
        if (show == SurfaceShow.Objective && radius is not null)
            throw new InputException("--show j: J = D + λP needs --lambda (with --radius the figure shows D and the constraint prism)");
        var contour = SceneBuilder.Contour(spec, options);
        var (scene, offset, axisScale) = SurfaceMesh.Build(spec, contour, show, MeshCells);
        string title = style.Title is null ? FigureTitle(contour, spec.Form, show) : "";
        return new SurfacePlan(contour, scene, offset, axisScale, Describe(contour, show, radius), title);
    }

    /// <summary>The figure seen from (<paramref name="azimuth"/>, <paramref name="elevation"/>).</summary>
    public Figure3 At(FigureStyle style, double azimuth, double elevation) =>
        new([new Panel3(Scene, Title, Labels)], style, azimuth, elevation, Offset, AxisScale);

    private static string Num(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string FigureTitle(ContourScene c, Form form, SurfaceShow show) =>
        (show == SurfaceShow.Objective ? "J(w) = D(w) + λP(w)" : form is PenalisedForm ? "D(w) and λP(w)" : "D(w) and N(w) ≤ t")
        + $", {c.Penalty.Title}" + (form is ConstrainedForm ct ? $", t = {Num(ct.Radius)}" : $", λ = {Num(((PenalisedForm)form).Lambda)}");

    private static FigureDescription Describe(ContourScene c, SurfaceShow show, double? radius)
    {
        var w = c.Optimum.Weights;
        string what = show == SurfaceShow.Objective ? "J(w) = D(w) + λP(w)" : radius is null ? "the loss D(w) with the penalty λP(w) beside it" : "the loss D(w) with the constraint N(w) ≤ t as a prism";
        string alt = $"Surface of {what} over (w₁, w₂) for {c.Penalty.Title}; the optimum w* = ({Num(w[0])}, {Num(w[1])}) is marked on the surface and on the floor.";
        string ls = c.Unregularised is { } u ? $" The least-squares point ({Num(u[0])}, {Num(u[1])}) is marked too." : "";
        return new FigureDescription(alt, alt + ls + " The floor carries the contours of D and the penalty ball through w*.");
    }
}
