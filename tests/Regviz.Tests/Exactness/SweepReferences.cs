using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Data;
using Regviz.Tests.Support;

namespace Regviz.Tests.Exactness;

/// <summary>
/// References for the certificate sweep, each of which proves itself without regviz's word: a solver's answer is
/// used at most as a guess of the optimum's signs, which the reference then checks exactly (least squares) or bounds
/// by its own strong convexity (logistic).
/// </summary>
internal static class SweepReferences
{
    /// <summary>A proven optimum: its weights, how far they may be from the truth, and J there (least squares: exact).</summary>
    public sealed record Truth(double[] Weights, double Error, Func<double[], double> Objective);

    /// <summary>
    /// Least squares (mean or sum of squares) with λ(α‖w‖₁ + (1 − α)‖w‖²): the exact optimum in fractions with the
    /// signs of <paramref name="guess"/> (tiny weights also tried at zero), centred exactly for an intercept. Null where
    /// those signs are not the optimum's, or the sign-fixed system is singular (a flat direction: no unique optimum).
    /// </summary>
    public static Truth? LeastSquares(Dataset data, bool intercept, bool sum, double alpha, double lambda, double[] guess)
    {
        var (x, y) = NearDuplicateColumnsTests.ExactlyCentred(data, intercept);
        double top = guess.Max(Math.Abs);
        foreach (var tried in new[] { guess, guess.Select(v => Math.Abs(v) <= 1e-9 * top ? 0 : v).ToArray() })
        {
            double[]? w;
            try { w = FlatProblemsTests.ExactElasticNet(x, y, alpha, lambda, alpha == 0 ? tried.Select(v => v == 0 ? 1 : v).ToArray() : tried, sum); }
            catch (InvalidOperationException) { return null; } // singular: the optimum is not unique
            if (w is null && alpha == 0) // ridge: every weight free, so only the signs' check can fail; take the solve's own
                w = FlatProblemsTests.ExactElasticNet(x, y, 0, lambda, SignsOfRidge(x, y, lambda, sum), sum);
            // the fractions rounded to double (numerator and denominator each, then their quotient): 1.5 ulp at most
            if (w is not null) return new Truth(w, Math.Sqrt(w.Sum(v => Math.Pow(3.4e-16 * v, 2))), v => ExactObjective(x, y, sum, alpha, lambda, v));
        }
        return null;
    }

    private static double[] SignsOfRidge(Rational[][] x, Rational[] y, double lambda, bool sum)
    {
        // (XᵀX·f + λI)w = Xᵀy·f solved once to read its signs (f = 1/n, or 1 for sse)
        int k = x.Length, n = y.Length;
        var f = sum ? Rational.From(1) : Rational.From(1) / Rational.From(n);
        var m = new Rational[k, k];
        var rhs = new Rational[k];
        for (int p = 0; p < k; p++)
        {
            for (int q = 0; q < k; q++) { var s = Rational.Zero; for (int i = 0; i < n; i++) s += x[p][i] * x[q][i]; m[p, q] = s * f + (p == q ? Rational.From(lambda) : Rational.Zero); }
            var r = Rational.Zero; for (int i = 0; i < n; i++) r += x[p][i] * y[i]; rhs[p] = r * f;
        }
        return Rational.Solve(m, rhs).Select(v => v.Sign == 0 ? 1.0 : v.Sign).ToArray();
    }

    /// <summary>J(w) in fractions, rounded once at the end.</summary>
    public static double ExactObjective(Rational[][] x, Rational[] y, bool sum, double alpha, double lambda, double[] w)
    {
        int n = y.Length;
        var rw = w.Select(Rational.From).ToArray();
        var data = Rational.Zero;
        for (int i = 0; i < n; i++)
        {
            var r = y[i];
            for (int j = 0; j < w.Length; j++) r -= x[j][i] * rw[j];
            data += r * r;
        }
        if (!sum) data /= Rational.From(n);
        var (l1, l2) = (Rational.Zero, Rational.Zero);
        foreach (var v in rw) { l1 += v.Abs(); l2 += v * v; }
        return (data + Rational.From(lambda) * (Rational.From(alpha) * l1 + (Rational.From(1) - Rational.From(alpha)) * l2)).ToDouble();
    }

