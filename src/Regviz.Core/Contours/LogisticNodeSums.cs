using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Regviz.Core.Problems;

namespace Regviz.Core.Contours;

/// <summary>
/// The logistic loss summed over a block of data rows at every node of one grid row, where node k has
/// w1 = x0 + k·dx and row i has the margin z = p_i·w1 + c_i (+ b_k with an intercept), p_i and c_i fixed
/// along the grid row. Each row contributes softplus(±z) = max(±z, 0) + log1p(e^−|z|) (sign − for y = 1), so
/// nothing cancels. Three things make it fast without changing the result beyond rounding:
/// <list type="bullet">
/// <item>e^z and e^−z step from node to node by the factors e^(±p·dx) (a multiplication instead of an exp), and are
/// recomputed exactly every <see cref="Refresh"/> nodes, so rounding drifts by at most that many ulps;</item>
/// <item>Σ log1p(u_i) is log1p of (Π(1 + u_i) − 1), kept as S ← S + u + S·u (relative accuracy even where
/// every u is tiny): one logarithm per block and node instead of one per row;</item>
/// <item>everything runs <see cref="Vector{T}.Count"/> rows at a time, from one interleaved scratch block.</item>
/// </list>
/// The stepping is used only where every |z| of the block stays below <see cref="SteppingLimit"/> (e^z then
/// never overflows or turns subnormal); elsewhere u = e^−|z| is computed directly, node by node.
/// </summary>
internal static class LogisticNodeSums
{
    /// <summary>Rows per block: the block's state stays in L1, and no lane's Π(1 + u) ≤ 2^(Block/lanes) can overflow.</summary>
    public const int Block = 512;

    public const int Refresh = 128;
    public const double SteppingLimit = 300;

    /// <summary>A padding row that contributes exactly 0: e^z = 0, e^−z = ∞ along the whole grid row.</summary>
    public const double PaddingOffset = -1e6;

    /// <summary>Doubles of scratch <see cref="Add"/> needs: seven values a row (p, c, sign, e^(±p·dx), e^±f), a block's worth.</summary>
    public const int ScratchLength = Fields * Block;

    private const int Fields = 7, P = 0, C = 1, Sign = 2, StepP = 3, StepM = 4, EPlus = 5, EMinus = 6;

    /// <summary>
    /// Adds, for the nodes first + k (k = 0, 1, …), the block's Σ softplus(±z) to <paramref name="loss"/>[k] (without
    /// intercepts only its Σ log1p(e^−|z|): the rest, Σ max(±z, 0), is piecewise linear in w1 and <see cref="HingeSums"/>
    /// adds it for the whole row at once) and, with intercepts <paramref name="b"/>, the derivatives in b of
    /// Σ softplus(z), Σ(σ − y) to <paramref name="g"/>[k] and Σσ(1 − σ) to <paramref name="h"/>[k], for the Newton step that
    /// profiles b out. Spans p, c, sign (±1), stepP = e^(p·dx) and
    /// stepM = e^(−p·dx) hold the block's rows, at most <see cref="Block"/>, a multiple of the vector width.
    /// </summary>
    // optimised from the first call, as Sweep: the per-node sums here ran unoptimised for the first seconds otherwise
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(
        ReadOnlySpan<double> p, ReadOnlySpan<double> c, ReadOnlySpan<double> sign, ReadOnlySpan<double> stepP, ReadOnlySpan<double> stepM,
        Span<double> scratch, bool stepping, double x0, double dx, int first, ReadOnlySpan<double> b,
        Span<double> loss, Span<double> g, Span<double> h)
    {
        int lanes = Vector<double>.Count, vectors = p.Length / lanes;
        if (p.Length % lanes != 0 || p.Length > Block || scratch.Length < ScratchLength
            || c.Length != p.Length || sign.Length != p.Length || stepP.Length != p.Length || stepM.Length != p.Length
            || (!b.IsEmpty && (b.Length != loss.Length || g.Length != loss.Length || h.Length != loss.Length)))
            throw new ArgumentException("block spans do not match");
        // interleaved, one vector of each field after the other: the sweep reads one stream from one base
        for (int v = 0; v < vectors; v++)
        {
            int at = v * Fields * lanes;
            for (int l = 0; l < lanes; l++)
            {
                int i = v * lanes + l;
                scratch[at + P * lanes + l] = p[i];
                scratch[at + C * lanes + l] = c[i];
                scratch[at + Sign * lanes + l] = sign[i];
                scratch[at + StepP * lanes + l] = stepP[i];
                scratch[at + StepM * lanes + l] = stepM[i];
            }
        }
        ref double rows = ref MemoryMarshal.GetReference(scratch);
        for (int k = 0; k < loss.Length; k++)
        {
            double w1 = x0 + (first + k) * dx;
            NodeSums sums = (b.IsEmpty, stepping) switch
            {
                (true, false) => Sweep<NoIntercept, Direct>(ref rows, vectors, w1, 0),
                (true, true) => k % Refresh == 0 ? Sweep<NoIntercept, Restart>(ref rows, vectors, w1, 0) : Sweep<NoIntercept, Step>(ref rows, vectors, w1, 0),
                (false, false) => Sweep<Intercept, Direct>(ref rows, vectors, w1, b[k]),
                (false, true) => k % Refresh == 0 ? Sweep<Intercept, Restart>(ref rows, vectors, w1, b[k]) : Sweep<Intercept, Step>(ref rows, vectors, w1, b[k]),
            };
            loss[k] += Vector.Sum(sums.Positive) + Log1pOfProduct(sums.Product);
            if (!b.IsEmpty)
            {
                g[k] += Vector.Sum(sums.Sigma);
                h[k] += Vector.Sum(sums.Curvature);
            }
        }
    }

