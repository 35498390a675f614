using Regviz.Core.Data;
using Regviz.Core.Models;

namespace Regviz.Core.Problems;

/// <summary>
/// D(w) for any model and any of the losses of docs/conventions.md, evaluated row by row (O(n) per evaluation):
/// mse (1/n)Σ(f + b − y)², sse Σ(f + b − y)², logistic (1/n)Σ[log(1 + e^z) − y·z] with z = f + b.
/// With <c>--intercept</c>, b is profiled out exactly: its mean-residual closed form for squared losses, a
/// one-dimensional Newton solve for the logistic loss. By the envelope theorem the gradient in w is then the
/// partial gradient at the optimal b, and the Hessian is the Schur complement that eliminates b.
/// </summary>
public sealed partial class ModelLoss : ISmoothLoss
{
    private readonly double[] _x; // row-major n × features
    private readonly double[]? _means; // subtracted from the columns (linear model with an intercept), else null
    private readonly double[] _y;
    private readonly int _features;
    private readonly IModel _model;
    private readonly LossKind _kind;
    private readonly bool _intercept;
    private readonly double _weight; // 1/n, or 1 for sse

    /// <summary>D(w) for <paramref name="model"/> on <paramref name="data"/> under <paramref name="loss"/>, with an unpenalised intercept profiled out when <paramref name="intercept"/>.</summary>
    public ModelLoss(Dataset data, IModel model, LossKind loss, bool intercept)
    {
        _features = data.Features;
        Dimension = model.Parameters(_features);
        FeatureNames = model.ParameterNames(data.FeatureNames);
        int n = data.Rows;
        if (n < (intercept ? 2 : 1))
            throw new ProblemArgumentException("data", $"{n} row(s) is too few");
        // a linear model with an intercept is fitted on centred columns, which only moves the intercept (undone in
        // InterceptFor): with offsets of 1e4 to 1e8 the uncentred scores cancelled the intercept's digits away
        _means = intercept && model.IsLinear ? data.Columns.Select(c => c.Average()).ToArray() : null;
        _x = new double[n * _features];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < _features; j++) _x[i * _features + j] = data.Columns[j][i] - (_means?[j] ?? 0);
        _y = data.Target;
        Identical = model.IsLinear ? IdenticalColumns.Of(data.Columns) : [];
        _model = model;
        _kind = loss;
        _intercept = intercept;
        _weight = loss == LossKind.Sse ? 1 : 1.0 / n;
        Rows = n;
        if (loss == LossKind.Logistic)
        {
            int bad = Array.FindIndex(_y, v => v != 0 && v != 1);
            if (bad >= 0)
                throw new ProblemArgumentException("loss", "logistic", $"labels must be 0 or 1; row {bad + 1} of '{data.TargetName}' is {_y[bad].ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
            if (intercept && (_y.All(v => v == 0) || _y.All(v => v == 1)))
                throw new ProblemArgumentException("intercept", "every label is the same, so the intercept has no finite optimum") { Context = [("loss", "logistic")] };
        }
    }

    /// <summary>Groups of columns equal bit for bit (a linear model only): J is symmetric in them, so where a ridge
    /// term makes the optimum unique it gives them equal weights.</summary>
    internal int[][] Identical { get; }

    /// <inheritdoc/>
    public int Dimension { get; }
    /// <summary>How many data rows D sums over.</summary>
    public int Rows { get; }
    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNames { get; }
    /// <inheritdoc/>
    public bool IsConvex => _model.IsLinear;

    private ReadOnlySpan<double> Row(int i) => _x.AsSpan(i * _features, _features);

    /// <inheritdoc/>
    public double Value(ReadOnlySpan<double> w)
    {
        var f = Predictions(w);
        double b = OptimalIntercept(f);
        double s = 0;
        for (int i = 0; i < f.Length; i++) s += PointLoss(f[i] + b, _y[i]);
        return _weight * s;
    }

    /// <inheritdoc/>
    public void Gradient(ReadOnlySpan<double> w, Span<double> result)
    {
        int k = Dimension;
        Span<double> df = stackalloc double[k];
        var f = Predictions(w);
        double b = OptimalIntercept(f);
        result[..k].Clear();
        for (int i = 0; i < f.Length; i++)
        {
            _model.Evaluate(Row(i), w, df, default);
            double d1 = FirstDerivative(f[i] + b, _y[i]);
            for (int j = 0; j < k; j++) result[j] += _weight * d1 * df[j];
        }
    }

