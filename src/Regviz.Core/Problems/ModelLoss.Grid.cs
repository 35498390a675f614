using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using Regviz.Core.Contours;

namespace Regviz.Core.Problems;

public sealed partial class ModelLoss
{
    /// <summary>
    /// D at every node of a grid of (w1, w2), equal to <see cref="Value"/> node by node up to rounding (non-finite
    /// values capped at double.MaxValue so that contouring still works). Along a grid row w2 is fixed and a model
    /// affine in w1 gives every data row the prediction p_i·w1 + c_i, so a grid row costs one pass over the data
    /// for squared losses (D is then a quadratic in w1) and a vectorised sweep of the rows over the nodes for the
    /// logistic loss (<see cref="LogisticNodeSums"/>), with b profiled by Newton steps taken by all nodes of the
    /// row together, each warm-started from the rows below. Other models are evaluated node by node.
    /// </summary>
    public ScalarGrid Grid(PlaneRange range, int cells, IProgress<double>? progress = null, CancellationToken cancel = default)
    {
        if (Dimension != 2 || !_model.IsAffineInFirst)
            return ScalarGrid.Evaluate(range, cells, () => (x0, dx, y, row) => NodeByNode.Row(this, x0, dx, y, row, cancel), progress, cancel);
        var shared = new GridData(this);
        return ScalarGrid.Evaluate(range, cells, () => new GridBand(this, shared, cancel).Row, progress, cancel);
    }

    /// <summary>
    /// What every band needs and no band changes: the rows sorted by their L1 norm, so that the few rows whose
    /// margins grow past the stepping limit share blocks instead of sending every block to the direct exp (the exp
    /// model's e^(w2·x) does that for large |x|), their targets, and the labels as signs (±1, + for y = 0) padded
    /// to whole vectors. The sums do not depend on the order beyond rounding.
    /// </summary>
    private sealed class GridData
    {
        public GridData(ModelLoss loss)
        {
            int n = loss.Rows, width = loss._features, lanes = Vector<double>.Count;
            var order = Enumerable.Range(0, n).ToArray();
            var norms = order.Select(i => loss.Row(i).ToArray().Sum(Math.Abs)).ToArray();
            Array.Sort(norms, order);
            X = new double[n * width];
            Target = new double[n];
            Padded = (n + lanes - 1) / lanes * lanes;
            Sign = new double[Padded];
            Array.Fill(Sign, 1);
            for (int r = 0; r < n; r++)
            {
                loss.Row(order[r]).CopyTo(X.AsSpan(r * width, width));
                Target[r] = loss._y[order[r]];
                Sign[r] = 1 - 2 * Target[r];
            }
            MeanY = loss._y.Average();
        }

        public double[] X { get; }
        public double[] Target { get; }
        public int Padded { get; }
        public double[] Sign { get; }
        public double MeanY { get; }
    }

    /// <summary>Evaluates the rows of one band in order; holds the last three rows' intercepts.</summary>
    private sealed class GridBand(ModelLoss loss, GridData shared, CancellationToken cancel)
    {
        // the intercepts of the rows below in this band, nearest first (at most three)
        private double[][] _below = [];

        public void Row(double x0, double dx, double y, Span<double> row)
        {
            int n = loss.Rows, padded = shared.Padded;
            var pool = ArrayPool<double>.Shared;
            double[] p = pool.Rent(padded), c = pool.Rent(padded);
            try
            {
                var blockMax = Predictions(y, x0, x0 + (row.Length - 1) * dx, p, c);
                bool profiled = false;
                if (blockMax is null)
                    row.Fill(double.MaxValue); // as Value gives: some prediction is ±∞ or NaN at every node
                else if (blockMax.Max() > 1e150)
                    NodeByNode.Row(loss, x0, dx, y, row, cancel); // squares or margins could overflow where Value's do not
                else if (loss._kind == LossKind.Logistic)
                    profiled = Logistic(p.AsSpan(0, padded), c.AsSpan(0, padded), x0, dx, blockMax, row);
                else
                    Squared(p.AsSpan(0, n), c.AsSpan(0, n), x0, dx, y, row);
                if (!profiled) _below = [];
            }
            finally
            {
                pool.Return(p);
                pool.Return(c);
            }
        }

