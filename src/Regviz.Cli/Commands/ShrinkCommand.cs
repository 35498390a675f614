using System.CommandLine;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core.Scenes;
using Regviz.Core.Sidecars;
using Regviz.Core;
using Regviz.Plotting;

namespace Regviz.Cli.Commands;

/// <summary>
/// <c>regviz shrink</c>: the 1-D view. With orthonormal columns every coefficient is its own problem
/// min_w (w − z)² + λ·P(w), z its least-squares value; the figure draws each estimator's w*(z) (ISL 6.10, ESL table 3.4).
/// </summary>
internal sealed class ShrinkCommand
{
    /// <summary>The most estimators on one axes: the palette has ten colours that stay apart.</summary>
    public const int MaxCurves = 10;

    // options belong to one command tree (see RegvizApp.CreateRoot), so each tree gets its own instance
    private readonly Option<string> _norm = new("--norm") { Description = Help.PenaltyHelp.ShrinkNormDescription(), DefaultValueFactory = _ => "l1,l2,l0", HelpName = "l1,l2,l0,.." };
    private readonly Option<double> _lambda = NumberOptions.Required("--lambda", 1, "λ in min (w − z)² + λ·P(w) (> 0)", "λ");
    private readonly Option<double?> _zmax = NumberOptions.Nullable("--zmax", "z runs over [−Z, Z] (default: 3, or three times the largest threshold)", "Z");
    private readonly Option<double?> _objective = NumberOptions.Nullable("--objective", "Draw the 1-D objective (w − z)² + λ·P(w) against w at this z instead, each minimum marked (Parr's reg1D)", "Z");
    private readonly PenaltyOptions _penalty = new();
    private readonly FigureOptions _figure = new();

    public static Command Create() => new ShrinkCommand().Build();

    private Command Build()
    {
        var command = new Command("shrink", "The 1-D view: each estimate against the least-squares coefficient z in the orthonormal case (soft and hard thresholds, proportional shrinkage)");
        foreach (var option in new Option[] { _norm, _lambda, _zmax, _objective }) command.Options.Add(option);
        _penalty.AddParametersTo(command);
        _figure.AddTo(command);
        _figure.Title.Description = "Figure title (default: the problem and λ)";
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult result)
    {
        var f = _figure.Bind(result);
        var estimators = Estimators(result);
        double lambda = result.GetValue(_lambda);
        if (!(lambda > 0)) throw new InputException($"--lambda: {RegularisationForm.RoundTrip(lambda)} is not allowed (a λ > 0 is required: at 0 every estimate is z)");
        double? zmax = result.GetValue(_zmax);
        if (zmax is { } z && !(z > 0)) throw new InputException($"--zmax: {RegularisationForm.RoundTrip(z)} is not allowed (a Z > 0 is required)");
        string output = f.OutOr(DefaultNames.Unique($"shrink-{string.Join("-", estimators.Select(e => e.Name))}-lambda{RegularisationForm.RoundTrip(lambda)}{(result.GetValue(_objective) is { } o ? $"-objective{RegularisationForm.RoundTrip(o)}" : "")}.png", result, _lambda, _objective));

        // the view holds every threshold three times over, so each curve shows its zero stretch and its slope beyond
        var first = Shrinkage.Curves(estimators, lambda, zmax ?? 1e6 * Math.Max(1, lambda));
        double thresholds = first.Curves.Max(c => c.Threshold ?? 0);
        var scene = zmax is null ? Shrinkage.Curves(estimators, lambda, Math.Max(3, 3 * thresholds)) : first;
        if (result.GetValue(_objective) is { } at) scene = Shrinkage.WithObjective(scene, at);
        f.WarnAboutGlyphs();
        var description = FigureText.Describe(scene);
        var style = f.Style with { Description = description };
        var plot = FigureExport.Save(style, output, s => ShrinkFigure.Render(scene, s));
        if (f.Json is { } json) JsonOut.Write(RunContext.Of(result), json, Sidecar(scene, description, LayoutJson.Of(FigureLayout.Of(plot))));
        f.Announce(result.InvocationConfiguration.Output, output, description);
        return 0;
    }

    private IReadOnlyList<ShrinkEstimator> Estimators(ParseResult result)
    {
        var names = result.GetValue(_norm)!.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(string.IsNullOrEmpty)) throw new InputException($"--norm: '{Excerpt.Of(result.GetValue(_norm)!)}' has an empty name");
        if (names.Length > MaxCurves) throw new InputException($"--norm: {names.Length} estimators; at most {MaxCurves} on one axes");
        return names.Select(name => name.ToLowerInvariant() == "l0" ? ShrinkEstimator.BestSubset : Of(name, result)).ToArray();
    }

    private ShrinkEstimator Of(string name, ParseResult result)
    {
        var penalty = _penalty.Create(name, result);
        if (!penalty.IsSeparable)
            throw new InputException($"--norm: {penalty.Name} is not a sum over coordinates; in one dimension it is |w|, the lasso (l1)");
        return ShrinkEstimator.Of(penalty);
    }

    private static ShrinkSidecar Sidecar(ShrinkScene scene, FigureDescription description, LayoutSidecar? layout) => new()
    {
        Alt = description.Alt,
        Caption = description.Caption,
        Problem = "argmin_w (w - z)^2 + lambda*P(w)",
        Lambda = scene.Lambda,
        ZMax = scene.ZMax,
        Curves = [.. scene.Curves.Select(c =>
        {
            var p = PenaltyMembers.Of(c.Estimator.Penalty);
            return new ShrinkCurveSidecar
            {
                Norm = c.Estimator.Penalty?.Name ?? c.Estimator.Name,
                Alpha = p.Alpha,
                P = p.P,
                Gamma = p.Gamma,
                OtherParameters = p.Others,
                Threshold = c.Threshold,
                Jumps = [.. c.Jumps.Select(j => new ShrinkJumpSidecar { Z = j.Item1, From = j.Item2, To = j.Item3 })],
                Pieces = [.. c.Pieces.Select(piece => (IReadOnlyList<double>[])[.. Enumerable.Range(0, piece.Count).Select(i => (double[])[piece.X[i], piece.Y[i]])])],
            };
        })],
        Objective = scene.Objectives is { } objectives ? new ShrinkObjectiveSidecar
        {
            Z = scene.ObjectiveAt!.Value,
            Minima = [.. objectives.Select(o => new ShrinkMinimumSidecar { Norm = o.Estimator.Name, W = o.Minimiser, Value = o.Minimum })],
        } : null,
        Layout = layout,
    };
}
