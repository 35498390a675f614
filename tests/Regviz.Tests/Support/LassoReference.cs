using MathNet.Numerics.LinearAlgebra;

namespace Regviz.Tests.Support;

/// <summary>
/// An exact lasso, written as an independent check on the solvers: J(w) = (1/n)·‖yc − Xc·w‖² + λ·‖w‖₁, where Xc, yc
/// are X, y centred by their column means when <c>intercept</c> (then b = ȳ − x̄ᵀw) and X, y as given otherwise.
/// X is row-major, <c>X[i][j]</c> = row i, feature j.
/// <para>
/// Method: feature-sign search (Lee, Battle, Raina &amp; Ng, NIPS 2007), an active-set method that guesses the signs
/// θ of the non-zero weights and solves the equality-constrained problem min (1/n)‖yc − X_A w‖² + λθᵀw exactly by
/// a column-pivoted Householder QR of the raw active columns. It shares nothing with coordinate descent or a
/// Gram matrix: XᵀX squares the condition number, which on the designs this checks (condition 1e8) would lose
/// every digit. Everything it reports (objective, gradient, KKT) is recomputed from the data.
/// </para>
/// </summary>
internal static class LassoReference
{
    /// <summary>
    /// What <see cref="Solve"/> guarantees for <see cref="KktViolation"/>; it throws rather than return worse. Reached
    /// on every HardDesigns generator for λ/λ_max ≥ 1e-6 (checked over 40 seeds each at n, k like the self-tests); at λ/λ_max = 1e-9 with
    /// condition ≥ 1e8 the round-off in recomputing g from the data alone is about this size, and it may throw.
    /// The property tests draw more designs than that check did (cond 1e6 at λ = 1e-6·λ_max once stopped at 1.5e-11),
    /// so the guarantee is 1e-10: still a hundred times inside what the tests compare against it.
    /// </summary>
    public const double Tolerance = 1e-10;

    public static double[] Solve(double[][] x, double[] y, double lambda, bool intercept)
    {
        if (!(lambda > 0)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "the lasso reference needs λ > 0");
        var d = new Centred(x, y, intercept);
        var solver = new FeatureSign(d, lambda);
        var w = solver.Run();
        double kkt = KktViolation(d, w, lambda);
        if (!(kkt <= Tolerance))
            throw new InvalidOperationException(
                $"lasso reference did not converge: KKT violation {kkt:E3} after {solver.Steps} steps (n={d.N}, k={d.K}, λ={lambda:R})");
        return w;
    }

    /// <summary>b = ȳ − x̄ᵀw with an intercept, 0 without.</summary>
    public static double Intercept(double[][] x, double[] y, double[] w, bool intercept)
    {
        if (!intercept) return 0;
        var d = new Centred(x, y, true);
        double b = d.YMean;
        for (int j = 0; j < d.K; j++) b -= d.XMean[j] * w[j];
        return b;
    }

    public static double Objective(double[][] x, double[] y, double[] w, double lambda, bool intercept) =>
        Objective(new Centred(x, y, intercept), w, lambda);

    /// <summary>(2/n)·‖Xcᵀyc‖∞: the smallest λ whose answer is w = 0.</summary>
    public static double LambdaMax(double[][] x, double[] y, bool intercept) => LambdaMax(new Centred(x, y, intercept));

    /// <summary>
    /// max_j of how far 0 ∈ (2/n)·Xcᵀ(Xc·w − yc) + λ·∂|w_j| fails, over λ_max so it reads as a relative error:
    /// |g_j + λ·sign(w_j)| where w_j ≠ 0, max(0, |g_j| − λ) where w_j = 0.
    /// </summary>
    public static double KktViolation(double[][] x, double[] y, double[] w, double lambda, bool intercept) =>
        KktViolation(new Centred(x, y, intercept), w, lambda);

    private static double Objective(Centred d, double[] w, double lambda)
    {
        var r = d.Residual(w);
        double ss = 0, l1 = 0;
        foreach (double v in r) ss += v * v;
        foreach (double v in w) l1 += Math.Abs(v);
        return ss / d.N + lambda * l1;
    }

    private static double LambdaMax(Centred d) => d.Gradient(new double[d.K]).Max(Math.Abs);

