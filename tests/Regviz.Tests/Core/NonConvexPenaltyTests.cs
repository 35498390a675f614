using CsCheck;
using Regviz.Core;
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Solvers;
using Regviz.Tests.Support;
using Xunit;

namespace Regviz.Tests.Core;

/// <summary>
/// MCP and SCAD, checked against their definitions written out here (Zhang 2010, Fan &amp; Li 2001) and against brute
/// force: the scalar prox, the global optimum in the plane, coordinate-wise optimality in more dimensions, level sets,
/// and the mapping to R's ncvreg on a case computed by hand.
/// </summary>
public class NonConvexPenaltyTests
{
    /// <summary>MCP: p(w) = λ|w| − w²/(2γ) for |w| ≤ γλ, else γλ²/2.</summary>
    internal static double Mcp(double w, double lambda, double gamma)
    {
        double a = Math.Abs(w);
        return a <= gamma * lambda ? lambda * a - a * a / (2 * gamma) : gamma * lambda * lambda / 2;
    }

    /// <summary>SCAD: p(w) = λ|w| for |w| ≤ λ, (2γλ|w| − w² − λ²)/(2(γ − 1)) up to γλ, else λ²(γ + 1)/2.</summary>
    internal static double Scad(double w, double lambda, double gamma)
    {
        double a = Math.Abs(w);
        if (a <= lambda) return lambda * a;
        if (a <= gamma * lambda) return (2 * gamma * lambda * a - a * a - lambda * lambda) / (2 * (gamma - 1));
        return lambda * lambda * (gamma + 1) / 2;
    }

    public static TheoryData<string> Names => new() { "mcp", "scad" };

    private static Penalty Make(string name, double gamma, double lambda = 1) =>
        (name == "mcp" ? new McpPenalty(gamma) : (Penalty)new ScadPenalty(gamma)).At(lambda);

    private static double Term(string name, double w, double lambda, double gamma) =>
        name == "mcp" ? Mcp(w, lambda, gamma) : Scad(w, lambda, gamma);

    private static Gen<double> GammaFor(string name) => name == "mcp" ? Gen.Double[1.05, 6] : Gen.Double[2.05, 8];

