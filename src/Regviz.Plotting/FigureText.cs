using System.Globalization;
using Regviz.Core.Penalties;
using Regviz.Core.Scenes;
using Regviz.Core.Solvers;
using Regviz.Core.Sparsity;

namespace Regviz.Plotting;

/// <summary>
/// What a figure says in words: <see cref="Alt"/>, one sentence under <see cref="FigureText.MaxAlt"/> characters
/// for a screen reader or an image's alt attribute, and <see cref="Caption"/>, two or three sentences to print
/// beneath it.
/// </summary>
public sealed record FigureDescription(string Alt, string Caption);

/// <summary>
/// Alt text and captions written from a scene's numbers, so they say exactly what the figure shows: w*, which
/// weights are exactly zero, λ or the radius. They name no colours (a style may change every colour) but the
/// marks that stay: thin and bold lines, the dashed path, ● and ×. Numbers are written as the figure labels them.
/// </summary>
public static partial class FigureText
{
    /// <summary>The longest alt text: screen readers and content systems cut longer ones (a common limit is 250).</summary>
    public const int MaxAlt = 249;

    /// <summary>Names the user chose (CSV headers) are cut to this many characters in alt text, so the numbers fit.</summary>
    private const int MaxName = 24;

    /// <summary>The contour figure in words: where the level set touches the ball, and which weight is zero.</summary>
    public static FigureDescription Describe(ContourScene scene) => Describe(scene, null);

    /// <summary>
    /// As <see cref="Describe(ContourScene)"/>, saying <paramref name="pathWords"/> of the dashed line instead: an animation's
    /// frame draws only the part of the path w* has taken so far.
    /// </summary>
    internal static FigureDescription Describe(ContourScene scene, string? pathWords)
    {
        var o = scene.Optimum;
        var w = o.Weights;
        var names = scene.FeatureNames;
        string shape = scene.Penalty.Shape.Noun;
        string form = o.Radius is { } t ? $"ball N(w) ≤ {N(t)} (λ = {N(o.Lambda)})" : $"λ = {N(o.Lambda)}";
        string head = $"{PenaltyNames.Display(scene.Penalty)}, {form}";
        string note = scene.LossNote is { } n ? $", {n}" : "";
        string aside = scene.LossNote is { } n2 ? $" ({n2})" : "";
        string at = $"w* = {Point(w)}";
        // an optimum on an axis sits at the ball's corner there, or its cusp, as the penalty says of its shape
        string corner = OnAxis(w) && scene.Penalty.Shape.AxisPoint is { } point ? $"its {point} " : "";

        string Touch(bool withNames) => w[0] == 0 && w[1] == 0
            ? "the optimum is the origin w* = (0, 0), both weights exactly 0"
            : $"the loss level set touches the {shape} at {corner}{at}{Zeros(w, names, withNames)}";

        string trace = scene.Trace is { } tr
            ? tr.Diverged
                ? $"; {TraceName(tr.Method)} diverges within {Counted(tr.Iterates.Count - 1, "step")}"
                : $"; after {Counted(tr.Iterates.Count - 1, "step")} {TraceName(tr.Method)} is at {Point(tr.Iterates[^1])}"
            : "";
        var alt = Shortest(
            $"{head}{note}: {Touch(true)}{trace}.",
            $"{head}{note}: {Touch(false)}{trace}.",
            $"{head}{note}: {Touch(false)}.",
            $"{head}: {Touch(false)}.");

        string lossName = scene.LossNote is null ? "the least-squares fit" : "the unregularised optimum";
        string minimum = scene.Unregularised is { } ls ? $", whose minimum × is {lossName} {Point(ls)}" : "";
        var caption = new List<string>
        {
            // --penalty-levels 0 and --clean draw no thin penalty contour: the caption names only what is drawn
            scene.NormContours.Any(l => l != scene.TouchingNorm)
                ? $"Thin lines are contours of the data term D(w){aside}{minimum}, and of the penalty P(w) = {scene.Penalty.PlaneFormula(PenaltyNames.Number)}."
                : $"Thin lines are contours of the data term D(w){aside}{minimum}; the penalty is P(w) = {scene.Penalty.PlaneFormula(PenaltyNames.Number)}.",
            scene.TouchingLoss is { } tl && scene.TouchingNorm is { } tn
                ? $"The bold level set D = {N(tl.Level)} and the bold {shape} P = {N(tn.Level)} touch at the regularised optimum ● {at}{Zeros(w, names, true, neither: true)}{Uncertified(scene)}."
                : $"The regularised optimum ● is {at}{Zeros(w, names, true, neither: true)}{Uncertified(scene)}.",
        };
        var extras = new List<string>();
        if (scene.Path is { Count: > 1 }) extras.Add(pathWords ?? "the dashed line is the path of w* as λ grows from 0");
        if (scene.Trace is { } t2)
            extras.Add($"the thin line through dots is {Counted(t2.Iterates.Count - 1, "step")} of {TraceName(t2.Method)} from {Point(t2.Iterates[0])}, "
                + (t2.Diverged ? "which diverged (its step 1/L is too long there)" : $"ending at {Point(t2.Iterates[^1])}"));
        if (extras.Count > 0) caption.Add(Sentence(string.Join("; ", extras)));
        return new FigureDescription(alt, string.Join(" ", caption));
    }

