using Regviz.Core.Sidecars;
using Regviz.Core.ThreeD;
using Regviz.Plotting;
using Regviz.Plotting.ThreeD;

namespace Regviz.Cli.Output;

/// <summary>
/// The sidecar of a 3-D figure (ball, surface): each panel's camera (view rotation, the 2×4 pixel matrix P with
/// [px, py] = P·[w, 1], azimuth and elevation), and every vertex and marked point with where it lands, in pixels of
/// the written image, origin top left: {"w": [x, y, z], "at": [px, py], "panel": k}, a mark with "hidden" (a facet
/// nearer the eye covers it), and each axis label's ink box {"text", "box": [left, top, right, bottom], "panel"}.
/// </summary>
internal static class ThreeDJson
{
    public static ThreeDSidecar Sidecar(string command, Figure3 figure, IReadOnlyList<(string Name, Scene3 Scene)> panels, FigureDescription description)
    {
        var vertices = new List<ThreeDPointSidecar>();
        var marks = new List<ThreeDPointSidecar>();
        var labels = new List<ThreeDLabelSidecar>();
        for (int i = 0; i < panels.Count; i++)
        {
            foreach (var v in panels[i].Scene.Vertices) vertices.Add(Point(null, v, figure.Cameras[i], i));
            var hidden = figure.HiddenMarks(i);
            for (int k = 0; k < panels[i].Scene.Marks.Count; k++)
                marks.Add(Point(panels[i].Scene.Marks[k].Name, panels[i].Scene.Marks[k].At, figure.Cameras[i], i, hidden[k]));
        }
        for (int i = 0; i < panels.Count; i++)
            foreach (var (text, left, top, right, bottom) in figure.LabelBoxes(i))
                labels.Add(new ThreeDLabelSidecar { Text = text, Box = [left, top, right, bottom], Panel = i });
        return new ThreeDSidecar
        {
            Command = command,
            Alt = description.Alt,
            Caption = description.Caption,
            Image = [figure.Width, figure.Height],
            Camera = Camera(figure.Cameras[0]),
            Panels = [.. panels.Select((p, i) => new ThreeDPanelSidecar { Name = p.Name, Camera = Camera(figure.Cameras[i]) })],
            Vertices = vertices,
            Marks = marks,
            Labels = labels,
        };
    }

    private static CameraSidecar Camera(Camera c) => new()
    {
        Azimuth = c.Azimuth,
        Elevation = c.Elevation,
        Projection = "orthographic",
        View = c.ViewMatrix(),
        PixelMatrix = c.PixelMatrix(),
    };

    private static ThreeDPointSidecar Point(string? name, Vec3 p, Camera camera, int panel, bool? hidden = null)
    {
        var (x, y) = camera.Pixel(p);
        return new ThreeDPointSidecar { Name = name, W = p.ToArray(), At = [x, y], Panel = panel, Hidden = hidden };
    }
}
