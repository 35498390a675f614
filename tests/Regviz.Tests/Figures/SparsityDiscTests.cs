using CsCheck;
using Regviz.Core.Penalties;
using Regviz.Core.Sparsity;
using Regviz.Plotting;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Figures;

/// <summary>
/// The sparsity figure's ink says what its counts say (#24): every optimum is in exactly one disc, and a disc's area is
/// proportional to the optima it holds, with one area per optimum for all panels, so the share of highlighted area in a
/// panel is the share of its drawn optima with an exactly-zero coefficient. Samples are generated here: piles on the
/// corners and axes (as the ball form makes them) mixed with optima spread over the plane.
/// </summary>
public class SparsityDiscTests
{
    private static readonly FigureStyle Panel = new(400, 400, Theme.Light, null);

    private static readonly Gen<(double X, double Y)> Optimum = Gen.Int[0, 3].SelectMany(kind => kind switch
    {
        0 => Gen.Int[0, 3].Select(c => c switch { 0 => (1.0, 0.0), 1 => (-1.0, 0.0), 2 => (0.0, 1.0), _ => (0.0, -1.0) }), // a corner
        1 => Gen.Double[-1.2, 1.2].Select(x => (x, 0.0)),                                                               // on an axis
        _ => Gen.Select(Gen.Double[-1.2, 1.2], Gen.Double[-1.2, 1.2]).Select((x, y) => (x, y)),                         // anywhere
    });

    private static readonly Gen<SparsityResult[]> Results = Optimum.Array[1, 600]
        .Select(sample => new SparsityResult(new L1Penalty(), sample.Length, sample.LongCount(SparsityExperiment.IsSparse), sample))
        .Array[1, 4];

    [Fact]
    public void Every_optimum_is_in_exactly_one_pool_of_its_own_kind()
    {
        Optimum.Array[0, 600].Sample(sample =>
        {
            var pools = SparsityDiscs.Pools(sample, 1.3);
            Assert.Equal(sample.Length, pools.Sum(p => p.Count));
            Assert.Equal(sample.Count(SparsityExperiment.IsSparse), pools.Where(p => p.Sparse).Sum(p => p.Count));
        });
    }

    [Fact]
    public void Disc_areas_are_proportional_to_the_optima_they_hold_alike_in_every_panel()
    {
        Results.Sample(results =>
        {
            var plots = SparsityFigure.Panels(results, Form.Constrained(1.0), Panel);
            double? perOptimum = null;
            for (int i = 0; i < results.Length; i++)
            {
                var discs = plots[i].GetPlottables().OfType<ScottPlot.Plottables.Marker>().Where(m => m.MarkerShape == ScottPlot.MarkerShape.FilledCircle).ToList();
                var sparseColour = Theme.Light.Loss.WithAlpha(0.8);
                double all = discs.Sum(d => (double)d.MarkerSize * d.MarkerSize);
                double highlighted = discs.Where(d => d.MarkerFillColor == sparseColour).Sum(d => (double)d.MarkerSize * d.MarkerSize);
                int n = results[i].Sample.Length, sparse = results[i].Sample.Count(SparsityExperiment.IsSparse);
                // the highlighted share of the ink is the share of optima with a zero
                Assert.True(Math.Abs(highlighted / all - (double)sparse / n) < 1e-4, $"panel {i}: {highlighted / all:P3} of the area for {sparse} of {n} optima");
                // and the area per optimum is the same in every panel
                double here = all / n;
                perOptimum ??= here;
                Assert.True(Math.Abs(here / perOptimum.Value - 1) < 1e-4, $"panel {i}: {here} px² an optimum, panel 0 {perOptimum}");
            }
        }, iter: 40);
    }
}
