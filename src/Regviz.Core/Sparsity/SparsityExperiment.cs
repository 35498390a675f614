using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;

namespace Regviz.Core.Sparsity;

/// <summary>One norm's outcome: how many optima had an exactly-zero coefficient, and the first optima for the figure.</summary>
public sealed record SparsityResult(Penalty Penalty, long Trials, long Sparse, (double X, double Y)[] Sample)
{
    /// <summary>The fraction of trials whose optimum had an exactly-zero coefficient.</summary>
    public double SparseFraction => (double)Sparse / Trials;
}

/// <summary>
/// The article's claim, measured: draw random quadratic losses in the plane (<see cref="PlaneQuadratic.Random"/>),
/// find each one's regularised optimum exactly, and count how often a coefficient is exactly zero
/// (|w_j| ≤ 1e-9·max(1, max|w|), the tolerance of docs/conventions.md). Trial i draws from its own SplitMix64 stream, so
/// the numbers depend only on the seed — not on the number of cores or the order trials finish in.
/// </summary>
public static class SparsityExperiment
{
    /// <summary>How many optima each result keeps for the figure.</summary>
    public const int SampleSize = 4000;

    /// <summary>
    /// Solves <paramref name="trials"/> random plane problems (seeded by <paramref name="seed"/>) under each penalty in
    /// <paramref name="form"/>, penalised at λ or constrained to the radius, and counts exact zeros. The losses are
    /// drawn against the ball of the radius, or of radius 1 in the penalised form.
    /// </summary>
    public static IReadOnlyList<SparsityResult> Run(IReadOnlyList<Penalty> penalties, long trials, ulong seed,
        Form form, Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (trials < 1 || trials > 1_000_000_000) throw new ProblemArgumentException("trials", $"{trials} is outside 1..1000000000");
        double t = form is ConstrainedForm c ? c.Radius : 1.0;
        if (form is ConstrainedForm && penalties.FirstOrDefault(p => !p.HasConstrainedForm) is { } shaped)
            throw new ProblemArgumentException("penalties", words => $"{shaped.Name} has no ball to draw (its shape depends on λ); give {words.Name("lambda")} for the penalised form");
        var counts = new long[penalties.Count];
        int sampleCount = (int)Math.Min(SampleSize, trials);
        var samples = penalties.Select(_ => new (double, double)[sampleCount]).ToArray();
        const int chunk = 8192;
        long chunks = (trials + chunk - 1) / chunk, done = 0;
        Parallel.For(0L, chunks, c =>
        {
            var local = new long[penalties.Count];
            long start = c * chunk, end = Math.Min(trials, start + chunk);
            for (long i = start; i < end; i++)
            {
                var q = PlaneQuadratic.Random(new SplitMix64(seed + (ulong)i * 0x9E3779B97F4A7C15UL), t);
                for (int k = 0; k < penalties.Count; k++)
                {
                    var w = Optimum(q, penalties[k], form);
                    if (IsSparse(w)) local[k]++;
                    if (i < sampleCount) samples[k][i] = w;
                }
            }
            for (int k = 0; k < local.Length; k++) Interlocked.Add(ref counts[k], local[k]);
            progress?.Invoke(Interlocked.Add(ref done, end - start));
        });
        return penalties.Select((p, k) => new SparsityResult(p, trials, counts[k], samples[k])).ToArray();
    }

    /// <summary>The zero of docs/conventions.md: |w_j| ≤ 1e-9·max(1, max_j |w_j|).</summary>
    public static bool IsSparse((double X, double Y) w)
    {
        double tol = 1e-9 * Math.Max(1, Math.Max(Math.Abs(w.X), Math.Abs(w.Y)));
        return Math.Abs(w.X) <= tol || Math.Abs(w.Y) <= tol;
    }

    /// <summary>
    /// The exact optimum of one trial: the penalty's own closed form where it has one (<see cref="IExactOnPlane"/>:
    /// the elastic-net family, the polygon and round balls), the core's solvers for the rest.
    /// </summary>
    public static (double X, double Y) Optimum(PlaneQuadratic q, Penalty penalty, Form form)
    {
        ArgumentNullException.ThrowIfNull(penalty);
        ArgumentNullException.ThrowIfNull(form);
        var exact = penalty as IExactOnPlane;
        if (form is PenalisedForm { Lambda: var l })
            return exact?.Penalised(q, l) ?? Pair(Regularised.Solve(q.ToLoss(), penalty, Form.Penalised(l)).Weights);
        double radius = ((ConstrainedForm)form).Radius;
        return exact?.InBall(q, radius) ?? Pair(Regularised.Solve(q.ToLoss(), penalty, Form.Constrained(radius)).Weights);
    }

    private static (double, double) Pair(double[] w) => (w[0], w[1]);
}
