using System.CommandLine;
using System.Text.RegularExpressions;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.Contours;
using Regviz.Plotting;

namespace Regviz.Cli.Options;

/// <summary>What every figure command accepts: output, size, range, grid, levels, theme, title, sidecar.</summary>
internal sealed partial class FigureOptions
{
    public const int MaxGrid = 4000, MaxSide = 10000, MinSide = 100;

    public readonly Option<string?> Out = new("--out", "-o") { Description = "Output file, .png or .svg (default: a descriptive name in the current directory)", HelpName = "FILE" };
    public readonly Option<string> Size = new("--size") { Description = $"Image size in pixels, WxH (each {MinSide}..{MaxSide})", DefaultValueFactory = _ => "800x800", HelpName = "WxH" };
    public readonly Option<string?> Range = new("--range") { Description = "Visible part of the plane (default: origin, both optima and the ball through w*, with a margin); widened to keep equal aspect", HelpName = "x0:x1,y0:y1" };
    public readonly Option<int> Grid = new("--grid") { Description = $"Grid cells per axis for the loss surface (10..{MaxGrid})", DefaultValueFactory = _ => 400, HelpName = "N" };
    public readonly Option<int> Levels = new("--levels") { Description = "About how many loss contours to draw (1..60); one always passes through w*", DefaultValueFactory = _ => 10, HelpName = "N" };
    public readonly Option<string> Theme = new("--theme") { Description = "Colour theme", DefaultValueFactory = _ => "light", HelpName = "light|dark" };
    public readonly Option<string?> Title = new("--title") { Description = "Figure title (default: the penalty and λ)", HelpName = "TEXT" };
    public readonly Option<string?> Json = new("--json") { Description = "Sidecar JSON with the numbers behind the figure ('-': stdout)", HelpName = "FILE" };

    /// <summary>Adds the options; <paramref name="plane"/> false leaves out --range, --grid and --levels (figures not in the plane).</summary>
    public void AddTo(Command command, bool plane = true)
    {
        var options = plane ? new Option[] { Out, Size, Range, Grid, Levels, Theme, Title, Json } : [Out, Size, Theme, Title, Json];
        foreach (var option in options) command.Options.Add(option);
    }

    /// <summary>The validated options; every check here runs before any computation.</summary>
    public sealed record Values(string? Out, FigureStyle Style, PlaneRange? Range, int Grid, int Levels, string? Json)
    {
        /// <summary>The figure's file: --out, or else the descriptive default name, checked the same way before any drawing.</summary>
        public string OutOr(string defaultName) => Out ?? OutputTargets.Prepare(defaultName, "--out");
    }

    public Values Bind(ParseResult r)
    {
        var (width, height) = ParseSize(r.GetValue(Size) ?? "800x800"); // a command may take away the shown default
        // a figure outside the parameter plane (path, sparsity) was given no --grid, --levels or --range
        bool plane = r.CommandResult.Command.Options.Contains(Grid);
        int grid = plane ? r.GetValue(Grid) : 0;
        if (plane && (grid < 10 || grid > MaxGrid))
            throw new InputException($"--grid: {grid} is outside 10..{MaxGrid}");
        int levels = plane ? r.GetValue(Levels) : 0;
        if (plane && (levels < 1 || levels > 60))
            throw new InputException($"--levels: {levels} is outside 1..60");
        var theme = Words.Theme(r.GetValue(Theme)!);
        var range = plane && r.GetValue(Range) is { } text ? Words.Range(text) : (PlaneRange?)null;
        // every destination is checked before any work: a run that cannot write its sidecar must not have replaced the figure
        string? output = r.GetValue(Out) is { } o ? OutputTargets.Prepare(o, "--out") : null;
        if (output is not null) FigureExport.FormatOf(output, "--out");
        string? json = r.GetValue(Json) is { } j ? OutputTargets.Prepare(j, "--json") : null;
        if (output is not null) OutputTargets.Distinct(output, "--out", json, "--json");
        return new Values(output, new FigureStyle(width, height, theme, r.GetValue(Title)), range, grid, levels, json);
    }

    [GeneratedRegex(@"^\s*(\d{1,6})\s*[xX×]\s*(\d{1,6})\s*$")]
    private static partial Regex SizePattern();

    internal static (int, int) ParseSize(string text)
    {
        var m = SizePattern().Match(text);
        if (!m.Success)
            throw new InputException($"--size: '{text}' is not of the form WxH (e.g. 800x600)");
        int w = int.Parse(m.Groups[1].Value), h = int.Parse(m.Groups[2].Value);
        if (w < MinSide || h < MinSide || w > MaxSide || h > MaxSide)
            throw new InputException($"--size: {w}x{h} is outside {MinSide}x{MinSide}..{MaxSide}x{MaxSide}");
        return (w, h);
    }
}
