using System.Text.Json;

namespace Regviz.Tests.Figures.Layout;

/// <summary>
/// A sidecar's <c>layout</c> read back from its JSON, as any reader of the sidecar would (not from the library's own
/// records): the lint checks what the file says.
/// </summary>
internal sealed record SidecarLayout(int Width, int Height, IReadOnlyList<SidecarLayout.Panel> Panels, SidecarLayout.Box? Legend, IReadOnlyList<SidecarLayout.Text> Texts)
{
    public readonly record struct Box(double X0, double Y0, double X1, double Y1)
    {
        public bool Overlaps(Box o) => X0 < o.X1 && o.X0 < X1 && Y0 < o.Y1 && o.Y0 < Y1;
        public Box Grow(double by) => new(X0 - by, Y0 - by, X1 + by, Y1 + by);
        public bool Contains(double x, double y) => x >= X0 && x <= X1 && y >= Y0 && y <= Y1;

        /// <summary>Distance from a point to the rectangle (0 inside).</summary>
        public double Distance(double x, double y)
        {
            double dx = Math.Max(Math.Max(X0 - x, 0), x - X1), dy = Math.Max(Math.Max(Y0 - y, 0), y - Y1);
            return Math.Sqrt(dx * dx + dy * dy);
        }

        public override string ToString() => $"[{X0:0.#}, {Y0:0.#}, {X1:0.#}, {Y1:0.#}]";
    }

    public sealed record Mark(string Role, double X, double Y, string Color);
    public sealed record Panel(Box DataArea, IReadOnlyList<Mark> Marks);
    public sealed record Text(string Content, string Role, Box Box)
    {
        public override string ToString() => $"{Role} \"{Content}\" {Box}";
    }

    /// <summary>Why the figure has no legend though it has entries for one (the report's <c>legend_omitted</c>), or null.</summary>
    public string? LegendOmitted { get; init; }

    public static SidecarLayout Read(JsonElement layout)
    {
        static Box B(JsonElement e) => new(e[0].GetDouble(), e[1].GetDouble(), e[2].GetDouble(), e[3].GetDouble());
        var image = layout.GetProperty("image");
        var panels = layout.GetProperty("panels").EnumerateArray().Select(p => new Panel(B(p.GetProperty("data_area")),
            p.GetProperty("marks").EnumerateArray().Select(m => new Mark(m.GetProperty("role").GetString()!, m.GetProperty("at")[0].GetDouble(),
                m.GetProperty("at")[1].GetDouble(), m.GetProperty("color").GetString()!)).ToList())).ToList();
        var legend = layout.GetProperty("legend");
        var texts = layout.GetProperty("texts").EnumerateArray().Select(t => new Text(t.GetProperty("text").GetString()!,
            t.GetProperty("role").GetString()!, B(t.GetProperty("box")))).ToList();
        return new SidecarLayout(image[0].GetInt32(), image[1].GetInt32(), panels, legend.ValueKind == JsonValueKind.Null ? null : B(legend), texts)
        {
            LegendOmitted = layout.TryGetProperty("legend_omitted", out var why) ? why.GetString() : null,
        };
    }

    /// <summary>Every layout a sidecar holds: its own, or one per frame of an animation.</summary>
    public static IReadOnlyList<SidecarLayout> All(string sidecarPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(sidecarPath));
        var root = doc.RootElement;
        if (root.TryGetProperty("layout", out var one)) return [Read(one)];
        return [.. root.GetProperty("frames").EnumerateArray().Select(f => Read(f.GetProperty("layout")))];
    }
}
