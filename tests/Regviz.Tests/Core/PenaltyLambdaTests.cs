using System.Reflection;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>
/// One λ (issue 27): a penalty holds no λ of its own, so the λ a problem is solved at is the only one. Before, MCP and
/// SCAD took a λ when made (<c>new McpPenalty(3, lambda: 0.5)</c>) that the solver silently replaced with the
/// problem's. The library's public surface is checked for that, and MCP solved through <see cref="ProblemSpec"/> is
/// checked against its closed-form threshold on an orthonormal design, computed here from the definition.
/// </summary>
public class PenaltyLambdaTests
{
    [Fact]
    public void No_public_penalty_constructor_takes_a_lambda_and_no_caller_can_reshape_one()
    {
        var penalties = typeof(Penalty).Assembly.GetExportedTypes().Where(t => t.IsSubclassOf(typeof(Penalty))).ToArray();
        Assert.Contains(typeof(McpPenalty), penalties);
        Assert.Contains(typeof(ScadPenalty), penalties);
        var withLambda = penalties.SelectMany(t => t.GetConstructors())
            .Where(c => c.GetParameters().Any(p => p.Name!.Contains("lambda", StringComparison.OrdinalIgnoreCase)))
            .Select(c => c.DeclaringType!.Name).ToArray();
        Assert.Empty(withLambda);
        // the penalty at a λ is made by the problem: neither At nor a settable λ is public
        var reshape = penalties.Append(typeof(Penalty))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.Name == "At" || m.Name == "WithLambda").Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToArray();
        Assert.Empty(reshape);
    }

    /// <summary>
    /// X has orthogonal columns with ‖x_j‖² = n, so the mean squared error is Σ_j (w_j − z_j)² + const with
    /// z = Xᵀy/n, and D(w) + Σ p(w_j) splits into one problem per coordinate: minimise (w − z)² + λ|w| − w²/(2γ)
    /// on |w| ≤ γλ (convex there, curvature 2 − 1/γ &gt; 0), or (w − z)² + γλ²/2 beyond. Setting the derivative
    /// 2(w − z) + λ − w/γ to 0 gives the firm threshold: 0 for |z| ≤ λ/2, (|z| − λ/2)/(1 − 1/(2γ)) up to |z| = γλ
    /// (where it meets γλ), and z itself beyond.
    /// </summary>
    private static double McpThreshold(double z, double lambda, double gamma)
    {
        double a = Math.Abs(z);
        if (a <= lambda / 2) return 0;
        return Math.CopySign(a <= gamma * lambda ? (a - lambda / 2) / (1 - 1 / (2 * gamma)) : a, z);
    }

    /// <summary>The columns of a 4×4 Hadamard matrix (orthogonal, each of squared norm 4 = n), and y = Xz.</summary>
    private static Dataset Orthonormal(double[] z)
    {
        double[][] hadamard = [[1, -1, 1, -1], [1, 1, -1, -1], [1, -1, -1, 1]];
        var columns = hadamard.Take(z.Length).Select(c => (double[])c.Clone()).ToArray();
        var y = new double[4];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < z.Length; j++) y[i] += columns[j][i] * z[j];
        return new Dataset(z.Select((_, j) => $"x{j + 1}").ToArray(), columns, y, "y");
    }

    public static TheoryData<double[], double, double> Cases => new()
    {
        // one coordinate in each regime: zeroed (|z| ≤ λ/2), firmly shrunk, and past γλ (not shrunk at all)
        { [0.35, 0.05], 0.2, 3 },
        { [1.5, -0.35], 0.2, 3 },
        { [0.05, -0.35, 1.5], 0.2, 3 },
        // the λ = 0.5 and another γ: a penalty kept at λ = 1 or at 0.2 gives other answers here
        { [0.2, -0.9, 2.5], 0.5, 1.8 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mcp_solved_through_the_problem_is_the_closed_form_threshold_at_the_problems_lambda(double[] z, double lambda, double gamma)
    {
        var spec = new ProblemSpec(Orthonormal(z), LossKind.Mse, intercept: false, new McpPenalty(gamma), Form.Penalised(lambda));
        // the shape drawn and certified is MCP at this λ: λ·P(w) = Σ p(w_j)
        Assert.Equal(lambda, spec.Penalty.ShapedAt);
        double[] probe = new[] { 0.7 * gamma * lambda, 1.3 * gamma * lambda, -0.1 }.Take(z.Length).ToArray();
        double expectedTerm = probe.Sum(w => NonConvexPenaltyTests.Mcp(w, lambda, gamma));
        Assert.Equal(expectedTerm, lambda * spec.Penalty.Value(probe), 1e-12);

        var s = spec.Solve();
        Assert.True(s.Certificate.Certified, $"certificate {s.Certificate.Kkt}");
        for (int j = 0; j < z.Length; j++)
        {
            double expected = McpThreshold(z[j], lambda, gamma);
            if (expected == 0) Assert.Equal(0.0, s.Weights[j]);
            else Assert.Equal(expected, s.Weights[j], 1e-9 * Math.Abs(expected));
        }
    }
}
