using System.CommandLine;
using Regviz.Cli.Help;
using Regviz.Cli.Options;
using Regviz.Core;
using Regviz.Core.Penalties;

namespace Regviz.Cli.Commands;

/// <summary>
/// <c>--overlay</c>: the comma list that would make panels draws every penalty on one axes instead. Only a list of
/// penalties overlays (--norm, or a penalty's parameter): a list in --lambda or --radius varies the problem, not the
/// penalty, and stays panels.
/// </summary>
internal static class OverlayFigures
{
    public static Option<bool> Create(string what) => new("--overlay") { Description = $"With a comma list in {PenaltyHelp.Listed(["--norm", .. PenaltyHelp.ParameterFlags()], "or")}: {what} on one axes instead of one panel each" };

    /// <summary>The panel plan, checked for an overlay: a list of penalties, no --cols; without a list --overlay is a usage error.</summary>
    public static PanelPlan Check(PanelPlan? plan, ParseResult result, PanelOptions panels)
    {
        if (plan is null)
            throw new InputException($"--overlay goes with a comma list of penalties: --norm l1,l2 (or a list in {PenaltyHelp.Listed(PenaltyHelp.ParameterFlags(), "or")})");
        if (plan.Name != "norm" && !PenaltyCatalogue.Parameters.Any(s => s.Name == plan.Name))
            throw new InputException($"--overlay draws several penalties on one axes; a list in {plan.Option.Name} varies the problem and makes panels (leave out --overlay)");
        if (result.GetResult(panels.Cols) is { Implicit: false })
            throw new InputException("--cols sets panels per row; an --overlay has one axes");
        return plan;
    }

    /// <summary>The default name: the panels' name with "overlay" after the kind (contour-overlay-l1-l2-lambda0.5.png), so an overlay never replaces the panels of the same list.</summary>
    public static string DefaultName(string panelsName, string kind) => $"{kind}-overlay-{panelsName[(kind.Length + 1)..]}";
}
