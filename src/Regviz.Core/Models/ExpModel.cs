namespace Regviz.Core.Models;

/// <summary>f(x; w) = w1·exp(w2·x) on exactly one feature column: a two-parameter model with a non-convex loss surface.</summary>
public sealed class ExpModel : IModel
{
    public bool IsLinear => false;
    public bool IsAffineInFirst => true;

    public int Parameters(int features) => features == 1
        ? 2
        : throw new ProblemArgumentException("model", "exp", words => $"f(x; w) = w1·exp(w2·x) takes exactly one feature column, the data has {features} (pick one with {words.Name("features")})");

    public IReadOnlyList<string> ParameterNames(IReadOnlyList<string> features) => ["scale", $"rate ({features[0]})"];

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
}
