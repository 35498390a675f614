using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>
/// Real data: scikit-learn's diabetes set (samples/data/diabetes.csv, 442 × 10). The reference weights come
/// from scikit-learn 1.2.1's exact LARS-lasso path (lars_path, method="lasso") on the centred data, linearly
/// interpolated at alpha = 0.15 (our λ = 0.3); Lasso(alpha=0.15, tol=1e-16) agreed to 4.5e-15.
/// </summary>
public class DiabetesTests
{
    private static readonly double[] Reference =
    [
        0, -116.64311194076421, 512.6045864244516, 254.95105902187098, -5.654808637592747,
        0, -197.5608970890972, 0, 455.7836450502207, 14.401952140181454,
    ];

    internal static string CsvPath => Path.Combine(AppContext.BaseDirectory, "Data", "diabetes.csv");

    [Fact]
    public void Lasso_matches_lars_to_1e9_relative_with_exact_zeros()
    {
        var data = CsvDataset.Load(CsvPath);
        var q = QuadraticLoss.FromDataset(data, LossKind.Mse, intercept: true);
        var s = Optimizer.Penalised(q, new L1Penalty(), 0.3);
        double scale = Reference.Max(Math.Abs);
        for (int j = 0; j < 10; j++)
        {
            if (Reference[j] == 0) Assert.Equal(0.0, s.Weights[j]);
            else Assert.True(Math.Abs(s.Weights[j] - Reference[j]) <= 1e-9 * scale, $"{data.FeatureNames[j]}");
        }
        Assert.Equal(152.13348416289602, s.Intercept, 1e-9);
        Assert.True(Optimality.Violation(q, new L1Penalty(), 0.3, s.Weights) <= 1e-12);
    }
}