        /// <summary>
        /// p_i = ∂f/∂w1 and c_i = f at w1 = 0 for w2 = y, padding rows after n; returns the largest |p·w1 + c| on
        /// [from, to] of each block of <see cref="LogisticNodeSums.Block"/> rows (padding excluded), or null if some
        /// p or c is not finite.
        /// </summary>
        private double[]? Predictions(double y, double from, double to, double[] p, double[] c)
        {
            Span<double> w = [0, y], df = stackalloc double[2];
            var blockMax = new double[(shared.Padded + LogisticNodeSums.Block - 1) / LogisticNodeSums.Block];
            for (int i = 0; i < loss.Rows; i++)
            {
                c[i] = loss._model.Evaluate(shared.X.AsSpan(i * loss._features, loss._features), w, df, default);
                p[i] = df[0];
                if (!double.IsFinite(p[i]) || !double.IsFinite(c[i])) return null;
                ref double max = ref blockMax[i / LogisticNodeSums.Block];
                max = Math.Max(max, Math.Max(Math.Abs(p[i] * from + c[i]), Math.Abs(p[i] * to + c[i])));
            }
            for (int i = loss.Rows; i < shared.Padded; i++) (p[i], c[i]) = (0, LogisticNodeSums.PaddingOffset);
            return blockMax;
        }

        /// <summary>
        /// Squared losses: with P = p and Y = y − c, or both centred when b is profiled, D(w1) = s·Σ(P·w1 − Y)²
        /// = s·(A·(w1 − w*)² + R) with A = ΣP², w* = ΣPY/A and R = Σ(P·w* − Y)² summed directly (no cancellation).
        /// </summary>
        private void Squared(Span<double> p, Span<double> c, double x0, double dx, double y, Span<double> row)
        {
            var target = shared.Target;
            for (int i = 0; i < p.Length; i++) c[i] = target[i] - c[i];
            if (loss._intercept)
            {
                double meanP = Mean(p), meanY = Mean(c);
                for (int i = 0; i < p.Length; i++) (p[i], c[i]) = (p[i] - meanP, c[i] - meanY);
            }
            double a = 0, py = 0;
            for (int i = 0; i < p.Length; i++) (a, py) = (a + p[i] * p[i], py + p[i] * c[i]);
            double best = a > 0 ? py / a : 0, r = 0;
            for (int i = 0; i < p.Length; i++) r += (p[i] * best - c[i]) * (p[i] * best - c[i]);
            if (!double.IsFinite(a) || !double.IsFinite(best) || !double.IsFinite(r))
            {
                NodeByNode.Row(loss, x0, dx, y, row, cancel);
                return;
            }
            for (int k = 0; k < row.Length; k++)
            {
                double d = x0 + k * dx - best;
                row[k] = NodeByNode.Capped(loss._weight * (a * d * d + r));
            }
        }

        private static double Mean(Span<double> v)
        {
            double s = 0;
            foreach (double x in v) s += x;
            return s / v.Length;
        }

        /// <summary>The logistic loss along the row; returns whether it profiled intercepts (which the next row starts from).</summary>
        private bool Logistic(Span<double> p, Span<double> c, double x0, double dx, double[] blockMax, Span<double> row)
        {
            int nodes = row.Length, padded = p.Length;
            var pool = ArrayPool<double>.Shared;
            double[] stepP = pool.Rent(padded), stepM = pool.Rent(padded), scratch = pool.Rent(LogisticNodeSums.ScratchLength);
            double[] sums = pool.Rent(3 * nodes);
            try
            {
                // e^(±p·dx): how e^(±f) change from node to node
                var vp = MemoryMarshal.Cast<double, Vector<double>>(p);
                var vPlus = MemoryMarshal.Cast<double, Vector<double>>(stepP.AsSpan(0, padded));
                var vMinus = MemoryMarshal.Cast<double, Vector<double>>(stepM.AsSpan(0, padded));
                var vdx = new Vector<double>(dx);
                for (int v = 0; v < vp.Length; v++) (vPlus[v], vMinus[v]) = (Vector.Exp(vp[v] * vdx), Vector.Exp(-vp[v] * vdx));

                var sweep = new Sweep(p, c, shared.Sign, stepP, stepM, scratch, x0, dx, blockMax,
                    sums.AsSpan(0, 3 * nodes), cancel);
                if (!loss._intercept)
                {
                    var value = sweep.Run(0, []).Loss;
                    HingeSums.Add(p[..loss.Rows], c[..loss.Rows], shared.Sign.AsSpan(0, loss.Rows), x0, dx, value);
                    for (int k = 0; k < nodes; k++) row[k] = NodeByNode.Capped(loss._weight * value[k]);
                }
                else ProfileIntercept(sweep, p, c, x0, dx, row);
                return loss._intercept;
            }
            finally
            {
                foreach (var a in (double[][])[stepP, stepM, scratch, sums]) pool.Return(a);
            }
        }

