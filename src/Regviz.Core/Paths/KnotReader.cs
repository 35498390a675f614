using Regviz.Core.Certificates;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Core.Solvers;

namespace Regviz.Core.Paths;

/// <summary>
/// The lasso at any λ read off the exact knots, with its certificate. Between two knots w is affine in λ, and so is
/// ∇D(w) for least squares: each knot's gradient is computed from the data once and a point's gradient is the same
/// interpolation as its weights, so certifying a point costs O(k), not another pass through S. Should rounding have
/// cost a knot its certificate, the point is solved on its own instead.
/// </summary>
internal sealed class KnotReader
{
    private readonly QuadraticLoss _q;
    private readonly Penalty _penalty;
    private readonly IReadOnlyList<PathPoint> _knots;
    private readonly double[][] _gradients;
    private readonly double _reference;

    public KnotReader(QuadraticLoss q, Penalty penalty, IReadOnlyList<PathPoint> knots)
    {
        _q = q;
        _penalty = penalty;
        _knots = knots;
        _reference = OptimalityCheck.Reference(q);
        _gradients = knots.Select(k =>
        {
            var g = new double[q.Dimension];
            OptimalityCheck.DataGradient(q, k.Weights, g);
            return g;
        }).ToArray();
    }

    public PathPoint At(double lambda)
    {
        if (_knots.Count == 1) return new PathPoint(lambda, (double[])_knots[0].Weights.Clone()).Certified(_q, _penalty);
        // knots run from λ_max down; find the pair around λ (or clamp at either end)
        int i = 1;
        while (i < _knots.Count - 1 && _knots[i].Lambda > lambda) i++;
        var (a, b) = (_knots[i - 1], _knots[i]);
        double t = lambda >= a.Lambda ? 0 : lambda <= b.Lambda ? 1 : (a.Lambda - lambda) / (a.Lambda - b.Lambda);
        int k = _q.Dimension;
        var w = new double[k];
        Span<double> g = k <= 64 ? stackalloc double[k] : new double[k];
        for (int j = 0; j < k; j++)
        {
            w[j] = a.Weights[j] + t * (b.Weights[j] - a.Weights[j]);
            g[j] = _gradients[i - 1][j] + t * (_gradients[i][j] - _gradients[i - 1][j]);
        }
        var certificate = OptimalityCheck.FromGradient(_q, _reference, g, _penalty, w, lambda);
        if (certificate.Certified) return new PathPoint(lambda, w) { Certificate = certificate };
        var searched = new PathPoint(lambda, FeatureSignSearch.Solve(_q, _q.Mu(lambda) / 2, 0, w)).Certified(_q, _penalty);
        if (searched.Certificate!.Certified) return searched;
        // feature-sign search from the interpolation can stall on a design of condition 1e10 (KKT 7e-6 at 4e-6·λ_max,
        // CsCheck seed fDNXBTOkEwz1 of LassoOnHardDesignsTests) where the solver of a single λ certifies (KKT 4e-12)
        var solved = new PathPoint(lambda, Regularised.WeightsAt(_q, _penalty, lambda, w)).Certified(_q, _penalty);
        return solved.Certificate!.Kkt <= searched.Certificate.Kkt ? solved : searched;
    }
}
