using System.Text.Json;
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
    public static void Write(Utf8JsonWriter w, string command, Figure3 figure, IReadOnlyList<(string Name, Scene3 Scene)> panels,
        FigureDescription description, Action<Utf8JsonWriter>? extra = null)
    {
        w.WriteStartObject();
        w.WriteString("command", command);
        SceneJson.WriteDescription(w, description);
        w.WriteNumbers("image", [figure.Width, figure.Height]);
        WriteCamera(w, "camera", figure.Cameras[0]);
        w.WriteStartArray("panels");
        for (int i = 0; i < panels.Count; i++)
        {
            w.WriteStartObject();
            w.WriteString("name", panels[i].Name);
            WriteCamera(w, "camera", figure.Cameras[i]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("vertices");
        for (int i = 0; i < panels.Count; i++)
            foreach (var v in panels[i].Scene.Vertices) WritePoint(w, null, v, figure.Cameras[i], i);
        w.WriteEndArray();
        w.WriteStartArray("marks");
        for (int i = 0; i < panels.Count; i++)
        {
            var hidden = figure.HiddenMarks(i);
            for (int k = 0; k < panels[i].Scene.Marks.Count; k++)
                WritePoint(w, panels[i].Scene.Marks[k].Name, panels[i].Scene.Marks[k].At, figure.Cameras[i], i, hidden[k]);
        }
        w.WriteEndArray();
        w.WriteStartArray("labels");
        for (int i = 0; i < panels.Count; i++)
            foreach (var (text, left, top, right, bottom) in figure.LabelBoxes(i))
            {
                w.WriteStartObject();
                w.WriteString("text", text);
                w.WriteNumbers("box", [left, top, right, bottom]);
                w.WriteNumber("panel", i);
                w.WriteEndObject();
            }
        w.WriteEndArray();
        extra?.Invoke(w);
        w.WriteEndObject();
    }

    private static void WriteCamera(Utf8JsonWriter w, string name, Camera c)
    {
        w.WriteStartObject(name);
        w.WriteNumber("azimuth", c.Azimuth);
        w.WriteNumber("elevation", c.Elevation);
        w.WriteString("projection", "orthographic");
        WriteMatrix(w, "view", c.ViewMatrix());
        WriteMatrix(w, "pixel_matrix", c.PixelMatrix());
        w.WriteEndObject();
    }

    private static void WriteMatrix(Utf8JsonWriter w, string name, double[][] rows)
    {
        w.WriteStartArray(name);
        foreach (var row in rows)
        {
            w.WriteStartArray();
            foreach (double v in row) w.WriteNumberValue(v);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static void WritePoint(Utf8JsonWriter w, string? name, Vec3 p, Camera camera, int panel, bool? hidden = null)
    {
        w.WriteStartObject();
        if (name is not null) w.WriteString("name", name);
        w.WriteNumbers("w", p.ToArray());
        var (x, y) = camera.Pixel(p);
        w.WriteNumbers("at", [x, y]);
        w.WriteNumber("panel", panel);
        if (hidden is { } behind) w.WriteBoolean("hidden", behind);
        w.WriteEndObject();
    }
}
