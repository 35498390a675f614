using System.CommandLine;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.Data;
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
    private readonly Option<double?> _ratio = NumberOptions.Nullable("--ratio", "Smallest λ as a fraction of λ_max, in (0, 1) (default: 1e-4, glmnet's; for l2 and lp, whose λ_max does not zero w, the ratio at which the path has reached least squares)", "R");
    private readonly Option<string> _xvar = new("--xvar") { Description = "x axis: lambda (log scale, as glmnet), norm (‖w‖₁) or fraction (the shrinkage factor s = ‖w‖₁/‖ŵ‖₁ from 0 to 1, ŵ the unregularised fit: ESL figure 3.10)", DefaultValueFactory = _ => "lambda", HelpName = "lambda|norm|fraction" };
    private readonly Option<double?> _mark = NumberOptions.Nullable("--mark", "Mark a point of the path with a dashed line: a λ (> 0) on the lambda and norm axes, an s in [0, 1] on the fraction axis", "X");
    private readonly Option<bool> _knots = new("--knots") { Description = "Mark the exact knots of the lasso path (l1, least squares): a dotted line at each and a dot on every coefficient" };
    private readonly Option<bool> _standardize = new("--standardize") { Description = "Scale every feature column to unit variance (population variance, (1/n)Σ(x − x̄)², as glmnet and scikit-learn's StandardScaler) before fitting; coefficients are drawn and written on the original scale, λ is the scaled problem's" };

    public static Command Create() => new PathCommand().Build();

    private Command Build()
    {
        var command = new Command("path", "Coefficients against λ (log axis), one line per feature; with --mark λ, a marker there");
        _problem.AddTo(command);
        // a path runs over every λ: --lambda once marked one, and manifests written then still say so
        _problem.Lambda.Description = "Old spelling of --mark, still accepted with a warning";
        // refused with a pointer to --mark (Run), so not offered in the help
        _problem.Radius.Hidden = true;
        _figure.AddTo(command);
        _figure.Title.Description = "Figure title (default: the penalty and \"path\", e.g. \"L1 (lasso) path\")";
        foreach (var option in new Option[] { _count, _ratio, _xvar, _mark, _knots, _standardize }) command.Options.Add(option);
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
        double? marker = Marker(result.GetValue(_mark), oldMark, axis);
        bool knots = result.GetValue(_knots), standardize = result.GetValue(_standardize);
        Standardization? scaling = null;
        bool centre = result.GetValue(_problem.Intercept);
        var spec = _problem.Bind(result, standardize ? data => (scaling = Standardization.Of(data, centre)).Apply(data) : null);
        if (standardize && !spec.Model.IsLinear)
            throw new InputException("--standardize scales feature columns of a linear model; --model exp has a parameter inside the exponential");
        if (knots && !(spec.IsLeastSquares && spec.Penalty.ElasticNetAlpha == 1))
            throw new InputException("--knots: only the lasso (--norm l1) on least squares has knots, where its piecewise-linear path bends");
        // the axis, knots and scaling change the figure, so they change its default name too
        var words = new List<string>();
        if (!spec.Model.IsLinear) words.Add(spec.Model.Name);
        words.AddRange(LossWords.Of(_problem, result, spec));
        if (axis != PathAxis.Lambda) words.Add(axis == PathAxis.Norm ? "xnorm" : "xfraction");
        if (knots) words.Add("knots");
        if (standardize) words.Add("standardized");
        string output = f.OutOr(DefaultNames.Unique(DefaultNames.Descriptive("path", spec.Penalty, null, [.. words]), result,
            [.. _problem.PenaltyOptions.Listable, _problem.Model, _problem.Loss, _xvar, _knots, _standardize]));
        f.WarnAboutGlyphs(spec.FeatureNames);
        var path = RegularisationPaths.LogGrid(spec.Loss, spec.Penalty, result.GetValue(_count), result.GetValue(_ratio));
        // the ‖w‖₁ and fraction axes show λ = 0: the grid goes on until it is the fit, so no straight line is drawn to it
        if (axis != PathAxis.Lambda) path = PathToFit.Extend(path, spec.Loss, spec.Penalty);
        if (axis == PathAxis.Fraction && path.Unregularised is null)
            throw new InputException("--xvar fraction: s = ‖w‖₁/‖ŵ‖₁ needs the unregularised fit ŵ, and there is none here (the classes are separable: the logistic loss has no minimiser)");
        var scene = new PathScene(scaling?.ToOriginal(path) ?? path, spec.FeatureNames, spec.Penalty, axis, marker)
        {
            LossNote = LossNotes.ForPath(spec),
            ShowKnots = knots,
            Standardized = scaling is not null,
        };
        var marked = MarkedPoint(scene, spec, scaling);
        var description = FigureText.Describe(scene);
        var style = f.Style with { Description = description };
        var plot = FigureExport.Save(style, output, s => PathFigure.Render(scene, s));
        if (f.Json is { } json) JsonOut.Write(RunContext.Of(result), json, SceneJson.Path(scene, description, scaling, marked, LayoutJson.Of(FigureLayout.Of(plot))));
        f.Announce(result.InvocationConfiguration.Output, output, description);
        if (oldMark is { } old)
            f.Run.Warnings.Warn($"path --lambda is the old spelling of --mark: write --mark {RegularisationForm.RoundTrip(old)}");
        return 0;
    }

    /// <summary>
    /// --mark must lie on the log λ axis. --lambda, its old spelling, keeps the check it always had as a λ
    /// (<see cref="ProblemOptions.Bind"/>: ≥ 0), so a manifest that worked still works.
    /// </summary>
    private static double? Marker(double? mark, double? oldMark, PathAxis axis)
    {
        if (mark is not { } value) return oldMark;
        if (oldMark is not null)
            throw new InputException("--mark and --lambda cannot be used together (--lambda is the old spelling of --mark)");
        if (axis == PathAxis.Fraction)
            return value is >= 0 and <= 1 ? value
                : throw new InputException($"--mark: {RegularisationForm.RoundTrip(value)} is not a shrinkage factor (an s in [0, 1] is required on the fraction axis)");
        if (value <= 0)
            throw new InputException($"--mark: {RegularisationForm.RoundTrip(value)} is not allowed (a λ > 0 is required: the λ axis is logarithmic)");
        return value;
    }

    /// <summary>
    /// The optimum at the mark, through the façade and certified: at the λ marked, or on the fraction axis at the λ
    /// where the lasso path reaches s (exact from its knots); null where no exact λ is known (s on a path without knots).
    /// </summary>
    private static Core.Solvers.Solution? MarkedPoint(PathScene scene, ProblemSpec spec, Standardization? scaling)
    {
        if (scene.Marker is not { } mark) return null;
        double? lambda = scene.XVar == PathAxis.Fraction ? scene.LambdaAt(mark) : mark;
        if (lambda is not { } at) return null;
        var solution = Core.Solvers.Regularised.Solve(spec.Loss, spec.Penalty, Core.Solvers.Form.Penalised(at));
        if (scaling is null) return solution;
        var weights = scaling.ToOriginal(solution.Weights);
        return solution with { Weights = weights, Intercept = scaling.InterceptToOriginal(solution.Intercept, weights) };
    }

    /// <summary>The words --xvar takes.</summary>
    internal static readonly string[] Axes = ["lambda", "norm", "fraction"];

    private static PathAxis Axis(string text) => text.Trim().ToLowerInvariant() switch
    {
        "lambda" => PathAxis.Lambda,
        "norm" => PathAxis.Norm,
        "fraction" => PathAxis.Fraction,
        _ => throw Words.Unknown("--xvar", "axis", text, Axes),
    };
}
