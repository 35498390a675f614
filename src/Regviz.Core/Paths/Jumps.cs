using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Paths;

/// <summary>
/// Where a path jumps: its two sides, the last point before the jump (at <see cref="Above"/>) and the first after it
/// (at <see cref="Below"/>), both points of <see cref="RegularisationPath.Points"/>, their λ within
/// <see cref="Jumps.Width"/> of each other relative (or adjacent doubles), or <see cref="Jumps.UncertifiedWidth"/> where no
/// solve closer certified.
/// </summary>
public sealed record PathJump(double Above, double Below);

/// <summary>
/// The path of a non-convex problem is the solver's solution at each λ (for MCP and SCAD on least squares ncvreg's:
/// followed down from λ_max, each solve warm-started from the one before), and that solution can jump between two grid
/// points, where the basin it follows ends. A line drawn straight across the grid step would not be on the path. Each
/// grid step is bisected in log λ, with the same solve as the grid's points, while its midpoint lies off the chord of its
/// ends by more than <see cref="Tolerance"/> of the coefficient axis: a steep smooth stretch straightens out (its
/// midpoints are kept, so the drawn line follows it); a jump does not, and the bisection closes on it until the two ends
/// are <see cref="Width"/> apart in λ and still differ. Both ends are kept, certified, and the pair recorded as a
/// <see cref="PathJump"/>. Convex problems have continuous paths and are not searched.
/// </summary>
internal static class Jumps
{
    /// <summary>The bracket's relative width at which a jump is located: its λ is known to about 9 digits.</summary>
    public const double Width = 1e-9;

    /// <summary>
    /// The widest a jump's bracket may stay where no solve inside it certifies (lp with p &lt; 1: its local method stalls
    /// beside a coefficient near 0, as it does near some of its jumps): brackets of 2e-6 to 6e-5 were seen there. 1e-3 of λ
    /// is 4e-4 of a decade, under a pixel of any λ axis the path figure draws.
    /// </summary>
    public const double UncertifiedWidth = 1e-3;

    /// <summary>How far off the chord (or apart, for a jump's ends), as a part of the coefficient axis, counts: 0.5%, 2 px of a 450 px figure.</summary>
    public const double Tolerance = 5e-3;

    /// <summary>The same for a path searched afresh at each λ: 2%, what a segment may be off the path (9 px of a 450 px figure).</summary>
    public const double SearchedTolerance = 2e-2;

    /// <summary>Solves per grid step at most: a jump takes about 2 per halving, 30 halvings from a grid step of 100 a few decades.</summary>
    private const int Budget = 160;

    /// <summary>Whether paths of <paramref name="penalty"/> on <paramref name="loss"/> can jump: the problem is not convex.</summary>
    public static bool Apply(ISmoothLoss loss, Penalty penalty) => !(loss.IsConvex && penalty.IsConvex);