    /// <summary>The penalty's level sets in words: their shape, their values, and where their corners are.</summary>
    public static FigureDescription Describe(NormScene scene)
    {
        var p = scene.Penalty;
        var levels = scene.NormContours.Select(c => c.Level).ToList();
        string formula = p.PlaneFormula(PenaltyNames.Number);
        string values = levels.Count switch
        {
            0 => "no level",
            1 => $"P = {N(levels[0])}",
            _ => $"P = {N(levels[0])} to {N(levels[^1])}",
        };
        var words = p.Shape;
        string shapes = levels.Count == 1 ? words.Noun : Plural(words.Noun);
        string alt = Shortest(
            $"{PenaltyNames.Display(p)} penalty P(w) = {formula}: {levels.Count} nested {shapes} for {values}, {words.Corners}.",
            $"{PenaltyNames.Display(p)} penalty: {levels.Count} nested {shapes} for {values}, {words.Corners}.");
        string list = levels.Count <= 12 ? string.Join(", ", levels.Select(N)) : $"{N(levels[0])}, {N(levels[1])}, …, {N(levels[^1])}";
        string caption = $"Level sets of the {PenaltyNames.Display(p)} penalty P(w) = {formula} in the (w₁, w₂) plane, at P = {list}. "
            + Sentence(words.Consequence);
        return new FigureDescription(alt, caption);
    }

    /// <summary>The coefficient path in words: λ's range, the order in which coefficients leave zero, the marked λ.</summary>
    public static FigureDescription Describe(PathScene scene)
    {
        var points = scene.Path.Points;
        var names = scene.FeatureNames;
        int k = names.Count;
        string title = PenaltyNames.Display(scene.Penalty);
        string note = scene.LossNote is { } n ? $" ({n})" : "";
        double hi = points[0].Lambda, lo = points[^1].Lambda;
        string axis = scene.XVar switch { PathAxis.Lambda => "λ", PathAxis.Norm => "‖w‖₁", _ => "the shrinkage factor s = ‖w‖₁/‖ŵ‖₁" };
        int nonZeroAtEnd = points[^1].Weights.Count(v => v != 0);
        var order = EntryOrder(scene);
        string Entry(int most)
        {
            if (order.Count == 0) return "every coefficient stays exactly 0";
            if (order.Count == k && order.All(e => e.Lambda == hi))
                return "every coefficient is non-zero all along and shrinks towards 0 as λ grows";
            var first = order.Take(most).Select(e => Name(names[e.Feature])).ToList();
            string rest = first.Count switch
            {
                1 => $"{first[0]} leaves 0 first",
                2 => $"{first[0]} leaves 0 first, then {first[1]}",
                _ => $"{first[0]} leaves 0 first, then {string.Join(", ", first.Skip(1).SkipLast(1))} and {first[^1]}",
            };
            string atEnd = nonZeroAtEnd == k ? $"all {Count(k)} are non-zero" : $"{Count(nonZeroAtEnd)} of {Count(k)} are non-zero";
            return $"{rest}; {atEnd} at the smallest λ";
        }
        string markWord = scene.XVar == PathAxis.Fraction ? "s" : "λ";
        string mark = scene.Marker is { } m && MarkedPoint(scene, m) is { } marked ? $"; at the marked {markWord} = {N(m)}, {Count(marked.Weights.Count(v => v != 0))} of {k} are non-zero" : "";
        string against = scene.XVar == PathAxis.Lambda ? "" : $" (plotted against {axis})";
        string head = $"{title} path{note} of {Count(k)} coefficient{(k == 1 ? "" : "s")} as λ falls from {N(hi)} to {N(lo)}{against}";
        string alt = Shortest(
            $"{head}: {Entry(3)}{mark}.",
            $"{head}: {Entry(2)}{mark}.",
            $"{head}: {Entry(1)}{mark}.",
            $"{head}: {Entry(1)}.");

        var caption = new List<string>
        {
            $"Each line is one coefficient of the {title} fit{note} as λ decreases from {N(hi)} (left) to {N(lo)} (right)"
                + (scene.XVar == PathAxis.Lambda ? " on a log scale" : $", plotted against {axis}")
                + (scene.Standardized ? ", fitted on standardized columns and drawn on the original scale" : "")
                + "; the top axis counts the non-zero coefficients.",
        };
        if (order.Count > 0 && !(order.Count == k && order.All(e => e.Lambda == hi)))
            caption.Add(Sentence($"coefficients leave 0 in the order {string.Join(", ", order.Take(12).Select(e => $"{Name(names[e.Feature])} (λ = {N(e.Lambda)})"))}{(order.Count > 12 ? ", …" : "")}"
                + (order.Count < k ? $"; {Count(k - order.Count)} stay exactly 0" : "")));
        else if (order.Count == k)
            caption.Add("No coefficient is exactly 0 anywhere on the path: this penalty shrinks but never selects.");
        if (scene.Path.Knots is { Count: > 0 } knots)
            caption.Add($"The path is exact: straight between its {Counted(knots.Count, "knot")}, where it bends.");
        else if (scene.Marker is { } m2)
            caption.Add($"The dashed line marks {markWord} = {N(m2)}.");
        return new FigureDescription(alt, string.Join(" ", caption.Take(3)));
    }

