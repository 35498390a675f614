using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// The sign-fixed elastic-net problem on an active set, posed in variables where nearly identical columns are
/// measured from their group's anchor: w_a x_a + Σ w_j x_j = s·x_a + Σ w_j (x_j − x_a) with s the group's total.
/// The Gram matrix of these columns, scaled by its diagonal, is as well conditioned as the data apart from the
/// near-duplication, and the residual and correlations are formed from the raw columns in twice the working
/// precision, so the split of a group's weight (decided by the differences and the ridge term) keeps its digits.
/// Stationarity in these variables v (w = T·v): (CᵀC/n + b·TᵀT) v = Cᵀy/n − a·Tᵀσ.
/// </summary>
internal sealed class DifferenceSystem
{
    private const double Eps = 1.1102230246251565e-16;
    private readonly NearColumns _near;
    private readonly int[] _active, _ref; // per variable: its column, and the anchor it is measured from (−1: none)
    private readonly double[][] _raw;     // per variable: x_j or x_j − x_a, uncentred
    private readonly (double Hi, double Lo)[] _mean;
    private readonly double[] _sign;
    private readonly double _a, _b;
    private readonly Matrix<double> _t, _m;
    private readonly MathNet.Numerics.LinearAlgebra.Factorization.Svd<double> _svd;
    private readonly Vector<double> _scale;

    private DifferenceSystem(NearColumns near, int[] active, double[] sign, double a, double b)
    {
        _near = near;
        _active = active;
        _sign = sign;
        _a = a;
        _b = b;
        int p = active.Length, n = near.Rows;
        _ref = new int[p];
        Array.Fill(_ref, -1);
        foreach (var group in near.Groups)
        {
            int anchor = group.FirstOrDefault(j => Array.IndexOf(active, j) >= 0, -1);
            if (anchor < 0) continue;
            foreach (int j in group)
                if (j != anchor && Array.IndexOf(active, j) is var at && at >= 0) _ref[at] = Array.IndexOf(active, anchor);
        }
        _raw = new double[p][];
        _mean = new (double, double)[p];
        var centred = new double[p][];
        for (int q = 0; q < p; q++)
        {
            var x = near.Columns[active[q]];
            _raw[q] = _ref[q] < 0 ? x : x.Select((v, i) => v - near.Columns[active[_ref[q]]][i]).ToArray();
            _mean[q] = near.Intercept ? ExactSum.Mean(_raw[q]) : (0, 0);
            centred[q] = _raw[q].Select(v => v - _mean[q].Hi).ToArray();
        }
        _t = Matrix<double>.Build.Dense(p, p);
        for (int q = 0; q < p; q++)
        {
            _t[q, q] = 1;
            if (_ref[q] >= 0) _t[_ref[q], q] = -1;
        }
        _m = Matrix<double>.Build.Dense(p, p, (i, j) => Dot(centred[i], centred[j]) / n) + b * _t.TransposeThisAndMultiply(_t);
        _scale = Vector<double>.Build.Dense(p, i => _m[i, i] > 0 ? 1 / Math.Sqrt(_m[i, i]) : 1);
        _svd = (Matrix<double>.Build.DiagonalOfDiagonalVector(_scale) * _m * Matrix<double>.Build.DiagonalOfDiagonalVector(_scale)).Svd();
    }

    /// <summary>The system on the nonzero coordinates of <paramref name="signs"/>; null when it is singular (no unique stationary point).</summary>
    public static DifferenceSystem? On(NearColumns near, double[] signs, double a, double b)
    {
        var active = Enumerable.Range(0, signs.Length).Where(j => signs[j] != 0).ToArray();
        if (active.Length == 0) return null;
        var system = new DifferenceSystem(near, active, active.Select(j => signs[j]).ToArray(), a, b);
        return system.Conditioning < 1e12 ? system : null;
    }

    /// <summary>κ of the diagonally scaled system.</summary>
    public double Conditioning => _svd.S.Maximum() / _svd.S.Minimum();

    public int[] Active => _active;

    /// <summary>v for weights w (the group totals summed exactly).</summary>
    public double[] VariablesOf(ReadOnlySpan<double> w)
    {
        var v = new double[_active.Length];
        for (int q = 0; q < v.Length; q++) v[q] = w[_active[q]];
        for (int q = 0; q < v.Length; q++)
        {
            if (_ref[q] >= 0) continue;
            var total = new ExactSum();
            total.Add(v[q]);
            for (int o = 0; o < v.Length; o++) if (_ref[o] == q) total.Add(v[o]);
            v[q] = total.Value;
        }
        return v;
    }

    /// <summary>w = T·v on the full coordinates (zeros off the active set); each anchor's weight summed exactly.</summary>
    public double[] WeightsOf(double[] v, int k)
    {
        var w = new double[k];
        for (int q = 0; q < v.Length; q++)
        {
            if (_ref[q] >= 0) { w[_active[q]] = v[q]; continue; }
            var own = new ExactSum();
            own.Add(v[q]);
            for (int o = 0; o < v.Length; o++) if (_ref[o] == q) own.Add(-v[o]);
            w[_active[q]] = own.Value;
        }
        return w;
    }

