using System.CommandLine;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.Models;
using Regviz.Core.Paths;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Plotting;

namespace Regviz.Cli.Commands;

/// <summary><c>regviz path</c>: coefficients against λ for any number of features, glmnet style; exact knots for l1.</summary>
internal sealed class PathCommand
{
    // options belong to one command tree (see RegvizApp.CreateRoot), so each tree gets its own instance
    private readonly ProblemOptions _problem = new();
    private readonly FigureOptions _figure = new();
    private readonly Option<int> _count = new("--count") { Description = "How many λ values on the log grid (2..10000)", DefaultValueFactory = _ => 100, HelpName = "N" };
    private readonly Option<double> _ratio = NumberOptions.Required("--ratio", 1e-4, "Smallest λ as a fraction of λ_max, in (0, 1)", "R");
    private readonly Option<string> _xvar = new("--xvar") { Description = "x axis: lambda (log scale, as glmnet) or norm (‖w‖₁)", DefaultValueFactory = _ => "lambda", HelpName = "lambda|norm" };
    private readonly Option<double?> _mark = NumberOptions.Nullable("--mark", "Mark this λ (> 0) on the path with a dashed line", "λ");

    public static Command Create() => new PathCommand().Build();

    private Command Build()
    {
        var command = new Command("path", "Coefficients against λ (log axis), one line per feature; with --mark λ, a marker there");
        _problem.AddTo(command);
        // a path runs over every λ: --lambda once marked one, and manifests written then still say so
        _problem.Lambda.Description = "Old spelling of --mark, still accepted with a warning";
        _figure.AddTo(command);
        foreach (var option in new Option[] { _count, _ratio, _xvar, _mark }) command.Options.Add(option);
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult result)
    {
        var f = _figure.Bind(result);
        var axis = Axis(result.GetValue(_xvar)!);
        if (result.GetValue(_problem.Radius) is not null)
            throw new InputException("--radius: a path runs over λ; give --mark to mark a point on it instead");
        double? oldMark = result.GetValue(_problem.Lambda);
        double? marker = Marker(result.GetValue(_mark), oldMark);
        var spec = _problem.Bind(result);
        string output = f.OutOr(ContourCommand.DefaultName("path", spec.Penalty, null));
        f.WarnAboutGlyphs(result.InvocationConfiguration.Error, spec.FeatureNames);
        var path = RegularisationPaths.LogGrid(spec.Loss, spec.Penalty, result.GetValue(_count), result.GetValue(_ratio));
        var scene = new PathScene(path, spec.FeatureNames, spec.Penalty, axis, marker) { LossNote = LossNotes.ForPath(spec) };
        var description = FigureText.Describe(scene);
        var style = f.Style with { Description = description };
        FigureExport.Save(PathFigure.Render(scene, style), style, output);
        if (f.Json is { } json) JsonOut.Write(json, result.InvocationConfiguration.Output, w => SceneJson.Write(w, scene, description));
        f.Announce(result.InvocationConfiguration.Output, output, description);
        if (oldMark is { } old)
            result.InvocationConfiguration.Error.WriteLine($"warning: path --lambda is the old spelling of --mark: write --mark {RegularisationForm.RoundTrip(old)}");
        return 0;
    }

    /// <summary>
    /// --mark must lie on the log λ axis. --lambda, its old spelling, keeps the check it always had as a λ
    /// (<see cref="ProblemOptions.Bind"/>: ≥ 0), so a manifest that worked still works.
    /// </summary>
    private static double? Marker(double? mark, double? oldMark)
    {
        if (mark is not { } value) return oldMark;
        if (oldMark is not null)
            throw new InputException("--mark and --lambda cannot be used together (--lambda is the old spelling of --mark)");
        if (value <= 0)
            throw new InputException($"--mark: {RegularisationForm.RoundTrip(value)} is not allowed (a λ > 0 is required: the λ axis is logarithmic)");
        return value;
    }

    private static PathAxis Axis(string text) => text.Trim().ToLowerInvariant() switch
    {
        "lambda" => PathAxis.Lambda,
        "norm" => PathAxis.Norm,
        var other => throw new InputException($"--xvar: unknown axis '{other}' (valid: lambda, norm)"),
    };
}
