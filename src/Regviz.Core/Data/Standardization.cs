using Regviz.Core.Paths;

namespace Regviz.Core.Data;

/// <summary>
/// Feature columns scaled to unit variance before fitting, as glmnet (standardize = TRUE) and the scikit-learn
/// examples (StandardScaler) do, with coefficients reported back on the original scale. The variance is the
/// population one, (1/n)·Σ(x − x̄)², as both use; the columns are only scaled here (centring is the intercept's
/// business: with an intercept, scaling then centring is centring then scaling). Fitting on x_j/s_j gives
/// coefficients s_j·w_j, so w_j is the fitted coefficient divided by s_j; λ and λ_max are those of the scaled problem.
/// </summary>
public sealed class Standardization
{
    private Standardization(double[] scales) => Scales = scales;

    /// <summary>s_j, the population standard deviation of each feature column, in the data's order.</summary>
    public IReadOnlyList<double> Scales { get; }

    /// <summary>The scales of <paramref name="data"/>'s columns; a constant column, which has no variance to scale to 1, is refused.</summary>
    public static Standardization Of(Dataset data)
    {
        var scales = new double[data.Features];
        for (int j = 0; j < data.Features; j++)
        {
            var x = data.Columns[j];
            double mean = x.Average();
            // two passes: the mean first, then the squared deviations, so a large offset costs no digits
            double ss = 0;
            foreach (double v in x) ss += (v - mean) * (v - mean);
            scales[j] = Math.Sqrt(ss / x.Length);
            if (!(scales[j] > 0))
                throw new ProblemArgumentException("standardize", $"column '{data.FeatureNames[j]}' is constant: it has no variance to scale to 1");
        }
        return new Standardization(scales);
    }

    /// <summary>The data with every feature column divided by its scale (the target untouched).</summary>
    public Dataset Apply(Dataset data) =>
        new(data.FeatureNames, data.Columns.Select((c, j) => c.Select(v => v / Scales[j]).ToArray()).ToArray(), data.Target, data.TargetName);

    /// <summary>Coefficients of the scaled problem on the original scale: w_j / s_j.</summary>
    public double[] ToOriginal(IReadOnlyList<double> weights) => weights.Select((w, j) => w / Scales[j]).ToArray();

    /// <summary>
    /// The path with every point's coefficients on the original scale. λ, λ_max and each certificate stay those of the
    /// scaled problem, the one that was solved and checked.
    /// </summary>
    public RegularisationPath ToOriginal(RegularisationPath path)
    {
        PathPoint Back(PathPoint p) => p with { Weights = ToOriginal(p.Weights) };
        return path with
        {
            Points = path.Points.Select(Back).ToArray(),
            Knots = path.Knots?.Select(Back).ToArray(),
            Unregularised = path.Unregularised is { } u ? Back(u) : null,
        };
    }
}
