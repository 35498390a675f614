using Regviz.Core.Data;
using Regviz.Core.Problems;

namespace Regviz.Core.Models;

/// <summary>f(x; w) = x·w: one parameter per feature column.</summary>
public sealed class LinearModel : IModel
{
    /// <inheritdoc/>
    public string Name => "linear";
    /// <inheritdoc/>
    public string Formula => "x·w";
    /// <inheritdoc/>
    public bool IsLinear => true;
    /// <inheritdoc/>
    public bool IsAffineInFirst => true;
    /// <inheritdoc/>
    public int Parameters(int features) => features;
    /// <inheritdoc/>
    public IReadOnlyList<string> ParameterNames(IReadOnlyList<string> features) => features;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> gradient, Span<double> hessian)
    {
        double f = 0;
        for (int j = 0; j < w.Length; j++) f += x[j] * w[j];
        if (!gradient.IsEmpty) x[..w.Length].CopyTo(gradient);
        if (!hessian.IsEmpty) hessian.Clear();
        return f;
    }

    /// <summary>
    /// A weight moves the prediction by w·x, so |w_j| ≤ (a generous multiple of the target's size)/max|x_j|; a
    /// logistic score beyond ±50 is already certain.
    /// </summary>
    public (double W1, double W2) SearchBox(DataExtent extent)
    {
        double scale = extent.Loss == LossKind.Logistic ? 50 : 50 * Math.Max(extent.MaxAbsTarget, 1);
        double Column(int j) => Math.Max(extent.MaxAbsColumn[j], 1e-12);
        return (scale / Column(0), extent.MaxAbsColumn.Count > 1 ? scale / Column(1) : scale);
    }

    /// <summary>Logistic loss brings its own labels; squared losses use the default regression data.</summary>
    public Dataset? BuiltInData(LossKind loss) => loss == LossKind.Logistic ? BuiltInDataset.CreateBinary() : null;
}
