using System.Text.Json;
using System.Text.Json.Nodes;
using Regviz.Plotting;

namespace Regviz.Cli.Output;

/// <summary>
/// The sidecar's <c>layout</c> (docs/sidecars.md): where the figure's text, legend and protected marks landed, in pixels
/// of the written image, origin top left, boxes as [x0, y0, x1, y1] rounded to a tenth of a pixel.
/// </summary>
internal static class LayoutJson
{
    public static void Write(Utf8JsonWriter w, FigureLayout layout)
    {
        w.WriteStartObject();
        w.WriteStartArray("image");
        w.WriteNumberValue(layout.Width);
        w.WriteNumberValue(layout.Height);
        w.WriteEndArray();
        w.WriteStartArray("panels");
        foreach (var panel in layout.Panels)
        {
            w.WriteStartObject();
            Box(w, "data_area", panel.DataArea);
            w.WriteStartArray("marks");
            foreach (var m in panel.Marks)
            {
                w.WriteStartObject();
                w.WriteString("role", m.Role);
                w.WriteStartArray("at");
                w.WriteNumberValue(Round(m.X));
                w.WriteNumberValue(Round(m.Y));
                w.WriteEndArray();
                w.WriteString("color", m.Color);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (layout.Legend is { } legend) Box(w, "legend", legend); else w.WriteNull("legend");
        if (layout.LegendOmitted is { } why) w.WriteString("legend_omitted", why);
        w.WriteStartArray("texts");
        foreach (var t in layout.Texts)
        {
            w.WriteStartObject();
            w.WriteString("text", t.Text);
            w.WriteString("role", t.Role);
            Box(w, "box", t.Box);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The sidecar <paramref name="body"/> writes, with "layout" added as its last member.</summary>
    public static Action<Utf8JsonWriter> With(Action<Utf8JsonWriter> body, FigureLayout? layout) => layout is null ? body : w =>
    {
        using var buffer = new MemoryStream();
        using (var inner = new Utf8JsonWriter(buffer)) body(inner);
        var root = JsonNode.Parse(buffer.ToArray())!.AsObject();
        using var layoutBuffer = new MemoryStream();
        using (var inner = new Utf8JsonWriter(layoutBuffer)) Write(inner, layout);
        root["layout"] = JsonNode.Parse(layoutBuffer.ToArray());
        root.WriteTo(w);
    };

    /// <summary>Adds one layout per frame, in order, to the sidecar's "frames" list (animate, explore).</summary>
    public static Action<Utf8JsonWriter> WithFrames(Action<Utf8JsonWriter> body, IReadOnlyList<FigureLayout>? frames) => frames is null ? body : w =>
    {
        using var buffer = new MemoryStream();
        using (var inner = new Utf8JsonWriter(buffer)) body(inner);
        var root = JsonNode.Parse(buffer.ToArray())!.AsObject();
        if (root["frames"] is JsonArray list)
            for (int i = 0; i < list.Count && i < frames.Count; i++)
            {
                using var layoutBuffer = new MemoryStream();
                using (var inner = new Utf8JsonWriter(layoutBuffer)) Write(inner, frames[i]);
                list[i]!.AsObject()["layout"] = JsonNode.Parse(layoutBuffer.ToArray());
            }
        root.WriteTo(w);
    };

    private static void Box(Utf8JsonWriter w, string name, LayoutBox b)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(Round(b.X0));
        w.WriteNumberValue(Round(b.Y0));
        w.WriteNumberValue(Round(b.X1));
        w.WriteNumberValue(Round(b.Y1));
        w.WriteEndArray();
    }

    private static double Round(float v) => Math.Round((double)v, 1);
}
