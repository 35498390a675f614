using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// The l2 ball's multiplier from the secular equation. With the SVD S = UΣVᵀ of the data's square root and
/// a = Σ·Uᵀz, the ridge optimum is w(μ) = V·(a_i/(σ_i² + μ)) and ‖w(μ)‖² = Σ a_i²/(σ_i² + μ)². So ‖w(μ)‖ = t is one
/// scalar equation, solved by safeguarded Newton on 1/‖w(μ)‖ − 1/t (nearly linear in μ: Moré and Sorensen's choice),
/// and w comes from the same formula as its norm, so N(w) = t holds to rounding however steep ‖w(μ)‖ is, on
/// near-duplicate columns as on clean ones.
/// </summary>
internal static class RidgeBall
{
    /// <summary>
    /// Candidates (μ, w) with ‖w‖ = t, for t below the norm of the least-squares fit: w from the secular formula
    /// itself (N(w) = t to rounding, accurate normwise), then that w refined coordinate by coordinate (Newton on the
    /// refined ridge solve). Which one the data certify depends on the design; the caller checks.
    /// </summary>
    public static IEnumerable<(double Mu, double[] W)> Solve(QuadraticLoss q, double t)
    {
        var root = q.Root;
        int k = q.Dimension;
        var s = ActiveSystem.Columns(q, Enumerable.Range(0, k).ToArray(), 0);
        var z = Vector<double>.Build.Dense(s.RowCount);
        for (int i = 0; i < root.Rows; i++) z[i] = root.Z[i];
        var svd = s.Svd(computeVectors: true);
        int r = svd.S.Count;
        var sigma2 = new double[r];
        var a = new double[r];
        for (int i = 0; i < r; i++)
        {
            sigma2[i] = svd.S[i] * svd.S[i];
            a[i] = svd.S[i] * (svd.U.Column(i) * z);
        }
        double Norm(double mu)
        {
            double sum = 0;
            for (int i = 0; i < r; i++) { double v = a[i] / (sigma2[i] + mu); sum += v * v; }
            return Math.Sqrt(sum);
        }
        // ‖w(μ)‖ ≤ ‖a‖/μ, so μ = ‖a‖/t is inside the ball
        double lo = 0, hi = Math.Sqrt(a.Sum(v => v * v)) / t, mu = hi / 2;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double n = Norm(mu);
            if (n > t) lo = mu; else hi = mu;
            if (Math.Abs(n - t) <= 1e-16 * t || hi - lo <= 1e-16 * hi) break;
            // d(1/‖w‖)/dμ = Σ a²/(σ² + μ)³ / ‖w‖³
            double d3 = 0;
            for (int i = 0; i < r; i++) { double v = sigma2[i] + mu; d3 += a[i] * a[i] / (v * v * v); }
            double next = mu - (1 / n - 1 / t) / (d3 / (n * n * n));
            mu = next > lo && next < hi ? next : lo > 0 ? Math.Sqrt(lo * hi) : hi / 2;
        }
        var secular = Vector<double>.Build.Dense(k);
        for (int i = 0; i < r; i++) secular += svd.VT.Row(i) * (a[i] / (sigma2[i] + mu));
        yield return (mu, secular.ToArray());

        // the SVD is accurate normwise, not per coordinate (columns scaled by 1e±6): finish with Newton steps on
        // the refined ridge solve itself, using the secular equation only for the slope dN/dμ = −Σa²/(σ² + μ)³ / N
        var w = RidgeSolver.Solve(q, mu);
        for (int step = 0; step < 4; step++)
        {
            double n = Math.Sqrt(w.Sum(v => v * v));
            if (Math.Abs(n - t) <= 1e-15 * t) break;
            double d3 = 0;
            for (int i = 0; i < r; i++) { double v = sigma2[i] + mu; d3 += a[i] * a[i] / (v * v * v); }
            double next = mu + (n - t) / (d3 / n);
            if (!(next > 0) || next == mu) break;
            mu = next;
            w = RidgeSolver.Solve(q, mu);
        }
        yield return (mu, w);
    }
}
