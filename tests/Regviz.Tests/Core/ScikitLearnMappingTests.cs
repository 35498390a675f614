using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>
/// The mapping to scikit-learn of docs/conventions.md, on a design with XᵀX/n = I where scikit-learn's own objectives
/// have closed forms worked out by hand here (n = 3 rows, c = Xᵀy/n = (2, −0.3, 0.8)).
/// </summary>
public class ScikitLearnMappingTests
{
    private static readonly double[] C = [2, -0.3, 0.8];

    private static double[] Solve(LossKind loss, Penalty penalty, double lambda) =>
        Optimizer.Penalised(QuadraticLoss.FromDataset(Problems.OrthonormalRows(C), loss, false), penalty, lambda).Weights;

    [Fact]
    public void Lasso_alpha_a_is_lambda_2a()
    {
        // sklearn Lasso: (1/2n)‖y − Xw‖² + a‖w‖₁ → w = S(c, a); a = 0.5 gives (1.5, 0, 0.3)
        ClosedFormTests.AssertClose([1.5, 0, 0.3], Solve(LossKind.Mse, new L1Penalty(), 2 * 0.5), 1e-14);
    }

    [Fact]
    public void Ridge_alpha_a_is_lambda_a_over_n()
    {
        // sklearn Ridge: ‖y − Xw‖² + a‖w‖² → w = n·c/(n + a); n = 3, a = 1.5 gives (2/3)·c
        ClosedFormTests.AssertClose([4.0 / 3, -0.2, 1.6 / 3], Solve(LossKind.Mse, new L2Penalty(), 1.5 / 3), 1e-14);
    }

    [Fact]
    public void ElasticNet_alpha_a_l1ratio_r_is_alpha_2r_over_1_plus_r_and_lambda_a_times_1_plus_r()
    {
        // sklearn: (1/2n)‖y − Xw‖² + a·r‖w‖₁ + a(1−r)/2‖w‖² → w = S(c, a·r)/(1 + a(1−r));
        // a = 0.4, r = 0.5: S(c, 0.2)/1.2 = (1.5, −0.1/1.2, 0.5)
        double a = 0.4, r = 0.5;
        var w = Solve(LossKind.Mse, new ElasticNetPenalty(2 * r / (1 + r)), a * (1 + r));
        ClosedFormTests.AssertClose([1.5, -0.1 / 1.2, 0.5], w, 1e-14);
    }

    [Fact]
    public void Sse_lambda_L_is_mse_lambda_L_over_n()
    {
        var sse = Solve(LossKind.Sse, new L1Penalty(), 2.4);
        var mse = Solve(LossKind.Mse, new L1Penalty(), 2.4 / 3);
        ClosedFormTests.AssertClose(mse, sse, 1e-15);
        ClosedFormTests.AssertClose([1.6, 0, 0.4], mse, 1e-14); // S(c, 0.4)
    }
}