    [Theory]
    [MemberData(nameof(Names))]
    public void Lambda_times_P_is_the_sum_of_the_terms(string name)
    {
        Gen.Select(Gen.Double[0.01, 5], GammaFor(name), Gen.Double[-20, 20].Array[1, 6]).Sample((lambda, gamma, w) =>
        {
            double expected = w.Sum(x => Term(name, x, lambda, gamma));
            Assert.Equal(expected, lambda * Make(name, gamma, lambda).Value(w), 1e-12 * Math.Max(1, expected));
        }, iter: 200);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Scalar_prox_is_the_exact_minimiser_for_every_t(string name)
    {
        // ½(x − v)² + t·P(x), P = p/λ; t up to 100 reaches far past γλ and (γ − 1)λ, where the 1-D problem is not convex
        var gen = Gen.Select(Gen.Double[-10, 10], Gen.Double[-7, 4.6].Select(Math.Exp), Gen.Double[0.05, 3], GammaFor(name));
        gen.Sample((v, t, lambda, gamma) =>
        {
            var penalty = Make(name, gamma, lambda);
            double H(double x) => 0.5 * (x - v) * (x - v) + t * Term(name, x, lambda, gamma) / lambda;
            double x = penalty.ScalarProx(v, t);
            Assert.True(Math.Abs(x) <= Math.Abs(v) && (x == 0 || Math.Sign(x) == Math.Sign(v)), $"prox({v}, {t}) = {x}");
            // the minimiser lies between 0 and v: search there, with both ends as candidates
            double lo = Math.Min(0, v), hi = Math.Max(0, v);
            var reference = Reference.Minimise1D(H, lo, hi, 20_001, 0, v);
            Assert.True(H(x) <= reference.F + 1e-12 * Math.Max(1, Math.Abs(reference.F)),
                $"{name} γ {gamma:R} λ {lambda:R}: prox({v:R}, {t:R}) = {x:R} with h {H(x):R} > reference h({reference.X:R}) = {reference.F:R}");
            // sparsity: when 0 beats every other point by a margin, the prox is exactly 0
            var nonZero = Reference.Minimise1D(H, v > 0 ? hi * 1e-9 : lo, v > 0 ? hi : hi - Math.Abs(v) * 1e-9, 20_001, v);
            if (H(0) < nonZero.F - 1e-9 * Math.Max(1, H(0))) Assert.Equal(0.0, x);
        }, iter: 400);
    }

    [Theory]
    // MCP, λ = 1, γ = 3: firm thresholding while t < γλ, a hard threshold at √(tγλ) beyond
    [InlineData("mcp", 3, 0.5, 1, 0)]
    [InlineData("mcp", 3, 2, 1, 1.5)] // (2 − 1)/(1 − 1/3)
    [InlineData("mcp", 3, 4, 1, 4)]
    [InlineData("mcp", 3, 3.4, 4, 0)] // √12 = 3.464
    [InlineData("mcp", 3, 3.5, 4, 3.5)]
    // SCAD, λ = 1, γ = 3.7, t = 1: Fan and Li's rule; t = 3 ≥ (γ − 1)λ compares candidates
    [InlineData("scad", 3.7, 1.5, 1, 0.5)]
    [InlineData("scad", 3.7, 3, 1, 2.5882352941176472)] // ((γ − 1)·3 − γ)/(γ − 2) = 4.4/1.7
    [InlineData("scad", 3.7, 5, 1, 5)]
    [InlineData("scad", 3.7, 3.5, 3, 0.5)] // h(0.5) = 4.5 + 1.5 = 6 < h(0) = 6.125 < h(3.7) = 0.02 + 3·2.35
    [InlineData("scad", 3.7, 4, 3, 4)] // h(4) = 3·2.35 = 7.05 < h(1) = 4.5 + 3 = 7.5 < h(0) = 8
    public void Scalar_prox_on_hand_computed_cases(string name, double gamma, double v, double t, double expected) =>
        Assert.Equal(expected, Make(name, gamma).ScalarProx(v, t), 1e-14);

    /// <summary>D(w) = (1/n)Σ(y − ȳ − (x − x̄)·w)² (centred with an intercept), from the data rows, not from QuadraticLoss.</summary>
    private static Func<double, double, double> Mse(Dataset d, bool intercept)
    {
        int n = d.Rows;
        double[] x1 = d.Columns[0], x2 = d.Columns[1], y = d.Target;
        double m1 = intercept ? x1.Average() : 0, m2 = intercept ? x2.Average() : 0, my = intercept ? y.Average() : 0;
        return (a, b) =>
        {
            double s = 0;
            for (int i = 0; i < n; i++)
            {
                double r = y[i] - my - (x1[i] - m1) * a - (x2[i] - m2) * b;
                s += r * r;
            }
            return s / n;
        };
    }

    /// <summary>The box that must hold the optimum: J(w*) ≤ J(0) = D(0) puts w* inside D(w) ≤ D(0), an ellipse about the least-squares fit.</summary>
    private static (double X0, double X1, double Y0, double Y1) Ellipse(Dataset d, bool intercept)
    {
        int n = d.Rows;
        double[] x1 = d.Columns[0], x2 = d.Columns[1], y = d.Target;
        double m1 = intercept ? x1.Average() : 0, m2 = intercept ? x2.Average() : 0, my = intercept ? y.Average() : 0;
        double g11 = 0, g12 = 0, g22 = 0, c1 = 0, c2 = 0;
        for (int i = 0; i < n; i++)
        {
            double a = x1[i] - m1, b = x2[i] - m2, r = y[i] - my;
            g11 += a * a / n; g12 += a * b / n; g22 += b * b / n; c1 += a * r / n; c2 += b * r / n;
        }
        double det = g11 * g22 - g12 * g12;
        double i11 = g22 / det, i12 = -g12 / det, i22 = g11 / det;
        double o1 = i11 * c1 + i12 * c2, o2 = i12 * c1 + i22 * c2;
        double rho = c1 * o1 + c2 * o2; // cᵀG⁻¹c: wᵀGw − 2cᵀw ≤ 0 ⇔ (w − o)ᵀG(w − o) ≤ ρ
        double hx = 1.05 * Math.Sqrt(rho * i11) + 1e-9, hy = 1.05 * Math.Sqrt(rho * i22) + 1e-9;
        return (Math.Min(o1 - hx, -1e-9), Math.Max(o1 + hx, 1e-9), Math.Min(o2 - hy, -1e-9), Math.Max(o2 + hy, 1e-9));
    }

    private static void AssertGlobalInPlane(Dataset data, bool intercept, string name, double lambda, double gamma, string context)
    {
        var loss = QuadraticLoss.FromDataset(data, LossKind.Mse, intercept);
        var w = Regularised.Solve(loss, Make(name, gamma), Form.Penalised(lambda)).Weights;
        var d = Mse(data, intercept);
        double J(double a, double b) => d(a, b) + Term(name, a, lambda, gamma) + Term(name, b, lambda, gamma);
        var (x0, x1, y0, y1) = Ellipse(data, intercept);
        var reference = Reference.Minimise2D(J, x0, x1, y0, y1);
        double found = J(w[0], w[1]);
        Assert.True(found <= reference.F + 1e-9 * (1 + Math.Abs(reference.F)),
            $"{context}: J(w*) = {found:R} at ({w[0]:R}, {w[1]:R}) > reference {reference.F:R} at ({reference.Best[0]:R}, {reference.Best[1]:R})");
        // an optimum on an axis, by a margin over everything off it, is reported with an exact zero
        if (reference.Best[1] == 0 && reference.F < reference.OffAxisF - 1e-7 * (1 + Math.Abs(reference.F)) && reference.Best[0] != 0)
            Assert.True(w[1] == 0, $"{context}: w2 = {w[1]:R}, the optimum is on the w1 axis");
        if (reference.Best[0] == 0 && reference.F < reference.OffAxisF - 1e-7 * (1 + Math.Abs(reference.F)) && reference.Best[1] != 0)
            Assert.True(w[0] == 0, $"{context}: w1 = {w[0]:R}, the optimum is on the w2 axis");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Least_squares_optimum_in_the_plane_is_global(string name)
    {
        Gen.Select(Gen.ULong, Gen.Double[0.05, 2.0], GammaFor(name), Gen.Double[0, 0.9], Gen.Bool).Sample((seed, lambda, gamma, correlation, intercept) =>
            AssertGlobalInPlane(Problems.Random(seed, 25, 2, correlation), intercept, name, lambda, gamma,
                $"{name} seed {seed} λ {lambda:R} γ {gamma:R} ρ {correlation:R} intercept {intercept}"), iter: 8);
    }

    [Theory]
    [InlineData("mcp", 0.1)]
    [InlineData("mcp", 0.4)]
    [InlineData("mcp", 0.5)]
    [InlineData("mcp", 1.0)]
    [InlineData("scad", 0.1)]
    [InlineData("scad", 0.35)]
    [InlineData("scad", 0.5)]
    [InlineData("scad", 2.0)]
    public void Least_squares_optimum_on_the_built_in_data_is_global(string name, double lambda) =>
        AssertGlobalInPlane(BuiltInDataset.Create(), false, name, lambda, name == "mcp" ? 3 : 3.7, $"{name} λ {lambda}");

    [Theory]
    [MemberData(nameof(Names))]
    public void Built_in_data_at_lambda_0_4_has_w2_exactly_0_and_w1_unshrunk(string name)
    {
        // past γλ nothing is charged: w1 is the least-squares fit on the w1 axis alone, c1/G11, where the lasso shrinks it
        var data = BuiltInDataset.Create();
        var w = Regularised.Solve(QuadraticLoss.FromDataset(data, LossKind.Mse, false), Make(name, name == "mcp" ? 3 : 3.7), Form.Penalised(0.4)).Weights;
        double xy = 0, xx = 0;
        for (int i = 0; i < data.Rows; i++) { xy += data.Columns[0][i] * data.Target[i]; xx += data.Columns[0][i] * data.Columns[0][i]; }
        Assert.Equal(0.0, w[1]);
        Assert.Equal(xy / xx, w[0], 1e-12);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void More_parameters_every_coordinate_at_its_own_exact_optimum_and_stationary(string name)
    {
        Gen.Select(Gen.ULong, Gen.Double[0.02, 1.0], GammaFor(name), Gen.Int[3, 7], Gen.Bool).Sample((seed, fraction, gamma, k, intercept) =>
        {
            var data = Problems.Random(seed, 40, k, 0.5);
            var loss = QuadraticLoss.FromDataset(data, LossKind.Mse, intercept);
            var g0 = new double[k];
            loss.Gradient(new double[k], g0);
            double lambda = fraction * g0.Max(Math.Abs);
            var s = Regularised.Solve(loss, Make(name, gamma), Form.Penalised(lambda));
            string context = $"{name} seed {seed} k {k} λ {lambda:R} γ {gamma:R} intercept {intercept}";
            Assert.True(s.Certificate.Kkt <= 1e-9, $"{context}: kkt {s.Certificate.Kkt:R}");
            Assert.True(s.Certificate.StationaryOnly);

            // J from the rows, and each coordinate's one-dimensional problem searched by brute force
            int n = data.Rows;
            var means = Enumerable.Range(0, k).Select(j => intercept ? data.Columns[j].Average() : 0).ToArray();
            double my = intercept ? data.Target.Average() : 0;
            double J(double[] v)
            {
                double d = 0;
                for (int i = 0; i < n; i++)
                {
                    double r = data.Target[i] - my;
                    for (int j = 0; j < k; j++) r -= (data.Columns[j][i] - means[j]) * v[j];
                    d += r * r;
                }
                return d / n + v.Sum(x => Term(name, x, lambda, gamma));
            }
            var w = s.Weights;
            double at = J(w);
            for (int j = 0; j < k; j++)
            {
                // along coordinate j D is a parabola with its vertex at z; the 1-D optimum lies between 0 and z
                double gj = 0, hj = 0;
                for (int i = 0; i < n; i++)
                {
                    double r = data.Target[i] - my;
                    for (int m = 0; m < k; m++) r -= (data.Columns[m][i] - means[m]) * w[m];
                    double xij = data.Columns[j][i] - means[j];
                    gj += -2 * xij * r / n;
                    hj += 2 * xij * xij / n;
                }
                double z = w[j] - gj / hj;
                int col = j;
                double Along(double x) { var v = (double[])w.Clone(); v[col] = x; return J(v); }
                var best = Reference.Minimise1D(Along, Math.Min(0, Math.Min(z, w[j])), Math.Max(0, Math.Max(z, w[j])), 4001, 0, z, w[j]);
                Assert.True(at <= best.F + 1e-9 * (1 + Math.Abs(best.F)), $"{context}: coordinate {j} at {w[j]:R} gives J {at:R}, {best.X:R} gives {best.F:R}");
            }
        }, iter: 6);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Radius_is_refused(string name)
    {
        var loss = QuadraticLoss.FromDataset(BuiltInDataset.Create(), LossKind.Mse, false);
        var e = Assert.Throws<ProblemArgumentException>(() => Regularised.Solve(loss, Make(name, name == "mcp" ? 3 : 3.7), Form.Constrained(1)));
        Assert.Equal("radius", e.ParamName);
        Assert.False(Make(name, 3).HasConstrainedForm);
    }

    [Theory]
    [InlineData("mcp", 1.0)]
    [InlineData("mcp", 0.5)]
    [InlineData("mcp", double.NaN)]
    [InlineData("mcp", double.PositiveInfinity)]
    [InlineData("scad", 2.0)]
    [InlineData("scad", 1.5)]
    [InlineData("scad", double.NaN)]
    public void Gamma_is_checked_as_ncvreg_does(string name, double gamma)
    {
        var e = Assert.Throws<ProblemArgumentException>(() => PenaltyCatalogue.Create(name, PenaltyArguments.None.With("gamma", gamma)));
        Assert.Equal("gamma", e.ParamName);
        Assert.StartsWith("gamma: ", e.Message);
        Assert.Contains(name == "mcp" ? "> 1" : "> 2", e.Message);
    }

    [Fact]
    public void Gamma_defaults_to_ncvregs()
    {
        Assert.Equal(3, ((McpPenalty)PenaltyCatalogue.Create("mcp")!).Gamma);
        Assert.Equal(3.7, ((ScadPenalty)PenaltyCatalogue.Create("scad")!).Gamma);
        Assert.Equal(1.5, ((McpPenalty)PenaltyCatalogue.Create("mcp", PenaltyArguments.None.With("gamma", 1.5))!).Gamma);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Lambda_max_is_the_lassos_and_zero_is_stationary_exactly_from_there(string name)
    {
        var loss = QuadraticLoss.FromDataset(Problems.Random(5, 30, 4), LossKind.Mse, true);
        var g = new double[4];
        loss.Gradient(new double[4], g);
        double max = g.Max(Math.Abs);
        var penalty = Make(name, name == "mcp" ? 3 : 3.7);
        Assert.Equal(max, penalty.LambdaMax(g));
        Assert.Equal(0.0, penalty.At(max).Violation(g, new double[4], max));
        Assert.True(penalty.At(0.99 * max).Violation(g, new double[4], 0.99 * max) > 0);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Level_sets_lie_on_their_level_with_rays_and_open_pieces_where_P_stops_rising(string name)
    {
        Gen.Select(Gen.Double[0.1, 3], GammaFor(name), Gen.Double[0.001, 0.999]).Sample((lambda, gamma, share) =>
        {
            var penalty = Make(name, gamma, lambda);
            double top = Term(name, 1e300, lambda, gamma) / lambda, flat = gamma * lambda, reach = 3 * flat;
            foreach (double level in new[] { share * top, top, top + share * top * 0.999, 2 * top })
            {
                var lines = penalty.LevelSetLines(level, reach);
                foreach (var line in lines)
                    foreach (var (x, y) in line)
                    {
                        double v = (Term(name, x, lambda, gamma) + Term(name, y, lambda, gamma)) / lambda;
                        Assert.True(Math.Abs(v - level) <= 1e-12 * level, $"{name} λ {lambda} γ {gamma}: P({x:R}, {y:R}) = {v:R} on level {level:R}");
                        Assert.True(Math.Abs(x) <= reach && Math.Abs(y) <= reach);
                    }
                int expected = level < top ? 1 : level == top ? 5 : 4;
                Assert.Equal(expected, lines.Count);
                if (level <= top) Assert.True(lines[0][0] == lines[0][^1] && lines[0][0] == (level == top ? (flat, 0) : lines[0][0]));
                // every ray is finite, whatever the level
                for (double phi = 0; phi < 2 * Math.PI; phi += 0.1)
                {
                    double r = penalty.RadiusAlong(Math.Cos(phi), Math.Sin(phi), level);
                    Assert.True(double.IsFinite(r) && r >= 0);
                    double v = penalty.Value([r * Math.Cos(phi), r * Math.Sin(phi)]);
                    Assert.True(v <= level * (1 + 1e-12));
                }
            }
            // on an axis the level set ends where P stops rising, however high the level asked for
            Assert.Equal(flat, penalty.RadiusAlong(1, 0, 1.5 * top), 1e-12 * flat);
        }, iter: 30);
    }

    [Theory]
    // ncvreg standardises X (mean 0, (1/n)Σx² = 1), centres y and minimises (1/2n)‖y − Xβ‖² + Σ p(β_j) by coordinate
    // descent with z_j = x_jᵀr/n + β_j: on an orthogonal standardised design every β_j is its threshold of
    // z_j = x_jᵀ(y − ȳ)/n, by hand. regviz --loss mse (1/n)‖·‖² on (X/√2, y/√2) is the same objective.
    // X: x1 = (1, 1, −1, −1), x2 = (1, −1, 1, −1), x3 = (1, −1, −1, 1); y = 5 + z1·x1 + z2·x2 + z3·x3.
    [InlineData("mcp", 3, 2, 0.8, 0.3, 2, 0.45, 0)] // MCP λ = 0.5: z > γλ = 1.5 kept; (0.8 − 0.5)/(1 − 1/3); 0.3 ≤ λ → 0
    [InlineData("mcp", 3, 2, 1.4, 0.3, 2, 1.35, 0)] // (1.4 − 0.5)/(2/3)
    [InlineData("scad", 3.7, 2, 0.8, 0.3, 2, 0.3, 0)] // SCAD λ = 0.5: z > γλ = 1.85 kept; soft 0.8 − 0.5; 0
    [InlineData("scad", 3.7, 2, 1.4, 0.3, 2, 1.1352941176470588, 0)] // ((γ − 1)·1.4 − γλ)/(γ − 2) = 1.93/1.7
    public void Matches_ncvreg_on_a_hand_computed_orthogonal_design(string name, double gamma, double z1, double z2, double z3,
        double b1, double b2, double b3)
    {
        double[] x1 = [1, 1, -1, -1], x2 = [1, -1, 1, -1], x3 = [1, -1, -1, 1];
        var y = Enumerable.Range(0, 4).Select(i => 5 + z1 * x1[i] + z2 * x2[i] + z3 * x3[i]).ToArray();
        double root = Math.Sqrt(2);
        double[] Scaled(double[] v) => v.Select(a => a / root).ToArray();
        foreach (var columns in new[] { new[] { x1, x2, x3 }, new[] { x1, x2 } }) // three parameters (coordinate descent) and the plane (global search)
        {
            var data = new Dataset(columns.Select((_, j) => $"x{j + 1}").ToArray(), columns.Select(Scaled).ToArray(), Scaled(y), "y");
            var s = Regularised.Solve(QuadraticLoss.FromDataset(data, LossKind.Mse, intercept: true), Make(name, gamma), Form.Penalised(0.5));
            double[] expected = columns.Length == 3 ? [b1, b2, b3] : [b1, b2];
            for (int j = 0; j < expected.Length; j++) Assert.Equal(expected[j], s.Weights[j], 1e-12);
            if (columns.Length == 3) Assert.Equal(0.0, s.Weights[2]);
            Assert.Equal(5 / root, s.Intercept, 1e-12); // ncvreg's intercept is ȳ = 5, on the y/√2 scale
        }
    }
}
