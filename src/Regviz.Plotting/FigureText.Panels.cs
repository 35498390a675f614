using Regviz.Core.Scenes;

namespace Regviz.Plotting;

/// <summary>Words for the figures of #17: panels, and the 1-D view.</summary>
public static partial class FigureText
{
    /// <summary>
    /// A grid of panels in words: how many, what they share (<paramref name="header"/>), and each panel's
    /// <paramref name="titles"/> with its short result (<paramref name="results"/>: w* and its zero, or the ball's shape);
    /// the caption gives each panel's own alt text in turn.
    /// </summary>
    public static FigureDescription DescribePanels(string header, IReadOnlyList<string> titles, IReadOnlyList<string> results, IReadOnlyList<FigureDescription> panels)
    {
        int n = titles.Count;
        string Each(int i, bool withResult) => withResult ? $"{titles[i]}: {results[i]}" : titles[i];
        string head = $"{Counted(n, "panel")} on shared axes{(header.Length > 0 ? $", {header}" : "")}";
        string alt = Shortest(
            $"{head}; {string.Join("; ", Enumerable.Range(0, n).Select(i => Each(i, true)))}.",
            $"{head}: {string.Join(", ", Enumerable.Range(0, n).Select(i => Each(i, false)))}.",
            $"{head}.");
        string caption = $"{Counted(n, "panel")} on the same axes and range{(header.Length > 0 ? $" ({header})" : "")}, left to right and top to bottom. "
            + string.Join(" ", Enumerable.Range(0, n).Select(i => $"{titles[i]}: {panels[i].Alt}"));
        return new FigureDescription(alt, caption);
    }

    /// <summary>A contour panel's short result: w* and which weight is exactly zero.</summary>
    public static string ShortResult(ContourScene scene) =>
        $"w* = {Point(scene.Optimum.Weights)}{(ContourFigure.Punchline(scene.Optimum.Weights) is { } p ? $", {p}" : "")}";

    /// <summary>A norm panel's short result: the shape of its level sets and where their corners are.</summary>
    public static string ShortResult(NormScene scene) => $"{Plural(scene.Penalty.Shape.Noun)}, {scene.Penalty.Shape.Corners}";

    /// <summary>The 1-D view in words: each estimator's rule and threshold, or each objective's minimum at one z.</summary>
    public static FigureDescription Describe(ShrinkScene scene)
    {
        string lambda = N(scene.Lambda);
        static string Name(ShrinkEstimator e) => e.Penalty is { } p ? PenaltyNames.Display(p) : e.Title;
        if (scene.Objectives is { } objectives)
        {
            string z = N(scene.ObjectiveAt!.Value);
            string minima = string.Join("; ", objectives.Select(o => $"{Name(o.Estimator)} at w* = {N(o.Minimiser)}"));
            string alt = Shortest(
                $"The 1-D objective (w − z)² + λ·P(w) at z = {z}, λ = {lambda}, one curve per penalty, each minimum marked: {minima}.",
                $"The 1-D objective at z = {z}, λ = {lambda}: {minima}.");
            string caption = $"Each curve is (w − z)² + λ·P(w) against w for one penalty at z = {z}, the least-squares coefficient (dashed line), and λ = {lambda}; "
                + $"● marks its minimum. {Sentence(string.Join("; ", objectives.Select(o => $"{Name(o.Estimator)}: minimum {N(o.Minimum)} at w* = {N(o.Minimiser)}")))}";
            return new FigureDescription(alt, caption);
        }
        string Rule(ShrinkCurve c) => (c.Threshold, c.Jumps.Count) switch
        {
            (null, _) => "shrinks towards 0 but is never 0",
            ({ } t, 0) => $"is 0 for |z| ≤ {N(t)}",
            ({ } t, _) => $"is 0 for |z| ≤ {N(t)}, then jumps",
        };
        string rules = string.Join("; ", scene.Curves.Select(c => $"{Name(c.Estimator)} {Rule(c)}"));
        string alt2 = Shortest(
            $"Estimate w* against the least-squares coefficient z (orthonormal case, λ = {lambda}): {rules}.",
            $"w* against z, λ = {lambda}: {rules}.");
        string caption2 = $"In the orthonormal case every coefficient solves min over w of (w − z)² + λ·P(w) on its own, z its least-squares value; "
            + $"each curve is one penalty's w*(z) at λ = {lambda}, the dashed 45° line is least squares itself (w* = z), dotted lines mark thresholds and a dot marks where a jump lands. "
            + Sentence(rules);
        return new FigureDescription(alt2, caption2);
    }

