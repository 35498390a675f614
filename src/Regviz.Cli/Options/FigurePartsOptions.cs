using System.CommandLine;
using Regviz.Plotting;

namespace Regviz.Cli.Options;

/// <summary>
/// The textbook controls of a figure in the plane: what to leave out (legend, labels, grid), whether to fill the
/// constraint region, and --clean for the look of ESL's figures (a filled ball, the curves that touch, nothing else).
/// </summary>
internal sealed class FigurePartsOptions
{
    public readonly Option<bool> NoLegend = new("--no-legend") { Description = "Leave out the legend" };
    public readonly Option<bool> NoLabels = new("--no-labels") { Description = "Leave out the text in the plot: contour values and the captions of w* and least squares" };
    public readonly Option<bool> NoGrid = new("--no-grid") { Description = "Leave out the background grid" };
    public readonly Option<bool> Fill = new("--fill") { Description = "Fill the constraint region" };
    public readonly Option<bool> Clean = new("--clean") { Description = "A textbook's look: --fill --no-legend --no-labels --no-grid" };

    public FigurePartsOptions(string fillDescription) => Fill.Description = fillDescription;

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Fill, NoLegend, NoLabels, NoGrid, Clean }) command.Options.Add(option);
    }

    /// <summary>The controls <see cref="NameWords"/> spells out in a default name.</summary>
    public Option[] Named => [Fill, NoLegend, NoLabels, NoGrid, Clean];

    public bool IsClean(ParseResult r) => r.GetValue(Clean);

    /// <summary>The words a default file name gains, so a textbook variant never replaces the plain figure: "clean", or each of "fill", "nolegend", "nolabels", "nogrid".</summary>
    public string[] NameWords(ParseResult r)
    {
        if (r.GetValue(Clean)) return ["clean"];
        var words = new List<string>();
        if (r.GetValue(Fill)) words.Add("fill");
        if (r.GetValue(NoLegend)) words.Add("nolegend");
        if (r.GetValue(NoLabels)) words.Add("nolabels");
        if (r.GetValue(NoGrid)) words.Add("nogrid");
        return [.. words];
    }

    public FigureParts Bind(ParseResult r)
    {
        bool clean = r.GetValue(Clean);
        return new FigureParts
        {
            Legend = !clean && !r.GetValue(NoLegend),
            Labels = !clean && !r.GetValue(NoLabels),
            Grid = !clean && !r.GetValue(NoGrid),
            Fill = clean || r.GetValue(Fill),
        };
    }
}
