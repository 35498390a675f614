namespace Regviz.Core.Models;

/// <summary>f(x; w) = x·w: one parameter per feature column.</summary>
public sealed class LinearModel : IModel
{
    public bool IsLinear => true;
    public bool IsAffineInFirst => true;
    public int Parameters(int features) => features;
    public IReadOnlyList<string> ParameterNames(IReadOnlyList<string> features) => features;

    public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> gradient, Span<double> hessian)
    {
        double f = 0;
        for (int j = 0; j < w.Length; j++) f += x[j] * w[j];
        if (!gradient.IsEmpty) x[..w.Length].CopyTo(gradient);
        if (!hessian.IsEmpty) hessian.Clear();
        return f;
    }
}
