using System.CommandLine;
using System.Globalization;
using Regviz.Cli.Explore;
using Regviz.Cli.Options;
using Regviz.Cli.Output;
using Regviz.Core;
using Regviz.Core.IO;
using Regviz.Core.Motion;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Plotting;
using Regviz.Core.Solvers;

namespace Regviz.Cli.Commands;

/// <summary>
/// The live page (issue 25): for a squared loss on a linear model in two weights, D(w) is (w − m)ᵀA(w − m) + const, so
/// the page can solve and draw the figure itself while the reader drags the loss. Everything else keeps the frames.
/// </summary>
internal sealed partial class ExploreCommand
{
    /// <summary>The norms whose optimum the page solves in closed form (Core's PlaneSolvers, ported).</summary>
    private static readonly string[] LiveNorms = ["l1", "l2", "elasticnet", "linf"];
    private const int MaxLivePanels = 4;

    private readonly Option<string?> _page = new("--page")
    {
        Description = "live: the page solves and draws the figure itself and the reader drags the loss (a squared loss on a linear model in two weights, " +
            "or --centre/--hessian; norms l1, l2, elasticnet, linf; a comma list of 2 to 4 norms gives one panel each); frames: a slider over pre-rendered frames (any problem). " +
            "Default: live where it can be, unless a frame option (--frames, --from, --to, --reverse, --size, --grid, --range, --levels, --path, --style, --theme) is given",
        HelpName = "live|frames",
    };

    private void AddLiveOptions(Command command)
    {
        command.Options.Add(_page);
        command.Options.Add(_problem.Centre);
        command.Options.Add(_problem.Hessian);
        command.Options.Add(_problem.Lambda);
        _problem.Lambda.Description = "λ the live page opens at (default 0.5; with --sweep radius it opens in the constrained form at the t of this λ)";
    }

    private Option[] FrameOptions => [_sweep.Frames, _sweep.From, _sweep.To, _sweep.Reverse, _figure.Size, _plane.Range, _plane.Grid, _plane.Levels, _path, _figure.Style, _figure.Theme];

    /// <summary>The live page's problem, or null for the frame page; refuses what only the other page can do.</summary>
    private Live? LivePageWanted(ParseResult result)
    {
        string? page = result.GetValue(_page)?.Trim().ToLowerInvariant();
        if (page is not (null or "live" or "frames"))
            throw new InputException($"--page: '{Excerpt.Of(page)}' is not a page; use live or frames");
        var frameOption = FrameOptions.FirstOrDefault(o => SweepOptions.Given(result, o));
        var plan = new PanelOptions().Plan(result, _problem.PenaltyOptions.Norm);
        if (plan is not null && plan.Count > MaxLivePanels)
            throw new InputException($"--norm: {plan.Count} norms; the live page shows 2 to {MaxLivePanels} side by side");
        var first = plan?.Panel(result, 0) ?? result;
        if (page == "frames" || (page is null && frameOption is not null && plan is null))
        {
            if (plan is not null) throw new InputException("--norm: several norms are shown side by side on the live page only (--page frames takes one)");
            if (SweepOptions.Given(result, _problem.Lambda)) throw new InputException("--lambda sets where the live page opens; the frame page sweeps λ (--from, --to)");
            return null;
        }
        if (frameOption is not null)
            throw new InputException($"{frameOption.Name}: the live page draws the figure itself and has no frames (use --page frames for a slider over frames)");
        var spec = _problem.Bind(first);
        var norms = plan is null ? [spec.Penalty.Name] : plan.Values.Select((_, i) => _problem.PenaltyOptions.Bind(plan.Panel(result, i))).Select(p => p.Name).ToList();
        if (norms.Distinct().Count() != norms.Count)
            throw new InputException($"--norm: '{Excerpt.Of(string.Join(",", norms))}' names a norm twice");
        string? why = spec.Quadratic is not { Dimension: 2 } q || !(q.Gram[0] * q.Gram[3] - q.Gram[1] * q.Gram[1] > 0) ? "a squared loss (--loss mse or sse) on a linear model in two weights, or --centre/--hessian, with one least-squares point"
            : norms.FirstOrDefault(n => !LiveNorms.Contains(n)) is { } other ? $"norms among {string.Join(", ", LiveNorms)} ({other} has no closed form there)" : null;
        if (why is null) return new Live(spec, norms, plan is null ? [first] : [.. plan.Values.Select((_, i) => plan.Panel(result, i))]);
        if (page == "live" || plan is not null)
            throw new InputException($"--{(page == "live" ? "page live" : "norm")}: the live page needs {why}");
        return null;
    }

    private sealed record Live(ProblemSpec Spec, IReadOnlyList<string> Norms, IReadOnlyList<ParseResult> Panels);

