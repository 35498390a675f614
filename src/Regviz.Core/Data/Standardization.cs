using Regviz.Core.Paths;

namespace Regviz.Core.Data;

/// <summary>
/// Feature columns scaled to unit variance before fitting, as glmnet (standardize = TRUE) and the scikit-learn
/// examples (StandardScaler) do, with coefficients reported back on the original scale. The variance is the
/// population one, (1/n)·Σ(x − x̄)², as both use. With an intercept the columns are centred before they are scaled:
/// (x − x̄)/s is exact to rounding where x/s, on a column whose mean is 1e8 times its spread, kept 8 fewer digits of
/// the spread for the intercept's centring to lose; without one they are only scaled (centring would change the
/// problem). Fitting on x_j/s_j gives coefficients s_j·w_j, so w_j is the fitted coefficient divided by s_j; λ and
/// λ_max are those of the scaled problem.
/// </summary>
public sealed class Standardization
{
    private Standardization(double[] scales, double[]? means)
    {
        Scales = scales;
        _means = means;
    }

    private readonly double[]? _means;

    /// <summary>s_j, the population standard deviation of each feature column, in the data's order.</summary>
    public IReadOnlyList<double> Scales { get; }

    /// <summary>The scales of <paramref name="data"/>'s columns; a constant column, which has no variance to scale to 1, is refused.</summary>
    public static Standardization Of(Dataset data) => Of(data, centre: false);

    /// <summary>As <see cref="Of(Dataset)"/>, centring the columns first when <paramref name="centre"/> (the model has an intercept).</summary>
    public static Standardization Of(Dataset data, bool centre)
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
        return new Standardization(scales, centre ? data.Columns.Select(c => c.Average()).ToArray() : null);
    }

    /// <summary>The data with every feature column divided by its scale (centred first with an intercept; the target untouched).</summary>
    public Dataset Apply(Dataset data) =>
        new(data.FeatureNames, data.Columns.Select((c, j) => c.Select(v => (v - (_means?[j] ?? 0)) / Scales[j]).ToArray()).ToArray(), data.Target, data.TargetName);

    /// <summary>The intercept on the original columns, from <paramref name="fitted"/> on the centred ones and the original-scale weights.</summary>
    public double InterceptToOriginal(double fitted, IReadOnlyList<double> originalWeights)
    {
        if (_means is null) return fitted;
        double b = fitted;
        for (int j = 0; j < originalWeights.Count; j++) b -= _means[j] * originalWeights[j];
        return b;
    }

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
