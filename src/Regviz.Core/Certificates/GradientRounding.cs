using Regviz.Core.Problems;

namespace Regviz.Core.Certificates;

/// <summary>
/// What rounding in ∇D(w) can hide for least squares: g_j = −2s·(Sᵀu)_j with u = z − Sw, so each g_j carries up to
/// 2s·(p+k+2)ε·Σ_i|S_ij|(|z_i| + Σ_l|S_il·w_l|), column by column, so that columns of very different scales are each
/// held to their own. A residual below this is zero to the data's digits. Where the certificate's gradient is the data's
/// in double-double (<see cref="QuadraticLoss.DataGradientRounding"/>) the bound is that computation's instead.
/// </summary>
internal static class GradientRounding
{
    /// <summary>The bound for each coordinate of the gradient, or null where D is not least squares (or too wide to check).</summary>
    public static double[]? PerColumn(ISmoothLoss loss, ReadOnlySpan<double> w)
    {
        if (loss is not QuadraticLoss q || q.Dimension > Curvature.MaxDimension) return null;
        // the certificates take ∇D from the data where they can (OptimalityCheck.DataGradient): its own rounding then
        if (q.DataGradientRounding(w) is { } data) return data;
        var root = q.Root;
        var size = new double[root.Rows];
        for (int i = 0; i < root.Rows; i++)
        {
            size[i] = Math.Abs(root.Z[i]);
            for (int l = 0; l < root.Columns; l++) size[i] += Math.Abs(root[i, l] * w[l]);
        }
        double eps = Math.Pow(2, -53) * (root.Rows + root.Columns + 2);
        var bound = new double[root.Columns];
        for (int j = 0; j < root.Columns; j++)
        {
            double e = 0;
            for (int i = 0; i < root.Rows; i++) e += Math.Abs(root[i, j]) * size[i];
            bound[j] = 2 * q.Scale * eps * e;
        }
        return bound;
    }
}
