using System.CommandLine;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core.Scenes;
using Regviz.Plotting;

namespace Regviz.Cli.Commands;

/// <summary><c>regviz norm</c>: the contours of the penalty alone, from their exact boundaries.</summary>
internal sealed partial class NormCommand
{
    // options belong to one command tree (see RegvizApp.CreateRoot), so each tree gets its own instance
    private readonly PenaltyOptions _penalty = new();
    private readonly FigureOptions _figure = new();
    private readonly PlaneOptions _plane = new();
    private readonly Option<string?> _level = new("--level") { Description = "Draw exactly these level sets P(w) = V (the unit ball: --level 1), instead of --levels evenly spaced ones (at most 60 values, each > 0)", HelpName = "V[,V..]" };
    private readonly FigurePartsOptions _parts = new("Fill the region inside the outermost level set drawn (with --level 1, the unit ball)");

    public static Command Create() => new NormCommand().Build();

    private Command Build()
    {
        var command = new Command("norm", "Contours of the penalty P(w) alone: the L1 diamond, the L2 circle, and the others");
        _penalty.AddTo(command);
        _figure.AddTo(command);
        _plane.AddTo(command);
        // the plane's options as they apply here: this figure has no loss and no optimum
        _plane.Range.Description = "Visible part of the plane (default: the largest level set drawn, with a margin of a quarter; ±1.25 for the unit ball); widened to keep equal aspect. It never changes which level sets are drawn";
        _plane.Levels.Description = "How many evenly spaced level sets P(w) = k/N, k = 1..N, up to the unit ball P = 1 (1..60)";
        _plane.Grid.Description = "Accepted for symmetry with contour; the level sets are exact curves, not traced on a grid";
        command.Options.Add(_level);
        _parts.AddTo(command);
        _parts.NoLabels.Description = "Leave out the values written on the level sets";
        _panels.AddTo(command);
        command.Options.Add(_overlay);
        _panels.Cols.Description = PanelOptions.ColsHelp("--norm");
        _figure.Title.Description = "Figure title (default: the penalty)";
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult result)
    {
        var panels = _panels.Plan(result, _penalty.Listable);
        if (result.GetValue(_overlay)) return RunOverlay(result, panels);
        if (panels is { } plan) return RunPanels(result, plan);
        var area = _plane.Bind(result);
        var f = _figure.Bind(result);
        var penalty = _penalty.Bind(result);
        string output = f.OutOr(DefaultNames.Unique(DefaultNames.Descriptive("norm", penalty, null, NameWords(result)), result, Named));
        f.WarnAboutGlyphs();
        var scene = SceneFor(penalty, area, ExactLevels(result), f.Style.Frame().Aspect);
        var description = FigureText.Describe(scene);
        var style = f.Style with { Description = description };
        var parts = _parts.Bind(result);
        var plot = FigureExport.Save(style, output, s => NormFigure.Render(scene, s, parts));
        if (f.Json is { } json) JsonOut.Write(RunContext.Of(result), json, SceneJson.Norm(scene, description, LayoutJson.Of(FigureLayout.Of(plot))));
        f.Announce(result.InvocationConfiguration.Output, output, description);
        return 0;
    }

    private static NormScene SceneFor(Core.Penalties.Penalty penalty, PlaneOptions.Values area, IReadOnlyList<double>? exact, double aspect) =>
        exact is null ? SceneBuilder.Norm(penalty, area.Range, area.Levels, aspect) : SceneBuilder.NormAt(penalty, area.Range, exact, aspect);

    /// <summary>The options the descriptive name spells out in full; any other picture option adds the name's suffix.</summary>
    private Option[] Named => [.. _penalty.Listable, _level, _overlay, .. _parts.Named];

    /// <summary>What sets this norm figure apart in its default name: the exact levels ("level1", "level0.5-1") and the textbook controls.</summary>
    private string[] NameWords(ParseResult result)
    {
        var words = new List<string>();
        if (ExactLevels(result) is { } levels)
            words.Add("level" + string.Join("-", levels.Select(Core.RegularisationForm.RoundTrip)));
        words.AddRange(_parts.NameWords(result));
        return [.. words];
    }

    /// <summary>--level's values, each a finite number &gt; 0, or null for --levels' evenly spaced ones; both at once is refused.</summary>
    private IReadOnlyList<double>? ExactLevels(ParseResult result)
    {
        if (result.GetValue(_level) is not { } text) return null;
        if (result.GetResult(_plane.Levels) is { Implicit: false })
            throw new Core.InputException("--level and --levels: give exact levels or how many, not both");
        var items = text.Split(',', StringSplitOptions.TrimEntries);
        if (items.Length > 60) throw new Core.InputException($"--level: {items.Length} values; at most 60");
        return items.Select(item =>
            double.TryParse(item, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && v > 0
                ? v
                : throw new Core.InputException($"--level: '{Core.Excerpt.Of(item)}' is not a finite number > 0")).ToArray();
    }
}