        /// <summary>
        /// The intercept search of <see cref="OptimalIntercept"/> at every node of the row at once: each sweep gives
        /// every node still searching D, g = Σ(σ − y) (summed cancellation-free) and g'. D is stationary in b, so near the root D* = D − ½·g·s
        /// with s = g/g' the Newton step, wrong by about |g''·s³|/3 ≤ g'·|s|³/3 (g'' = Σσ(1 − σ)(1 − 2σ)): a node is
        /// done once that is below 1e-16·D (and |s| ≤ 1e-4, where the model holds), or when b stops moving. Nodes start from a quadratic through the three
        /// rows below when the band has them (then most rows need one sweep), else from the labels' log-odds minus
        /// the mean prediction. At most 100 sweeps, as one node's search.
        /// </summary>
        private void ProfileIntercept(Sweep sweep, Span<double> p, Span<double> c, double x0, double dx, Span<double> row)
        {
            int nodes = row.Length;
            var b = new double[nodes];
            var search = new InterceptSearch[nodes];
            double ybar = shared.MeanY, start = Math.Log(ybar / (1 - ybar)), meanP = Mean(p[..loss.Rows]), meanC = Mean(c[..loss.Rows]);
            for (int k = 0; k < nodes; k++)
            {
                b[k] = _below switch
                {
                    [var b1, var b2, var b3] => 3 * b1[k] - 3 * b2[k] + b3[k],
                    [var b1, var b2] => 2 * b1[k] - b2[k],
                    [var b1] => b1[k],
                    _ => start - (meanP * (x0 + k * dx) + meanC),
                };
                search[k] = new InterceptSearch(b[k]);
            }
            var done = new bool[nodes];
            // nodes [from, to) are still searching
            for (int pass = 0, from = 0, to = nodes; pass < 100 && from < to; pass++)
            {
                var sums = sweep.Run(from, b.AsSpan(from, to - from));
                int first = to, last = from - 1;
                for (int k = from; k < to; k++)
                {
                    if (done[k]) continue;
                    int i = k - from;
                    double g = sums.Sigma[i], h = sums.Curvature[i], s = g / h;
                    row[k] = sums.Loss[i];
                    if (h > 0 && Math.Abs(s) <= 1e-4 && h * Math.Abs(s * s * s) <= 3e-16 * row[k])
                    {
                        (row[k], b[k], done[k]) = (row[k] - 0.5 * g * s, b[k] - s, true);
                        continue;
                    }
                    if (search[k].Step(g, h) <= 1e-15 * Math.Max(1, Math.Abs(search[k].B)))
                    {
                        done[k] = true;
                        continue;
                    }
                    b[k] = search[k].B;
                    (first, last) = (Math.Min(first, k), k);
                }
                (from, to) = (first, last + 1);
            }
            for (int k = 0; k < nodes; k++) row[k] = NodeByNode.Capped(loss._weight * row[k]);
            _below = [b, .. _below.Take(2)];
        }
    }

    /// <summary>One sweep of every block of a grid row: the sums of <see cref="LogisticNodeSums"/> at some of its nodes, for given intercepts.</summary>
    private readonly ref struct Sweep(
        Span<double> p, Span<double> c, double[] sign, double[] stepP, double[] stepM, double[] scratch,
        double x0, double dx, double[] blockMax, Span<double> sums, CancellationToken cancel)
    {
        private readonly Span<double> _p = p, _c = c, _sums = sums;

        /// <summary>Sums at the nodes first, first + 1, …: one per intercept in b, or every node from first without intercepts.</summary>
        public SweepSums Run(int first, ReadOnlySpan<double> b)
        {
            int nodes = _sums.Length / 3, count = b.IsEmpty ? nodes - first : b.Length;
            var result = new SweepSums(_sums.Slice(0, count), _sums.Slice(nodes, count), _sums.Slice(2 * nodes, count));
            result.Clear();
            double maxB = 0;
            foreach (double v in b) maxB = Math.Max(maxB, Math.Abs(v));
            int block = LogisticNodeSums.Block;
            for (int start = 0, index = 0; start < _p.Length; start += block, index++)
            {
                cancel.ThrowIfCancellationRequested();
                int length = Math.Min(block, _p.Length - start);
                LogisticNodeSums.Add(_p.Slice(start, length), _c.Slice(start, length), sign.AsSpan(start, length),
                    stepP.AsSpan(start, length), stepM.AsSpan(start, length), scratch,
                    blockMax[index] + maxB <= LogisticNodeSums.SteppingLimit, x0, dx, first, b,
                    result.Loss, result.Sigma, result.Curvature);
            }
            return result;
        }
    }

    private readonly ref struct SweepSums(Span<double> loss, Span<double> sigma, Span<double> curvature)
    {
        public readonly Span<double> Loss = loss, Sigma = sigma, Curvature = curvature;

        public void Clear()
        {
            Loss.Clear();
            Sigma.Clear();
            Curvature.Clear();
        }
    }
}
