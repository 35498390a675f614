using System.Globalization;
using CsCheck;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Regviz.Tests.Cli;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>A loss given directly, D(w) = (w − c)ᵀA(w − c): the two-row data set must be exactly that quadratic.</summary>
public class GivenQuadraticTests : Support.ScratchFolder
{
    private static readonly Gen<(double Cx, double Cy, double A, double B, double D)> Losses =
        Gen.Select(Gen.Double[-5, 5], Gen.Double[-5, 5], Gen.Double[0.05, 20], Gen.Double[-0.95, 0.95], Gen.Double[0.05, 20])
            .Select((cx, cy, a, rho, d) => (cx, cy, a, rho * Math.Sqrt(a * d), d));

    [Fact]
    public void The_data_term_is_the_given_quadratic_everywhere()
    {
        Gen.Select(Losses, Gen.Double[-10, 10], Gen.Double[-10, 10]).Sample((l, w1, w2) =>
        {
            var loss = QuadraticLoss.FromDataset(GivenQuadratic.AsData(l.Cx, l.Cy, l.A, l.B, l.D), LossKind.Sse, false);
            double u = w1 - l.Cx, v = w2 - l.Cy;
            double expected = l.A * u * u + 2 * l.B * u * v + l.D * v * v;
            Assert.True(Math.Abs(loss.Value([w1, w2]) - expected) <= 1e-10 * Math.Max(1, expected), $"{loss.Value([w1, w2]):R} vs {expected:R}");
        });
    }

    [Fact]
    public void The_unregularised_optimum_is_the_centre_and_the_lasso_obeys_its_conditions()
    {
        Losses.Sample(l =>
        {
            var loss = QuadraticLoss.FromDataset(GivenQuadratic.AsData(l.Cx, l.Cy, l.A, l.B, l.D), LossKind.Sse, false);
            var s = Regularised.Solve(loss, new L1Penalty(), Form.Penalised(0));
            Assert.Equal(l.Cx, s.Weights[0], 1e-9 * Math.Max(1, Math.Abs(l.Cx)));
            Assert.Equal(l.Cy, s.Weights[1], 1e-9 * Math.Max(1, Math.Abs(l.Cy)));
            // at λ > 0, 0 ∈ 2A(w − c) + λ∂‖w‖₁, written out here from A and c
            var t = Regularised.Solve(loss, new L1Penalty(), Form.Penalised(1));
            var w = t.Weights;
            double g0 = 2 * (l.A * (w[0] - l.Cx) + l.B * (w[1] - l.Cy)), g1 = 2 * (l.B * (w[0] - l.Cx) + l.D * (w[1] - l.Cy));
            double scale = Math.Max(1, 2 * (Math.Abs(l.A * l.Cx + l.B * l.Cy) + Math.Abs(l.B * l.Cx + l.D * l.Cy)));
            foreach (var (g, wj) in new[] { (g0, w[0]), (g1, w[1]) })
                Assert.True(wj != 0 ? Math.Abs(g + Math.Sign(wj)) <= 1e-9 * scale : Math.Abs(g) <= 1 + 1e-9 * scale);
        });
    }

    [Fact]
    public void Solve_with_a_given_loss_equals_the_library()
    {
        var r = CliRunner.Run("solve", "--centre", "1.2,1.8", "--hessian", "2,0.9,1", "--norm", "l1", "--lambda", "0.7", "--json", "-");
        Assert.Equal(0, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        var loss = QuadraticLoss.FromDataset(GivenQuadratic.AsData(1.2, 1.8, 2, 0.9, 1), LossKind.Sse, false);
        var s = Regularised.Solve(loss, new L1Penalty(), Form.Penalised(0.7));
        Assert.Equal(s.Weights, doc.RootElement.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray());
    }

    [Theory]
    [InlineData(new[] { "--centre", "1,2" }, "--centre goes with --hessian")]
    [InlineData(new[] { "--hessian", "1,0,1" }, "--hessian goes with --centre")]
    [InlineData(new[] { "--centre", "1,2", "--hessian", "1,2,1" }, "--hessian: A = [[1, 2], [2, 1]] is not positive definite")]
    [InlineData(new[] { "--centre", "1,2", "--hessian", "-1,0,1" }, "is not positive definite")]
    [InlineData(new[] { "--centre", "1,2", "--hessian", "1,0,1", "--intercept" }, "--intercept: the loss given by --centre and --hessian")]
    [InlineData(new[] { "--centre", "1,2", "--hessian", "1,0,1", "--loss", "mse" }, "--loss: the loss given by --centre and --hessian")]
    [InlineData(new[] { "--centre", "1", "--hessian", "1,0,1" }, "--centre: '1' is not 2 finite numbers x,y")]
    [InlineData(new[] { "--centre", "1,2", "--hessian", "1,0,1e999" }, "--hessian: '1,0,1e999' is not 3 finite numbers")]
    public void Bad_given_losses_are_one_error_line(string[] args, string expected)
    {
        var r = CliRunner.Run(["solve", .. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, Assert.Single(r.ErrorLines));
    }
}
