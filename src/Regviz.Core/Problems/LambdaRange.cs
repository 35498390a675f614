using Regviz.Core.Penalties;

namespace Regviz.Core.Problems;

/// <summary>
/// The one home of λ_max, the top of every λ range (the path figure's grid, the path on the contour plane, a sweep's
/// frames): from g = ∇D(0), the data's pull on w at the origin, the lasso's λ_max is ‖g‖∞ and the penalty's own is
/// <see cref="Penalty.LambdaMax"/>, the smallest λ at which w = 0 is optimal. A penalty that never reaches w = 0
/// exactly (l2, lp with p ≠ 1) has none, and ranges are set against the lasso's (<see cref="Top"/>).
/// Where each range ends below λ_max is the range's own choice and stays with it, since each serves a different
/// picture: glmnet's 1e-4·λ_max (or least squares to the eye) for the path figure, λ = 0 for the path on the plane,
/// λ_max/100 (or 95% of the fit's size) for a sweep's frames.
/// </summary>
/// <param name="LassoMax">‖∇D(0)‖∞: the lasso's λ_max, and the scale of λ for penalties that have none.</param>
/// <param name="PenaltyMax">The penalty's λ_max, or null when no finite λ gives w = 0 exactly.</param>
internal readonly record struct LambdaRange(double LassoMax, double? PenaltyMax)
{
    /// <summary>λ_max of <paramref name="penalty"/> on <paramref name="loss"/>, and the lasso's.</summary>
    public static LambdaRange Of(ISmoothLoss loss, Penalty penalty)
    {
        var g = GradientAtZero(loss);
        return new LambdaRange(g.Max(Math.Abs), penalty.LambdaMax(g));
    }

    /// <summary>∇D(0): the data's pull on w at the origin.</summary>
    public static double[] GradientAtZero(ISmoothLoss loss)
    {
        var g = new double[loss.Dimension];
        loss.Gradient(new double[loss.Dimension], g);
        return g;
    }

    /// <summary>
    /// The top of a range: the penalty's λ_max, or for a penalty without one glmnet's ridge convention, the lasso's
    /// λ_max divided by 0.001 (by then every coefficient is shrunk to a thousandth of its pull or less).
    /// </summary>
    public double Top => PenaltyMax ?? LassoMax / 0.001;
}
