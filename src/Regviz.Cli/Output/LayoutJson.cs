using Regviz.Core.Sidecars;
using Regviz.Plotting;

namespace Regviz.Cli.Output;

/// <summary>
/// The sidecar's <c>layout</c> (docs/sidecars.md): where the figure's text, legend and protected marks landed, in pixels
/// of the written image, origin top left, boxes as [x0, y0, x1, y1] rounded to a tenth of a pixel.
/// </summary>
internal static class LayoutJson
{
    public static LayoutSidecar? Of(FigureLayout? layout) => layout is null ? null : new LayoutSidecar
    {
        Image = [layout.Width, layout.Height],
        Panels = [.. layout.Panels.Select(panel => new LayoutPanelSidecar
        {
            DataArea = Box(panel.DataArea),
            Marks = [.. panel.Marks.Select(m => new LayoutMarkSidecar { Role = m.Role, At = [Round(m.X), Round(m.Y)], Color = m.Color })],
        })],
        Legend = layout.Legend is { } legend ? Box(legend) : null,
        LegendOmitted = layout.LegendOmitted,
        Texts = [.. layout.Texts.Select(t => new LayoutTextSidecar { Text = t.Text, Role = t.Role, Box = Box(t.Box) })],
    };

    private static double[] Box(LayoutBox b) => [Round(b.X0), Round(b.Y0), Round(b.X1), Round(b.Y1)];

    private static double Round(float v) => Math.Round((double)v, 1);
}
