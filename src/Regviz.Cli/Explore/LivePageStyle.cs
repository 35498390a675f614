using Regviz.Plotting;

namespace Regviz.Cli.Explore;

/// <summary>
/// The live page's style sheet: the house colours of the light style, and of the dark style under
/// <c>prefers-color-scheme: dark</c>, taken from <see cref="Theme"/> so the page and the images never drift apart.
/// The layout keeps the slider, the figure and the numbers in one view on a laptop and stacks them on a phone.
/// </summary>
internal static class LivePageStyle
{
    public static string Css(Theme light, Theme dark) => $$"""
        :root { {{Vars(light)}} color-scheme: light dark; }
        @media (prefers-color-scheme: dark) { :root { {{Vars(dark)}} } }
        * { box-sizing: border-box; }
        body { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: var(--fg); background: var(--bg); overflow-x: hidden; }
        main { max-width: 1400px; margin: 0 auto; padding: .4rem .8rem 1rem; }
        h1 { font-size: 1.15rem; margin: .2rem 0; }
        h2 { font-size: 1rem; margin: .2rem 0; }
        .lead { margin: 0 0 .3rem; color: var(--muted); font-size: .9rem; }
        .controls { display: flex; flex-wrap: wrap; gap: .3rem .8rem; align-items: center; padding: .2rem 0 .4rem; position: sticky; top: 0; z-index: 1; background: var(--bg); }
        .controls label { font-weight: 600; }
        .controls input[type=range] { flex: 1 1 12rem; min-width: 0; height: 2rem; margin: 0; }
        .controls output { font-variant-numeric: tabular-nums; font-weight: 600; min-width: 7rem; }
        select { font: inherit; min-height: 2rem; max-width: 100%; }
        #panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); gap: .6rem 1.2rem; }
        .panel { min-width: 0; }
        .body { display: flex; flex-wrap: wrap; gap: .4rem .8rem; align-items: flex-start; }
        svg { flex: 1 1 18rem; min-width: 0; max-width: calc(100vh - 10.5rem); aspect-ratio: 1; height: auto; background: var(--bg); touch-action: none; user-select: none; }
        .numbers { flex: 0 1 15rem; min-width: 0; }
        .summary { font-weight: 600; margin: 0 0 .2rem; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; width: 100%; }
        th { text-align: left; font-weight: normal; padding: .1rem .6rem .1rem 0; white-space: nowrap; }
        td { text-align: right; font-family: ui-monospace, "DejaVu Sans Mono", monospace; padding: .1rem 0; overflow-wrap: anywhere; }
        tr { border-bottom: 1px solid var(--rule); }
        td.zero { font-weight: 700; color: var(--path); }
        .muted { color: var(--muted); font-size: .85rem; margin: .3rem 0; }
        .help { margin-top: .8rem; }
        input:focus-visible, select:focus-visible, .handle:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
        svg text { font-size: 13px; fill: var(--muted); paint-order: stroke; stroke: var(--bg); stroke-width: 3px; }
        svg .label { font-size: 16px; fill: var(--fg); font-style: italic; }
        .gridline { stroke: var(--rule); stroke-width: 1; fill: none; }
        .axis { stroke: var(--axis); stroke-width: 1.2; fill: none; }
        .loss { stroke: var(--loss); fill: none; vector-effect: non-scaling-stroke; }
        .thin { stroke-width: 1; opacity: .55; }
        .guide { stroke-width: 1; stroke-dasharray: 4 4; }
        .bold { stroke-width: 2.6; }
        .ball { stroke: var(--norm); stroke-width: 2.6; fill: var(--norm); fill-opacity: .12; stroke-linejoin: miter; }
        .trail { stroke: var(--path); stroke-width: 2; stroke-dasharray: 6 4; fill: none; }
        .opt { fill: var(--opt); stroke: var(--bg); stroke-width: 1.5; }
        .handle { cursor: grab; outline: none; }
        .handle .hit { fill: transparent; }
        .handle .mark { stroke: var(--fg); stroke-width: 2.5; fill: var(--bg); }
        .handle:focus-visible .hit { stroke: #1f6feb; stroke-width: 3; }
        """;

    private static string Vars(Theme t) =>
        $"--bg: {Hex(t.Background)}; --fg: {Hex(t.Foreground)}; --muted: {Hex(t.Muted)}; --axis: {Hex(t.AxisLine)}; " +
        $"--rule: {Hex(t.AxisLine)}55; --loss: {Hex(t.Loss)}; --norm: {Hex(t.Norm)}; --opt: {Hex(t.Optimum)}; --path: {Hex(t.Path)};";

    private static string Hex(ScottPlot.Color c)
    {
        var s = c.ToSKColor();
        return $"#{s.Red:X2}{s.Green:X2}{s.Blue:X2}";
    }
}
