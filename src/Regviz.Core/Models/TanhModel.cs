using Regviz.Core.Data;
using Regviz.Core.Problems;

namespace Regviz.Core.Models;

/// <summary>
/// f(x; w) = w1·tanh(w2·x) on exactly one feature column: a single neuron, output weight w1 and input weight w2. Its
/// loss surface is not convex, and it is symmetric: (w1, w2) and (−w1, −w2) give the same f, so under a symmetric
/// penalty (all of regviz's) every optimum has a twin and the optimum is never unique. The plane search reports one of
/// the two; −w* is exactly as good.
/// </summary>
public sealed class TanhModel : IModel
{
    /// <inheritdoc/>
    public string Name => "tanh";
    /// <inheritdoc/>
    public string Formula => "w1·tanh(w2·x)";
    /// <inheritdoc/>
    public bool IsLinear => false;
    /// <inheritdoc/>
    public bool IsAffineInFirst => true;

    /// <inheritdoc/>
    public int Parameters(int features) => features == 1
        ? 2
        : throw new ProblemArgumentException("model", "tanh", words => $"f(x; w) = w1·tanh(w2·x) takes exactly one feature column, the data has {features} (pick one with {words.Name("features")})");

    /// <inheritdoc/>
    public IReadOnlyList<string> ParameterNames(IReadOnlyList<string> features) => ["output", $"input ({features[0]})"];

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> gradient, Span<double> hessian)
    {
        double u = w[1] * x[0];
        double t = Math.Tanh(u);
        double s = 1 - t * t; // sech²(u)
        double f = w[0] * t;
        if (!gradient.IsEmpty)
        {
            gradient[0] = t;
            gradient[1] = w[0] * x[0] * s;
        }
        if (!hessian.IsEmpty)
        {
            hessian[0] = 0;
            hessian[1] = hessian[2] = x[0] * s;
            hessian[3] = -2 * w[0] * x[0] * x[0] * t * s; // d/du sech²(u) = −2·tanh(u)·sech²(u)
        }
        return f;
    }

    /// <summary>
    /// |w1| up to 4·max|y|: f never leaves ±|w1|, so a larger output weight only overshoots the data. |w2| up to
    /// 10/max|x|: there tanh(w2·x) is within 1e-8 of ±1 at the largest |x| and within 0.5% of ±1 for every
    /// |x| ≥ 0.3·max|x|, so the neuron is all but a step and the loss has all but stopped changing along w2 (it only
    /// creeps towards the step's value); a wider box would spend the search grid's nodes on that plateau instead of
    /// the valley around the weights that fit.
    /// </summary>
    public (double W1, double W2) SearchBox(DataExtent extent) =>
        (4 * Math.Max(extent.MaxAbsTarget, 1), 10 / Math.Max(extent.MaxAbsColumn[0], 1e-12));

    /// <summary>
    /// Without --data: 60 rows, x ~ U(−2, 2), y = 1.5·tanh(1.2·x) + 0.2·N(0, 1), one feature "x", from SplitMix64
    /// seeded with the built-in data's seed + 3 (the exp model's data took + 2).
    /// </summary>
    public Dataset? BuiltInData(LossKind loss)
    {
        var rng = new SplitMix64(BuiltInDataset.Seed + 3);
        var x = new double[BuiltInDataset.Rows];
        var y = new double[BuiltInDataset.Rows];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = 4 * rng.NextDouble() - 2;
            y[i] = 1.5 * Math.Tanh(1.2 * x[i]) + 0.2 * rng.NextGaussian();
        }
        return new Dataset(["x"], [x], y, "y");
    }
}