    private static double KktViolation(Centred d, double[] w, double lambda)
    {
        var g = d.Gradient(w);
        double worst = 0;
        for (int j = 0; j < d.K; j++)
        {
            double v = w[j] != 0 ? Math.Abs(g[j] + lambda * Math.Sign(w[j])) : Math.Max(0, Math.Abs(g[j]) - lambda);
            worst = Math.Max(worst, v);
        }
        double scale = LambdaMax(d);
        return scale > 0 ? worst / scale : worst;
    }

    /// <summary>The data the objective sees: columns of Xc (column-major, for the QR) and yc.</summary>
    private sealed class Centred
    {
        public readonly int N, K;
        public readonly double[][] Cols;
        public readonly double[] Y;
        public readonly double[] XMean;
        public readonly double YMean;

        public Centred(double[][] x, double[] y, bool intercept)
        {
            N = y.Length;
            if (x.Length != N) throw new ArgumentException($"X has {x.Length} rows, y has {N}");
            K = N == 0 ? 0 : x[0].Length;
            Cols = new double[K][];
            XMean = new double[K];
            for (int j = 0; j < K; j++)
            {
                var c = new double[N];
                for (int i = 0; i < N; i++) c[i] = x[i][j];
                XMean[j] = intercept ? c.Average() : 0;
                for (int i = 0; i < N; i++) c[i] -= XMean[j];
                Cols[j] = c;
            }
            YMean = intercept ? y.Average() : 0;
            Y = y.Select(v => v - YMean).ToArray();
        }

        /// <summary>r = yc − Xc·w, formed from the data every time so that no error accumulates across steps.</summary>
        public double[] Residual(double[] w)
        {
            var r = (double[])Y.Clone();
            for (int j = 0; j < K; j++)
            {
                if (w[j] == 0) continue;
                var c = Cols[j];
                for (int i = 0; i < N; i++) r[i] -= w[j] * c[i];
            }
            return r;
        }

