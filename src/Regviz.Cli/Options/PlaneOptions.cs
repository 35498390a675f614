using System.CommandLine;
using Regviz.Core;
using Regviz.Core.Contours;

namespace Regviz.Cli.Options;

/// <summary>What a figure drawn in the (w1, w2) plane adds to <see cref="FigureOptions"/>: the visible range, the loss grid and its levels.</summary>
internal sealed class PlaneOptions
{
    public const int MaxGrid = 4000;

    public readonly Option<string?> Range = new("--range") { Description = "Visible part of the plane (default: origin, both optima, the ball through w* and, for least squares, the whole loss level set through w* unless it is over twice their size, with a margin); widened to keep equal aspect", HelpName = "x0:x1,y0:y1" };
    public readonly Option<int> Grid = new("--grid") { Description = $"Grid cells per axis for the loss surface (10..{MaxGrid})", DefaultValueFactory = _ => 400, HelpName = "N" };
    public readonly Option<int> Levels = new("--levels") { Description = "About how many loss contours to draw (1..60); one always passes through w*", DefaultValueFactory = _ => 10, HelpName = "N" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Range, Grid, Levels }) command.Options.Add(option);
    }

    public sealed record Values(PlaneRange? Range, int Grid, int Levels);

    /// <summary>Value checks only: run before <see cref="FigureOptions.Bind"/>, which already prepares the output folders.</summary>
    public Values Bind(ParseResult r)
    {
        int grid = r.GetValue(Grid);
        if (grid < 10 || grid > MaxGrid)
            throw new InputException($"--grid: {grid} is outside 10..{MaxGrid}");
        int levels = r.GetValue(Levels);
        if (levels < 1 || levels > 60)
            throw new InputException($"--levels: {levels} is outside 1..60");
        var range = r.GetValue(Range) is { } text ? Words.Range(text) : (PlaneRange?)null;
        return new Values(range, grid, levels);
    }
}