    private record struct NodeSums(Vector<double> Positive, Vector<double> Product, Vector<double> Sigma, Vector<double> Curvature)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static NodeSums operator +(NodeSums a, NodeSums b) => new(a.Positive + b.Positive,
            a.Product + b.Product + a.Product * b.Product, a.Sigma + b.Sigma, a.Curvature + b.Curvature);
    }

    private readonly record struct NodeConstants(Vector<double> W1, Vector<double> B, Vector<double> BPlus, Vector<double> BMinus);

    // `at` is where vector v's fields start (v·Fields·lanes), computed once per vector: a field is then a constant offset
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Load(ref double rows, nuint at, int field) =>
        Vector.LoadUnsafe(ref rows, at + (nuint)(field * Vector<double>.Count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<double> value, ref double rows, nuint at, int field) =>
        value.StoreUnsafe(ref rows, at + (nuint)(field * Vector<double>.Count));

    /// <summary>All vectors of the block at one node, four at a time into separate sums (the product's add-then-FMA chain would otherwise set the pace).</summary>
    // one compiled body per mode, each with its own inlining budget for the per-vector work, optimised from the
    // first call: it is called once per node and block, so tiering would run the first seconds unoptimised
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static NodeSums Sweep<TMode, TExp>(ref double rows, int vectors, double w1, double b)
        where TMode : struct, IMode where TExp : struct, IExpSource
    {
        bool scale = TMode.HasIntercept && !TExp.Direct;
        var node = new NodeConstants(new(w1), new(b), new(scale ? Math.Exp(b) : 1), new(scale ? Math.Exp(-b) : 1));
        NodeSums s0 = default, s1 = default, s2 = default, s3 = default;
        int v = 0;
        for (; v + 4 <= vectors; v += 4)
        {
            Accumulate<TMode, TExp>(ref s0, ref rows, v, node);
            Accumulate<TMode, TExp>(ref s1, ref rows, v + 1, node);
            Accumulate<TMode, TExp>(ref s2, ref rows, v + 2, node);
            Accumulate<TMode, TExp>(ref s3, ref rows, v + 3, node);
        }
        for (; v < vectors; v++) Accumulate<TMode, TExp>(ref s0, ref rows, v, node);
        return s0 + s1 + (s2 + s3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate<TMode, TExp>(ref NodeSums sums, ref double rows, int v, in NodeConstants node)
        where TMode : struct, IMode where TExp : struct, IExpSource
    {
        nuint at = (nuint)v * (nuint)(Fields * Vector<double>.Count);
        // the margin itself is needed only for an exp, and with intercepts for the hinge and σ's side
        Vector<double> f = default, z = default;
        if (TMode.HasIntercept || TExp.UsesMargin)
        {
            f = Vector.FusedMultiplyAdd(Load(ref rows, at, P), node.W1, Load(ref rows, at, C));
            z = TMode.HasIntercept ? f + node.B : f;
        }
        // u = e^−|z| = min(e^z, e^−z)
        Vector<double> u;
        if (TExp.Direct) u = Vector.Exp(-Vector.Abs(z));
        else
        {
            var (plus, minus) = TExp.Advance(ref rows, at, f);
            u = TMode.HasIntercept ? Vector.MinNative(plus * node.BPlus, minus * node.BMinus) : Vector.MinNative(plus, minus);
        }
        sums.Product = Vector.FusedMultiplyAdd(sums.Product, u, sums.Product + u);
        if (TMode.HasIntercept)
        {
            var sign = Load(ref rows, at, Sign);
            sums.Positive += Vector.MaxNative(sign * z, Vector<double>.Zero);
            // σ(t) = 1/(1 + u) for t ≥ 0, u/(1 + u) below; σ(1 − σ) = u/(1 + u)² either way. The residual σ(z) − y is
            // taken as sign·σ(sign·z) (σ(z) for y = 0, −σ(−z) for y = 1): Σσ − Σy cancelled to rounding on a nearly
            // separated sample, and the intercept found from it was 1e-2 off where D is 1e-16
            var d = Vector<double>.One / (Vector<double>.One + u);
            var ud = u * d;
            sums.Sigma += sign * Vector.ConditionalSelect(Vector.GreaterThanOrEqual(sign * z, Vector<double>.Zero), d, ud);
            sums.Curvature += ud * d;
        }
    }

    /// <summary>log Π_lanes(1 + S_l): the lanes' products combined as (1 + a)(1 + b) − 1 = a + b + a·b.</summary>
    private static double Log1pOfProduct(Vector<double> s)
    {
        double total = 0;
        for (int l = 0; l < Vector<double>.Count; l++) total = total + s[l] + total * s[l];
        return OnePlusLog.Of(total);
    }

    /// <summary>
    /// e^x lane by lane with Math.Exp: Vector.Exp is JIT-compiled per machine and runs unoptimised for the first
    /// second or so of a process (measured: the first grid 8× slower), Math.Exp is native from the start.
    /// </summary>
    private static Vector<double> ExpByLane(Vector<double> x)
    {
        Span<double> lanes = stackalloc double[Vector<double>.Count];
        for (int l = 0; l < lanes.Length; l++) lanes[l] = Math.Exp(x[l]);
        return new Vector<double>(lanes);
    }

    private interface IMode { static abstract bool HasIntercept { get; } }
    private struct NoIntercept : IMode { public static bool HasIntercept => false; }
    private struct Intercept : IMode { public static bool HasIntercept => true; }

    /// <summary>Where u = e^−|z| comes from: computed directly, or from e^±f kept in the scratch (then scaled by e^±b).</summary>
    private interface IExpSource
    {
        static abstract bool Direct { get; }
        static abstract bool UsesMargin { get; }
        static abstract (Vector<double> Plus, Vector<double> Minus) Advance(ref double rows, nuint at, Vector<double> f);
    }

    private struct Direct : IExpSource
    {
        static bool IExpSource.Direct => true;
        static bool IExpSource.UsesMargin => true;
        public static (Vector<double>, Vector<double>) Advance(ref double rows, nuint at, Vector<double> f) => default;
    }

    private struct Restart : IExpSource
    {
        static bool IExpSource.Direct => false;
        static bool IExpSource.UsesMargin => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (Vector<double>, Vector<double>) Advance(ref double rows, nuint at, Vector<double> f)
        {
            var plus = ExpByLane(f);
            var minus = Vector<double>.One / plus;
            Store(plus, ref rows, at, EPlus);
            Store(minus, ref rows, at, EMinus);
            return (plus, minus);
        }
    }

    private struct Step : IExpSource
    {
        static bool IExpSource.Direct => false;
        static bool IExpSource.UsesMargin => false;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (Vector<double>, Vector<double>) Advance(ref double rows, nuint at, Vector<double> f)
        {
            var (plus, minus) = (Load(ref rows, at, EPlus) * Load(ref rows, at, StepP), Load(ref rows, at, EMinus) * Load(ref rows, at, StepM));
            Store(plus, ref rows, at, EPlus);
            Store(minus, ref rows, at, EMinus);
            return (plus, minus);
        }
    }
}
