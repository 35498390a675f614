using CsCheck;
using Regviz.Core.Data;
using Regviz.Core.Paths;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Core.Solvers;
using Regviz.Plotting;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>
/// Every line of a path figure is the path (#24): each drawn point a certified optimum, each drawn segment within a
/// pixel or so of the path between its ends (checked by solving at λ between them here), the x axis ending where the
/// drawn data ends (the fraction axis at s = 1), and the top axis marking the count of non-zero coefficients only where
/// it changes, at the knot for the exact lasso, never the same number twice in a row. Random data, penalties and axes.
/// </summary>
public class PathMeaningTests
{
    private static readonly FigureStyle Style = new(600, 450, Theme.Light, null);

    private sealed record Case(ProblemSpec Spec, Penalty Penalty, PathAxis Axis, string Name)
    {
        public override string ToString() => Name;
    }

    private static readonly Gen<Case> Cases =
        Gen.Select(Gen.Int[2, 5], Gen.Int[12, 40], Gen.Int[0, 3], Gen.Double[0.1, 0.9], Gen.Int[0, 2], Gen.ULong).Select((k, n, p, alpha, a, seed) =>
        {
            var random = new Random((int)(seed % int.MaxValue));
            var columns = Enumerable.Range(0, k).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray()).ToArray();
            // correlated columns, so coefficients cross and (for the lasso) leave the active set
            for (int i = 0; i < n; i++) columns[^1][i] = 0.7 * columns[0][i] + 0.3 * columns[^1][i];
            var beta = Enumerable.Range(0, k).Select(_ => random.NextDouble() * 4 - 2).ToArray();
            var y = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, k).Sum(j => beta[j] * columns[j][i]) + 0.3 * (random.NextDouble() - 0.5)).ToArray();
            var data = new Dataset([.. Enumerable.Range(1, k).Select(j => $"x{j}")], columns, y, "y");
            Penalty penalty = p switch { 0 => new L1Penalty(), 1 => PenaltyCatalogue.Create("l2")!, _ => PenaltyCatalogue.Create("elasticnet", PenaltyArguments.None.With("alpha", alpha))! };
            var axis = (PathAxis)a;
            return new Case(new ProblemSpec(data, LossKind.Mse, p == 3, penalty, Form.Penalised(0)), penalty, axis, $"{penalty.Name} k={k} n={n} {axis} seed={seed}");
        });

    private static PathScene Scene(Case c)
    {
        var path = RegularisationPaths.LogGrid(c.Spec.Loss, c.Spec.Penalty); // glmnet's 100 points, as path draws by default
        if (c.Axis != PathAxis.Lambda) path = PathToFit.Extend(path, c.Spec.Loss, c.Spec.Penalty);
        return new PathScene(path, c.Spec.FeatureNames, c.Spec.Penalty, c.Axis, null);
    }

    [Fact]
    public void Every_drawn_point_is_certified_and_every_segment_lies_on_the_path()
    {
        Cases.Sample(c =>
        {
            var scene = Scene(c);
            var points = scene.DrawnPoints();
            Assert.All(points, p => Assert.True(p.Certificate is { Certified: true }, $"{c}: λ = {p.Lambda:R} is not certified"));
            double ySpan = points.Max(p => p.Weights.Max()) - points.Min(p => p.Weights.Min());
            for (int i = 1; i < points.Count; i++)
            {
                var (a, b) = (points[i - 1], points[i]);
                if (a.Lambda == b.Lambda) continue;
                // the path itself between the two ends, solved here through the façade
                double mid = b.Lambda == 0 ? a.Lambda / 2 : Math.Sqrt(a.Lambda * b.Lambda);
                var m = new PathPoint(mid, Regularised.Solve(c.Spec.Loss, c.Spec.Penalty, Form.Penalised(mid)).Weights);
                double xa = scene.X(a), xb = scene.X(b), xm = scene.X(m);
                if (xa == xb) continue;
                double f = Math.Clamp((xm - xa) / (xb - xa), 0, 1);
                for (int j = 0; j < m.Weights.Length; j++)
                {
                    double chord = a.Weights[j] + f * (b.Weights[j] - a.Weights[j]);
                    // 2% of the axis (9 px of a 450 px figure): a grid of 100 λ cuts the corner where an elastic-net
                    // coefficient enters between two of its points by about 1%; a line to a point not on the path, 45%
                    Assert.True(Math.Abs(chord - m.Weights[j]) <= 0.02 * ySpan,
                        $"{c}: the segment λ {a.Lambda:G4}→{b.Lambda:G4} is {Math.Abs(chord - m.Weights[j]) / ySpan:P1} of the axis off the path at w{j + 1}");
                }
            }
        }, iter: 40);
    }

    [Fact]
    public void The_x_axis_ends_at_the_data_and_the_fraction_axis_at_1()
    {
        Cases.Sample(c =>
        {
            var scene = Scene(c);
            var xs = scene.DrawnPoints().Select(scene.X).ToArray();
            var plot = PathFigure.Render(scene, Style);
            var limits = plot.Axes.GetLimits();
            Assert.Equal(xs[0], limits.Left);
            Assert.Equal(xs[^1], limits.Right);
            if (c.Axis == PathAxis.Fraction)
            {
                Assert.True(scene.Path.ReachesFit, $"{c}: the fraction path stops short of the fit");
                Assert.Equal(1.0, xs[^1]);
            }
        }, iter: 30);
    }

    [Fact]
    public void The_top_axis_marks_the_count_only_where_it_changes_at_the_knots_of_the_lasso()
    {
        Cases.Sample(c =>
        {
            var scene = Scene(c);
            var points = scene.DrawnPoints();
            var xs = points.Select(scene.X).ToArray();
            var plot = PathFigure.Render(scene, Style);
            plot.GetImage(Style.Width, Style.Height); // ticks are generated as the plot is drawn
            var ticks = plot.Axes.Top.TickGenerator.Ticks.Where(t => t.IsMajor).OrderBy(t => Array.IndexOf(xs, t.Position) is var i and >= 0 ? i : int.MaxValue).ToArray();
            Assert.NotEmpty(ticks);
            var knotLambdas = scene.Path.Knots?.Select(k => k.Lambda).ToHashSet() ?? [];
            // a knot of the lasso, or λ_max (the grid's first point, w = 0), where the first coefficient enters; on
            // other paths an entry point found between grid points (a coefficient is still 0 there)
            bool IsKnot(int i) => (i == 0 && points[0].Weights.All(w => w == 0))
                || (scene.Path.Knots is not null && knotLambdas.Contains(points[i].Lambda))
                || scene.Path.EntryLambdas.Contains(points[i].Lambda);
            int Count(PathPoint p) => p.Weights.Count(w => w != 0);
            for (int t = 0; t < ticks.Length; t++)
            {
                if (t > 0) Assert.NotEqual(ticks[t - 1].Label, ticks[t].Label);
                int at = Array.IndexOf(xs, ticks[t].Position);
                Assert.True(at >= 0, $"{c}: a top tick at {ticks[t].Position} is not at a drawn point");
                // a knot marks the count just after it; a grid point the count it has, which the point before lacks
                bool knot = IsKnot(at) && at + 1 < points.Count && Count(points[at + 1]) != Count(points[at]);
                if (at == 0 && !knot) { Assert.Equal(Count(points[0]).ToString(), ticks[t].Label); continue; }
                int after = knot ? Count(points[at + 1]) : Count(points[at]);
                int before = knot ? Count(points[at]) : Count(points[at - 1]);
                Assert.Equal(after.ToString(), ticks[t].Label);
                Assert.NotEqual(before, after);
                // (a coefficient that leaves is exactly 0 at the knot itself: that knot is the first point with the new count)
                if (scene.Path.Knots is not null) Assert.True(IsKnot(at), $"{c}: the lasso's count changes at a knot, not at {ticks[t].Position}");
                // an elastic net's count changes at an entry point, not at the first grid point after it
                else if (at > 0 && c.Penalty.ElasticNetAlpha is > 0) Assert.True(IsKnot(at), $"{c}: the count changes at {ticks[t].Position}, not at an entry point");
            }
        }, iter: 30);
    }

    [Fact]
    public void The_lasso_caption_gives_each_coefficient_s_entry_lambda_at_its_knot()
    {
        Cases.Where(c => c.Penalty is L1Penalty).Sample(c =>
        {
            var scene = Scene(c);
            var knots = scene.Path.Knots!.OrderByDescending(k => k.Lambda).ToArray();
            string caption = FigureText.Describe(scene).Caption;
            for (int j = 0; j < c.Spec.FeatureNames.Count; j++)
            {
                int first = Array.FindIndex(knots, k => k.Weights[j] != 0);
                if (first <= 0) continue;
                // entering at knot first−1: exactly 0 there, non-zero just below it
                Assert.Equal(0, knots[first - 1].Weights[j]);
                string entry = $"x{j + 1} (λ = {PenaltyNames.Number(knots[first - 1].Lambda)})";
                if (caption.Contains("…")) continue; // more than twelve: the list is cut
                Assert.Contains(entry, caption);
            }
        }, iter: 20);
    }
}
