using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Paths;

/// <summary>
/// Where a coefficient of an elastic-net path (or a lasso off least squares, which has no exact knots) enters or
/// leaves 0. A grid of λ only brackets those points, so the drawn path would bend one grid step late and the top
/// axis's counts change there. At the entry λ_e coefficient j is still exactly 0 and |∂D/∂w_j| = λ_e·α, the edge of
/// its zero's optimality condition; below it the coefficient moves. Each is found inside its bracket by regula falsi
/// (Illinois) on f(λ) = |∂D/∂w_j(w(λ))| − λα, or by a secant through the zero side's last two points where it falls
/// inside the bracket, each trial solved warm from its nearer end and the bracket kept by whether the solver's w_j is
/// exactly 0, then read off the zero side's slack (<see cref="Refined"/>) unless the secant has converged; the point there,
/// w_j = 0 and certified, is inserted in the path. The solvers are called, not changed.
/// </summary>
internal static class EntryPoints
{
    /// <summary>The bracket's relative width at which a search stops: λ_e is known to about 13 digits.</summary>
    private const double Width = 1e-13;

    /// <summary>Trials per entry at most: bisection alone would need about 45 for <see cref="Width"/>.</summary>
    private const int MaxTrials = 64;

    /// <summary>Whether <paramref name="penalty"/> on <paramref name="loss"/> has entries to find: an l1 part (α &gt; 0), a convex problem, no exact knots.</summary>
    public static bool Apply(ISmoothLoss loss, Penalty penalty) =>
        penalty.ElasticNetAlpha is > 0 && loss.IsConvex && penalty.IsConvex && !(loss is QuadraticLoss && penalty.ElasticNetAlpha == 1);

    /// <summary>
    /// <paramref name="points"/> (by decreasing λ, each certified) with the entry and exit points between each
    /// neighbouring pair inserted, and the inserted points alone.
    /// </summary>
    public static (List<PathPoint> Points, List<PathPoint> Entries) Insert(IReadOnlyList<PathPoint> points, ISmoothLoss loss, Penalty penalty)
    {
        ArgumentNullException.ThrowIfNull(points);
        var all = new List<PathPoint>(points.Count);
        var entries = new List<PathPoint>();
        if (!Apply(loss, penalty) || points.Count == 0) return ([.. points], entries);
        double alpha = penalty.ElasticNetAlpha!.Value;
        // at most 32 extra solves per point of the path and per coefficient (a wide logistic problem has many entries,
        // and each solve is a pass over its data; a coarse grid still has every coefficient's): a search takes about 10
        // to 20, and entries past the budget are left out
        int budget = 32 * (points.Count + loss.Dimension);
        all.Add(points[0]);
        // a coefficient at its edge at the first point (λ_max) enters there: no search for it in the first step
        var first = (points[0], Enumerable.Range(0, loss.Dimension)
            .Where(j => points[0].Weights[j] == 0 && Slack(loss, alpha, j, points[0]) >= -1e-12 * points[0].Lambda * alpha).ToArray());
        for (int i = 1; i < points.Count; i++)
        {
            Between(loss, penalty, alpha, i == 1 ? first : (points[i - 1], []), (points[i], []), all, entries, ref budget);
            all.Add(points[i]);
        }
        return (all, entries);
    }

    /// <summary>
    /// Adds to <paramref name="all"/> and <paramref name="entries"/>, by decreasing λ, the points strictly between a and
    /// b where a coefficient enters or leaves 0; each end comes with the coefficients it is already the entry of. Two
    /// ends can hide changes: within one grid step a coefficient can enter and another leave, or one enter and leave
    /// again, so ends that agree on it say nothing. A point found for one coefficient shows such a change against
    /// one of the ends, so the pieces on each side of the points found are searched again (the budget bounds it).
    /// </summary>
    private static void Between(ISmoothLoss loss, Penalty penalty, double alpha, (PathPoint Point, int[] EntryOf) a, (PathPoint Point, int[] EntryOf) b,
        List<PathPoint> all, List<PathPoint> entries, ref int budget)
    {
        var found = new List<(PathPoint Point, int J)>();
        for (int j = 0; j < loss.Dimension && budget > 0; j++)
        {
            bool zeroAbove = a.Point.Weights[j] == 0;
            if (zeroAbove == (b.Point.Weights[j] == 0) || !(a.Point.Lambda > b.Point.Lambda)) continue;
            if ((zeroAbove ? a.EntryOf : b.EntryOf).Contains(j)) continue; // its zero side is its entry already
            found.Add((Search(loss, penalty, alpha, j, a.Point, b.Point, ref budget), j));
        }
        var inner = found.Where(f => f.Point.Lambda < a.Point.Lambda && f.Point.Lambda > b.Point.Lambda)
            .GroupBy(f => f.Point.Lambda).OrderByDescending(g => g.Key)
            .Select(g => (g.First().Point, g.Select(f => f.J).ToArray())).ToList();
        if (inner.Count == 0) return;
        var previous = a;
        foreach (var p in inner)
        {
            Between(loss, penalty, alpha, previous, p, all, entries, ref budget);
            all.Add(p.Point);
            entries.Add(p.Point);
            previous = p;
        }
        Between(loss, penalty, alpha, previous, b, all, entries, ref budget);
    }