    private int RunLive(ParseResult result, Live live, SweepRequest request, FigureOptions.Values figure, TextWriter stdout)
    {
        var spec = live.Spec;
        var outputs = figure.Run.Outputs;
        var json = result.GetValue(_figure.Json) is { } j ? outputs.Prepare(j, "--json") : null;
        string? output = result.GetValue(_out) is { } o ? CheckHtml(outputs.Prepare(o, "--out")) : null;
        string name = $"explore-{string.Join("-", live.Norms)}{(request.Parameter == SweepParameter.Radius ? "-radius" : "")}.html";
        output ??= outputs.Prepare(DefaultNames.Unique(name, result, _problem.PenaltyOptions.Norm, _sweep.Sweep, _page), "--out");
        OutputTargets.Distinct(output, "--out", json, "--json");

        var solutions = live.Panels.Select(p => _problem.Bind(p)).Select(s => (s.Penalty, Solution: s.Solve())).ToList();
        double lambda = spec.Form is PenalisedForm p ? p.Lambda : ProblemOptions.DefaultLambda;
        double? radius = request.Parameter == SweepParameter.Radius ? solutions[0].Penalty.Norm(solutions[0].Solution.Weights) : null;
        // the α a panel's penalty declares as its parameter (the elastic net's; l1 and l2 are of its family but declare none)
        double alpha = solutions.SelectMany(s => s.Penalty.Parameters).FirstOrDefault(p => p.Name == ElasticNetPenalty.AlphaParameter.Name)?.Value ?? 0.5;
        var (centre, hessian, offset) = Quadratic(result, spec.Quadratic!);
        var start = new LivePage.Start(live.Norms, lambda, radius, alpha, centre, hessian, offset, spec.FeatureNames);

        string shown = string.Join(" and ", solutions.Select(s => PenaltyNames.Display(s.Penalty)));
        string title = figure.Style.Title ?? $"{shown}: drag the loss, watch w*";
        string about = $"D(w) = (w − m)ᵀA(w − m){(offset == 0 ? "" : " + " + offset.ToString("G6", CultureInfo.InvariantCulture))}, the data term of {(result.GetValue(_problem.Centre) is null ? "the data" : "--centre and --hessian")}; " +
            $"{(radius is null ? "w* minimises D(w) + λP(w)" : "w* minimises D(w) on the ball N(w) ≤ t")}, solved in closed form in the page as you move it.";
        var description = new FigureDescription(
            $"Live page: {shown}, the loss's least-squares point at ({Round(centre[0])}, {Round(centre[1])}); " +
            string.Join("; ", solutions.Select(s => $"{s.Penalty.Name} w* = ({Round(s.Solution.Weights[0])}, {Round(s.Solution.Weights[1])}) at λ = {Round(lambda)}")) + ".",
            about);
        AtomicFile.WriteAllBytes(output, LivePage.Build(start, title, about));
        if (json is not null) JsonOut.Write(RunContext.Of(result), json, new Core.Sidecars.LiveSidecar
        {
            Page = "live",
            Alt = description.Alt,
            Caption = description.Caption,
            Norms = live.Norms,
            Lambda = lambda,
            Radius = radius,
            Centre = centre,
            Hessian = hessian,
            Offset = offset,
            // what regviz's own solvers give at the page's opening λ: the page's numbers must agree (the browser tests check)
            AtLambda = [.. solutions.Select(s => new Core.Sidecars.LiveOptimumSidecar
            {
                Norm = s.Penalty.Name,
                Weights = s.Solution.Weights,
                DataTerm = s.Solution.DataTerm,
                Penalty = s.Solution.PenaltyValue,
            })],
        });
        figure.Announce(stdout, output, description);
        return 0;
    }

    private static string Round(double x) => x.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>
    /// m, A and D(m) of the data term. --centre and --hessian are taken as written (the page's fragment then shows the
    /// reader's own numbers); from data, A = s·G and m = G⁻¹c with D = s·(wᵀGw − 2cᵀw + yy).
    /// </summary>
    private (double[] Centre, double[] Hessian, double Offset) Quadratic(ParseResult result, QuadraticLoss q)
    {
        if (result.GetValue(_problem.Centre) is { } c && result.GetValue(_problem.Hessian) is { } h)
            return (Numbers(c), Numbers(h), 0);
        double g11 = q.Gram[0], g12 = q.Gram[1], g22 = q.Gram[3], det = g11 * g22 - g12 * g12;
        double m1 = (g22 * q.Cross[0] - g12 * q.Cross[1]) / det, m2 = (g11 * q.Cross[1] - g12 * q.Cross[0]) / det;
        double offset = Math.Max(0, q.Scale * (q.YY - q.Cross[0] * m1 - q.Cross[1] * m2));
        return ([m1, m2], [q.Scale * g11, q.Scale * g12, q.Scale * g22], offset);
    }

    // already checked by the problem's binding: only the split is left
    private static double[] Numbers(string text) =>
        [.. text.Split(',').Select(p => double.Parse(p.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture))];
}