        /// <summary>∇ of the data term: (2/n)·Xcᵀ(Xc·w − yc) = −(2/n)·Xcᵀr.</summary>
        public double[] Gradient(double[] w)
        {
            var r = Residual(w);
            var g = new double[K];
            for (int j = 0; j < K; j++) g[j] = -2.0 / N * Dot(Cols[j], r);
            return g;
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>
    /// Householder QR with column pivoting (Businger–Golub) of selected columns: X_A·P = Q·R. Pivoting puts any
    /// linear dependence in the trailing columns, where it shows as a negligible remaining norm, so the rank is
    /// read off reliably (an unpivoted R can hide a dependence behind a moderate diagonal).
    /// </summary>
    private sealed class PivotedQr
    {
        /// <summary>A column whose part outside the span of the earlier pivots is below this fraction of the largest
        /// column is a linear combination of them: far above round-off (~1e-16), far below the 1e-9 of genuinely
        /// distinct near-duplicates.</summary>
        private const double RankTolerance = 1e-11;

        public readonly int Rank;
        /// <summary>Perm[p] = index (into the selection) of the column in position p.</summary>
        public readonly int[] Perm;
        private readonly double[][] _a; // factored columns, in pivoted order: R above the diagonal, junk below
        private readonly double[][] _v; // Householder vectors, _v[p] acts on entries p..n−1
        private readonly int _n;

        public PivotedQr(Centred d, IReadOnlyList<int> columns)
        {
            int m = columns.Count;
            _n = d.N;
            _a = columns.Select(j => (double[])d.Cols[j].Clone()).ToArray();
            Perm = Enumerable.Range(0, m).ToArray();
            _v = new double[Math.Min(_n, m)][];
            double first = 0;
            int p = 0;
            for (; p < Math.Min(_n, m); p++)
            {
                // remaining norms recomputed outright: downdating them loses accuracy exactly on the hard cases
                int best = p;
                double bestNorm = -1;
                for (int c = p; c < m; c++)
                {
                    double s = 0;
                    for (int i = p; i < _n; i++) s += _a[c][i] * _a[c][i];
                    if (s > bestNorm) (best, bestNorm) = (c, s);
                }
                bestNorm = Math.Sqrt(bestNorm);
                if (p == 0) first = bestNorm;
                if (bestNorm <= RankTolerance * first || bestNorm == 0) break;
                (_a[p], _a[best]) = (_a[best], _a[p]);
                (Perm[p], Perm[best]) = (Perm[best], Perm[p]);

                var col = _a[p];
                double alpha = col[p] >= 0 ? -bestNorm : bestNorm; // sign chosen so v = x − αe has no cancellation
                var v = new double[_n - p];
                for (int i = p; i < _n; i++) v[i - p] = col[i];
                v[0] -= alpha;
                double vv = Dot(v, v);
                _v[p] = v;
                col[p] = alpha;
                for (int i = p + 1; i < _n; i++) col[i] = 0;
                for (int c = p + 1; c < m; c++) Reflect(v, vv, _a[c], p);
            }
            Rank = p;
        }

        private static void Reflect(double[] v, double vv, double[] x, int offset)
        {
            double s = 0;
            for (int i = 0; i < v.Length; i++) s += v[i] * x[offset + i];
            s *= 2 / vv;
            for (int i = 0; i < v.Length; i++) x[offset + i] -= s * v[i];
        }

        /// <summary>R[i, c] in pivoted positions, i ≤ c.</summary>
        public double R(int i, int c) => _a[c][i];

        /// <summary>The first Rank entries of Qᵀb.</summary>
        public double[] QtTimes(double[] b)
        {
            var x = (double[])b.Clone();
            for (int p = 0; p < Rank; p++) Reflect(_v[p], Dot(_v[p], _v[p]), x, p);
            return x[..Rank];
        }

        /// <summary>Solves Rᵀz = b (b in pivoted order, length Rank) for the leading Rank×Rank block.</summary>
        public double[] SolveRt(double[] b)
        {
            var z = new double[Rank];
            for (int i = 0; i < Rank; i++)
            {
                double s = b[i];
                for (int l = 0; l < i; l++) s -= R(l, i) * z[l];
                z[i] = s / R(i, i);
            }
            return z;
        }

        /// <summary>Solves R·u = b for the leading Rank×Rank block.</summary>
        public double[] SolveR(double[] b)
        {
            var u = new double[Rank];
            for (int i = Rank - 1; i >= 0; i--)
            {
                double s = b[i];
                for (int c = i + 1; c < Rank; c++) s -= R(i, c) * u[c];
                u[i] = s / R(i, i);
            }
            return u;
        }

        /// <summary>
        /// A basis of null(X_A) (in selection order, one vector per dependent column): column c beyond the rank is
        /// R11·u = R12[:, c] away from the pivots, so [−R11⁻¹R12[:, c]; e_c] maps to ~0.
        /// </summary>
        public double[][] NullBasis()
        {
            int m = Perm.Length;
            var basis = new double[m - Rank][];
            for (int c = Rank; c < m; c++)
            {
                var rhs = new double[Rank];
                for (int i = 0; i < Rank; i++) rhs[i] = R(i, c);
                var u = SolveR(rhs);
                var vec = new double[m];
                for (int i = 0; i < Rank; i++) vec[Perm[i]] = -u[i];
                vec[Perm[c]] = 1;
                basis[c - Rank] = vec;
            }
            return basis;
        }
    }

    /// <summary>
    /// The search itself. Invariants between steps: w is zero off the active set A, and every active w_j is zero or
    /// has the sign θ_j (a new member enters at zero, with the sign its gradient asks for).
    /// </summary>
    private sealed class FeatureSign(Centred d, double lambda)
    {
        private readonly double[] _w = new double[d.K];
        private readonly int[] _theta = new int[d.K];
        private readonly List<int> _active = [];
        private double _f = Objective(d, new double[d.K], lambda);
        private readonly double _lambdaMax = LambdaMax(d);

        public int Steps { get; private set; }

        private enum Outcome { Optimum, Moved, Stalled }

        public double[] Run()
        {
            if (lambda >= _lambdaMax) return _w; // |g_j(0)| ≤ λ for all j: zero is optimal
            // generous: feature-sign needs a few steps per feature it activates; hitting this is a bug, not slowness
            int cap = 200 + 40 * d.K;
            bool needActivation = true;
            while (Steps++ < cap)
            {
                if (needActivation && !Activate()) break; // the active set is optimal and nothing outside wants in: done
                var outcome = Step();
                if (outcome == Outcome.Stalled) break; // no progress possible in floating point; the KKT check judges
                needActivation = outcome == Outcome.Optimum;
            }
            return _w;
        }

        /// <summary>
        /// Adds the zero weight whose gradient most exceeds λ, with the sign that lowers J. The margin keeps
        /// round-off in g (a few ulps of λ_max) from activating a feature that only looks as if it violates.
        /// </summary>
        private bool Activate()
        {
            var g = d.Gradient(_w);
            int best = -1;
            double bestG = lambda + 1e-14 * _lambdaMax;
            for (int j = 0; j < d.K; j++)
                if (_w[j] == 0 && !_active.Contains(j) && Math.Abs(g[j]) > bestG) (best, bestG) = (j, Math.Abs(g[j]));
            if (best >= 0)
            {
                _active.Add(best);
                _theta[best] = -Math.Sign(g[best]);
            }
            return best >= 0;
        }

        /// <summary>One feature-sign step on the current (A, θ); then zeros leave A and θ follows the signs of w.</summary>
        private Outcome Step()
        {
            var qr = new PivotedQr(d, _active);
            var result = qr.Rank == _active.Count ? RegularStep(qr) : SingularStep(qr);
            for (int t = _active.Count - 1; t >= 0; t--)
            {
                int j = _active[t];
                if (_w[j] == 0) { _active.RemoveAt(t); _theta[j] = 0; }
                else _theta[j] = Math.Sign(_w[j]);
            }
            return result;
        }

        /// <summary>
        /// Full-rank X_A: the minimiser of (1/n)‖yc − X_A u‖² + λθᵀu solves X_AᵀX_A u = X_Aᵀyc − (nλ/2)θ, i.e. with
        /// X_A·P = QR: Rᵀz = Pᵀθ, R·Pᵀu = Qᵀyc − (nλ/2)z. Then the discrete line search of the paper: J at the
        /// minimiser and at each point of the segment where a weight crosses zero; J is convex along the segment,
        /// and the paper shows the best of these is lower than the start unless the start is already optimal.
        /// </summary>
        private Outcome RegularStep(PivotedQr qr)
        {
            int m = _active.Count;
            var target = Minimiser(qr);
            var start = _active.Select(j => _w[j]).ToArray();
            if (IsSignConsistent(target))
            {
                // start and target both lie in θ's closed orthant, where J is a quadratic minimised at the target, so
                // J(target) ≤ J(start) exactly; comparing computed values would refuse sub-ulp gains that still matter
                // to the KKT check (a 1e-9-conditioned pair of columns moves w by 1e-9 for a 1e-18 change in J)
                double ft = ObjectiveAt(target);
                if (ft > _f + 1e-12 * Math.Max(1, Math.Abs(_f)))
                    throw new InvalidOperationException($"lasso reference: the orthant minimiser raised J from {_f:R} to {ft:R}");
                Apply(target, Math.Min(ft, _f));
                return Outcome.Optimum;
            }
            var candidates = new List<double[]> { target };
            for (int t = 0; t < m; t++)
            {
                double a = start[t], b = target[t];
                if (a == 0 || Math.Sign(b) == Math.Sign(a)) continue;
                double s = a / (a - b);
                var p = new double[m];
                for (int i = 0; i < m; i++) p[i] = start[i] + s * (target[i] - start[i]);
                p[t] = 0; // exactly: the crossing is the point of the breakpoint
                candidates.Add(p);
            }
            double[]? bestPoint = null;
            double bestF = double.PositiveInfinity;
            foreach (var p in candidates)
            {
                double f = ObjectiveAt(p);
                if (f < bestF) (bestPoint, bestF) = (p, f); // strict: ties go to the minimiser, listed first
            }
            if (!(bestF < _f)) return Outcome.Stalled;
            Apply(bestPoint!, bestF);
            return Outcome.Moved; // some weight left its orthant: θ changes, so (A, θ) needs another step
        }

        /// <summary>
        /// Rank-deficient X_A (more features than rows, duplicated columns): the equality-constrained problem is
        /// unbounded below along −P_null·θ (X_A is blind to it, the linear term λθᵀu keeps falling), or flat when
        /// θ ⊥ null(X_A). Either way, as in LARS/homotopy, walk along a null direction — J does not rise — until the
        /// first active weight reaches zero, and drop it; A shrinks until its columns are independent.
        /// </summary>
        private Outcome SingularStep(PivotedQr qr)
        {
            int m = _active.Count;
            var basis = Matrix<double>.Build.DenseOfColumnArrays(qr.NullBasis());
            var q = basis.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Q;
            var theta = Vector<double>.Build.Dense(_active.Select(j => (double)_theta[j]).ToArray());
            var dir = -(q * (q.TransposeThisAndMultiply(theta)));
            if (dir.InfinityNorm() < 1e-12) dir = q.Column(0); // flat: any null direction, J is constant along it
            double scale = dir.InfinityNorm();

            double tHit = double.PositiveInfinity;
            int hit = -1;
            for (int t = 0; t < m; t++)
            {
                int j = _active[t];
                double dj = dir[t];
                if (Math.Abs(dj) <= 1e-12 * scale) continue; // round-off, not a real component of the direction
                double s;
                if (_w[j] == 0) s = dj * _theta[j] < 0 ? 0 : double.PositiveInfinity; // would enter with the wrong sign
                else s = _w[j] * dj < 0 ? -_w[j] / dj : double.PositiveInfinity;
                if (s < tHit) (tHit, hit) = (s, t);
            }
            if (hit < 0)
                throw new InvalidOperationException("lasso reference: a null direction with no breakpoint (J unbounded below?)");

            var p = new double[m];
            for (int t = 0; t < m; t++) p[t] = _w[_active[t]] + tHit * dir[t];
            p[hit] = 0;
            double f = ObjectiveAt(p);
            // along a null direction the data term is constant, so J may rise by round-off only
            if (f > _f + 1e-12 * Math.Max(1, Math.Abs(_f)))
                throw new InvalidOperationException($"lasso reference: null-space step raised J from {_f:R} to {f:R}");
            Apply(p, Math.Min(f, _f));
            return Outcome.Moved; // A lost a member even when J did not move
        }

        /// <summary>
        /// The QR solution, then two rounds of refinement against the normal-equation residual recomputed from the
        /// raw columns (corrected semi-normal equations): QR alone leaves an error ∝ cond(X_A)·ε in u, the
        /// refinement brings X_Aᵀ(yc − X_A u) − (nλ/2)θ down to round-off in what the KKT check measures.
        /// </summary>
        private double[] Minimiser(PivotedQr qr)
        {
            int m = _active.Count;
            double half = d.N * lambda / 2;
            var thetaP = new double[m];
            for (int p = 0; p < m; p++) thetaP[p] = _theta[_active[qr.Perm[p]]];
            var z = qr.SolveRt(thetaP);
            var qty = qr.QtTimes(d.Y);
            var rhs = new double[m];
            for (int p = 0; p < m; p++) rhs[p] = qty[p] - half * z[p];
            var uP = qr.SolveR(rhs);
            var u = new double[m];
            for (int p = 0; p < m; p++) u[qr.Perm[p]] = uP[p];

            for (int round = 0; round < 2; round++)
            {
                var full = new double[d.K];
                for (int t = 0; t < m; t++) full[_active[t]] = u[t];
                var r = d.Residual(full);
                var hP = new double[m];
                for (int p = 0; p < m; p++)
                {
                    int t = qr.Perm[p];
                    hP[p] = Dot(d.Cols[_active[t]], r) - half * _theta[_active[t]];
                }
                var delta = qr.SolveR(qr.SolveRt(hP));
                for (int p = 0; p < m; p++) u[qr.Perm[p]] += delta[p];
            }
            return u;
        }

        private bool IsSignConsistent(double[] u)
        {
            for (int t = 0; t < u.Length; t++)
                if (Math.Sign(u[t]) != _theta[_active[t]]) return false;
            return true;
        }

        private double ObjectiveAt(double[] activeValues)
        {
            var full = (double[])_w.Clone();
            for (int t = 0; t < _active.Count; t++) full[_active[t]] = activeValues[t];
            return Objective(d, full, lambda);
        }

        private void Apply(double[] activeValues, double f)
        {
            for (int t = 0; t < _active.Count; t++) _w[_active[t]] = activeValues[t];
            _f = f;
        }
    }
}