    /// <summary>The residual y − ȳ − Σ v_q(x_q − x̄_q) per row, as hi + lo.</summary>
    public (double Hi, double Lo)[] Residual(double[] v)
    {
        int n = _near.Rows;
        var offset = new ExactSum(); // −ȳ + Σ v_q·x̄_q: the same for every row
        offset.Add(-_near.TargetMean.Hi);
        offset.Add(-_near.TargetMean.Lo);
        for (int q = 0; q < v.Length; q++) { offset.AddProduct(v[q], _mean[q].Hi); offset.AddProduct(v[q], _mean[q].Lo); }
        var (oh, ol) = offset.Pair;
        var r = new (double, double)[n];
        for (int i = 0; i < n; i++)
        {
            var s = new ExactSum();
            s.Add(_near.Target[i]);
            s.Add(oh);
            s.Add(ol);
            for (int q = 0; q < v.Length; q++) s.AddProduct(-v[q], _raw[q][i]);
            r[i] = s.Pair;
        }
        return r;
    }

    /// <summary>(x − x̄)ᵀr/n for a raw column x with mean x̄, in twice the working precision.</summary>
    public static double Correlation(double[] x, (double Hi, double Lo) mean, (double Hi, double Lo)[] r)
    {
        var s = new ExactSum();
        var total = new ExactSum();
        for (int i = 0; i < r.Length; i++)
        {
            s.AddProduct(x[i], r[i].Hi);
            s.AddProduct(x[i], r[i].Lo);
            total.Add(r[i].Hi);
            total.Add(r[i].Lo);
        }
        var (th, tl) = total.Pair;
        s.AddProduct(-mean.Hi, th);
        s.AddProduct(-mean.Hi, tl);
        s.AddProduct(-mean.Lo, th);
        return s.Value / r.Length;
    }

    /// <summary>Half the negative gradient of F in v: Cᵀr/n − b·Tᵀw − a·Tᵀσ.</summary>
    public double[] Pull(double[] v, (double Hi, double Lo)[] r, ReadOnlySpan<double> w)
    {
        var g = new double[v.Length];
        for (int q = 0; q < v.Length; q++)
        {
            double corr = Correlation(_raw[q], _mean[q], r);
            int j = _active[q];
            double tw = _ref[q] < 0 ? w[j] : w[j] - w[_active[_ref[q]]];
            double ts = _ref[q] < 0 ? _sign[q] : _sign[q] - _sign[_ref[q]];
            g[q] = corr - _b * tw - _a * ts;
        }
        return g;
    }

    /// <summary>M⁻¹g through the scaled SVD.</summary>
    public double[] Solve(double[] g)
    {
        var x = _svd.Solve(_scale.PointwiseMultiply(Vector<double>.Build.Dense(g)));
        return x.PointwiseMultiply(_scale).ToArray();
    }

    /// <summary>A bound on ‖M⁻¹η‖₂ for any η with |η_q| ≤ bound_q.</summary>
    public double SolveBound(double[] bound) =>
        _scale.Maximum() / _svd.S.Minimum() * Vector<double>.Build.Dense(bound).PointwiseMultiply(_scale).L2Norm();

    /// <summary>How much rounding each component of <see cref="Pull"/> can carry: the products' and sums' last bits, the
    /// differences x_j − x_a rounded once, and the ridge term's own subtraction.</summary>
    public double[] PullRounding(double[] v, (double Hi, double Lo)[] r, double[] pull, ReadOnlySpan<double> w)
    {
        int n = _near.Rows;
        var rowError = new double[n];
        for (int i = 0; i < n; i++)
        {
            double e = Eps * Eps * 8 * (1 + v.Length) * Math.Abs(_near.Target[i]);
            for (int q = 0; q < v.Length; q++)
                e += (_ref[q] >= 0 ? Eps : Eps * Eps * 8 * (1 + v.Length)) * Math.Abs(v[q] * _raw[q][i]);
            rowError[i] = e + Eps * Math.Abs(r[i].Hi) * Eps;
        }
        var bound = new double[v.Length];
        for (int q = 0; q < v.Length; q++)
        {
            double s = 0, self = 0;
            for (int i = 0; i < n; i++)
            {
                double x = Math.Abs(_raw[q][i] - _mean[q].Hi);
                s += x * rowError[i];
                if (_ref[q] >= 0) self += x * Math.Abs(r[i].Hi); // x_j − x_a itself rounded once
            }
            int j = _active[q];
            double ridge = _b * Eps * 4 * (Math.Abs(w[j]) + (_ref[q] >= 0 ? Math.Abs(w[_active[_ref[q]]]) : 0));
            bound[q] = 2 * Eps * Math.Abs(pull[q]) + 1.01 * (s + Eps * self) / n + ridge;
        }
        return bound;
    }

    /// <summary>‖T‖_F: how far a change of v moves w at most, per unit.</summary>
    public double Spread => _t.FrobeniusNorm();

    /// <summary>Whether every active coordinate of <paramref name="w"/> has its fixed sign.</summary>
    public bool SignsHold(ReadOnlySpan<double> w)
    {
        for (int q = 0; q < _active.Length; q++)
            if (Math.Sign(w[_active[q]]) != _sign[q]) return false;
        return true;
    }

    private static double Dot(double[] x, double[] y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }
}
