using ScottPlot;

namespace Regviz.Plotting;

/// <summary>
/// Renders a plot in one pass. ScottPlot's <c>RenderManager.Render</c> repeats its whole pipeline while the last pass
/// reports that the axis limits changed, and the first render of a plot always reports so (there were no limits before
/// it): every new plot was drawn twice, the first drawing cleared and drawn again (measured with a counting render
/// action). The second pass exists for plots whose layout follows the tick labels of the pass before; regviz fixes
/// every layout (<c>Plot.Layout.Fixed</c>) and every axis range before drawing, so the two passes draw the same, and
/// the first is kept: an action after every other one switches rendering off for the rest of the call. Each frame of an
/// animation and each still figure is a new plot, so this halves their drawing; a PDF's page no longer holds the
/// figure twice, one drawing under the other.
/// </summary>
internal sealed class SinglePass : IRenderAction
{
    public void Render(RenderPack rp) => rp.Plot.RenderManager.EnableRendering = false;

    /// <summary>Runs <paramref name="render"/> (a call of one of <paramref name="plot"/>'s Render methods) with the plot drawn once.</summary>
    public static void Run(Plot plot, Action render)
    {
        var manager = plot.RenderManager;
        var stop = new SinglePass();
        manager.RenderActions.Add(stop);
        try
        {
            render();
        }
        finally
        {
            manager.RenderActions.Remove(stop);
            manager.EnableRendering = true;
        }
    }
}