    /// <summary>
    /// The mean logistic loss (no intercept) with λ(α‖w‖₁ + (1 − α)‖w‖²), α &lt; 1: Newton with backtracking from 0 on the
    /// support and signs of <paramref name="guess"/> (every weight for α = 0), with cancellation-free terms. Its error is
    /// bounded by 2‖ξ‖/m, ξ its own least subgradient (plus the gradient's rounding) and m the curvature J keeps within
    /// 1/max‖x_i‖ of it (σ'(z + d) ≥ e^(−|d|)σ'(z)), where that ball holds the bound; null where it does not, or where a
    /// zero's condition fails.
    /// </summary>
    public static Truth? Logistic(Dataset data, double alpha, double lambda, double[] guess)
    {
        int n = data.Rows, k = data.Features;
        var active = Enumerable.Range(0, k).Where(j => alpha == 0 || guess[j] != 0).ToArray();
        var sign = active.Select(j => alpha == 0 ? 0.0 : Math.Sign(guess[j])).ToArray();
        double ridge = 2 * lambda * (1 - alpha);
        double J(double[] w) => Loss(data, w) + lambda * (alpha * w.Sum(Math.Abs) + (1 - alpha) * w.Sum(v => v * v));
        var w = new double[k];
        for (int iteration = 0; iteration < 200; iteration++)
        {
            var (g, h) = GradientAndHessian(data, w, active);
            for (int a = 0; a < active.Length; a++) { g[a] += ridge * w[active[a]] + lambda * alpha * sign[a]; h[a, a] += ridge; }
            var step = Matrix<double>.Build.DenseOfArray(h).Solve(Vector<double>.Build.Dense(g));
            double t = 1, before = J(w);
            double[] next;
            do
            {
                next = (double[])w.Clone();
                for (int a = 0; a < active.Length; a++) next[active[a]] -= t * step[a];
                t /= 2;
            }
            while (J(next) > before && t > 1e-20);
            bool done = Enumerable.Range(0, active.Length).All(a => Math.Abs(next[active[a]] - w[active[a]]) <= 1e-17 * Math.Max(1, Math.Abs(w[active[a]])));
            w = next;
            if (done) break;
        }
        for (int a = 0; a < active.Length; a++)
            if (alpha > 0 && Math.Sign(w[active[a]]) != sign[a]) return null;
        // least subgradient over every coordinate, with the rounding of each gradient entry added
        var (full, hd) = GradientAndHessian(data, w, Enumerable.Range(0, k).ToArray());
        double xi = 0, maxRow = 0;
        for (int i = 0; i < n; i++) maxRow = Math.Max(maxRow, Math.Sqrt(data.Columns.Sum(c => c[i] * c[i])));
        for (int j = 0; j < k; j++)
        {
            double rounding = 4 * (n + k) * Math.Pow(2, -53) * data.Columns[j].Sum(Math.Abs) / n;
            double gj = full[j] + ridge * w[j], r;
            if (w[j] != 0) r = Math.Abs(gj + lambda * alpha * Math.Sign(w[j]));
            else r = Math.Max(0, Math.Abs(gj) - lambda * alpha);
            if (w[j] == 0 && alpha > 0 && Math.Abs(gj) > lambda * alpha * (1 + 1e-9)) return null;
            xi += Math.Pow(r + rounding, 2);
        }
        xi = Math.Sqrt(xi);
        double floor = Matrix<double>.Build.DenseOfArray(hd).Evd().EigenValues.Min(e => e.Real);
        double m = Math.Exp(-1) * Math.Max(0, floor) + ridge;
        double error = 2 * xi / m;
        if (!(m > 0) || error > 1 / maxRow) return null;
        return new Truth(w, error, v => J(v));
    }

    /// <summary>(1/n)Σ softplus(z) − y·z, each term written so that nothing cancels.</summary>
    public static double Loss(Dataset data, double[] w)
    {
        double sum = 0;
        for (int i = 0; i < data.Rows; i++)
        {
            double z = 0;
            for (int j = 0; j < w.Length; j++) z += data.Columns[j][i] * w[j];
            double m = data.Target[i] == 1 ? z : -z; // the margin: the term is softplus(−m)
            sum += m > 0 ? Math.Log(1 + Math.Exp(-m)) : -m + Math.Log(1 + Math.Exp(m));
        }
        return sum / data.Rows;
    }

    private static (double[] G, double[,] H) GradientAndHessian(Dataset data, double[] w, int[] active)
    {
        int n = data.Rows;
        var g = new double[active.Length];
        var h = new double[active.Length, active.Length];
        for (int i = 0; i < n; i++)
        {
            double z = 0;
            for (int j = 0; j < w.Length; j++) z += data.Columns[j][i] * w[j];
            // σ(z) − y without cancellation: −σ(−z) for y = 1
            double residual = data.Target[i] == 1 ? -1 / (1 + Math.Exp(z)) : 1 / (1 + Math.Exp(-z));
            double s = 1 / (1 + Math.Exp(-z)), curvature = s * (1 / (1 + Math.Exp(z)));
            for (int a = 0; a < active.Length; a++)
            {
                double xa = data.Columns[active[a]][i];
                g[a] += xa * residual / n;
                for (int b = 0; b < active.Length; b++) h[a, b] += xa * data.Columns[active[b]][i] * curvature / n;
            }
        }
        return (g, h);
    }
}
