using System.CommandLine;
using System.Globalization;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.Penalties;
using Regviz.Core.ThreeD;
using Regviz.Plotting;
using Regviz.Plotting.ThreeD;

namespace Regviz.Cli.Commands;

/// <summary><c>regviz ball</c>: the unit ball of a penalty in three weights, lit and with hidden surfaces removed; a comma list of norms draws them side by side.</summary>
internal sealed class BallCommand
{
    private readonly Option<string> _norm = new("--norm") { Description = "Penalty whose unit ball P(w) ≤ 1 is drawn: l1 (octahedron), l2 (sphere), linf (cube), elasticnet (--alpha), lp (--p, a star for p < 1), group (Σ over groups of ‖w_g‖₂, --groups); a comma list draws the balls side by side", DefaultValueFactory = _ => "l1", HelpName = "l1|l2|linf|elasticnet|lp|group[,..]" };
    // the parameters are the penalties' own declarations (help, range, default), as for every other command
    private readonly PenaltyOptions _penalty = new();
    private readonly Option<string> _groups = new("--groups") { Description = "The group norm's groups of w1, w2, w3: commas between groups, a colon for a range (1,2:3 is {w1} and {w2, w3})", DefaultValueFactory = _ => "1,2:3", HelpName = "G,G.." };
    private readonly Option<string> _view = ViewOption.Create();
    private readonly FigureOptions _figure = new();
    private readonly TurntableOptions _turn = new();

    public static Command Create() => new BallCommand().Build();

    private Command Build()
    {
        var command = new Command("ball", "The unit ball of a penalty in three weights (octahedron, sphere, cube, elastic net, lp, group lasso), its exact edges and corners drawn sharp");
        command.Options.Add(_norm);
        _penalty.AddParametersTo(command, BallFigures.Norms);
        command.Options.Add(_groups);
        command.Options.Add(_view);
        _figure.AddTo(command);
        _turn.AddTo(command);
        _figure.Size.Description += "; the size of each ball's panel";
        _figure.Title.Description = "Figure title above the panels (default: none; each panel names its ball)";
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult result)
    {
        var balls = Balls(result);
        var (az, el) = Camera.ParseView(result.GetValue(_view)!, "--view");
        var f = _figure.Bind(result);
        string output = f.OutOr(DefaultNames.Unique(DefaultName(balls, result), result, _norm));
        f.WarnAboutGlyphs();
        var scenes = balls.Select(b => (b.Name, Scene: BallMesh.Build(b))).ToList();
        var description = BallFigures.Describe(balls, az, el);
        var style = f.Style with { Description = description };
        var turn = _turn.Bind(result, output, style);
        Figure3 At(double azimuth) => BallFigures.At(balls, scenes.Select(s => s.Scene).ToList(), style, azimuth, el);
        TurntableOptions.Save(At, az, turn, description, output);
        var figure = At(az);
        if (f.Json is { } json) JsonOut.Write(RunContext.Of(result), json, ThreeDJson.Sidecar("ball", figure, scenes, description));
        f.Announce(result.InvocationConfiguration.Output, output, description);
        return 0;
    }

    private List<UnitBall> Balls(ParseResult result) =>
        BallFigures.Parse(result.GetValue(_norm)!, _penalty.Arguments(result), result.GetValue(_groups)!);

    private string DefaultName(IReadOnlyList<UnitBall> balls, ParseResult result)
    {
        string Num(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
        string name = "ball-" + string.Join("-", balls.Select(b => b.Name));
        foreach (var parameter in balls.SelectMany(b => b.Parameters).DistinctBy(p => p.Name)) name += $"-{parameter.Name}{Num(parameter.Value)}";
        if (balls.Any(b => b.Name == BallFigures.GroupNorm)) name += "-groups" + result.GetValue(_groups)!.Replace(',', '_').Replace(':', '-');
        if (result.GetValue(_view) is { } view && view != ViewOption.Default) name += "-view" + view.Replace(',', '_');
        if (result.GetValue(_turn.Rotate) is { } rotate) name += "-rotate" + Num(rotate);
        return name + ".png";
    }
}