    /// <summary>
    /// <paramref name="points"/> (by decreasing λ, each certified, all λ &gt; 0) with the points the search solved inserted,
    /// and the jumps found; <paramref name="span"/> is the coefficient axis's extent the tolerance is a part of.
    /// </summary>
    public static (List<PathPoint> Points, List<PathJump> Jumps) Insert(IReadOnlyList<PathPoint> points, ISmoothLoss loss, Penalty penalty, double span)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (!Apply(loss, penalty) || points.Count < 2 || !(span > 0)) return ([.. points], []);
        // a path whose solver searches afresh at each λ (lp with p < 1, the plane) costs a global search per solve, 10 to
        // 100 times a continuation step: its jumps are located to UncertifiedWidth, as closely as it certifies beside them
        // anyway, and its smooth stretches to the 2% of the axis a segment may be off, not 0.5% (diabetes's lp path took
        // 22 s instead of 1.9 s with the continuation's settings, 2.1 s with these)
        bool continued = Regularised.Solve(loss, penalty, Form.Penalised(points[^1].Lambda)).Method == SolveMethod.CoordinateDescentPath;
        double tolerance = (continued ? Tolerance : SearchedTolerance) * span;
        double width = continued ? Width : UncertifiedWidth;
        var found = new (List<PathPoint> Inner, List<PathJump> Jumps)[points.Count];
        // the grid's points were solved in parallel, each on its own: so are the steps between them
        Parallel.For(1, points.Count, i =>
        {
            var inner = new List<PathPoint>();
            var jumps = new List<PathJump>();
            int budget = Budget;
            Between(loss, penalty, points[i - 1], points[i], tolerance, width, inner, jumps, ref budget);
            found[i] = (inner, jumps);
        });
        var all = new List<PathPoint> { points[0] };
        var allJumps = new List<PathJump>();
        for (int i = 1; i < points.Count; i++)
        {
            all.AddRange(found[i].Inner);
            allJumps.AddRange(found[i].Jumps);
            all.Add(points[i]);
        }
        return (all, allJumps);
    }

    /// <summary>
    /// Adds to <paramref name="inner"/>, by decreasing λ, the points solved strictly between a and b, and to
    /// <paramref name="jumps"/> the jumps between them.
    /// </summary>
    private static void Between(ISmoothLoss loss, Penalty penalty, PathPoint a, PathPoint b, double tolerance, double width,
        List<PathPoint> inner, List<PathJump> jumps, ref int budget)
    {
        // ends that differ by less than the tolerance draw a segment within it (a jump and back within one step aside)
        if (Apart(a.Weights, b.Weights) <= tolerance || !(a.Lambda > b.Lambda && b.Lambda > 0)) return;
        double mid = Math.Sqrt(a.Lambda * b.Lambda);
        if (a.Lambda - b.Lambda <= width * a.Lambda || !(mid < a.Lambda && mid > b.Lambda))
        {
            jumps.Add(new PathJump(a.Lambda, b.Lambda));
            return;
        }
        // a solve that does not certify (lp's local method can stall beside a coefficient near 0) is not drawn: the
        // split moves off the middle (a bisection needs any inner point), and with none certified the step is left as the grid had it
        PathPoint? m = null;
        foreach (double t in Splits)
        {
            if (budget-- <= 0) return;
            double at = Math.Exp(Math.Log(a.Lambda) + t * (Math.Log(b.Lambda) - Math.Log(a.Lambda)));
            if (!(at < a.Lambda && at > b.Lambda)) continue;
            var trial = new PathPoint(at, Regularised.WeightsAt(loss, penalty, at)).Certified(loss, penalty);
            if (trial.Certificate is { Certified: true }) { m = trial; break; }
        }
        if (m is null)
        {
            // lp with p < 1 beside its jumps: the jump is located as closely as the solver certifies, within UncertifiedWidth
            if (a.Lambda - b.Lambda <= UncertifiedWidth * a.Lambda) jumps.Add(new PathJump(a.Lambda, b.Lambda));
            return;
        }
        mid = m.Lambda;
        double s = (Math.Log(a.Lambda) - Math.Log(mid)) / (Math.Log(a.Lambda) - Math.Log(b.Lambda));
        double offChord = 0;
        for (int j = 0; j < m.Weights.Length; j++) offChord = Math.Max(offChord, Math.Abs(m.Weights[j] - (a.Weights[j] + s * (b.Weights[j] - a.Weights[j]))));
        if (offChord <= tolerance) return;
        Between(loss, penalty, a, m, tolerance, width, inner, jumps, ref budget);
        inner.Add(m);
        Between(loss, penalty, m, b, tolerance, width, inner, jumps, ref budget);
    }

    /// <summary>Where in log λ a step is split: its middle, else off it where the middle's solve did not certify.</summary>
    private static readonly double[] Splits = [0.5, 0.3, 0.7, 0.15, 0.85];

    private static double Apart(double[] a, double[] b)
    {
        double most = 0;
        for (int j = 0; j < a.Length; j++) most = Math.Max(most, Math.Abs(a[j] - b[j]));
        return most;
    }

    /// <summary>The coefficient axis's extent over <paramref name="points"/>, 0 included, as the figure draws it.</summary>
    public static double Span(IEnumerable<PathPoint> points)
    {
        double lo = 0, hi = 0;
        foreach (var p in points)
            foreach (double w in p.Weights) { lo = Math.Min(lo, w); hi = Math.Max(hi, w); }
        return hi - lo;
    }
}