    /// <summary>The sparsity experiment in words: each norm's share of optima with an exactly-zero coefficient.</summary>
    public static FigureDescription Describe(IReadOnlyList<SparsityResult> results, Form solvedIn, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(solvedIn);
        long trials = results.Count > 0 ? results[0].Trials : 0;
        string form = solvedIn switch
        {
            PenalisedForm p => $"penalised with λ = {N(p.Lambda)}",
            ConstrainedForm c => $"in the ball of radius {N(c.Radius)}",
            _ => throw new ArgumentOutOfRangeException(nameof(solvedIn)),
        };
        string Shares(bool display) => string.Join(", ", results.Select(r => $"{(display ? PenaltyNames.Display(r.Penalty) : r.Penalty.Name)} {Percent(r.SparseFraction)}"));
        string alt = Shortest(
            $"Share of {Counted(trials, "random quadratic loss", "random quadratic losses")} whose optimum {form} has an exactly-zero coefficient: {Shares(true)}.",
            $"Share of {Counted(trials, "random quadratic loss", "random quadratic losses")} whose optimum {form} has an exactly-zero coefficient: {Shares(false)}.",
            $"Share of optima {form} with an exactly-zero coefficient: {Shares(false)}.");
        string where = solvedIn is ConstrainedForm ? "at the ball's corners" : "on the axes";
        string caption = $"One panel per norm, each showing the optima of the same {Counted(trials, "random quadratic loss", "random quadratic losses")} D(w) = (w − m)ᵀA(w − m) "
            + $"(condition numbers 1 to 100, centres outside the ball; seed {seed}), {form}. "
            + $"Each disc pools the optima in one cell of a {SparsityDiscs.Cells}×{SparsityDiscs.Cells} grid, its area proportional to their number; "
            + $"highlighted optima have a coefficient that is exactly 0; they pile up {where}, and the numbers beside the piles count them.";
        return new FigureDescription(alt, caption);
    }

    /// <summary>", so w₂ (x2) is exactly 0" when one weight is zero; with <paramref name="neither"/>, ", where neither weight is 0" otherwise.</summary>
    internal static string Zeros(double[] w, IReadOnlyList<string> names, bool withNames, bool neither = false)
    {
        string Weight(int j) => withNames ? WeightNames.InText(j, names[j]) : $"w{Sub(j)}";
        return (w[0] == 0, w[1] == 0) switch
        {
            (false, true) => $" on the w₁ axis, so {Weight(1)} is exactly 0",
            (true, false) => $" on the w₂ axis, so {Weight(0)} is exactly 0",
            (true, true) => ", where both weights are exactly 0",
            _ => neither ? ", where neither weight is 0" : "; both weights are non-zero",
        };
    }

