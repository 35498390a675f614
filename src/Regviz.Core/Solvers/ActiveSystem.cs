using MathNet.Numerics.LinearAlgebra;
using Regviz.Core.Problems;

namespace Regviz.Core.Solvers;

/// <summary>
/// The sign-fixed subproblem of lasso and elastic net on an active set A with signs s:
/// minimise ‖z − S_A·x‖² + b‖x‖² + 2a·sᵀx, solved through the SVD of M = [S_A; √b·I] rather than the normal
/// equations, so its conditioning is that of the data, not its square. Where M is rank-deficient (more active
/// features than rows, duplicated columns) and s has a part in its null space N, the subproblem has no minimum:
/// the objective falls linearly along −P_N·s, which is returned instead, for the caller to follow until a
/// coefficient reaches zero.
/// </summary>
internal static class ActiveSystem
{
    /// <summary>(S_AᵀS_A)⁻¹s: how the sign-fixed solution moves as a falls (the lasso path's direction).</summary>
    public static double[]? Direction(QuadraticLoss q, IReadOnlyList<int> set, double[] signs) =>
        Solve(q, set, 0, -1, signs, Vector<double>.Build.Dense(q.Root.Rows)).Solution;

    /// <summary>argmin_x ‖t − S_A·x‖ (the minimum-norm one where S_A is rank-deficient).</summary>
    public static double[] LeastSquares(QuadraticLoss q, IReadOnlyList<int> set, Vector<double> target) =>
        Solve(q, set, 0, 0, new double[set.Count], target).Solution!;

    /// <summary>M = [S_A; √b·I], padded with zero rows to at least |A| rows so that its SVD is thin.</summary>
    public static Matrix<double> Columns(QuadraticLoss q, IReadOnlyList<int> set, double b)
    {
        var root = q.Root;
        int m = set.Count, p = root.Rows, extra = b > 0 ? m : 0;
        var matrix = Matrix<double>.Build.Dense(Math.Max(p + extra, m), m);
        for (int i = 0; i < p; i++)
            for (int c = 0; c < m; c++) matrix[i, c] = root[i, set[c]];
        for (int c = 0; c < extra; c++) matrix[p + c, c] = Math.Sqrt(b);
        return matrix;
    }

    /// <param name="data">The least-squares target in place of z (its length is S's row count); null: z.</param>
    public static (double[]? Solution, double[]? Descent) Solve(QuadraticLoss q, IReadOnlyList<int> set, double b, double a, double[] signs, Vector<double>? data = null)
    {
        int m = set.Count;
        var matrix = Columns(q, set, b);
        var target = Vector<double>.Build.Dense(matrix.RowCount);
        var t = data ?? Vector<double>.Build.Dense(q.Root.Z);
        for (int i = 0; i < t.Count; i++) target[i] = t[i];
        var s = Vector<double>.Build.Dense(signs);

        var svd = matrix.Svd(computeVectors: true);
        var sigma = svd.S;
        double floor = sigma.Maximum() * Math.Max(matrix.RowCount, m) * 1e-15;
        var x = Vector<double>.Build.Dense(m);
        var descent = Vector<double>.Build.Dense(m);
        for (int r = 0; r < m; r++)
        {
            var v = svd.VT.Row(r);
            double vs = v * s;
            if (r < sigma.Count && sigma[r] > floor)
            {
                // x = VΣ⁻¹Uᵀt − a·VΣ⁻²Vᵀs on the range of M
                double ut = svd.U.Column(r) * target;
                x += v * (ut / sigma[r] - a * vs / (sigma[r] * sigma[r]));
            }
            else descent -= v * vs;
        }
        if (a != 0 && descent.L2Norm() > 1e-9 * s.L2Norm()) return (null, descent.ToArray());

        // Σ⁻² amplifies rounding along the weakest directions: two rounds of refinement against the
        // subproblem's gradient, recomputed from the residual t − Mx, win the digits back
        for (int round = 0; round < 2; round++)
        {
            var g = matrix.TransposeThisAndMultiply(target - matrix * x) - a * s;
            var step = Vector<double>.Build.Dense(m);
            for (int r = 0; r < Math.Min(m, sigma.Count); r++)
            {
                if (!(sigma[r] > floor)) continue;
                var v = svd.VT.Row(r);
                step += v * ((v * g) / (sigma[r] * sigma[r]));
            }
            x += step;
        }
        return (x.ToArray(), null);
    }
}
