using Regviz.Core.Data;
using Regviz.Core.Problems;

namespace Regviz.Core.Models;

/// <summary>f(x; w) = w1·exp(w2·x) on exactly one feature column: a two-parameter model with a non-convex loss surface.</summary>
public sealed class ExpModel : IModel
{
    /// <inheritdoc/>
    public string Name => "exp";
    /// <inheritdoc/>
    public string Formula => "w1·exp(w2·x)";
    /// <inheritdoc/>
    public bool IsLinear => false;
    /// <inheritdoc/>
    public bool IsAffineInFirst => true;

    /// <inheritdoc/>
    public int Parameters(int features) => features == 1
        ? 2
        : throw new ProblemArgumentException("model", "exp", words => $"f(x; w) = w1·exp(w2·x) takes exactly one feature column, the data has {features} (pick one with {words.Name("features")})");

    /// <inheritdoc/>
    public IReadOnlyList<string> ParameterNames(IReadOnlyList<string> features) => ["scale", $"rate ({features[0]})"];

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> gradient, Span<double> hessian)
    {
        double e = Math.Exp(w[1] * x[0]);
        double f = w[0] * e;
        if (!gradient.IsEmpty)
        {
            gradient[0] = e;
            gradient[1] = f * x[0];
        }
        if (!hessian.IsEmpty)
        {
            hessian[0] = 0;
            hessian[1] = hessian[2] = e * x[0];
            hessian[3] = f * x[0] * x[0];
        }
        return f;
    }

    /// <summary>|w1| up to 4·max|y|; |w2| up to 10/max|x| (beyond that e^(w2·x) spans more than four orders of magnitude over the data).</summary>
    public (double W1, double W2) SearchBox(DataExtent extent) =>
        (4 * Math.Max(extent.MaxAbsTarget, 1), 10 / Math.Max(extent.MaxAbsColumn[0], 1e-12));

    /// <inheritdoc/>
    public Dataset? BuiltInData(LossKind loss) => BuiltInDataset.CreateExp();
}