    private static string Uncertified(ContourScene scene) =>
        scene.Optimum.Certificate.Certified ? "" : $" (not certified: KKT residual {N(scene.Optimum.Certificate.Kkt)})";

    /// <summary>Features in the order they first become non-zero as λ decreases, with the first λ at which each is.</summary>
    /// <summary>
    /// Where each coefficient leaves 0, in order: for the exact lasso the knot at which it enters (it is still exactly 0
    /// there, non-zero just below), not the first grid point after it; likewise an entry point found between grid points
    /// (Regviz.Core.Paths.EntryPoints); otherwise the first grid point where it is non-zero.
    /// </summary>
    private static List<(int Feature, double Lambda)> EntryOrder(PathScene scene)
    {
        // the whole grid, from λ_max: the figure may leave out ridge's flat start, but a coefficient is non-zero there too
        var points = scene.Path.Knots is { Count: > 0 } knots ? knots.OrderByDescending(p => p.Lambda).ToArray() : scene.Path.Points;
        var entries = new List<(int, double)>();
        for (int j = 0; j < scene.FeatureNames.Count; j++)
        {
            int first = points.ToList().FindIndex(p => p.Weights[j] != 0);
            if (first < 0) continue;
            bool exact = first > 0 && (scene.Path.Knots is { Count: > 0 } || scene.Path.EntryLambdas.Contains(points[first - 1].Lambda));
            entries.Add((j, exact ? points[first - 1].Lambda : points[first].Lambda));
        }
        return entries.OrderByDescending(e => e.Item2).ThenBy(e => e.Item1).ToList();
    }

    /// <summary>The drawn point nearest the mark: in λ (log scale), or on the fraction axis in s.</summary>
    private static Regviz.Core.Paths.PathPoint? MarkedPoint(PathScene scene, double mark) =>
        scene.XVar == PathAxis.Fraction
            ? scene.DrawnPoints().MinBy(p => Math.Abs(scene.X(p) - mark))
            : scene.Path.Points.Concat(scene.Path.Knots ?? []).Where(p => p.Lambda > 0).MinBy(p => Math.Abs(Math.Log(p.Lambda / mark)));

    internal static string TraceName(Regviz.Core.Traces.TraceMethod m) => m switch
    {
        Regviz.Core.Traces.TraceMethod.Gd => "subgradient descent",
        Regviz.Core.Traces.TraceMethod.Ista => "ISTA",
        Regviz.Core.Traces.TraceMethod.Fista => "FISTA",
        _ => "coordinate descent",
    };

    /// <summary>The first candidate short enough; the last one cut at a word if even it is not (a very long loss note or name).</summary>
    internal static string Shortest(params string[] candidates)
    {
        foreach (var c in candidates)
            if (c.Length <= MaxAlt) return c;
        string last = candidates[^1];
        int cut = last.LastIndexOf(' ', MaxAlt - 1);
        return last[..(cut > MaxAlt / 2 ? cut : MaxAlt - 1)] + "…";
    }

    /// <summary>A user's column name as alt text quotes it: control characters (a quoted newline in a CSV header) as spaces, cut when long.</summary>
    internal static string Name(string name)
    {
        string clean = new(name.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return clean.Length <= MaxName ? clean : clean[..(MaxName - 1)] + "…";
    }
    internal static string N(double v) => PenaltyNames.Number(v);
    internal static string Point(IReadOnlyList<double> w) => $"({N(w[0])}, {N(w[1])})";
    internal static string Sub(int j) => j == 0 ? "₁" : "₂";
    private static bool OnAxis(double[] w) => (w[0] == 0) != (w[1] == 0);
    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"1 step", "2,000 steps": a count with its noun in the right number.</summary>
    internal static string Counted(long n, string one, string? many = null) => $"{Count(n)} {(n == 1 ? one : many ?? one + "s")}";
    private static string Percent(double f) => (100 * f).ToString("0.0", CultureInfo.InvariantCulture) + "%"; // as the panels write it
    internal static string Sentence(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..] + ".";
    private static string Plural(string shape) => shape + "s";
}
