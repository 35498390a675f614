namespace Regviz.Core.Problems;

/// <summary>
/// A quadratic loss in the plane, D(w) = (w − m)ᵀA(w − m), A symmetric positive definite: the ellipses of the
/// sparsity experiment. Everything the closed-form solvers need, without allocation.
/// </summary>
public readonly record struct PlaneQuadratic(double A11, double A12, double A22, double M1, double M2)
{
    /// <summary>D at (x, y).</summary>
    public double Value(double x, double y)
    {
        double dx = x - M1, dy = y - M2;
        return A11 * dx * dx + 2 * A12 * dx * dy + A22 * dy * dy;
    }

    /// <summary>(Am)₁: the first entry of the "c" of wᵀAw − 2cᵀw.</summary>
    public double C1 => A11 * M1 + A12 * M2;
    /// <summary>(Am)₂.</summary>
    public double C2 => A12 * M1 + A22 * M2;

    /// <summary>The same loss as the core's <see cref="QuadraticLoss"/> (G = A, c = Am, yy = mᵀAm), for cross-checks.</summary>
    public QuadraticLoss ToLoss() =>
        new([A11, A12, A12, A22], [C1, C2], M1 * C1 + M2 * C2, 1, 1, ["w1", "w2"]);

    /// <summary>
    /// Draws one loss of the experiment from <paramref name="rng"/>: axes ratio κ = 10^U(0, 2) (so condition
    /// numbers from 1 to 100, log-uniform), orientation θ ~ U(0, π), centre at angle φ ~ U(0, 2π) and distance
    /// ρ ~ U(1.5, 4)·t from the origin — outside every ball of radius t drawn here (the L∞ ball reaches √2·t).
    /// </summary>
    public static PlaneQuadratic Random(SplitMix64 rng, double radius)
    {
        double kappa = Math.Pow(10, 2 * rng.NextDouble());
        double theta = Math.PI * rng.NextDouble();
        double phi = 2 * Math.PI * rng.NextDouble();
        double rho = radius * (1.5 + 2.5 * rng.NextDouble());
        var (s, c) = Math.SinCos(theta);
        // A = R diag(1, κ) Rᵀ
        double a11 = c * c + kappa * s * s, a22 = s * s + kappa * c * c, a12 = (1 - kappa) * s * c;
        return new PlaneQuadratic(a11, a12, a22, rho * Math.Cos(phi), rho * Math.Sin(phi));
    }
}
