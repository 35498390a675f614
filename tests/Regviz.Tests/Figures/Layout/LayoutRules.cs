namespace Regviz.Tests.Figures.Layout;

/// <summary>
/// What the layout lint asserts of a figure, from its report alone: text never overlaps other text (tick labels among
/// themselves excepted: the axis spaces them), the legend, or a protected mark (within <see cref="MarkRadius"/>
/// pixels); every box lies inside the image; a legend inside a data area covers no mark.
/// </summary>
internal static class LayoutRules
{
    /// <summary>How close (pixels) text or a legend may come to a protected mark.</summary>
    public const double MarkRadius = 6;

    /// <summary>Text a legend or mark rule does not apply to: the legend's own entries, and leader lines (drawn to their mark).</summary>
    private static bool Free(SidecarLayout.Text t) => t.Role is "legend" or "leader";

    public static List<string> Violations(SidecarLayout layout)
    {
        var found = new List<string>();
        var image = new SidecarLayout.Box(0, 0, layout.Width, layout.Height);
        var texts = layout.Texts.Where(t => t.Box.X1 > t.Box.X0 && t.Box.Y1 > t.Box.Y0).ToList();
        foreach (var t in texts)
            if (t.Box.X0 < -0.5 || t.Box.Y0 < -0.5 || t.Box.X1 > image.X1 + 0.5 || t.Box.Y1 > image.Y1 + 0.5) found.Add($"{t} leaves the {layout.Width}x{layout.Height} image");
        if (layout.Legend is { } lb && (lb.X0 < -0.5 || lb.Y0 < -0.5 || lb.X1 > image.X1 + 0.5 || lb.Y1 > image.Y1 + 0.5)) found.Add($"legend {lb} leaves the image");
        for (int i = 0; i < texts.Count; i++)
            for (int j = i + 1; j < texts.Count; j++)
            {
                var (a, b) = (texts[i], texts[j]);
                if (a.Role == "tick" && b.Role == "tick") continue;
                // ScottPlot lays out the axes: a y tick label five characters wide reaches the y axis's label in a
                // 300-pixel figure (a known limit, docs/sidecars.md); everything regviz places is checked
                if ((a.Role, b.Role) is ("tick", "axis_label") or ("axis_label", "tick")) continue;
                if (Free(a) || Free(b)) continue;
                if (a.Box.Overlaps(b.Box)) found.Add($"{a} overlaps {b}");
            }
        var marks = layout.Panels.SelectMany(p => p.Marks).ToList();
        foreach (var t in texts.Where(t => !Free(t)))
        {
            if (layout.Legend is { } legend && t.Box.Overlaps(legend)) found.Add($"{t} overlaps the legend {legend}");
            // text around the data area (title, axis labels, tick labels, line names) may come near a mark on its edge, never over it
            double radius = t.Role is "title" or "axis_label" or "tick" or "line_name" ? 0 : MarkRadius;
            foreach (var m in marks)
                if (t.Box.Distance(m.X, m.Y) < Math.Max(radius, 1e-9)) found.Add($"{t} is within {radius} px of the {m.Role} at ({m.X:0.#}, {m.Y:0.#})");
        }
        if (layout.Legend is { } l)
            foreach (var p in layout.Panels.Where(p => p.DataArea.Overlaps(l)))
                foreach (var m in p.Marks)
                    if (l.Distance(m.X, m.Y) < MarkRadius) found.Add($"the legend {l} covers the {m.Role} at ({m.X:0.#}, {m.Y:0.#})");
        return found;
    }
}