    /// <inheritdoc/>
    public void Hessian(ReadOnlySpan<double> w, Span<double> result)
    {
        int k = Dimension;
        Span<double> df = stackalloc double[k];
        Span<double> d2f = stackalloc double[k * k];
        Span<double> hwb = stackalloc double[k];
        hwb.Clear();
        result[..(k * k)].Clear();
        var f = Predictions(w);
        double b = OptimalIntercept(f), hbb = 0;
        for (int i = 0; i < f.Length; i++)
        {
            _model.Evaluate(Row(i), w, df, d2f);
            double z = f[i] + b, d1 = FirstDerivative(z, _y[i]), d2 = SecondDerivative(z);
            for (int a = 0; a < k; a++)
            {
                for (int c = 0; c < k; c++) result[a * k + c] += _weight * (d2 * df[a] * df[c] + d1 * d2f[a * k + c]);
                hwb[a] += _weight * d2 * df[a];
            }
            hbb += _weight * d2;
        }
        if (_intercept && hbb > 0)
            for (int a = 0; a < k; a++)
                for (int c = 0; c < k; c++) result[a * k + c] -= hwb[a] * hwb[c] / hbb;
    }

    /// <inheritdoc/>
    public double InterceptFor(ReadOnlySpan<double> w)
    {
        double b = OptimalIntercept(Predictions(w));
        if (_means is not null)
            for (int j = 0; j < _means.Length; j++) b -= _means[j] * w[j];
        return b;
    }

    /// <summary>Where the model's global search looks for this data.</summary>
    public (double W1, double W2) SearchBox()
    {
        var columns = Enumerable.Range(0, _features).Select(j => Enumerable.Range(0, Rows).Max(i => Math.Abs(_x[i * _features + j]))).ToArray();
        return _model.SearchBox(new DataExtent(columns, _y.Max(Math.Abs), _kind));
    }

    private double[] Predictions(ReadOnlySpan<double> w)
    {
        var f = new double[_y.Length];
        for (int i = 0; i < f.Length; i++) f[i] = _model.Evaluate(Row(i), w, default, default);
        return f;
    }

    private double OptimalIntercept(double[] f)
    {
        if (!_intercept) return 0;
        if (_kind != LossKind.Logistic)
        {
            double s = 0;
            for (int i = 0; i < f.Length; i++) s += _y[i] - f[i];
            return s / f.Length;
        }
        // Σ σ(f_i + b) = Σ y_i, from the log-odds of the labels
        double ybar = _y.Average();
        var search = new InterceptSearch(Math.Log(ybar / (1 - ybar)) - f.Average());
        for (int it = 0; it < 200; it++)
        {
            double g = 0, h = 0;
            for (int i = 0; i < f.Length; i++)
            {
                double z = f[i] + search.B;
                g += FirstDerivative(z, _y[i]);
                h += SecondDerivative(z);
            }
            if (search.Step(g, h) <= 1e-15 * Math.Max(1, Math.Abs(search.B))) break;
        }
        return search.B;
    }

    // the logistic terms for y ∈ {0, 1} written so that nothing cancels: log(1 + e^z) − z = log(1 + e^−z) and
    // σ(z) − 1 = −σ(−z) for y = 1, where the plain forms lost every digit at large z (separable data, λ → 0)
    private double PointLoss(double z, double y) => _kind == LossKind.Logistic
        ? (y == 1 ? Softplus(-z) : Softplus(z))
        : (z - y) * (z - y);

    private double FirstDerivative(double z, double y) => _kind == LossKind.Logistic
        ? (y == 1 ? -Sigmoid(-z) : Sigmoid(z))
        : 2 * (z - y);

    private double SecondDerivative(double z) => _kind == LossKind.Logistic ? Sigmoid(z) * Sigmoid(-z) : 2;

    /// <summary>log(1 + e^z) without overflow.</summary>
    public static double Softplus(double z) => z > 0 ? z + OnePlusLog.Of(Math.Exp(-z)) : OnePlusLog.Of(Math.Exp(z));

    /// <summary>1/(1 + e^(−z)), without overflow for large |z|.</summary>
    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