    /// <summary>Several penalties' level sets on one axes in words: each one's shape and where its corners are.</summary>
    public static FigureDescription DescribeOverlay(IReadOnlyList<string> names, IReadOnlyList<NormScene> scenes)
    {
        var levels = scenes[0].NormContours.Select(c => c.Level).ToList();
        bool same = scenes.All(sc => sc.NormContours.Select(c => c.Level).SequenceEqual(levels));
        string at = !same ? "" : levels.Count == 1 ? $" P = {N(levels[0])}" : $" P = {string.Join(", ", levels.Take(6).Select(N))}{(levels.Count > 6 ? ", …" : "")}";
        string which = levels.Count == 1 && levels[0] == 1 && same ? "unit balls P = 1" : $"level sets{at}";
        string Each(int i, bool full) => full
            ? $"{names[i]} {(scenes[i].NormContours.Count == 1 ? scenes[i].Penalty.Shape.Noun : Plural(scenes[i].Penalty.Shape.Noun))} ({scenes[i].Penalty.Shape.Corners})"
            : $"{names[i]} {(scenes[i].NormContours.Count == 1 ? scenes[i].Penalty.Shape.Noun : Plural(scenes[i].Penalty.Shape.Noun))}";
        string alt = Shortest(
            $"The {which} of {Counted(scenes.Count, "penalty", "penalties")} on one axes, each labelled: {string.Join("; ", scenes.Select((_, i) => Each(i, true)))}.",
            $"The {which} of {Counted(scenes.Count, "penalty", "penalties")} on one axes: {string.Join(", ", scenes.Select((_, i) => Each(i, false)))}.",
            $"The {which} of {string.Join(", ", names)} on one axes.");
        string caption = $"Level sets of {Counted(scenes.Count, "penalty", "penalties")} drawn on the same (w₁, w₂) axes, each in its own line style and labelled with its name. "
            + string.Join(" ", scenes.Select((sc, i) => $"{names[i]}: P(w) = {sc.Penalty.PlaneFormula(PenaltyNames.Number)}, at P = {string.Join(", ", sc.NormContours.Take(8).Select(c => N(c.Level)))}; {sc.Penalty.Shape.Consequence}."));
        return new FigureDescription(alt, caption);
    }

    /// <summary>One loss with several penalties' balls and optima in words: where each ball touches the loss, and which weight it zeroes.</summary>
    public static FigureDescription DescribeOverlay(string title, IReadOnlyList<string> names, IReadOnlyList<ContourScene> scenes)
    {
        string Each(int i, bool withShape) =>
            $"{names[i]}{(withShape ? $"'s {scenes[i].Penalty.Shape.Noun}" : "")} touches it at w* = {Point(scenes[i].Optimum.Weights)}{(ContourFigure.Punchline(scenes[i].Optimum.Weights) is { } p && p != "w* = 0" ? $" ({p})" : "")}";
        string alt = Shortest(
            $"{title}: one loss; {string.Join("; ", scenes.Select((_, i) => Each(i, true)))}.",
            $"{title}: {string.Join("; ", scenes.Select((_, i) => Each(i, false)))}.",
            $"{Counted(scenes.Count, "penalty", "penalties")} on one loss: {string.Join("; ", scenes.Select((_, i) => Each(i, false)))}.");
        var first = scenes[0];
        string lossName = first.LossNote is null ? "the least-squares fit" : "the unregularised optimum";
        string minimum = first.Unregularised is { } ls ? $", whose minimum × is {lossName} {Point(ls)}" : "";
        string caption = $"Thin lines are contours of one data term D(w){minimum}. For each penalty, its ball through its own regularised optimum ● is drawn bold in its own line style, "
            + "with the loss level set through that optimum, which the ball touches there. "
            + string.Join(" ", scenes.Select((sc, i) => $"{names[i]}: w* = {Point(sc.Optimum.Weights)}{Zeros(sc.Optimum.Weights, sc.FeatureNames, true, neither: true)}{Uncertified(sc)}."));
        return new FigureDescription(alt, caption);
    }
}
