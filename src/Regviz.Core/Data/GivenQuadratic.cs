namespace Regviz.Core.Data;

/// <summary>
/// A loss given directly, D(w) = (w − c)ᵀA(w − c) with A = [[a, b], [b, d]] positive definite, as the textbooks and
/// Parr's loss clouds draw it, with no data behind it. It is posed as the sum of squares of two rows: with A = RᵀR
/// (Cholesky, R upper triangular), rows x₁ = (r₁₁, r₁₂), x₂ = (0, r₂₂) and targets y = R·c give
/// Σ(x_i·w − y_i)² = ‖R(w − c)‖² = (w − c)ᵀA(w − c), so every exact solver, path and certificate applies unchanged.
/// </summary>
public static class GivenQuadratic
{

    /// <summary>The two-row data set whose sum of squares (loss sse, no intercept) is (w − centre)ᵀA(w − centre).</summary>
    public static Dataset AsData(double cx, double cy, double a, double b, double d)
    {
        if (!new[] { cx, cy, a, b, d }.All(double.IsFinite))
            throw new ProblemArgumentException("hessian", "every number must be finite");
        if (!(a > 0 && a * d - b * b > 0))
            throw new ProblemArgumentException("hessian", $"A = [[{a}, {b}], [{b}, {d}]] is not positive definite (a > 0 and a·d > b² are needed)");
        // r₂₂² = det(A)/a; det = ad − b² with b² split exactly (Kahan's 2×2 determinant), where d − b²/a cancelled
        // every digit as b → √(ad)
        double bb = b * b, det = Math.FusedMultiplyAdd(a, d, -bb) - Math.FusedMultiplyAdd(b, b, -bb);
        double r11 = Math.Sqrt(a), r12 = b / r11, r22 = Math.Sqrt(det / a);
        // with no data there are no feature columns to name: each column stands for its own weight, and figures label
        // their axes w₁ and w₂ alone
        // the rows are A and c rounded; the loss made from them takes its value and gradient from A and c exactly
        return new Dataset(["w1", "w2"], [[r11, 0], [r12, r22]], [r11 * cx + r12 * cy, r22 * cy], "y") { Given = new Problems.GivenLoss(a, b, d, cx, cy) };
    }
}