    /// <summary>The path point at which coefficient <paramref name="j"/> changes between 0 and not, on its zero side.</summary>
    private static PathPoint Search(ISmoothLoss loss, Penalty penalty, double alpha, int j, PathPoint a, PathPoint b, ref int budget)
    {
        // zero: the end at which w_j = 0 (f ≤ 0); moving: the other (f > 0)
        bool zeroAbove = a.Weights[j] == 0;
        var (zero, moving) = zeroAbove ? (a, b) : (b, a);
        double fz = Slack(loss, alpha, j, zero), fm = Slack(loss, alpha, j, moving);
        var zeros = new List<(PathPoint Point, double Slack)> { (zero, fz) };
        int side = 0; // Illinois: which end kept its value last time, to halve the other's
        bool converged = false;
        for (int trial = 0; trial < MaxTrials && Math.Abs(zero.Lambda - moving.Lambda) > Width * Math.Max(zero.Lambda, moving.Lambda); trial++)
        {
            double lo = Math.Min(zero.Lambda, moving.Lambda), hi = Math.Max(zero.Lambda, moving.Lambda);
            // the zero side's slack is smooth through the entry (the moving side's is another function, kinked against
            // it there, which holds regula falsi to slow steps): a secant through the last two zero points converges
            // fast, and once its step is below the bracket's width goal the last zero point is the entry
            double? secant = zeros.Count >= 2 && zeros[^1].Slack != zeros[^2].Slack
                ? zeros[^1].Point.Lambda - zeros[^1].Slack * (zeros[^1].Point.Lambda - zeros[^2].Point.Lambda) / (zeros[^1].Slack - zeros[^2].Slack)
                : null;
            if (secant is { } s && Math.Abs(s - zero.Lambda) <= Width * zero.Lambda) { converged = true; break; }
            double lambda = secant is { } sc && sc > lo && sc < hi ? sc
                : fm > 0 && fz < 0 ? moving.Lambda + fm * (zero.Lambda - moving.Lambda) / (fm - fz) : double.NaN;
            // a step onto (or past) an end, or one the slack's rounding sent astray: bisect
            if (!(lambda > lo && lambda < hi)) lambda = lo + (hi - lo) / 2;
            var near = Math.Abs(lambda - zero.Lambda) < Math.Abs(lambda - moving.Lambda) ? zero : moving;
            var w = Regularised.WeightsAt(loss, penalty, lambda, near.Weights);
            budget--;
            var p = new PathPoint(lambda, w);
            double f = Slack(loss, alpha, j, p);
            if (w[j] == 0)
            {
                zeros.Add((p, f));
                (zero, fz) = (p, Math.Min(f, 0));
                if (side == -1) fm /= 2;
                side = -1;
            }
            else
            {
                (moving, fm) = (p, Math.Max(f, double.Epsilon));
                if (side == 1) fz /= 2;
                side = 1;
            }
        }
        var certified = zero.Certificate is null ? zero.Certified(loss, penalty) : zero;
        return converged ? certified : Refined(loss, penalty, j, zero, zeros) ?? certified;
    }

    /// <summary>
    /// The bracket ends where the solver turns w_j from 0 to not, and a solver that is exact to its tolerance may do so
    /// a few parts in 10⁹ of λ early or late (a tiny w_j it rounds to 0, or a tiny one it keeps). The slack on the zero
    /// side is smooth and does not depend on that decision, so its root is read off by a secant through the last zero
    /// point and one a millionth of λ or more away from it, and the point there (w_j exactly 0) kept if it certifies.
    /// </summary>
    private static PathPoint? Refined(ISmoothLoss loss, Penalty penalty, int j, PathPoint zero, List<(PathPoint Point, double Slack)> zeros)
    {
        double fz = Slack(loss, penalty.ElasticNetAlpha!.Value, j, zero);
        var far = zeros.Where(z => Math.Abs(z.Point.Lambda - zero.Lambda) >= 1e-6 * zero.Lambda)
            .OrderBy(z => Math.Abs(z.Point.Lambda - zero.Lambda)).Cast<(PathPoint Point, double Slack)?>().FirstOrDefault();
        if (far is not { } f || !(f.Slack < fz) || fz > 0) return null;
        double root = zero.Lambda - fz * (zero.Lambda - f.Point.Lambda) / (fz - f.Slack);
        if (!(Math.Abs(root - zero.Lambda) <= 1e-6 * zero.Lambda)) return null;
        var w = Regularised.WeightsAt(loss, penalty, root, zero.Weights);
        w[j] = 0; // at the root 0 is optimal for w_j; the solver may have kept a remnant below its tolerance
        var point = new PathPoint(root, w).Certified(loss, penalty);
        return point.Certificate is { Certified: true } ? point : null;
    }

    /// <summary>f = |∂D/∂w_j| − λα at a point: ≤ 0 where w_j = 0 is optimal, &gt; 0 where w_j moves.</summary>
    private static double Slack(ISmoothLoss loss, double alpha, int j, PathPoint p)
    {
        var g = new double[loss.Dimension];
        loss.Gradient(p.Weights, g);
        return Math.Abs(g[j]) - p.Lambda * alpha;
    }
}
